import { Features } from "@/components/Features";
export default function Home() { return <main><Features /></main>; }
