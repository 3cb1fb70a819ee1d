import type { SectionProps } from "@/lib/types";
import { Band, Container, SectionHeader, initials } from "./ui";

/** People: initials avatars, names, roles and short bios. */
export function Team({ section }: SectionProps) {
  return (
    <Band section={section}>
      <Container>
        <SectionHeader section={section} />
        <ul className="mt-14 grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
          {section.items.map((item, i) => (
            <li
              key={`${item.title}-${i}`}
              className="group rounded-3xl border border-border bg-background p-6 text-center shadow-sm transition hover:-translate-y-1 hover:shadow-xl"
            >
              <div
                aria-hidden="true"
                className="relative mx-auto grid size-28 place-items-center overflow-hidden rounded-full bg-gradient-to-br from-primary to-accent font-heading text-3xl font-bold text-primary-foreground ring-4 ring-primary/10 transition group-hover:ring-primary/30"
              >
                <span className="bg-dots absolute inset-0 opacity-30" />
                <span className="relative">{initials(item.title)}</span>
              </div>
              <h3 className="mt-5 font-heading text-lg font-semibold text-foreground">{item.title}</h3>
              {item.meta ? <p className="mt-1 text-sm font-medium text-primary-ink">{item.meta}</p> : null}
              {item.text ? <p className="mt-3 text-sm leading-relaxed text-muted">{item.text}</p> : null}
            </li>
          ))}
        </ul>
      </Container>
    </Band>
  );
}
