import { Icon } from "@/lib/icons";
import type { ItemData } from "@/lib/types";

/** Decorative inline-SVG illustration: a gradient blob, rings and dots in the site colours. */
export function Blob({ id, className = "" }: { id: string; className?: string }) {
  return (
    <svg viewBox="0 0 480 440" className={className} aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id={`${id}-fill`} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0%" style={{ stopColor: "var(--color-primary)" }} />
          <stop offset="100%" style={{ stopColor: "var(--color-accent)" }} />
        </linearGradient>
        <pattern id={`${id}-dots`} width="18" height="18" patternUnits="userSpaceOnUse">
          <circle cx="2" cy="2" r="1.6" className="fill-foreground/25" />
        </pattern>
      </defs>
      <rect x="250" y="20" width="210" height="170" rx="24" fill={`url(#${id}-dots)`} />
      <rect x="10" y="260" width="170" height="160" rx="24" fill={`url(#${id}-dots)`} />
      <path
        d="M398 99c39 45 52 116 31 175s-78 106-142 121-135-2-180-46S43 233 57 170 130 60 196 43s163 11 202 56z"
        fill={`url(#${id}-fill)`}
        opacity="0.92"
      />
      <path
        d="M120 300c40 30 110 40 170 10s100-90 90-150"
        fill="none"
        className="stroke-primary-foreground/50"
        strokeWidth="3"
        strokeLinecap="round"
        strokeDasharray="2 12"
      />
      <circle cx="240" cy="220" r="150" fill="none" className="stroke-foreground/10" strokeWidth="1.5" />
      <circle cx="240" cy="220" r="190" fill="none" className="stroke-foreground/5" strokeWidth="1.5" />
      <circle cx="392" cy="70" r="16" className="fill-accent" />
      <circle cx="70" cy="120" r="9" className="fill-primary" />
      <circle cx="430" cy="330" r="6" className="fill-primary/60" />
      <rect x="165" y="145" width="150" height="150" rx="36" className="fill-background/20" />
    </svg>
  );
}

/** The blob with the site's motif icon in its centre. */
export function MotifBlob({ id, motif, className = "" }: { id: string; motif: string; className?: string }) {
  return (
    <div className={`relative ${className}`}>
      <Blob id={id} className="size-full" />
      <Icon
        name={motif}
        className="absolute left-1/2 top-1/2 size-[18%] -translate-x-1/2 -translate-y-1/2 text-primary-foreground drop-shadow"
      />
    </div>
  );
}

/** The hero's illustration with up to three floating highlight cards from the hero items. */
export function HeroArt({ id, items, motif }: { id: string; items: ItemData[]; motif: string }) {
  const cards = items.slice(0, 3);
  const positions = [
    "left-0 top-6 sm:-left-4",
    "right-0 bottom-10 sm:-right-2",
    "left-6 bottom-0 hidden sm:flex",
  ];
  return (
    <div className="relative mx-auto aspect-[12/11] w-full max-w-lg">
      <MotifBlob id={id} motif={motif} className="absolute inset-0 size-full drop-shadow-2xl" />
      {cards.map((item, i) => (
        <div
          key={`${item.title}-${i}`}
          className={`absolute flex max-w-[15rem] items-center gap-3 rounded-2xl border border-border bg-background/90 p-3 pe-4 shadow-xl backdrop-blur ${positions[i]}`}
        >
          <span className="grid size-10 shrink-0 place-items-center rounded-xl bg-primary/10 text-primary-ink">
            <Icon name={item.icon} className="size-5" />
          </span>
          <span className="min-w-0">
            <span className="block truncate text-sm font-semibold text-foreground">{item.title}</span>
            {item.meta || item.text ? (
              <span className="block truncate text-xs text-muted">{item.meta || item.text}</span>
            ) : null}
          </span>
        </div>
      ))}
    </div>
  );
}
