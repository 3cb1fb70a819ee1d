import { Icon } from "@/lib/icons";
import type { SectionProps } from "@/lib/types";
import { Actions, Band, Container, SectionHeader } from "./ui";

const columns: Record<number, string> = {
  1: "",
  2: "md:grid-cols-2",
  3: "md:grid-cols-3",
  4: "md:grid-cols-2 lg:grid-cols-4",
};

/** Numbered steps joined by a line. */
export function Process({ section }: SectionProps) {
  const cols = columns[Math.min(section.items.length, 4)] ?? "md:grid-cols-2 lg:grid-cols-4";
  return (
    <Band section={section}>
      <Container>
        <SectionHeader section={section} />
        <ol className={`relative mt-14 grid gap-10 ${cols}`}>
          {section.items.map((item, i) => (
            <li key={`${item.title}-${i}`} className="relative">
              <div className="flex items-center gap-4">
                <span className="relative z-10 grid size-14 shrink-0 place-items-center rounded-2xl bg-primary font-heading text-lg font-bold text-primary-foreground shadow-lg shadow-primary/25">
                  {item.meta || String(i + 1).padStart(2, "0")}
                </span>
                <span aria-hidden="true" className="h-px flex-1 bg-gradient-to-r from-primary/40 to-transparent" />
                {item.icon ? <Icon name={item.icon} className="size-6 text-primary-ink" /> : null}
              </div>
              <h3 className="mt-6 font-heading text-xl font-semibold text-foreground">{item.title}</h3>
              {item.text ? <p className="mt-2 leading-relaxed text-muted">{item.text}</p> : null}
            </li>
          ))}
        </ol>
        <Actions section={section} className="mt-14 justify-center" />
      </Container>
    </Band>
  );
}
