import Link from "next/link";
import { Clock, Mail, MapPin, Phone } from "lucide-react";
import type { SiteData } from "@/lib/types";

/** Site footer: brand, pages, contact details and opening hours. */
export function Footer({ site }: { site: SiteData }) {
  const { contact } = site;
  const year = new Date().getFullYear();
  const hasContact = Boolean(contact.email || contact.phone || contact.address);
  return (
    <footer className="border-t border-border bg-surface text-foreground">
      <div className="mx-auto grid w-full max-w-6xl gap-10 px-5 py-14 sm:px-6 md:grid-cols-2 lg:grid-cols-4 lg:px-8">
        <div className="lg:col-span-1">
          <p className="font-heading text-xl font-bold tracking-tight">{site.name}</p>
          <p className="mt-3 max-w-xs text-sm leading-relaxed text-muted">{site.tagline}</p>
          {contact.socials.length > 0 ? (
            <ul className="mt-5 flex flex-wrap gap-2" aria-label="Social media">
              {contact.socials.map((social) => (
                <li
                  key={social}
                  className="rounded-full border border-border bg-background px-3 py-1 text-xs font-medium text-muted"
                >
                  {social}
                </li>
              ))}
            </ul>
          ) : null}
        </div>

        <nav aria-label="Footer">
          <h2 className="text-sm font-semibold uppercase tracking-wider text-foreground">Explore</h2>
          <ul className="mt-4 space-y-2.5">
            {site.nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="text-sm text-muted transition-colors hover:text-primary-ink">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>

        {hasContact ? (
          <div>
            <h2 className="text-sm font-semibold uppercase tracking-wider text-foreground">Contact</h2>
            <address className="mt-4 space-y-3 text-sm not-italic text-muted">
              {contact.address ? (
                <p className="flex gap-2.5">
                  <MapPin className="mt-0.5 size-4 shrink-0 text-primary-ink" aria-hidden="true" />
                  <span>{contact.address}</span>
                </p>
              ) : null}
              {contact.phone ? (
                <p className="flex gap-2.5">
                  <Phone className="mt-0.5 size-4 shrink-0 text-primary-ink" aria-hidden="true" />
                  <a href={`tel:${contact.phone.replace(/[^+\d]/g, "")}`} className="hover:text-primary-ink">
                    {contact.phone}
                  </a>
                </p>
              ) : null}
              {contact.email ? (
                <p className="flex gap-2.5">
                  <Mail className="mt-0.5 size-4 shrink-0 text-primary-ink" aria-hidden="true" />
                  <a href={`mailto:${contact.email}`} className="break-all hover:text-primary-ink">
                    {contact.email}
                  </a>
                </p>
              ) : null}
            </address>
          </div>
        ) : null}

        {contact.hours.length > 0 ? (
          <div>
            <h2 className="text-sm font-semibold uppercase tracking-wider text-foreground">Hours</h2>
            <ul className="mt-4 space-y-2.5 text-sm text-muted">
              {contact.hours.map((line) => (
                <li key={line} className="flex gap-2.5">
                  <Clock className="mt-0.5 size-4 shrink-0 text-primary-ink" aria-hidden="true" />
                  <span>{line}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      <div className="border-t border-border">
        <div className="mx-auto flex w-full max-w-6xl flex-col gap-2 px-5 py-6 text-xs text-muted sm:flex-row sm:items-center sm:justify-between sm:px-6 lg:px-8">
          <p>
            © {year} {site.name}
          </p>
          {site.footerNote ? <p>{site.footerNote}</p> : null}
        </div>
      </div>
    </footer>
  );
}
