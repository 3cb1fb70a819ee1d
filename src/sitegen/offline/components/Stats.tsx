import { Icon } from "@/lib/icons";
import type { SectionProps } from "@/lib/types";
import { Band, Container, SectionHeader } from "./ui";

function Band_({ section }: SectionProps) {
  return (
    <section
      id={section.id}
      aria-labelledby={`${section.id}-title`}
      className="relative isolate overflow-hidden bg-primary py-16 text-primary-foreground sm:py-20"
    >
      <div aria-hidden="true" className="bg-dots absolute inset-0 -z-10 opacity-20" />
      <div aria-hidden="true" className="absolute -end-20 -top-20 -z-10 size-72 rounded-full bg-accent/40 blur-3xl" />
      <Container>
        <div className="mx-auto max-w-2xl text-center">
          {section.eyebrow ? (
            <p className="text-sm font-semibold uppercase tracking-[0.18em] opacity-80">{section.eyebrow}</p>
          ) : null}
          <h2 id={`${section.id}-title`} className="mt-2 font-heading text-3xl font-bold tracking-tight sm:text-4xl">
            {section.heading}
          </h2>
          {section.subheading ? <p className="mt-4 text-lg opacity-90">{section.subheading}</p> : null}
        </div>
        <dl className="mt-12 grid grid-cols-2 gap-x-6 gap-y-10 lg:grid-cols-4">
          {section.items.map((item, i) => (
            <div key={`${item.title}-${i}`} className="flex flex-col-reverse items-center text-center">
              <dt className="mt-2 text-sm font-medium opacity-85 sm:text-base">{item.title}</dt>
              <dd className="font-heading text-4xl font-extrabold tracking-tight sm:text-5xl">{item.meta || item.text}</dd>
              {item.icon ? (
                <dd className="mb-3 grid size-11 place-items-center rounded-full bg-primary-foreground/15">
                  <Icon name={item.icon} className="size-5" />
                </dd>
              ) : null}
            </div>
          ))}
        </dl>
      </Container>
    </section>
  );
}

function Inline({ section }: SectionProps) {
  return (
    <Band section={section}>
      <Container>
        <SectionHeader section={section} />
        <dl className="mt-12 grid grid-cols-2 overflow-hidden rounded-3xl border border-border bg-background shadow-sm lg:grid-cols-4">
          {section.items.map((item, i) => (
            <div
              key={`${item.title}-${i}`}
              className="flex flex-col-reverse gap-1 border-border p-6 text-center even:border-s sm:p-8 lg:border-s lg:first:border-s-0 [&:nth-child(n+3)]:border-t lg:[&:nth-child(n+3)]:border-t-0"
            >
              <dt className="text-sm font-medium text-muted">{item.title}</dt>
              <dd className="font-heading text-3xl font-extrabold tracking-tight text-primary-ink sm:text-4xl">
                {item.meta || item.text}
              </dd>
            </div>
          ))}
        </dl>
      </Container>
    </Band>
  );
}

/** Key figures. Variants: "band" (default, on the primary colour), "inline". */
export function Stats(props: SectionProps) {
  switch (props.section.variant) {
    case "inline":
      return <Inline {...props} />;
    default:
      return <Band_ {...props} />;
  }
}
