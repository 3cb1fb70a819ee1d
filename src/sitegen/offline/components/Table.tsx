"use client";

import { useState } from "react";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import type { WidgetProps } from "@/lib/types";
import { Band, Container, Prose, SectionHeader } from "./ui";
import { toNumber } from "./widgetkit";

type Sort = { column: number; direction: "ascending" | "descending" } | null;

function compare(a: string, b: string): number {
  const x = toNumber(a);
  const y = toNumber(b);
  if (Number.isFinite(x) && Number.isFinite(y) && x !== y) return x - y;
  return a.localeCompare(b, undefined, { numeric: true, sensitivity: "base" });
}

/** A data table; click a column header to sort it ascending, then descending. */
export function Table({ section }: WidgetProps) {
  const [sort, setSort] = useState<Sort>(null);
  const rows = section.items.map((item) => [item.title, ...item.tags]);
  const sorted = sort
    ? [...rows].sort((r1, r2) => {
        const order = compare(r1[sort.column] ?? "", r2[sort.column] ?? "");
        return sort.direction === "ascending" ? order : -order;
      })
    : rows;
  const toggle = (column: number) =>
    setSort((old) =>
      old?.column === column && old.direction === "ascending"
        ? { column, direction: "descending" }
        : { column, direction: "ascending" },
    );

  return (
    <Band section={section}>
      <Container>
        <SectionHeader section={section} />
        <Prose text={section.body} className="mx-auto mt-6 max-w-2xl text-center" />
        <div className="mt-12 overflow-x-auto rounded-3xl border border-border bg-background shadow-sm" tabIndex={0} role="region" aria-label={section.heading}>
          <table className="w-full min-w-[32rem] border-collapse text-start text-sm sm:text-base">
            <caption className="sr-only">
              {section.heading}. Column headers are buttons that sort the table.
            </caption>
            <thead className="bg-surface">
              <tr>
                {section.columns.map((label, i) => {
                  const state = sort?.column === i ? sort.direction : undefined;
                  const Arrow = state === "ascending" ? ArrowUp : state === "descending" ? ArrowDown : ArrowUpDown;
                  return (
                    <th key={`${label}-${i}`} scope="col" aria-sort={state ?? "none"} className="p-0 text-start">
                      <button
                        type="button"
                        onClick={() => toggle(i)}
                        className="flex w-full items-center gap-2 px-5 py-4 text-start font-semibold text-foreground hover:text-primary-ink"
                      >
                        {label}
                        <Arrow className={`size-4 shrink-0 ${state ? "text-primary-ink" : "text-muted"}`} aria-hidden="true" />
                      </button>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {sorted.map((row, r) => (
                <tr key={`${row[0]}-${r}`} className="border-t border-border transition-colors hover:bg-primary/5">
                  {section.columns.map((_, c) =>
                    c === 0 ? (
                      <th key={c} scope="row" className="px-5 py-4 text-start font-semibold text-foreground">
                        {row[c] ?? ""}
                      </th>
                    ) : (
                      <td key={c} className="px-5 py-4 text-muted tabular-nums">
                        {row[c] ?? ""}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p aria-live="polite" className="sr-only">
          {sort ? `Sorted by ${section.columns[sort.column]}, ${sort.direction}` : ""}
        </p>
      </Container>
    </Band>
  );
}
