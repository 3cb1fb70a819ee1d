import { Wave } from "@/components/Wave";
export default function Home() { return <main><h1>Surf report</h1><Wave /></main>; }
