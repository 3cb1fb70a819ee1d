import { Quote, Star } from "lucide-react";
import type { ItemData, SectionProps } from "@/lib/types";
import { Band, Container, SectionHeader, initials } from "./ui";

function rating(item: ItemData): number {
  for (const tag of item.tags) {
    const m = /^([0-5])\s*\/\s*5$/.exec(tag.trim());
    if (m) return Number(m[1]);
  }
  return 5;
}

function Stars({ item }: { item: ItemData }) {
  const n = rating(item);
  return (
    <div className="flex gap-0.5 text-accent-ink" role="img" aria-label={`${n} / 5`}>
      {[1, 2, 3, 4, 5].map((k) => (
        <Star key={k} className={`size-4 ${k <= n ? "fill-current" : "opacity-30"}`} aria-hidden="true" />
      ))}
    </div>
  );
}

function Person({ item, large = false }: { item: ItemData; large?: boolean }) {
  return (
    <figcaption className="flex items-center gap-3">
      <span
        aria-hidden="true"
        className={`grid shrink-0 place-items-center rounded-full bg-gradient-to-br from-primary to-accent font-semibold text-primary-foreground ${
          large ? "size-14 text-lg" : "size-11 text-sm"
        }`}
      >
        {initials(item.title)}
      </span>
      <span>
        <span className="block font-semibold text-foreground">{item.title}</span>
        {item.meta ? <span className="block text-sm text-muted">{item.meta}</span> : null}
      </span>
    </figcaption>
  );
}

function Cards({ section }: SectionProps) {
  return (
    <Band section={section}>
      <Container>
        <SectionHeader section={section} />
        <ul className="mt-14 grid gap-6 md:grid-cols-2 lg:grid-cols-3">
          {section.items.map((item, i) => (
            <li key={`${item.title}-${i}`}>
              <figure className="flex h-full flex-col rounded-3xl border border-border bg-background p-7 shadow-sm transition hover:shadow-lg">
                <Stars item={item} />
                <blockquote className="mt-5 flex-1 text-base leading-relaxed text-foreground">
                  <p>“{item.text}”</p>
                </blockquote>
                <div className="mt-7 border-t border-border pt-5">
                  <Person item={item} />
                </div>
              </figure>
            </li>
          ))}
        </ul>
      </Container>
    </Band>
  );
}

function Spotlight({ section }: SectionProps) {
  const [first, ...rest] = section.items;
  return (
    <Band section={section}>
      <Container>
        <SectionHeader section={section} />
        {first ? (
          <figure className="relative mx-auto mt-14 max-w-4xl overflow-hidden rounded-[2rem] bg-gradient-to-br from-primary/10 via-background to-accent/10 px-6 py-12 text-center shadow-sm ring-1 ring-border sm:px-14 sm:py-16">
            <Quote className="mx-auto size-12 text-primary-ink/40" aria-hidden="true" />
            <blockquote className="mt-6 font-heading text-2xl font-medium leading-snug text-foreground sm:text-3xl">
              <p>“{first.text}”</p>
            </blockquote>
            <div className="mt-8 flex justify-center">
              <Person item={first} large />
            </div>
          </figure>
        ) : null}
        {rest.length > 0 ? (
          <ul className="mx-auto mt-8 grid max-w-4xl gap-6 md:grid-cols-2">
            {rest.map((item, i) => (
              <li key={`${item.title}-${i}`}>
                <figure className="h-full rounded-3xl border border-border bg-background p-6">
                  <Stars item={item} />
                  <blockquote className="mt-4 text-muted">
                    <p>“{item.text}”</p>
                  </blockquote>
                  <div className="mt-5">
                    <Person item={item} />
                  </div>
                </figure>
              </li>
            ))}
          </ul>
        ) : null}
      </Container>
    </Band>
  );
}

/** Customer quotes. Variants: "grid" (default), "quote" (one large quote first). */
export function Testimonials(props: SectionProps) {
  switch (props.section.variant) {
    case "quote":
      return <Spotlight {...props} />;
    default:
      return <Cards {...props} />;
  }
}
