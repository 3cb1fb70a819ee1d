import { Icon } from "@/lib/icons";
import type { ItemData, SectionProps } from "@/lib/types";
import { Actions, Band, Container, SectionHeader } from "./ui";

type Group = { name: string; items: ItemData[] };

/** Items grouped by their first tag (the category) when there is more than one category. */
function groups(items: ItemData[]): { grouped: boolean; list: Group[] } {
  const list: Group[] = [];
  for (const item of items) {
    const name = item.tags[0] ?? "";
    const found = list.find((g) => g.name === name);
    if (found) found.items.push(item);
    else list.push({ name, items: [item] });
  }
  const grouped = list.length > 1 && list.every((g) => g.name !== "");
  return { grouped, list: grouped ? list : [{ name: "", items }] };
}

function Tags({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="mt-2.5 flex flex-wrap gap-1.5" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag} className="rounded-full bg-surface px-2.5 py-0.5 text-xs font-medium text-muted">
          {tag}
        </li>
      ))}
    </ul>
  );
}

function Signature() {
  return (
    <span className="rounded-full bg-accent px-2 py-0.5 text-[0.7rem] font-bold text-accent-foreground" aria-label="★">
      ★
    </span>
  );
}

type ItemProps = { item: ItemData; tags: string[]; level: "h3" | "h4" };

function Row({ item, tags, level: H }: ItemProps) {
  return (
    <li className="group">
      <div className="flex items-baseline gap-3">
        <H className="font-heading text-lg font-semibold text-foreground transition-colors group-hover:text-primary-ink">
          {item.title}
        </H>
        {item.highlight ? <Signature /> : null}
        <span aria-hidden="true" className="flex-1 translate-y-[-0.3rem] border-b-2 border-dotted border-border" />
        {item.meta ? <span className="font-heading text-lg font-bold text-primary-ink">{item.meta}</span> : null}
      </div>
      {item.text ? <p className="mt-1.5 text-sm leading-relaxed text-muted sm:text-base">{item.text}</p> : null}
      <Tags tags={tags} />
    </li>
  );
}

function Card({ item, tags, level: H }: ItemProps) {
  return (
    <li className="flex flex-col rounded-3xl border border-border bg-background p-6 shadow-sm transition hover:-translate-y-1 hover:shadow-xl">
      <div className="flex items-start justify-between gap-3">
        <span className="grid size-12 place-items-center rounded-2xl bg-primary/10 text-primary-ink">
          <Icon name={item.icon} className="size-6" />
        </span>
        {item.meta ? (
          <span className="rounded-full bg-primary px-3 py-1 font-heading text-sm font-bold text-primary-foreground">
            {item.meta}
          </span>
        ) : null}
      </div>
      <H className="mt-5 flex items-center gap-2 font-heading text-lg font-semibold text-foreground">
        {item.title}
        {item.highlight ? <Signature /> : null}
      </H>
      {item.text ? <p className="mt-1.5 flex-1 text-sm leading-relaxed text-muted">{item.text}</p> : null}
      <Tags tags={tags} />
    </li>
  );
}

/** A menu or price list. Variants: "list" (default, dotted leaders), "cards". */
export function Menu({ section }: SectionProps) {
  const { grouped, list } = groups(section.items);
  const cards = section.variant === "cards";
  const level = grouped ? "h4" : "h3";
  return (
    <Band section={section}>
      <Container>
        <SectionHeader section={section} />
        <div
          className={
            cards
              ? "mt-14 space-y-12"
              : "mx-auto mt-14 max-w-5xl space-y-12 rounded-[2rem] border border-border bg-background p-6 shadow-sm sm:p-10"
          }
        >
          {list.map((group) => (
            <div key={group.name || "all"}>
              {grouped ? (
                <h3 className="mb-6 flex items-center gap-4 font-heading text-2xl font-bold text-foreground">
                  {group.name}
                  <span aria-hidden="true" className="h-px flex-1 bg-border" />
                </h3>
              ) : null}
              <ul className={cards ? "grid gap-6 sm:grid-cols-2 lg:grid-cols-3" : "grid gap-x-14 gap-y-8 md:grid-cols-2"}>
                {group.items.map((item, i) =>
                  cards ? (
                    <Card key={`${item.title}-${i}`} item={item} tags={grouped ? item.tags.slice(1) : item.tags} level={level} />
                  ) : (
                    <Row key={`${item.title}-${i}`} item={item} tags={grouped ? item.tags.slice(1) : item.tags} level={level} />
                  ),
                )}
              </ul>
            </div>
          ))}
        </div>
        <Actions section={section} className="mt-12 justify-center" />
      </Container>
    </Band>
  );
}
