import { Cart } from "@/components/Cart";

export default function Home() {
  return <main><h1>Sourdough club</h1><Cart /></main>;
}
