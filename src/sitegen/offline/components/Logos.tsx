import { Icon } from "@/lib/icons";
import type { SectionProps } from "@/lib/types";
import { Container } from "./ui";

/** "Trusted by" strip of name marks. */
export function Logos({ section }: SectionProps) {
  return (
    <section
      id={section.id}
      aria-labelledby={`${section.id}-title`}
      className={`border-y border-border py-12 ${section.tinted ? "bg-surface" : "bg-background"}`}
    >
      <Container>
        <h2 id={`${section.id}-title`} className="text-center text-sm font-semibold uppercase tracking-[0.18em] text-muted">
          {section.heading}
        </h2>
        <ul className="mt-8 flex flex-wrap items-center justify-center gap-x-10 gap-y-6">
          {section.items.map((item, i) => (
            <li
              key={`${item.title}-${i}`}
              className="flex items-center gap-2 font-heading text-lg font-bold tracking-tight text-muted opacity-80 transition hover:text-foreground hover:opacity-100 sm:text-xl"
            >
              {item.icon ? <Icon name={item.icon} className="size-6" /> : null}
              {item.title}
            </li>
          ))}
        </ul>
      </Container>
    </section>
  );
}
