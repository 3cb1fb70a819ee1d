import { Filter } from "@/components/Filter";
export default function Home() {
  return <main><h1>Plant shop</h1><Filter tags={["succulents", "ferns"]} /></main>;
}
