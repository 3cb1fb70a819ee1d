"use client";

import { useSearchParams } from "next/navigation";

const DISHES = ["Pasta al limone", "Risotto", "Tiramisu"];

export default function MenuPage() {
  const params = useSearchParams();
  const q = params.get("q") ?? "";
  return (
    <main className="p-8">
      <h1>Our menu</h1>
      <ul>{DISHES.filter((d) => d.toLowerCase().includes(q)).map((d) => <li key={d}>{d}</li>)}</ul>
    </main>
  );
}
