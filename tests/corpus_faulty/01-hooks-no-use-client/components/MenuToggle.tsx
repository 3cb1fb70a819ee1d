import { useState } from "react";
import { Menu, X } from "lucide-react";

export function MenuToggle() {
  const [open, setOpen] = useState(false);
  return (
    <button
      className="rounded-md p-2"
      onClick={() => setOpen(!open)}
      aria-label="Toggle menu"
    >
      {open ? <X /> : <Menu />}
    </button>
  );
}
