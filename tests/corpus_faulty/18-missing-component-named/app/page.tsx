import { Hero } from "@/components/Hero";
import { Testimonials } from "@/components/sections/Testimonials";

export default function Home() {
  return (
    <main>
      <Hero title="Fix-it Fred" subtitle="Plumbing in Leeds since 2004" />
      <Testimonials />
      <p>Call 0113 496 0000</p>
    </main>
  );
}
