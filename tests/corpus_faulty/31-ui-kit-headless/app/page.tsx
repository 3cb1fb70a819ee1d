import { Faq } from "@/components/Faq";
export default function Home() { return <main><Faq /></main>; }
