"use client";
import { useSearchParams, usePathname } from "next/navigation";
import Link from "next/link";

export const Filter = ({ tags }: { tags: string[] }) => {
  const params = useSearchParams();
  const pathname = usePathname();
  const active = params.get("tag");
  return (
    <nav className="flex gap-2">
      {tags.map((t) => (
        <Link key={t} href={`${pathname}?tag=${t}`} className={t === active ? "underline" : ""}>{t}</Link>
      ))}
    </nav>
  );
};
