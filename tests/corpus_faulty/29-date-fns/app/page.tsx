import { Footer } from "@/components/Footer";
export default function Home() { return <main><h1>Harbour Dental</h1><Footer /></main>; }
