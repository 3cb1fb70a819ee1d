import { Sparkles } from "lucide-react";
import { Icon } from "@/lib/icons";
import type { SectionData, SectionProps } from "@/lib/types";
import { HeroArt } from "./HeroArt";
import { Actions, Container } from "./ui";

function Badge({ text }: { text: string }) {
  return (
    <p className="inline-flex items-center gap-2 rounded-full border border-primary/20 bg-primary/10 px-4 py-1.5 text-sm font-semibold text-primary-ink">
      <Sparkles className="size-4" aria-hidden="true" />
      {text}
    </p>
  );
}

function Title({ section }: { section: SectionData }) {
  return (
    <h1
      id={`${section.id}-title`}
      className="font-heading text-4xl font-extrabold leading-[1.05] tracking-tight text-foreground text-balance sm:text-5xl lg:text-6xl xl:text-7xl"
    >
      {section.heading}
    </h1>
  );
}

function Backdrop() {
  return (
    <div aria-hidden="true" className="pointer-events-none absolute inset-0 -z-10 overflow-hidden">
      <div className="hero-glow absolute inset-0" />
      <div className="bg-grid absolute inset-0 [mask-image:radial-gradient(ellipse_at_top,black_20%,transparent_70%)]" />
    </div>
  );
}

function Split({ section, site, reverse = false }: SectionProps & { reverse?: boolean }) {
  return (
    <section id={section.id} aria-labelledby={`${section.id}-title`} className="relative isolate overflow-hidden">
      <Backdrop />
      <Container
        className={`grid items-center gap-14 py-16 sm:py-20 lg:gap-10 lg:py-28 ${
          reverse ? "lg:grid-cols-[1fr_1.1fr]" : "lg:grid-cols-[1.1fr_1fr]"
        }`}
      >
        <div className={reverse ? "lg:order-last" : undefined}>
          {section.eyebrow ? <Badge text={section.eyebrow} /> : null}
          <div className="mt-6">
            <Title section={section} />
          </div>
          {section.subheading ? (
            <p className="mt-6 max-w-xl text-lg leading-relaxed text-muted sm:text-xl">{section.subheading}</p>
          ) : null}
          {section.body ? <p className="mt-4 max-w-xl text-base leading-relaxed text-muted">{section.body}</p> : null}
          <Actions section={section} className="mt-9" />
          {site.location ? (
            <p className="mt-8 text-sm font-medium text-muted">
              <span className="me-2 inline-block size-2 rounded-full bg-accent align-middle" aria-hidden="true" />
              {site.location}
            </p>
          ) : null}
        </div>
        <HeroArt id={`${section.id}-art`} items={section.items} motif={site.motif} />
      </Container>
    </section>
  );
}

function Centered({ section }: SectionProps) {
  return (
    <section id={section.id} aria-labelledby={`${section.id}-title`} className="relative isolate overflow-hidden">
      <Backdrop />
      <svg
        aria-hidden="true"
        focusable="false"
        viewBox="0 0 200 200"
        className="absolute -start-24 top-24 -z-10 hidden size-72 text-primary/10 lg:block"
      >
        <circle cx="100" cy="100" r="90" fill="none" stroke="currentColor" strokeWidth="14" />
        <circle cx="100" cy="100" r="50" fill="currentColor" />
      </svg>
      <svg
        aria-hidden="true"
        focusable="false"
        viewBox="0 0 200 200"
        className="absolute -end-16 top-10 -z-10 hidden size-64 text-accent/15 lg:block"
      >
        <rect x="30" y="30" width="140" height="140" rx="36" fill="currentColor" transform="rotate(18 100 100)" />
      </svg>
      <Container className="py-20 text-center sm:py-28 lg:py-36">
        <div className="mx-auto max-w-4xl">
          {section.eyebrow ? <Badge text={section.eyebrow} /> : null}
          <div className="mt-7">
            <Title section={section} />
          </div>
          {section.subheading ? (
            <p className="mx-auto mt-7 max-w-2xl text-lg leading-relaxed text-muted sm:text-xl">
              {section.subheading}
            </p>
          ) : null}
          {section.body ? (
            <p className="mx-auto mt-4 max-w-2xl text-base leading-relaxed text-muted">{section.body}</p>
          ) : null}
          <Actions section={section} className="mt-10 justify-center" />
        </div>
        {section.items.length > 0 ? (
          <ul className="mx-auto mt-16 flex max-w-4xl flex-wrap justify-center gap-4 text-start">
            {section.items.slice(0, 3).map((item, i) => (
              <li
                key={`${item.title}-${i}`}
                className="flex w-full items-center gap-3 rounded-2xl border border-border bg-background/70 p-4 shadow-sm backdrop-blur sm:w-auto sm:min-w-[15rem] sm:max-w-xs"
              >
                <span className="grid size-11 shrink-0 place-items-center rounded-xl bg-gradient-to-br from-primary to-accent text-primary-foreground">
                  <Icon name={item.icon} className="size-5" />
                </span>
                <span className="min-w-0">
                  <span className="block font-semibold text-foreground">{item.title}</span>
                  {item.meta || item.text ? (
                    <span className="block text-sm text-muted">{item.meta || item.text}</span>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </Container>
    </section>
  );
}

/** The page-opening hero. Variants: "centered" (default), "split", "image-left". */
export function Hero(props: SectionProps) {
  switch (props.section.variant) {
    case "split":
      return <Split {...props} />;
    case "image-left":
      return <Split {...props} reverse />;
    default:
      return <Centered {...props} />;
  }
}
