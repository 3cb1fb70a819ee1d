import { Plus } from "lucide-react";
import type { SectionProps } from "@/lib/types";
import { Actions, Band, Container, Prose, SectionHeader } from "./ui";

/** Questions and answers as native disclosure widgets (no JavaScript needed).
 * Variants: "accordion" (default, centred), "two-column" (heading beside the questions). */
export function Faq({ section }: SectionProps) {
  const two = section.variant === "two-column";
  return (
    <Band section={section}>
      <Container className={two ? "grid gap-12 lg:grid-cols-[1fr_1.5fr] lg:gap-16" : ""}>
        <div className={two ? undefined : "mx-auto max-w-3xl"}>
          <SectionHeader section={section} align={two ? "start" : "center"} />
          <Prose text={section.body} className={two ? "mt-6" : "mx-auto mt-6 max-w-2xl text-center"} />
          {two ? <Actions section={section} className="mt-8" /> : null}
        </div>
        <div className={two ? "space-y-4" : "mx-auto mt-12 max-w-3xl space-y-4"}>
          {section.items.map((item, i) => (
            <details
              key={`${item.title}-${i}`}
              className="group rounded-2xl border border-border bg-background p-5 shadow-sm transition open:shadow-md sm:p-6"
              open={i === 0}
            >
              <summary className="flex cursor-pointer list-none items-center justify-between gap-4 font-heading text-lg font-semibold text-foreground [&::-webkit-details-marker]:hidden">
                {item.title}
                <span className="grid size-8 shrink-0 place-items-center rounded-full bg-primary/10 text-primary-ink transition group-open:rotate-45">
                  <Plus className="size-4" aria-hidden="true" />
                </span>
              </summary>
              <p className="mt-3 leading-relaxed text-muted">{item.text}</p>
            </details>
          ))}
          {two ? null : <Actions section={section} className="justify-center pt-6" />}
        </div>
      </Container>
    </Band>
  );
}
