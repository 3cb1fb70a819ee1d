import Share from "@/components/Share";
export default function Home() { return <main><h1>Alpine guesthouse</h1><Share /></main>; }
