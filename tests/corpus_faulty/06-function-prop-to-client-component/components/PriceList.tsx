"use client";
import { useState } from "react";

type Item = { name: string; price: number };

export function PriceList({ items, format }: { items: Item[]; format: (n: number) => string }) {
  const [sel, setSel] = useState<string | null>(null);
  return (
    <ul>
      {items.map((i) => (
        <li key={i.name} onClick={() => setSel(i.name)} className={sel === i.name ? "font-bold" : ""}>
          {i.name}: {format(i.price)}
        </li>
      ))}
    </ul>
  );
}
