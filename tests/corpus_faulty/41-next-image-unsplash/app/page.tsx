import Image from "next/image";

export default function Home() {
  return (
    <main>
      <h1>Lake cabin rentals</h1>
      <Image
        src="https://images.unsplash.com/photo-1449158743715-0a90ebb6d2d8?w=1600&q=80"
        alt="A wooden cabin by the lake"
        width={1600}
        height={900}
        className="rounded-xl"
        priority
      />
    </main>
  );
}
