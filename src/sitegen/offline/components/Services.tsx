import { ArrowUpRight } from "lucide-react";
import { Icon } from "@/lib/icons";
import type { SectionProps } from "@/lib/types";
import { Actions, Band, Container, SectionHeader, SmartLink, StickyIntro } from "./ui";

function Grid({ section, site }: SectionProps) {
  const href = section.cta?.href ?? site.contactHref;
  return (
    <Band section={section}>
      <Container>
        <SectionHeader section={section} />
        <ul className="mt-14 grid gap-6 md:grid-cols-2 lg:grid-cols-3">
          {section.items.map((item, i) => (
            <li key={`${item.title}-${i}`}>
              <SmartLink
                href={href}
                className={`group flex h-full flex-col rounded-3xl border bg-background p-7 shadow-sm transition duration-300 hover:-translate-y-1 hover:border-primary/40 hover:shadow-xl hover:shadow-primary/10 ${
                  item.highlight ? "border-primary/50 ring-2 ring-primary/20" : "border-border"
                }`}
              >
                <div className="flex items-start justify-between">
                  <span className="grid size-14 place-items-center rounded-2xl bg-gradient-to-br from-primary to-accent text-primary-foreground shadow-lg shadow-primary/20">
                    <Icon name={item.icon} className="size-7" />
                  </span>
                  <span className="font-heading text-sm font-bold text-muted">{String(i + 1).padStart(2, "0")}</span>
                </div>
                <h3 className="mt-6 font-heading text-xl font-semibold text-foreground">{item.title}</h3>
                {item.text ? <p className="mt-2.5 flex-1 leading-relaxed text-muted">{item.text}</p> : <span className="flex-1" />}
                <div className="mt-6 flex items-center justify-between border-t border-border pt-4">
                  <span className="text-sm font-semibold text-primary-ink">{item.meta}</span>
                  <ArrowUpRight
                    className="size-5 text-muted transition group-hover:-translate-y-0.5 group-hover:translate-x-0.5 group-hover:text-primary-ink rtl:-scale-x-100"
                    aria-hidden="true"
                  />
                </div>
              </SmartLink>
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
      <Container className="grid gap-12 lg:grid-cols-[1fr_1.4fr] lg:gap-16">
        <StickyIntro section={section} />
        <ul className="space-y-4">
          {section.items.map((item, i) => (
            <li
              key={`${item.title}-${i}`}
              className="flex flex-col gap-4 rounded-3xl border border-border bg-background p-6 shadow-sm transition hover:border-primary/40 hover:shadow-lg sm:flex-row sm:items-center sm:p-7"
            >
              <span className="grid size-12 shrink-0 place-items-center rounded-2xl bg-primary/10 text-primary-ink">
                <Icon name={item.icon} className="size-6" />
              </span>
              <div className="flex-1">
                <h3 className="font-heading text-lg font-semibold text-foreground">{item.title}</h3>
                {item.text ? <p className="mt-1 leading-relaxed text-muted">{item.text}</p> : null}
              </div>
              {item.meta ? (
                <span className="shrink-0 rounded-full bg-surface px-4 py-1.5 text-sm font-semibold text-primary-ink">
                  {item.meta}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </Container>
    </Band>
  );
}

/** What the business offers. Variants: "grid" (default, cards), "list". */
export function Services(props: SectionProps) {
  switch (props.section.variant) {
    case "list":
      return <List {...props} />;
    default:
      return <Grid {...props} />;
  }
}
