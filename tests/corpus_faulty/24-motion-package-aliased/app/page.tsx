"use client";
import { motion as m } from "motion/react";

export default function Home() {
  return (
    <m.section whileInView={{ opacity: 1 }} viewport={{ once: true }} className="p-10">
      <h1>Tidewater surf school</h1>
    </m.section>
  );
}
