"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Classes | Flow Studio" };

export default function ClassesPage() {
  const [level, setLevel] = useState("beginner");
  return (
    <main class="p-8">
      <h1>Classes for every level</h1>
      <Button onClick={() => setLevel("advanced")} variant="secondary">Show {level === "beginner" ? "advanced" : "beginner"}</Button>
    </main>
  );
}
