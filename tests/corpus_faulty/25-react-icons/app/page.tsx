import { Social } from "@/components/Social";
export default function Home() { return <main><h1>Follow the bakery</h1><Social /></main>; }
