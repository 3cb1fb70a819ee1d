"use client";
import { useState } from "react";

export function Cart() {
  const [items, setItems] = useState<string[]>(() => JSON.parse(localStorage.getItem("cart") ?? "[]"));
  const [name] = useState(() => sessionStorage.getItem("name") || "guest");
  return (
    <div>
      <p>Hello {name}, your basket holds {items.length} loaves</p>
      <button onClick={() => setItems([])}>Empty the basket</button>
    </div>
  );
}
