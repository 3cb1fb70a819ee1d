export default function Home() {
  return (
    <section className="bg-[url('https://images.unsplash.com/photo-1519681393784-d120267933ba')] bg-cover p-24">
      <h1 className="text-white">Summit guides</h1>
      <div style={{ backgroundImage: "url(https://example.com/texture.png)" }} className="h-8" />
    </section>
  );
}
