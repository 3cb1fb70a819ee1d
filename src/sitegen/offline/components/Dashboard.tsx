"use client";

import { useState } from "react";
import { TrendingDown, TrendingUp } from "lucide-react";
import { Icon } from "@/lib/icons";
import type { ItemData, WidgetProps } from "@/lib/types";
import { ChartFigure, type Point } from "./Chart";
import { Band, Container, Prose, SectionHeader } from "./ui";
import { affixes, formatNumber, toNumber } from "./widgetkit";

function series(item: ItemData, labels: string[]): Point[] {
  const [prefix, suffix] = affixes(item.meta);
  return item.tags
    .map((t, i) => ({ label: labels[i] ?? String(i + 1), value: toNumber(t), display: "" }))
    .filter((p) => Number.isFinite(p.value))
    .map((p) => ({ ...p, display: `${prefix}${formatNumber(p.value)}${suffix}` }));
}

function trend(text: string): "up" | "down" | "" {
  const t = text.trim();
  if (/^(\+|▲|up\b)/i.test(t)) return "up";
  if (/^(-|−|▼|down\b)/i.test(t)) return "down";
  return "";
}

/** Stat cards; choosing one shows its recent values as a line chart. */
export function Dashboard({ section }: WidgetProps) {
  const [active, setActive] = useState(0);
  const item = section.items[active] ?? section.items[0];
  const points = item ? series(item, section.columns) : [];

  return (
    <Band section={section}>
      <Container>
        <SectionHeader section={section} />
        <Prose text={section.body} className="mx-auto mt-6 max-w-2xl text-center" />
        <div role="group" aria-label="Choose a figure to chart" className="mt-12 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {section.items.map((stat, i) => {
            const on = i === active;
            const dir = trend(stat.text);
            return (
              <button
                key={`${stat.title}-${i}`}
                type="button"
                aria-pressed={on}
                onClick={() => setActive(i)}
                className={`rounded-2xl border p-5 text-start shadow-sm transition hover:-translate-y-0.5 hover:shadow-md ${
                  on ? "border-primary bg-background ring-2 ring-primary/40" : "border-border bg-background"
                }`}
              >
                <span className="flex items-center justify-between gap-3">
                  <span className="text-sm font-medium text-muted">{stat.title}</span>
                  {stat.icon ? (
                    <span className="grid size-9 place-items-center rounded-lg bg-primary/10 text-primary-ink">
                      <Icon name={stat.icon} className="size-4" />
                    </span>
                  ) : null}
                </span>
                <span className="mt-2 block font-heading text-3xl font-extrabold tracking-tight text-foreground">{stat.meta}</span>
                {stat.text ? (
                  <span className={`mt-2 flex items-center gap-1.5 text-sm font-medium ${dir === "up" ? "text-success" : dir === "down" ? "text-danger" : "text-muted"}`}>
                    {dir === "up" ? <TrendingUp className="size-4" aria-hidden="true" /> : null}
                    {dir === "down" ? <TrendingDown className="size-4" aria-hidden="true" /> : null}
                    {stat.text}
                  </span>
                ) : null}
              </button>
            );
          })}
        </div>
        {item && points.length > 1 ? (
          <div className="mt-6 rounded-3xl border border-border bg-background p-6 shadow-sm sm:p-8">
            <p aria-live="polite" className="font-heading text-lg font-semibold text-foreground">
              {item.title}
              <span className="ms-2 text-sm font-normal text-muted">{section.columns.length ? `${section.columns[0]} – ${section.columns[points.length - 1] ?? ""}` : ""}</span>
            </p>
            <div className="mt-4">
              <ChartFigure id={`${section.id}-trend`} kind="line" points={points} title={item.title} wide />
            </div>
          </div>
        ) : null}
      </Container>
    </Band>
  );
}
