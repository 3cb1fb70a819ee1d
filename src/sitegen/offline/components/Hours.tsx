import { Clock, MapPin } from "lucide-react";
import type { SectionProps } from "@/lib/types";
import { Actions, Band, Container, SectionHeader } from "./ui";

/** Opening hours as a table, with the address beside it. */
export function Hours({ section, site }: SectionProps) {
  const rows =
    section.items.length > 0
      ? section.items.map((item) => ({ day: item.title, time: item.meta || item.text, hot: item.highlight }))
      : site.contact.hours.map((line) => ({ day: line, time: "", hot: false }));
  return (
    <Band section={section}>
      <Container className="grid items-start gap-12 lg:grid-cols-2 lg:gap-16">
        <div>
          <SectionHeader section={section} align="start" />
          {site.contact.address ? (
            <p className="mt-8 flex gap-3 text-muted">
              <MapPin className="mt-0.5 size-5 shrink-0 text-primary-ink" aria-hidden="true" />
              <span>{site.contact.address}</span>
            </p>
          ) : null}
          <Actions section={section} className="mt-8" />
        </div>
        <div className="rounded-[2rem] border border-border bg-background p-6 shadow-lg sm:p-8">
          <div className="flex items-center gap-3 border-b border-border pb-5">
            <span className="grid size-11 place-items-center rounded-xl bg-primary text-primary-foreground">
              <Clock className="size-5" aria-hidden="true" />
            </span>
            <p className="font-heading text-lg font-semibold text-foreground">{site.name}</p>
          </div>
          <dl className="divide-y divide-border">
            {rows.map((row, i) => (
              <div key={`${row.day}-${i}`} className="flex items-center justify-between gap-4 py-4">
                <dt className={`font-medium ${row.hot ? "text-primary-ink" : "text-foreground"}`}>{row.day}</dt>
                <dd className="text-end text-muted tabular-nums">{row.time}</dd>
              </div>
            ))}
          </dl>
        </div>
      </Container>
    </Band>
  );
}
