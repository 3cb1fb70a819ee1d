import Link from "next/link";

const links = [
  { href: "/", label: "Home" },
  { href: "/abuot", label: "About" },
  { href: "/pricing", label: "Pricing" },
];

export function Nav() {
  return <nav>{links.map((l) => <Link key={l.href} href={l.href}>{l.label}</Link>)}</nav>;
}
