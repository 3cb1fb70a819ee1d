import SearchBox from "@/components/SearchBox";
export default function Home() {
  return <main><h1>Recipes</h1><SearchBox /></main>;
}
