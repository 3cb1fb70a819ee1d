"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { Menu, X } from "lucide-react";
import type { LinkData } from "@/lib/types";

function samePath(a: string, b: string): boolean {
  const clean = (p: string) => p.replace(/\/+$/, "") || "/";
  return clean(a) === clean(b);
}

/** Sticky site header with a mobile menu. */
export function Header({
  name,
  nav,
  action,
}: {
  name: string;
  nav: LinkData[];
  action: LinkData | null;
}) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname() ?? "/";
  const mark = Array.from(name.trim())[0] ?? "•";

  const isActive = (href: string) => !href.includes("#") && samePath(href, pathname);
  const linkClass = (href: string) =>
    `max-w-[11rem] truncate whitespace-nowrap rounded-full px-3 py-2 text-sm font-medium transition-colors ${
      isActive(href) ? "bg-primary/10 text-primary-ink" : "text-muted hover:text-foreground"
    }`;

  return (
    <header className="sticky top-0 z-50 border-b border-border bg-background/80 backdrop-blur-lg supports-[backdrop-filter]:bg-background/70">
      <div className="mx-auto flex h-16 w-full max-w-6xl items-center justify-between gap-4 px-5 sm:px-6 lg:px-8">
        <Link href="/" className="flex min-w-0 items-center gap-2.5" onClick={() => setOpen(false)}>
          <span
            aria-hidden="true"
            className="grid size-9 shrink-0 place-items-center rounded-xl bg-gradient-to-br from-primary to-accent font-heading text-lg font-bold text-primary-foreground shadow-md shadow-primary/20"
          >
            {mark}
          </span>
          <span className="truncate font-heading text-lg font-bold tracking-tight text-foreground">{name}</span>
        </Link>

        <nav aria-label="Main" className="hidden items-center gap-1 md:flex">
          {nav.map((item) => (
            <Link
              key={item.href}
              href={item.href}
              className={linkClass(item.href)}
              aria-current={isActive(item.href) ? "page" : undefined}
            >
              {item.label}
            </Link>
          ))}
        </nav>

        <div className="flex items-center gap-2">
          {action ? (
            <Link
              href={action.href}
              className="hidden max-w-[14rem] truncate whitespace-nowrap rounded-full bg-primary px-5 py-2.5 text-sm font-semibold text-primary-foreground shadow-sm transition hover:opacity-90 sm:inline-flex"
            >
              {action.label}
            </Link>
          ) : null}
          <button
            type="button"
            className="inline-flex size-10 items-center justify-center rounded-full border border-border text-foreground transition hover:bg-surface md:hidden"
            aria-expanded={open}
            aria-controls="mobile-menu"
            aria-label={open ? "Close menu" : "Open menu"}
            onClick={() => setOpen((v) => !v)}
          >
            {open ? <X className="size-5" aria-hidden="true" /> : <Menu className="size-5" aria-hidden="true" />}
          </button>
        </div>
      </div>

      {open ? (
        <nav
          id="mobile-menu"
          aria-label="Mobile"
          className="border-t border-border bg-background px-5 pb-6 pt-2 shadow-lg md:hidden"
        >
          <ul className="flex flex-col">
            {nav.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  onClick={() => setOpen(false)}
                  aria-current={isActive(item.href) ? "page" : undefined}
                  className={`block border-b border-border py-3.5 text-base font-medium ${
                    isActive(item.href) ? "text-primary-ink" : "text-foreground"
                  }`}
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
          {action ? (
            <Link
              href={action.href}
              onClick={() => setOpen(false)}
              className="mt-5 flex w-full items-center justify-center rounded-full bg-primary px-5 py-3 text-base font-semibold text-primary-foreground"
            >
              {action.label}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </header>
  );
}
