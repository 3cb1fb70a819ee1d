"use client";
import { useEffect } from "react";

const root = document.documentElement;

export function Reveal({ children }: { children: React.ReactNode }) {
  useEffect(() => {
    root.classList.add("js");
    document.title = "Welcome";
  }, []);
  return <div className="reveal">{children}</div>;
}
