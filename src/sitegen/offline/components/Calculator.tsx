"use client";

import { useId, useState } from "react";
import { Calculator as CalculatorIcon } from "lucide-react";
import type { WidgetProps } from "@/lib/types";
import { Band, Container, Prose, SectionHeader } from "./ui";
import { cardClass, fieldClass, formatNumber, labelClass, toNumber } from "./widgetkit";

/** The result for the inputs, by variant: sum, product, loan (amount, yearly rate %, years -> monthly
 * payment) or split (total, tip %, people -> each person's share). */
export function compute(variant: string, v: number[]): number {
  const [a = 0, b = 0, c = 0] = v;
  switch (variant) {
    case "product":
      return v.reduce((acc, x) => acc * x, 1);
    case "loan": {
      const months = Math.max(1, Math.round(c * 12));
      const rate = b / 100 / 12;
      return rate === 0 ? a / months : (a * rate) / (1 - Math.pow(1 + rate, -months));
    }
    case "split":
      return v.length >= 3 ? (a * (1 + b / 100)) / Math.max(1, c) : a / Math.max(1, b);
    default:
      return v.reduce((acc, x) => acc + x, 0);
  }
}

/** A calculator whose result updates as you type. */
export function Calculator({ section }: WidgetProps) {
  const uid = useId();
  const [values, setValues] = useState<string[]>(() => section.items.map((i) => String(toNumber(i.meta) || 0)));
  const numbers = values.map((v) => (v.trim() === "" ? 0 : Number(v)));
  const valid = numbers.every((n) => Number.isFinite(n));
  const result = valid ? compute(section.variant, numbers) : Number.NaN;
  const unit = section.unit;

  return (
    <Band section={section}>
      <Container className="grid items-start gap-12 lg:grid-cols-2 lg:gap-16">
        <div>
          <SectionHeader section={section} align="start" />
          <Prose text={section.body} className="mt-6" />
        </div>
        <form className={cardClass} onSubmit={(e) => e.preventDefault()} aria-labelledby={`${section.id}-title`}>
          <div className="space-y-5">
            {section.items.map((item, i) => (
              <div key={`${item.title}-${i}`}>
                <label htmlFor={`${uid}-in${i}`} className={labelClass}>
                  {item.title}
                  {item.text ? <span className="font-normal text-muted"> ({item.text})</span> : null}
                </label>
                <input
                  id={`${uid}-in${i}`}
                  type="number"
                  inputMode="decimal"
                  step="any"
                  value={values[i] ?? ""}
                  aria-invalid={Number.isFinite(numbers[i]) ? undefined : true}
                  onChange={(e) => setValues((old) => old.map((v, j) => (j === i ? e.target.value : v)))}
                  className={`${fieldClass} mt-2`}
                />
              </div>
            ))}
          </div>
          <div className="mt-8 flex items-center gap-4 rounded-2xl bg-primary p-5 text-primary-foreground">
            <span className="grid size-12 shrink-0 place-items-center rounded-xl bg-primary-foreground/15">
              <CalculatorIcon className="size-6" aria-hidden="true" />
            </span>
            <div>
              <p id={`${uid}-label`} className="text-sm font-medium opacity-90">
                {section.action || "Result"}
              </p>
              <output
                htmlFor={section.items.map((_, i) => `${uid}-in${i}`).join(" ")}
                aria-labelledby={`${uid}-label`}
                aria-live="polite"
                className="block font-heading text-3xl font-extrabold tracking-tight"
              >
                {valid ? `${unit}${formatNumber(result, 2, unit !== "")}` : "Check the numbers"}
              </output>
            </div>
          </div>
        </form>
      </Container>
    </Band>
  );
}
