import type { SectionProps } from "@/lib/types";
import { Actions, Band, Container, SectionHeader } from "./ui";

/** A menu or price list: names, descriptions, prices, tags and "popular" marks. */
export function Menu({ section }: SectionProps) {
  return (
    <Band section={section}>
      <Container>
        <SectionHeader section={section} />
        <div className="mx-auto mt-14 max-w-5xl rounded-[2rem] border border-border bg-background p-6 shadow-sm sm:p-10">
          <ul className="grid gap-x-14 gap-y-8 md:grid-cols-2">
            {section.items.map((item, i) => (
              <li key={`${item.title}-${i}`} className="group">
                <div className="flex items-baseline gap-3">
                  <h3 className="font-heading text-lg font-semibold text-foreground transition-colors group-hover:text-primary-ink">
                    {item.title}
                  </h3>
                  {item.highlight ? (
                    <span className="rounded-full bg-accent px-2 py-0.5 text-[0.7rem] font-bold uppercase tracking-wide text-accent-foreground">
                      ★
                    </span>
                  ) : null}
                  <span aria-hidden="true" className="flex-1 translate-y-[-0.3rem] border-b-2 border-dotted border-border" />
                  {item.meta ? <span className="font-heading text-lg font-bold text-primary-ink">{item.meta}</span> : null}
                </div>
                {item.text ? <p className="mt-1.5 text-sm leading-relaxed text-muted sm:text-base">{item.text}</p> : null}
                {item.tags.length > 0 ? (
                  <ul className="mt-2.5 flex flex-wrap gap-1.5" aria-label="Tags">
                    {item.tags.map((tag) => (
                      <li key={tag} className="rounded-full bg-surface px-2.5 py-0.5 text-xs font-medium text-muted">
                        {tag}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
        <Actions section={section} className="mt-12 justify-center" />
      </Container>
    </Band>
  );
}
