import type { SectionProps } from "@/lib/types";
import { Actions, Container } from "./ui";

/** A closing call to action on a bold panel. Variants: "banner" (default, centred), "split". */
export function Cta({ section }: SectionProps) {
  const split = section.variant === "split";
  return (
    <section id={section.id} aria-labelledby={`${section.id}-title`} className="bg-background py-16 sm:py-24">
      <Container>
        <div
          className={`relative isolate overflow-hidden rounded-[2rem] bg-primary px-6 py-16 text-primary-foreground shadow-2xl shadow-primary/20 sm:px-16 sm:py-20 ${
            split ? "grid items-center gap-10 lg:grid-cols-[1.4fr_1fr]" : "text-center"
          }`}
        >
          <div aria-hidden="true" className="bg-grid absolute inset-0 -z-10 opacity-20" />
          <div aria-hidden="true" className="absolute -start-24 -top-24 -z-10 size-80 rounded-full bg-accent/50 blur-3xl" />
          <div aria-hidden="true" className="absolute -bottom-32 -end-16 -z-10 size-96 rounded-full bg-white/15 blur-3xl" />
          <div>
            {section.eyebrow ? (
              <p className="text-sm font-semibold uppercase tracking-[0.18em] opacity-85">{section.eyebrow}</p>
            ) : null}
            <h2
              id={`${section.id}-title`}
              className={`mt-3 max-w-3xl font-heading text-3xl font-bold tracking-tight text-balance sm:text-5xl ${
                split ? "" : "mx-auto"
              }`}
            >
              {section.heading}
            </h2>
            {section.subheading ? (
              <p className={`mt-5 max-w-2xl text-lg leading-relaxed opacity-90 ${split ? "" : "mx-auto"}`}>
                {section.subheading}
              </p>
            ) : null}
          </div>
          <Actions section={section} inverse className={split ? "lg:justify-end" : "mt-10 justify-center"} />
        </div>
      </Container>
    </section>
  );
}
