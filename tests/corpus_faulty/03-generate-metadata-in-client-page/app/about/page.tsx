"use client"
import { useEffect, useState } from "react";
import { siteName } from "../../lib/site";

export async function generateMetadata() {
  return { title: `About | ${siteName}` };
}

export default function AboutPage() {
  const [year, setYear] = useState(2020);
  useEffect(() => setYear(new Date().getFullYear()), []);
  return (
    <section className="p-10">
      <h1>About {siteName}</h1>
      <p>Baking in Ghent since 1998, still going in {year}.</p>
    </section>
  );
}
