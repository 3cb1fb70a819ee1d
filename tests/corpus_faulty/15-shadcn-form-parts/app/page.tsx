import { ContactForm } from "@/components/ContactForm";
export default function Home() { return <main><h1>Write to the studio</h1><ContactForm /></main>; }
