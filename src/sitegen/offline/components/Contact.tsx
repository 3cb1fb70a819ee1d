import { Clock, Mail, MapPin, Phone, Send } from "lucide-react";
import type { ReactNode } from "react";
import { Icon } from "@/lib/icons";
import type { SectionProps } from "@/lib/types";
import { Band, Container, Prose, SectionHeader } from "./ui";

function Detail({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <li className="flex gap-4 rounded-2xl border border-border bg-background p-5 shadow-sm">
      <span className="grid size-11 shrink-0 place-items-center rounded-xl bg-primary/10 text-primary-ink">{icon}</span>
      <div className="min-w-0">
        <p className="text-sm font-semibold text-foreground">{label}</p>
        <div className="mt-1 text-muted">{children}</div>
      </div>
    </li>
  );
}

const field =
  "mt-2 block w-full rounded-xl border border-border bg-background px-4 py-3 text-foreground placeholder:text-muted/70 focus:border-primary-ink focus:outline-none focus:ring-2 focus:ring-primary/30";

/** Contact details and a mail form that works without a server (it opens the visitor's mail app). */
export function Contact({ section, site }: SectionProps) {
  const { contact } = site;
  return (
    <Band section={section}>
      <Container className="grid gap-12 lg:grid-cols-2 lg:gap-16">
        <div>
          <SectionHeader section={section} align="start" />
          <Prose text={section.body} className="mt-6" />
          <ul className="mt-8 space-y-4">
            {section.items.map((item, i) => (
              <Detail key={`${item.title}-${i}`} icon={<Icon name={item.icon} className="size-5" />} label={item.title}>
                {/^[^\s@]+@[^\s@]+$/.test(item.text) ? (
                  <a href={`mailto:${item.text}`} className="break-all hover:text-primary-ink">
                    {item.text}
                  </a>
                ) : (
                  <span className="whitespace-pre-line">{item.text}</span>
                )}
              </Detail>
            ))}
            {section.items.length > 0 ? null : contact.address ? (
              <Detail icon={<MapPin className="size-5" aria-hidden="true" />} label="Address">
                <address className="not-italic">{contact.address}</address>
              </Detail>
            ) : null}
            {section.items.length === 0 && contact.phone ? (
              <Detail icon={<Phone className="size-5" aria-hidden="true" />} label="Phone">
                <a href={`tel:${contact.phone.replace(/[^+\d]/g, "")}`} className="hover:text-primary-ink">
                  {contact.phone}
                </a>
              </Detail>
            ) : null}
            {section.items.length === 0 && contact.email ? (
              <Detail icon={<Mail className="size-5" aria-hidden="true" />} label="Email">
                <a href={`mailto:${contact.email}`} className="break-all hover:text-primary-ink">
                  {contact.email}
                </a>
              </Detail>
            ) : null}
            {section.items.length === 0 && contact.hours.length > 0 ? (
              <Detail icon={<Clock className="size-5" aria-hidden="true" />} label="Hours">
                <ul>
                  {contact.hours.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </Detail>
            ) : null}
          </ul>
        </div>
        <form
          action={contact.email ? `mailto:${contact.email}` : undefined}
          method="post"
          encType="text/plain"
          className="rounded-[2rem] border border-border bg-background p-6 shadow-xl shadow-primary/5 sm:p-10"
        >
          <div className="grid gap-5 sm:grid-cols-2">
            <label className="block text-sm font-medium text-foreground">
              Name
              <input name="name" autoComplete="name" required className={field} />
            </label>
            <label className="block text-sm font-medium text-foreground">
              Email
              <input name="email" type="email" autoComplete="email" required className={field} />
            </label>
          </div>
          <label className="mt-5 block text-sm font-medium text-foreground">
            Message
            <textarea name="message" rows={5} required className={field} />
          </label>
          <button
            type="submit"
            className="mt-7 inline-flex w-full items-center justify-center gap-2 rounded-full bg-primary px-6 py-3.5 font-semibold text-primary-foreground shadow-lg shadow-primary/25 transition hover:-translate-y-0.5 hover:shadow-xl"
          >
            {section.cta?.label || "Send"}
            <Send className="size-4 rtl:-scale-x-100" aria-hidden="true" />
          </button>
        </form>
      </Container>
    </Band>
  );
}
