export default function Home() {
  return (
    <main className="p-8">
      <h1>Studio Nord Yoga</h1>
      <button onClick={() => window.scrollTo({ top: 0, behavior: "smooth" })}>Back to top</button>
    </main>
  );
}
