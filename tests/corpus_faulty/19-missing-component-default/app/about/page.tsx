import TeamGrid from "@/components/TeamGrid";
import Link from "next/link";

export default function About() {
  return (
    <main className="p-8">
      <h1>Meet the florists</h1>
      <TeamGrid className="mt-6" heading="Our team">
        <p>Five people, one cold room, a lot of tulips.</p>
      </TeamGrid>
      <Link href="/">Home</Link>
    </main>
  );
}
