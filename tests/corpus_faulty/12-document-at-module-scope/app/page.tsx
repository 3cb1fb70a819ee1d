import { Reveal } from "@/components/Reveal";
export default function Home() { return <main><Reveal><h1>Harbour Kayaks</h1></Reveal></main>; }
