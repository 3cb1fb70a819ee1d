import { FadeIn } from "@/components/FadeIn";
export default function Home() { return <main><FadeIn><h1>Orchard cider</h1></FadeIn></main>; }
