import { Icon } from "@/lib/icons";
import type { SectionProps } from "@/lib/types";
import { Band, Container, SectionHeader } from "./ui";

const tiles = [
  "from-primary to-accent",
  "from-accent/80 to-primary/60",
  "from-primary/80 via-primary/50 to-surface",
  "from-accent to-primary/70",
  "from-primary/60 to-accent/90",
  "from-surface via-accent/50 to-primary",
];

const patterns = ["bg-dots", "bg-grid", "bg-stripes"];

/** A picture wall drawn with gradients, patterns and icons (no remote images). */
export function Gallery({ section }: SectionProps) {
  return (
    <Band section={section}>
      <Container>
        <SectionHeader section={section} />
        <ul className="mt-14 grid auto-rows-[12rem] grid-cols-2 gap-4 sm:auto-rows-[14rem] lg:grid-cols-4">
          {section.items.map((item, i) => (
            <li
              key={`${item.title}-${i}`}
              className={`group relative overflow-hidden rounded-3xl bg-gradient-to-br ${tiles[i % tiles.length]} ${
                i === 0 ? "col-span-2 row-span-2" : ""
              } ${i === 3 ? "lg:col-span-2" : ""}`}
            >
              <div aria-hidden="true" className={`absolute inset-0 opacity-40 mix-blend-overlay ${patterns[i % patterns.length]}`} />
              <Icon
                name={item.icon}
                className={`absolute end-6 top-6 text-primary-foreground/80 transition duration-500 group-hover:scale-110 group-hover:rotate-6 ${
                  i === 0 ? "size-20 sm:size-28" : "size-12"
                }`}
              />
              {item.meta ? (
                <span className="absolute start-4 top-4 rounded-full bg-black/35 px-3 py-1 text-xs font-semibold text-white backdrop-blur">
                  {item.meta}
                </span>
              ) : null}
              <div className="absolute inset-x-0 bottom-0 bg-gradient-to-t from-black/60 to-transparent p-5 pt-14 text-white">
                <p className={`font-heading font-semibold ${i === 0 ? "text-xl sm:text-2xl" : "text-base"}`}>{item.title}</p>
                {item.text ? <p className="mt-1 line-clamp-2 text-sm text-white/85">{item.text}</p> : null}
              </div>
            </li>
          ))}
        </ul>
      </Container>
    </Band>
  );
}
