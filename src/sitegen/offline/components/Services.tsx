import { ArrowUpRight } from "lucide-react";
import { Icon } from "@/lib/icons";
import type { SectionProps } from "@/lib/types";
import { Actions, Band, Container, SectionHeader } from "./ui";

/** Service cards with a number, icon, description and an optional price line. */
export function Services({ section, site }: SectionProps) {
  return (
    <Band section={section}>
      <Container>
        <SectionHeader section={section} />
        <ul className="mt-14 grid gap-6 md:grid-cols-2 lg:grid-cols-3">
          {section.items.map((item, i) => (
            <li key={`${item.title}-${i}`}>
              <a
                href={section.cta?.href ?? site.contactHref}
                className="group flex h-full flex-col rounded-3xl border border-border bg-background p-7 shadow-sm transition duration-300 hover:-translate-y-1 hover:border-primary/40 hover:shadow-xl hover:shadow-primary/10"
              >
                <div className="flex items-start justify-between">
                  <span className="grid size-14 place-items-center rounded-2xl bg-gradient-to-br from-primary to-accent text-primary-foreground shadow-lg shadow-primary/20">
                    <Icon name={item.icon} className="size-7" />
                  </span>
                  <span className="font-heading text-sm font-bold text-muted/70">{String(i + 1).padStart(2, "0")}</span>
                </div>
                <h3 className="mt-6 font-heading text-xl font-semibold text-foreground">{item.title}</h3>
                {item.text ? <p className="mt-2.5 flex-1 leading-relaxed text-muted">{item.text}</p> : <span className="flex-1" />}
                <div className="mt-6 flex items-center justify-between border-t border-border pt-4">
                  <span className="text-sm font-semibold text-primary-ink">{item.meta}</span>
                  <ArrowUpRight
                    className="size-5 text-muted transition group-hover:-translate-y-0.5 group-hover:translate-x-0.5 group-hover:text-primary-ink"
                    aria-hidden="true"
                  />
                </div>
              </a>
            </li>
          ))}
        </ul>
        <Actions section={section} className="mt-12 justify-center" />
      </Container>
    </Band>
  );
}
