import type { Metadata } from "next";

export const metadata: Metadata = { title: "Contact" };

export default function ContactPage() {
  return (
    <main className="p-8">
      <h1 className="text-3xl">Book a table</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          alert("Thanks! We will call you back.");
        }}
        className="mt-4 flex gap-2"
      >
        <input name="phone" placeholder="Your phone" className="border p-2" />
        <button type="submit">Call me</button>
      </form>
    </main>
  );
}
