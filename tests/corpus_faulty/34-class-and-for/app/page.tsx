import { Newsletter } from "@/components/Newsletter";
export default function Home() { return <main><Newsletter /></main>; }
