import Link from "next/link";
import type { ReactNode } from "react";
import { ArrowRight } from "lucide-react";
import type { LinkData, SectionData } from "@/lib/types";

/** A link that uses client-side navigation for routes and a plain anchor for the rest. */
export function SmartLink({
  href,
  className,
  children,
  ariaLabel,
}: {
  href: string;
  className?: string;
  children: ReactNode;
  ariaLabel?: string;
}) {
  if (href.startsWith("/")) {
    return (
      <Link href={href} className={className} aria-label={ariaLabel}>
        {children}
      </Link>
    );
  }
  const external = href.startsWith("http");
  return (
    <a
      href={href}
      className={className}
      aria-label={ariaLabel}
      target={external ? "_blank" : undefined}
      rel={external ? "noopener noreferrer" : undefined}
    >
      {children}
    </a>
  );
}

const buttonBase =
  "inline-flex items-center justify-center gap-2 rounded-full px-6 py-3 text-sm font-semibold transition duration-200 sm:text-base";

const buttonStyles = {
  primary: `${buttonBase} bg-primary text-primary-foreground shadow-lg shadow-primary/25 hover:-translate-y-0.5 hover:shadow-xl hover:shadow-primary/30`,
  secondary: `${buttonBase} border border-border bg-background/70 text-foreground backdrop-blur hover:border-primary-ink hover:text-primary-ink`,
  inverse: `${buttonBase} bg-primary-foreground text-primary shadow-lg hover:-translate-y-0.5 hover:shadow-xl`,
  ghost: `${buttonBase} border border-primary-foreground/40 text-primary-foreground hover:bg-primary-foreground/10`,
};

export function Button({
  link,
  style = "primary",
  arrow = false,
}: {
  link: LinkData;
  style?: keyof typeof buttonStyles;
  arrow?: boolean;
}) {
  return (
    <SmartLink href={link.href} className={buttonStyles[style]}>
      {link.label}
      {arrow ? <ArrowRight className="size-4 rtl:rotate-180" aria-hidden="true" /> : null}
    </SmartLink>
  );
}

export function Container({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <div className={`mx-auto w-full max-w-6xl px-5 sm:px-6 lg:px-8 ${className}`}>{children}</div>;
}

/** The outer band of a section: anchor id, vertical rhythm and alternating background. */
export function Band({
  section,
  children,
  className = "",
}: {
  section: SectionData;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section
      id={section.id}
      aria-labelledby={`${section.id}-title`}
      className={`relative py-20 sm:py-24 lg:py-28 ${section.tinted ? "bg-surface" : "bg-background"} ${className}`}
    >
      {children}
    </section>
  );
}

export function Eyebrow({ children }: { children: ReactNode }) {
  return (
    <p className="mb-3 text-sm font-semibold uppercase tracking-[0.18em] text-primary-ink">{children}</p>
  );
}

/** Eyebrow, heading and subheading of a section. */
export function SectionHeader({
  section,
  align = "center",
}: {
  section: SectionData;
  align?: "center" | "start";
}) {
  const centered = align === "center";
  return (
    <div className={centered ? "mx-auto max-w-2xl text-center" : "max-w-xl"}>
      {section.eyebrow && section.eyebrow.toLowerCase() !== section.heading.toLowerCase() ? (
        <Eyebrow>{section.eyebrow}</Eyebrow>
      ) : null}
      <h2
        id={`${section.id}-title`}
        className="font-heading text-3xl font-bold tracking-tight text-foreground sm:text-4xl lg:text-[2.75rem] lg:leading-[1.1]"
      >
        {section.heading}
      </h2>
      {section.subheading ? (
        <p className="mt-4 text-lg leading-relaxed text-muted">{section.subheading}</p>
      ) : null}
    </div>
  );
}

/** Body text split into paragraphs on blank lines. */
export function Prose({ text, className = "" }: { text: string; className?: string }) {
  if (!text) return null;
  return (
    <div className={`space-y-4 text-base leading-relaxed text-muted sm:text-lg ${className}`}>
      {text.split(/\n\s*\n/).map((para, i) => (
        <p key={i}>{para}</p>
      ))}
    </div>
  );
}

export function Actions({
  section,
  inverse = false,
  className = "",
}: {
  section: SectionData;
  inverse?: boolean;
  className?: string;
}) {
  if (!section.cta && !section.secondary) return null;
  return (
    <div className={`flex flex-wrap items-center gap-3 ${className}`}>
      {section.cta ? <Button link={section.cta} style={inverse ? "inverse" : "primary"} arrow /> : null}
      {section.secondary ? (
        <Button link={section.secondary} style={inverse ? "ghost" : "secondary"} />
      ) : null}
    </div>
  );
}

/** Heading, body and actions of a section, kept in view beside a long list on wide screens. */
export function StickyIntro({ section }: { section: SectionData }) {
  return (
    <div className="lg:sticky lg:top-28 lg:self-start">
      <SectionHeader section={section} align="start" />
      <Prose text={section.body} className="mt-6" />
      <Actions section={section} className="mt-8" />
    </div>
  );
}

/** Initials for an avatar placeholder. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.slice(0, 2).map((p) => Array.from(p)[0] ?? "");
  return letters.join("").toUpperCase() || "•";
}
