import { Gallery } from "@/components/Gallery";
export default function Home() { return <main><h1>Verde kitchen</h1><Gallery /></main>; }
