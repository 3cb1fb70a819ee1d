"use client";
import { useState } from "react";

export function ThemeToggle() {
  const saved = localStorage.getItem("theme");
  const [dark, setDark] = useState(saved === "dark");
  return (
    <button onClick={() => { setDark(!dark); localStorage.setItem("theme", dark ? "light" : "dark"); }}>
      {dark ? "Light mode" : "Dark mode"}
    </button>
  );
}
