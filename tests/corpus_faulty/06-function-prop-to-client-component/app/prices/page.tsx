import { PriceList } from "@/components/PriceList";

const items = [{ name: "Haircut", price: 32 }, { name: "Beard trim", price: 18 }];

export default function Prices() {
  return (
    <main className="p-8">
      <h1>Prices</h1>
      <PriceList items={items} format={(n) => `${n.toFixed(2)} EUR`} />
    </main>
  );
}
