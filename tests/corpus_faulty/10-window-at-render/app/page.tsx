import { Width } from "@/components/Width";
export default function Home() { return <main><h1>Dentist Dr. Aalto</h1><Width /></main>; }
