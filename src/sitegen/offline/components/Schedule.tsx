import { Icon } from "@/lib/icons";
import type { SectionProps } from "@/lib/types";
import { Actions, Band, Container, SectionHeader } from "./ui";

/** A timetable or programme: time on one side, what happens on the other. */
export function Schedule({ section }: SectionProps) {
  return (
    <Band section={section}>
      <Container>
        <SectionHeader section={section} />
        <ol className="mx-auto mt-14 max-w-4xl space-y-4">
          {section.items.map((item, i) => (
            <li
              key={`${item.title}-${i}`}
              className={`grid gap-4 rounded-2xl border p-5 shadow-sm transition hover:shadow-md sm:grid-cols-[10rem_1fr] sm:gap-8 sm:p-6 ${
                item.highlight ? "border-primary/40 bg-primary/5" : "border-border bg-background"
              }`}
            >
              <p className="font-heading text-lg font-bold text-primary-ink tabular-nums">{item.meta}</p>
              <div className="flex gap-4">
                <span className="hidden size-10 shrink-0 place-items-center rounded-xl bg-primary/10 text-primary-ink sm:grid">
                  <Icon name={item.icon} className="size-5" />
                </span>
                <div>
                  <h3 className="font-heading text-lg font-semibold text-foreground">{item.title}</h3>
                  {item.text ? <p className="mt-1 leading-relaxed text-muted">{item.text}</p> : null}
                  {item.tags.length > 0 ? (
                    <ul className="mt-3 flex flex-wrap gap-2" aria-label="Tags">
                      {item.tags.map((tag) => (
                        <li key={tag} className="rounded-full bg-surface px-2.5 py-0.5 text-xs font-medium text-muted">
                          {tag}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              </div>
            </li>
          ))}
        </ol>
        <Actions section={section} className="mt-12 justify-center" />
      </Container>
    </Band>
  );
}
