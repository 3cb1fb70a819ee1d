import { Check } from "lucide-react";
import type { SectionProps } from "@/lib/types";
import { Band, Container, SectionHeader, SmartLink } from "./ui";

/** Pricing plans; the highlighted plan is drawn in the primary colour. */
export function Pricing({ section, site }: SectionProps) {
  const href = section.cta?.href ?? site.contactHref;
  const label = section.cta?.label ?? site.action?.label ?? "Get started";
  return (
    <Band section={section}>
      <Container>
        <SectionHeader section={section} />
        <ul className="mx-auto mt-14 grid max-w-5xl items-stretch gap-6 md:grid-cols-2 lg:grid-cols-3">
          {section.items.map((item, i) => {
            const hot = item.highlight;
            return (
              <li
                key={`${item.title}-${i}`}
                className={`relative flex flex-col rounded-3xl p-8 transition duration-300 hover:-translate-y-1 ${
                  hot
                    ? "bg-primary text-primary-foreground shadow-2xl shadow-primary/30 lg:scale-105"
                    : "border border-border bg-background text-foreground shadow-sm hover:shadow-xl"
                }`}
              >
                {hot ? (
                  <span className="absolute -top-3.5 start-8 rounded-full bg-accent px-3 py-1 text-xs font-bold uppercase tracking-wide text-accent-foreground shadow">
                    ★
                  </span>
                ) : null}
                <h3 className="font-heading text-lg font-semibold">{item.title}</h3>
                <p className="mt-4 font-heading text-4xl font-extrabold tracking-tight sm:text-5xl">{item.meta}</p>
                {item.text ? (
                  <p className={`mt-3 text-sm leading-relaxed ${hot ? "opacity-90" : "text-muted"}`}>{item.text}</p>
                ) : null}
                <ul className="mt-7 flex-1 space-y-3 text-sm">
                  {item.tags.map((tag) => (
                    <li key={tag} className="flex gap-2.5">
                      <Check className={`size-5 shrink-0 ${hot ? "" : "text-primary-ink"}`} aria-hidden="true" />
                      <span>{tag}</span>
                    </li>
                  ))}
                </ul>
                <SmartLink
                  href={href}
                  className={`mt-8 inline-flex items-center justify-center rounded-full px-5 py-3 text-sm font-semibold transition ${
                    hot
                      ? "bg-primary-foreground text-primary hover:opacity-90"
                      : "bg-primary text-primary-foreground hover:opacity-90"
                  }`}
                >
                  {label}
                </SmartLink>
              </li>
            );
          })}
        </ul>
      </Container>
    </Band>
  );
}
