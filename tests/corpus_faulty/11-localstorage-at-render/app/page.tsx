import { ThemeToggle } from "@/components/ThemeToggle";
export default function Home() { return <main><h1>Night owl bar</h1><ThemeToggle /></main>; }
