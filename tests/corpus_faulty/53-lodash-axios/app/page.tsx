import _ from "lodash";
import "aos/dist/aos.css";
import { Sparkles } from "lucide-react";

const perks = ["Free parking", "Dog friendly", "Vegan options"];

export default function Home() {
  return (
    <main className="p-8">
      <h1><Sparkles /> Fjord Cafe</h1>
      <ul>{perks.map((p) => <li key={p}>{p}</li>)}</ul>
    </main>
  );
}
