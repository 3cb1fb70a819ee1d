"use client";
import { Disclosure } from "@headlessui/react";

export function Faq() {
  return (
    <Disclosure>
      <h2>Do you deliver on Sundays?</h2>
      <p>Yes, from 10 to 16 in the city centre.</p>
    </Disclosure>
  );
}
