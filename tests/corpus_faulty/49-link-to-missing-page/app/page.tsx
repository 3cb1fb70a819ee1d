import { Nav } from "@/components/Nav";
export default function Home() {
  return <main><Nav /><h1>Pine and Co. carpentry</h1><section id="pricing">From 45 GBP an hour</section></main>;
}
