"use client";

import { useId, useMemo, useState } from "react";
import { Search as SearchIcon, SearchX, X } from "lucide-react";
import { Icon } from "@/lib/icons";
import type { ItemData, WidgetProps } from "@/lib/types";
import { Band, Container, Prose, SectionHeader } from "./ui";
import { chipClass, fieldClass, secondaryButton } from "./widgetkit";

function matches(item: ItemData, words: string[], tag: string): boolean {
  if (tag && !item.tags.includes(tag)) return false;
  const haystack = [item.title, item.text, item.meta, ...item.tags].join(" ").toLowerCase();
  return words.every((w) => haystack.includes(w));
}

/** A list that filters as you type, with tag chips and an empty state. */
export function Search({ section }: WidgetProps) {
  const uid = useId();
  const [query, setQuery] = useState("");
  const [tag, setTag] = useState("");
  const tags = useMemo(() => Array.from(new Set(section.items.flatMap((i) => i.tags))).slice(0, 12), [section.items]);
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const results = section.items.filter((item) => matches(item, words, tag));
  const label = section.action || "Search";
  const reset = () => {
    setQuery("");
    setTag("");
  };

  return (
    <Band section={section}>
      <Container>
        <SectionHeader section={section} />
        <Prose text={section.body} className="mx-auto mt-6 max-w-2xl text-center" />
        <div role="search" className="mx-auto mt-10 max-w-3xl">
          <label htmlFor={`${uid}-q`} className="sr-only">
            {label}
          </label>
          <div className="relative">
            <SearchIcon className="pointer-events-none absolute start-4 top-1/2 size-5 -translate-y-1/2 text-muted" aria-hidden="true" />
            <input
              id={`${uid}-q`}
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder={label}
              autoComplete="off"
              aria-controls={`${uid}-results`}
              className={`${fieldClass} rounded-full ps-12 pe-12 shadow-sm`}
            />
            {query ? (
              <button
                type="button"
                onClick={() => setQuery("")}
                aria-label="Clear search"
                className="absolute end-3 top-1/2 grid size-8 -translate-y-1/2 place-items-center rounded-full text-muted hover:bg-surface hover:text-foreground"
              >
                <X className="size-4" aria-hidden="true" />
              </button>
            ) : null}
          </div>
          {tags.length > 0 ? (
            <div role="group" aria-label="Filter by tag" className="mt-5 flex flex-wrap justify-center gap-2">
              <button type="button" aria-pressed={tag === ""} onClick={() => setTag("")} className={chipClass(tag === "")}>
                All
              </button>
              {tags.map((t) => (
                <button key={t} type="button" aria-pressed={tag === t} onClick={() => setTag(tag === t ? "" : t)} className={chipClass(tag === t)}>
                  {t}
                </button>
              ))}
            </div>
          ) : null}
        </div>
        <p aria-live="polite" className="mt-8 text-center text-sm font-medium text-muted">
          {results.length === section.items.length
            ? `${results.length} ${results.length === 1 ? "result" : "results"}`
            : `${results.length} of ${section.items.length} shown`}
        </p>
        {results.length > 0 ? (
          <ul id={`${uid}-results`} className="mt-6 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
            {results.map((item, i) => (
              <li key={`${item.title}-${i}`} className="flex flex-col rounded-2xl border border-border bg-background p-6 shadow-sm transition hover:-translate-y-0.5 hover:shadow-md">
                <div className="flex items-start justify-between gap-3">
                  <h3 className="font-heading text-lg font-semibold text-foreground">{item.title}</h3>
                  {item.icon ? (
                    <span className="grid size-10 shrink-0 place-items-center rounded-xl bg-primary/10 text-primary-ink">
                      <Icon name={item.icon} className="size-5" />
                    </span>
                  ) : null}
                </div>
                {item.meta ? <p className="mt-1 text-sm font-semibold text-primary-ink">{item.meta}</p> : null}
                {item.text ? <p className="mt-3 flex-1 leading-relaxed text-muted">{item.text}</p> : null}
                {item.tags.length > 0 ? (
                  <ul className="mt-4 flex flex-wrap gap-1.5" aria-label="Tags">
                    {item.tags.map((t) => (
                      <li key={t} className="rounded-full bg-surface px-2.5 py-1 text-xs font-medium text-muted">
                        {t}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <div id={`${uid}-results`} className="mx-auto mt-6 flex max-w-md flex-col items-center rounded-3xl border border-dashed border-border bg-background p-10 text-center">
            <SearchX className="size-10 text-muted" aria-hidden="true" />
            <p className="mt-4 font-heading text-lg font-semibold text-foreground">No matches</p>
            <p className="mt-1 text-muted">Nothing fits {query ? `“${query}”` : "this filter"}. Try fewer words or another tag.</p>
            <button type="button" onClick={reset} className={`${secondaryButton} mt-6`}>
              Show everything
            </button>
          </div>
        )}
      </Container>
    </Band>
  );
}
