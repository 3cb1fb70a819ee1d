import { Check } from "lucide-react";
import { Icon } from "@/lib/icons";
import type { SectionProps } from "@/lib/types";
import { MotifBlob } from "./HeroArt";
import { Actions, Band, Container, Prose, SectionHeader } from "./ui";

/** The story: text and values on one side, an illustrated panel on the other. */
export function About({ section, site }: SectionProps) {
  const highlight = section.items.find((item) => item.meta) ?? null;
  return (
    <Band section={section}>
      <Container className="grid items-center gap-14 lg:grid-cols-2 lg:gap-20">
        <div className="relative order-last lg:order-first">
          <div className="relative overflow-hidden rounded-[2rem] bg-gradient-to-br from-primary/15 via-surface to-accent/20 p-8 sm:p-12">
            <MotifBlob id={`${section.id}-art`} motif={site.motif} className="mx-auto aspect-[12/11] w-full max-w-sm" />
            <div className="absolute inset-x-6 bottom-6 rounded-2xl border border-border bg-background/90 p-5 shadow-lg backdrop-blur sm:inset-x-10">
              <p className="font-heading text-lg font-semibold text-foreground">{site.name}</p>
              <p className="mt-1 text-sm text-muted">{site.location || site.tagline}</p>
            </div>
          </div>
          {highlight ? (
            <div className="absolute -top-5 end-4 rounded-2xl bg-primary px-5 py-4 text-primary-foreground shadow-xl sm:-end-5">
              <p className="font-heading text-2xl font-bold">{highlight.meta}</p>
              <p className="text-xs font-medium opacity-90">{highlight.title}</p>
            </div>
          ) : null}
        </div>
        <div>
          <SectionHeader section={section} align="start" />
          <Prose text={section.body} className="mt-6" />
          {section.items.length > 0 ? (
            <ul className="mt-8 grid gap-5 sm:grid-cols-2">
              {section.items.map((item, i) => (
                <li key={`${item.title}-${i}`} className="flex gap-3">
                  <span className="mt-0.5 grid size-8 shrink-0 place-items-center rounded-full bg-primary/10 text-primary-ink">
                    {item.icon ? <Icon name={item.icon} className="size-4" /> : <Check className="size-4" aria-hidden="true" />}
                  </span>
                  <span>
                    <span className="block font-semibold text-foreground">{item.title}</span>
                    {item.text ? <span className="mt-1 block text-sm leading-relaxed text-muted">{item.text}</span> : null}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          <Actions section={section} className="mt-10" />
        </div>
      </Container>
    </Band>
  );
}
