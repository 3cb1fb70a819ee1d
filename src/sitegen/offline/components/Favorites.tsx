"use client";

import { useEffect, useState } from "react";
import { Heart, Trash2 } from "lucide-react";
import { Icon } from "@/lib/icons";
import type { WidgetProps } from "@/lib/types";
import { Band, Container, Prose, SectionHeader } from "./ui";
import { formatNumber, secondaryButton, toNumber } from "./widgetkit";

/** Items a visitor can save to a list kept in this browser (localStorage), with a count and total. */
export function Favorites({ section }: WidgetProps) {
  const storageKey = `sitegen:saved:${section.id}`;
  const [saved, setSaved] = useState<string[]>([]);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    try {
      const raw = window.localStorage.getItem(storageKey);
      const list: unknown = raw ? JSON.parse(raw) : [];
      if (Array.isArray(list)) setSaved(list.filter((x): x is string => typeof x === "string"));
    } catch {
      // storage blocked or corrupt: start empty
    }
    setReady(true);
  }, [storageKey]);

  useEffect(() => {
    if (!ready) return;
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(saved));
    } catch {
      // storage blocked: the list still works until the page closes
    }
  }, [ready, saved, storageKey]);

  const toggle = (title: string) =>
    setSaved((old) => (old.includes(title) ? old.filter((t) => t !== title) : [...old, title]));
  const chosen = section.items.filter((i) => saved.includes(i.title));
  const prices = chosen.map((i) => toNumber(i.meta)).filter((n) => Number.isFinite(n));
  const currency = (section.items.find((i) => i.meta)?.meta.match(/^[^\d\s-]+/) ?? [""])[0];
  const label = section.action || "Saved";

  return (
    <Band section={section}>
      <Container className="grid gap-10 lg:grid-cols-[1fr_20rem]">
        <div>
          <SectionHeader section={section} align="start" />
          <Prose text={section.body} className="mt-6" />
          <ul className="mt-10 grid gap-5 sm:grid-cols-2">
            {section.items.map((item, i) => {
              const on = saved.includes(item.title);
              return (
                <li key={`${item.title}-${i}`} className="flex flex-col rounded-2xl border border-border bg-background p-6 shadow-sm">
                  <div className="flex items-start gap-4">
                    {item.icon ? (
                      <span className="grid size-11 shrink-0 place-items-center rounded-xl bg-primary/10 text-primary-ink">
                        <Icon name={item.icon} className="size-5" />
                      </span>
                    ) : null}
                    <div className="min-w-0 flex-1">
                      <h3 className="font-heading text-lg font-semibold text-foreground">{item.title}</h3>
                      {item.meta ? <p className="text-sm font-semibold text-primary-ink">{item.meta}</p> : null}
                    </div>
                    <button
                      type="button"
                      aria-pressed={on}
                      aria-label={`Save ${item.title}`}
                      onClick={() => toggle(item.title)}
                      className={`grid size-11 shrink-0 place-items-center rounded-full border transition ${
                        on ? "border-primary bg-primary text-primary-foreground" : "border-border text-muted hover:border-primary-ink hover:text-primary-ink"
                      }`}
                    >
                      <Heart className={`size-5 ${on ? "fill-current" : ""}`} aria-hidden="true" />
                    </button>
                  </div>
                  {item.text ? <p className="mt-3 leading-relaxed text-muted">{item.text}</p> : null}
                </li>
              );
            })}
          </ul>
        </div>
        <aside aria-labelledby={`${section.id}-saved`} className="rounded-3xl border border-border bg-background p-6 shadow-sm lg:sticky lg:top-28 lg:self-start">
          <h3 id={`${section.id}-saved`} className="flex items-center gap-2 font-heading text-lg font-semibold text-foreground">
            <Heart className="size-5 text-primary-ink" aria-hidden="true" />
            {label}
            <span data-testid="saved-count" className="ms-auto rounded-full bg-primary px-2.5 py-0.5 text-sm text-primary-foreground">
              {chosen.length}
            </span>
          </h3>
          <p aria-live="polite" className="sr-only">
            {ready ? `${chosen.length} saved` : ""}
          </p>
          {chosen.length === 0 ? (
            <p className="mt-4 text-sm text-muted">Nothing saved yet. Tap the heart on anything you like; it stays here next time.</p>
          ) : (
            <ul className="mt-4 divide-y divide-border">
              {chosen.map((item) => (
                <li key={item.title} className="flex items-center justify-between gap-3 py-3 text-sm">
                  <span className="min-w-0 flex-1 truncate text-foreground">{item.title}</span>
                  {item.meta ? <span className="tabular-nums text-muted">{item.meta}</span> : null}
                  <button type="button" onClick={() => toggle(item.title)} aria-label={`Remove ${item.title}`} className="grid size-8 place-items-center rounded-full text-muted hover:bg-surface hover:text-danger">
                    <Trash2 className="size-4" aria-hidden="true" />
                  </button>
                </li>
              ))}
            </ul>
          )}
          {prices.length > 1 ? (
            <p className="mt-4 flex justify-between border-t border-border pt-4 font-semibold text-foreground">
              <span>Total</span>
              <span className="tabular-nums">{`${currency}${formatNumber(prices.reduce((a, b) => a + b, 0))}`}</span>
            </p>
          ) : null}
          {chosen.length > 0 ? (
            <button type="button" onClick={() => setSaved([])} className={`${secondaryButton} mt-5 w-full`}>
              Clear the list
            </button>
          ) : null}
        </aside>
      </Container>
    </Band>
  );
}
