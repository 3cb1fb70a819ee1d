import { CoffeeCupHot, Instagram, MapPin } from "lucide-react";

export default function Home() {
  return (
    <main>
      <h1><CoffeeCupHot /> Kaffebar Nord</h1>
      <p><MapPin /> Storgata 4, Oslo</p>
      <Instagram />
    </main>
  );
}
