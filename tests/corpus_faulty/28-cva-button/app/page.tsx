import { CtaButton } from "@/components/CtaButton";
export default function Home() {
  return <main><h1 id="book">Green Valley Vets</h1><CtaButton label="Book a visit" size="lg" /></main>;
}
