import Link from "next/link";
export default function Home() {
  return (
    <main>
      <h1>Riverside Physio</h1>
      <Link href="/book-now" className="btn">Book now</Link>
      <a href="/contact-us#form">Contact us</a>
      <Link href="/services/">Services</Link>
    </main>
  );
}
