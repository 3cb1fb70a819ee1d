"use client";

import { useState } from "react";
import type { Metadata } from "next";
import { Coffee } from "lucide-react";

export const metadata: Metadata = {
  title: "Lumen Coffee | Lisbon",
  description: "Small-batch roasts, slow mornings.",
};

export default function Home() {
  const [count, setCount] = useState(0);
  return (
    <main className="mx-auto max-w-4xl p-8">
      <h1 className="flex items-center gap-2 text-4xl font-bold"><Coffee /> Lumen Coffee</h1>
      <button onClick={() => setCount(count + 1)} className="mt-6 rounded bg-amber-700 px-4 py-2 text-white">
        Cups poured today: {count}
      </button>
    </main>
  );
}
