"use client";

export function Width() {
  const wide = window.innerWidth > 768;
  return <p className="text-sm">{wide ? "Desktop layout" : "Mobile layout"}</p>;
}
