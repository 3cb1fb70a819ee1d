import { Address } from "@/components/Address";
export default function Home() { return <main><Address /></main>; }
