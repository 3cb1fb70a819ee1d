// Helpers shared by the interactive widgets (search, form, quiz, calculator, table, chart,
// dashboard, favorites). No network, no storage beyond the visitor's own browser.

/** A number read from text such as "$1,250", "62%", "-3.5" or "4.9 ★" (NaN when there is none). */
export function toNumber(text: string): number {
  const match = (text || "").replace(/[\s,](?=\d{3}\b)/g, "").match(/-?\d+(?:\.\d+)?/);
  return match ? Number(match[0]) : Number.NaN;
}

/** A number shown with grouping and at most two decimals. */
export function formatNumber(value: number, digits = 2, fixed = false): string {
  if (!Number.isFinite(value)) return "—";
  const whole = Number.isInteger(Math.round(value * 100) / 100);
  return value.toLocaleString("en-US", {
    maximumFractionDigits: digits,
    minimumFractionDigits: fixed && !whole ? digits : 0,
  });
}

/** The text before and after the number in a label such as "$1,250" or "62%". */
export function affixes(text: string): [string, string] {
  const match = (text || "").match(/^([^\d-]*)-?[\d.,\s]*\d(.*)$/);
  return match ? [match[1].trim(), match[2].trim()] : ["", ""];
}

/** Input, select and textarea styling shared by every widget. */
export const fieldClass =
  "block w-full rounded-xl border border-border bg-background px-4 py-3 text-base text-foreground placeholder:text-muted focus:border-primary-ink focus:outline-none focus:ring-2 focus:ring-primary/30 aria-[invalid=true]:border-danger";

export const labelClass = "block text-sm font-semibold text-foreground";

export const cardClass = "rounded-3xl border border-border bg-background p-6 shadow-sm sm:p-8";

export const primaryButton =
  "inline-flex items-center justify-center gap-2 rounded-full bg-primary px-6 py-3 text-sm font-semibold text-primary-foreground shadow-lg shadow-primary/25 transition hover:-translate-y-0.5 hover:shadow-xl disabled:opacity-60 sm:text-base";

export const secondaryButton =
  "inline-flex items-center justify-center gap-2 rounded-full border border-border bg-background px-5 py-2.5 text-sm font-semibold text-foreground transition hover:border-primary-ink hover:text-primary-ink";

/** A chip (filter, tab, option) that shows whether it is on. */
export function chipClass(on: boolean): string {
  return `inline-flex items-center gap-1.5 rounded-full border px-4 py-2 text-sm font-medium transition ${
    on
      ? "border-primary bg-primary text-primary-foreground shadow-sm"
      : "border-border bg-background text-muted hover:border-primary-ink hover:text-foreground"
  }`;
}
