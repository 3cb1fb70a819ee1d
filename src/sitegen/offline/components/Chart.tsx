import type { ItemData, WidgetProps } from "@/lib/types";
import { Band, Container, Prose, SectionHeader } from "./ui";
import { formatNumber, toNumber } from "./widgetkit";

export type Point = { label: string; value: number; display: string };

export const SLICE_COLOURS = [
  "var(--color-primary)",
  "var(--color-accent)",
  "color-mix(in oklab, var(--color-primary) 55%, var(--color-foreground))",
  "color-mix(in oklab, var(--color-accent) 60%, var(--color-foreground))",
  "color-mix(in oklab, var(--color-primary) 45%, var(--color-background))",
  "color-mix(in oklab, var(--color-accent) 45%, var(--color-background))",
  "color-mix(in oklab, var(--color-muted) 70%, var(--color-background))",
];

/** Chart points from items: title is the label, meta the number ("$1,200", "62%"). */
export function pointsFrom(items: ItemData[]): Point[] {
  return items
    .map((i) => ({ label: i.title, value: toNumber(i.meta), display: i.meta }))
    .filter((p) => Number.isFinite(p.value));
}

const H = 260;
const PAD = { top: 24, right: 16, bottom: 36, left: 16 };

function Bars({ points, max, W }: { points: Point[]; max: number; W: number }) {
  const slot = (W - PAD.left - PAD.right) / points.length;
  const bar = Math.min(56, slot * 0.62);
  const base = H - PAD.bottom;
  return (
    <g>
      {points.map((p, i) => {
        const h = max > 0 ? (Math.max(0, p.value) / max) * (base - PAD.top) : 0;
        const x = PAD.left + slot * i + (slot - bar) / 2;
        return (
          <g key={`${p.label}-${i}`}>
            <rect x={x} y={base - h} width={bar} height={Math.max(h, 1)} rx={6} className="fill-primary" />
            <text x={x + bar / 2} y={base - h - 7} textAnchor="middle" className="fill-foreground text-[13px] font-semibold">
              {p.display || formatNumber(p.value)}
            </text>
            <text x={x + bar / 2} y={H - 12} textAnchor="middle" className="fill-muted text-[12px]">
              {clip(p.label, slot)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

function Line({ points, max, min, gradient, W }: { points: Point[]; max: number; min: number; gradient: string; W: number }) {
  const base = H - PAD.bottom;
  const span = max - min || 1;
  const step = points.length > 1 ? (W - PAD.left - PAD.right - 24) / (points.length - 1) : 0;
  const xy = points.map((p, i) => [PAD.left + 12 + step * i, base - ((p.value - min) / span) * (base - PAD.top - 8)]);
  const path = xy.map(([x, y], i) => `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`).join(" ");
  const area = `${path} L${xy[xy.length - 1][0].toFixed(1)},${base} L${xy[0][0].toFixed(1)},${base} Z`;
  return (
    <g>
      <defs>
        <linearGradient id={gradient} x1="0" x2="0" y1="0" y2="1">
          <stop offset="0%" stopColor="var(--color-primary)" stopOpacity="0.35" />
          <stop offset="100%" stopColor="var(--color-primary)" stopOpacity="0" />
        </linearGradient>
      </defs>
      <path d={area} fill={`url(#${gradient})`} />
      <path d={path} fill="none" strokeWidth={3} strokeLinejoin="round" strokeLinecap="round" className="stroke-primary" />
      {xy.map(([x, y], i) => (
        <g key={`${points[i].label}-${i}`}>
          <circle cx={x} cy={y} r={5} strokeWidth={3} className="fill-background stroke-primary" />
          {points.length <= 8 ? (
            <text x={x} y={H - 12} textAnchor="middle" className="fill-muted text-[12px]">
              {clip(points[i].label, step || W)}
            </text>
          ) : null}
        </g>
      ))}
    </g>
  );
}

function Donut({ points, W }: { points: Point[]; W: number }) {
  const total = points.reduce((acc, p) => acc + Math.max(0, p.value), 0) || 1;
  const r = 80;
  const c = 2 * Math.PI * r;
  let offset = 0;
  return (
    <g transform={`translate(${W / 2} ${H / 2}) rotate(-90)`}>
      <circle r={r} fill="none" strokeWidth={34} className="stroke-surface" />
      {points.map((p, i) => {
        const len = (Math.max(0, p.value) / total) * c;
        const slice = (
          <circle
            key={`${p.label}-${i}`}
            r={r}
            fill="none"
            strokeWidth={34}
            stroke={SLICE_COLOURS[i % SLICE_COLOURS.length]}
            strokeDasharray={`${Math.max(0, len - 2)} ${c}`}
            strokeDashoffset={-offset}
          />
        );
        offset += len;
        return slice;
      })}
    </g>
  );
}

/** An inline SVG chart (line, bar or donut) with a text alternative and the numbers as a table. */
function clip(label: string, room: number): string {
  const most = Math.max(3, Math.floor(room / 7));
  return label.length > most ? `${label.slice(0, most - 1)}…` : label;
}

function Drawing({ id, kind, points, title, W, className }: {
  id: string;
  kind: string;
  points: Point[];
  title: string;
  W: number;
  className: string;
}) {
  const values = points.map((p) => p.value);
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const top = points.reduce<Point | null>((best, p) => (!best || p.value > best.value ? p : best), null);
  const what = kind === "donut" ? "Donut chart" : kind === "line" ? "Line chart" : "Bar chart";
  const summary = points.map((p) => `${p.label}: ${p.display || formatNumber(p.value)}`).join("; ");
  const grid = [0.25, 0.5, 0.75, 1].map((f) => PAD.top + (H - PAD.bottom - PAD.top) * (1 - f));
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`} className={`h-auto w-full overflow-visible ${className}`}>
      <title id={`${id}-t`}>{`${what}: ${title}`}</title>
      <desc id={`${id}-d`}>{summary}</desc>
      {kind !== "donut"
        ? grid.map((y) => <line key={y} x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} strokeDasharray="4 6" className="stroke-border" />)
        : null}
      {kind === "donut" ? (
        <Donut points={points} W={W} />
      ) : kind === "line" ? (
        <Line points={points} max={max} min={min} gradient={`${id}-g`} W={W} />
      ) : (
        <Bars points={points} max={max} W={W} />
      )}
      {kind === "donut" && top ? (
        <g>
          <text x={W / 2} y={H / 2 + 4} textAnchor="middle" className="fill-foreground font-heading text-[26px] font-bold">
            {top.display || formatNumber(top.value)}
          </text>
          <text x={W / 2} y={H / 2 + 26} textAnchor="middle" className="fill-muted text-[13px]">
            {clip(top.label, 110)}
          </text>
        </g>
      ) : null}
    </svg>
  );
}

/** An inline SVG chart (line, bar or donut) with a text alternative and the numbers as a table.
 * Line and bar charts are drawn twice, for wide and for phone screens, so labels stay readable. */
export function ChartFigure({ id, kind, points, title, wide = false }: {
  id: string;
  kind: string;
  points: Point[];
  title: string;
  wide?: boolean;
}) {
  const total = points.reduce((a, p) => a + Math.max(0, p.value), 0) || 1;
  if (points.length === 0) return <p className="text-center text-muted">No numbers to chart yet.</p>;
  const props = { kind, points, title };
  return (
    <figure className="w-full">
      <div className={kind === "donut" ? "grid items-center gap-6 sm:grid-cols-[1.2fr_1fr]" : undefined}>
        {kind === "donut" ? (
          <Drawing id={id} W={360} className="mx-auto max-w-sm" {...props} />
        ) : (
          <>
            <Drawing id={id} W={wide ? 800 : 480} className="hidden sm:block" {...props} />
            <Drawing id={`${id}-s`} W={360} className="sm:hidden" {...props} />
          </>
        )}
        {kind === "donut" ? (
          <ul className="space-y-2.5" aria-hidden="true">
            {points.map((p, i) => (
              <li key={`${p.label}-${i}`} className="flex items-center gap-3 text-sm">
                <span className="size-3.5 shrink-0 rounded-full" style={{ background: SLICE_COLOURS[i % SLICE_COLOURS.length] }} />
                <span className="flex-1 text-foreground">{p.label}</span>
                <span className="font-semibold tabular-nums text-muted">{Math.round((Math.max(0, p.value) / total) * 100)}%</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <details className="mt-4 text-sm">
        <summary className="cursor-pointer font-medium text-primary-ink">Show the numbers</summary>
        <table className="mt-3 w-full text-start">
          <caption className="sr-only">{title}</caption>
          <tbody>
            {points.map((p, i) => (
              <tr key={`${p.label}-${i}`} className="border-t border-border">
                <th scope="row" className="py-2 text-start font-medium text-foreground">{p.label}</th>
                <td className="py-2 text-end tabular-nums text-muted">{p.display || formatNumber(p.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** A chart section: variant line, bar or donut, drawn from the items' numbers. */
export function Chart({ section }: WidgetProps) {
  return (
    <Band section={section}>
      <Container>
        <SectionHeader section={section} />
        <Prose text={section.body} className="mx-auto mt-6 max-w-2xl text-center" />
        <div className="mx-auto mt-12 max-w-4xl rounded-3xl border border-border bg-background p-6 shadow-sm sm:p-10">
          <ChartFigure id={`${section.id}-chart`} kind={section.variant} points={pointsFrom(section.items)} title={section.heading} />
        </div>
      </Container>
    </Band>
  );
}
