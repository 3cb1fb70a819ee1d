import { Icon } from "@/lib/icons";
import type { SectionProps } from "@/lib/types";
import { Actions, Band, Container, SectionHeader, StickyIntro } from "./ui";

function gridFor(count: number): string {
  if (count === 1) return "mx-auto max-w-md";
  if (count === 2 || count === 4) return "mx-auto max-w-4xl sm:grid-cols-2";
  return "sm:grid-cols-2 lg:grid-cols-3";
}

function Grid({ section }: SectionProps) {
  return (
    <Band section={section}>
      <Container>
        <SectionHeader section={section} />
        <ul className={`mt-14 grid gap-6 ${gridFor(section.items.length)}`}>
          {section.items.map((item, i) => (
            <li
              key={`${item.title}-${i}`}
              className="group relative rounded-3xl border border-border bg-background p-7 shadow-sm transition duration-300 hover:-translate-y-1 hover:border-primary/30 hover:shadow-xl hover:shadow-primary/10"
            >
              <span className="grid size-12 place-items-center rounded-2xl bg-primary/10 text-primary-ink transition-colors group-hover:bg-primary group-hover:text-primary-foreground">
                <Icon name={item.icon} className="size-6" />
              </span>
              <h3 className="mt-6 font-heading text-xl font-semibold text-foreground">{item.title}</h3>
              {item.text ? <p className="mt-2.5 leading-relaxed text-muted">{item.text}</p> : null}
              {item.meta ? <p className="mt-4 text-sm font-semibold text-primary-ink">{item.meta}</p> : null}
            </li>
          ))}
        </ul>
        <Actions section={section} className="mt-12 justify-center" />
      </Container>
    </Band>
  );
}

function List({ section }: SectionProps) {
  return (
    <Band section={section}>
      <Container className="grid gap-12 lg:grid-cols-[1fr_1.25fr] lg:gap-20">
        <StickyIntro section={section} />
        <ul className="divide-y divide-border rounded-3xl border border-border bg-background shadow-sm">
          {section.items.map((item, i) => (
            <li key={`${item.title}-${i}`} className="flex gap-5 p-6 sm:p-8">
              <span className="grid size-12 shrink-0 place-items-center rounded-2xl bg-gradient-to-br from-primary to-accent text-primary-foreground shadow-md shadow-primary/20">
                <Icon name={item.icon} className="size-6" />
              </span>
              <div>
                <h3 className="font-heading text-lg font-semibold text-foreground sm:text-xl">{item.title}</h3>
                {item.text ? <p className="mt-1.5 leading-relaxed text-muted">{item.text}</p> : null}
              </div>
            </li>
          ))}
        </ul>
      </Container>
    </Band>
  );
}

/** Feature cards. Variants: "grid" (default), "list". */
export function Features(props: SectionProps) {
  switch (props.section.variant) {
    case "list":
      return <List {...props} />;
    default:
      return <Grid {...props} />;
  }
}
