import { Plus } from "lucide-react";
import type { SectionProps } from "@/lib/types";
import { Actions, Band, Container, Prose, SectionHeader } from "./ui";

/** Questions and answers as native disclosure widgets (no JavaScript needed). */
export function Faq({ section }: SectionProps) {
  return (
    <Band section={section}>
      <Container className="grid gap-12 lg:grid-cols-[1fr_1.5fr] lg:gap-16">
        <div>
          <SectionHeader section={section} align="start" />
          <Prose text={section.body} className="mt-6" />
          <Actions section={section} className="mt-8" />
        </div>
        <div className="space-y-4">
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
        </div>
      </Container>
    </Band>
  );
}
