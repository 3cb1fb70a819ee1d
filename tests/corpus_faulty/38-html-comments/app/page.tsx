export default function Home() {
  return (
    <main className="p-8">
      <!-- Hero section -->
      <h1>Corner Books</h1>
      <!-- Opening hours -->
      <p>Open Tuesday to Sunday</p>
    </main>
  );
}
