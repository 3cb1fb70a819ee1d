"""Small local stand-ins for the shadcn/ui components models import (``@/components/ui/<name>``).

Each takes the props models pass (variant, size, className, asChild, children) and renders
Tailwind-styled elements; ``asChild`` merges the classes into the single child element.
"""

from __future__ import annotations

HEAD = ('import * as React from "react";\n\n'
        'const cx = (...a: Array<string | false | null | undefined>) => a.filter(Boolean).join(" ");\n\n')

BUTTON = HEAD + '''const VARIANTS = {
  default: "bg-primary text-primary-foreground hover:opacity-90",
  secondary: "bg-foreground/10 text-foreground hover:bg-foreground/15",
  outline: "border border-current/20 bg-transparent hover:bg-foreground/5",
  ghost: "bg-transparent hover:bg-foreground/5",
  link: "bg-transparent underline-offset-4 hover:underline",
  destructive: "bg-red-600 text-white hover:bg-red-700",
};
const SIZES = { default: "h-10 px-5 py-2", sm: "h-9 px-3 text-sm", lg: "h-12 px-8 text-base", icon: "h-10 w-10" };

export type ButtonProps = React.ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: keyof typeof VARIANTS;
  size?: keyof typeof SIZES;
  asChild?: boolean;
};

export function buttonVariants({ variant = "default", size = "default", className = "" }:
  { variant?: keyof typeof VARIANTS; size?: keyof typeof SIZES; className?: string } = {}) {
  return cx("inline-flex items-center justify-center gap-2 rounded-md font-medium transition-colors",
    VARIANTS[variant], SIZES[size], className);
}

export function Button({ variant, size, asChild, className, children, ...props }: ButtonProps) {
  const classes = buttonVariants({ variant, size, className });
  if (asChild && React.isValidElement<{ className?: string }>(children)) {
    return React.cloneElement(children, { className: cx(classes, children.props.className) });
  }
  return <button className={classes} {...props}>{children}</button>;
}

export default Button;
'''


def _simple(names: list[tuple[str, str, str]]) -> str:
    """Components that render one element with fixed classes: (name, element, classes)."""
    out = HEAD
    for name, el, classes in names:
        out += (f"export function {name}({{ className, ...props }}: React.ComponentProps<\"{el}\">) {{\n"
                f"  return <{el} className={{cx(\"{classes}\", className)}} {{...props}} />;\n}}\n\n")
    return out


CARD = _simple([
    ("Card", "div", "rounded-xl border border-foreground/10 bg-white/70 shadow-sm"),
    ("CardHeader", "div", "flex flex-col gap-1.5 p-6"),
    ("CardTitle", "h3", "text-xl font-semibold leading-tight"),
    ("CardDescription", "p", "text-sm opacity-70"),
    ("CardContent", "div", "p-6 pt-0"),
    ("CardFooter", "div", "flex items-center p-6 pt-0"),
])
BADGE = HEAD + '''const VARIANTS = {
  default: "bg-primary text-primary-foreground",
  secondary: "bg-foreground/10 text-foreground",
  outline: "border border-current/30",
  destructive: "bg-red-600 text-white",
};

export function Badge({ variant = "default", className, ...props }:
  React.ComponentProps<"span"> & { variant?: keyof typeof VARIANTS }) {
  return <span className={cx("inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold",
    VARIANTS[variant], className)} {...props} />;
}

export default Badge;
'''
INPUT = _simple([("Input", "input", "h-10 w-full rounded-md border border-foreground/20 bg-transparent px-3 text-sm")])
TEXTAREA = _simple([("Textarea", "textarea",
                     "min-h-24 w-full rounded-md border border-foreground/20 bg-transparent px-3 py-2 text-sm")])
LABEL = _simple([("Label", "label", "text-sm font-medium")])
SEPARATOR = HEAD + '''export function Separator({ className, orientation = "horizontal", decorative: _d, ...props }:
  React.ComponentProps<"div"> & { orientation?: "horizontal" | "vertical"; decorative?: boolean }) {
  return <div role="separator" className={cx("shrink-0 bg-foreground/10",
    orientation === "vertical" ? "h-full w-px" : "h-px w-full", className)} {...props} />;
}
'''
AVATAR = HEAD + '''export function Avatar({ className, ...props }: React.ComponentProps<"span">) {
  return <span className={cx("relative flex h-10 w-10 shrink-0 overflow-hidden rounded-full bg-foreground/10",
    className)} {...props} />;
}

export function AvatarImage({ className, alt = "", ...props }: React.ComponentProps<"img">) {
  return <img className={cx("aspect-square h-full w-full object-cover", className)} alt={alt} {...props} />;
}

export function AvatarFallback({ className, ...props }: React.ComponentProps<"span">) {
  return <span className={cx("flex h-full w-full items-center justify-center text-sm font-medium", className)}
    {...props} />;
}
'''
TABS = '"use client";\n\n' + HEAD + '''type TabsState = { value: string; set: (v: string) => void };
const Ctx = React.createContext<TabsState>({ value: "", set: () => {} });

export function Tabs({ defaultValue = "", value, onValueChange, className, children }: {
  defaultValue?: string; value?: string; onValueChange?: (v: string) => void; className?: string;
  children?: React.ReactNode;
}) {
  const [inner, setInner] = React.useState(defaultValue);
  const current = value ?? inner;
  const set = (v: string) => { setInner(v); onValueChange?.(v); };
  return <Ctx.Provider value={{ value: current, set }}><div className={className}>{children}</div></Ctx.Provider>;
}

export function TabsList({ className, ...props }: React.ComponentProps<"div">) {
  return <div role="tablist" className={cx("inline-flex gap-1 rounded-lg bg-foreground/5 p-1", className)}
    {...props} />;
}

export function TabsTrigger({ value, className, ...props }: React.ComponentProps<"button"> & { value: string }) {
  const ctx = React.useContext(Ctx);
  const active = ctx.value === value;
  return <button type="button" role="tab" aria-selected={active} onClick={() => ctx.set(value)}
    className={cx("rounded-md px-3 py-1.5 text-sm font-medium", active ? "bg-white shadow" : "opacity-70", className)}
    {...props} />;
}

export function TabsContent({ value, className, ...props }: React.ComponentProps<"div"> & { value: string }) {
  const ctx = React.useContext(Ctx);
  return ctx.value === value ? <div role="tabpanel" className={cx("mt-4", className)} {...props} /> : null;
}
'''
ACCORDION = HEAD + '''export function Accordion({ className, type: _t, collapsible: _c, defaultValue: _d, ...props }:
  React.ComponentProps<"div"> & { type?: string; collapsible?: boolean; defaultValue?: string | string[] }) {
  return <div className={cx("divide-y divide-foreground/10", className)} {...props} />;
}

export function AccordionItem({ className, value: _v, children }: { className?: string; value?: string;
  children?: React.ReactNode }) {
  return <details className={cx("group py-3", className)}>{children}</details>;
}

export function AccordionTrigger({ className, children }: { className?: string; children?: React.ReactNode }) {
  return <summary className={cx("cursor-pointer list-none font-medium", className)}>{children}</summary>;
}

export function AccordionContent({ className, children }: { className?: string; children?: React.ReactNode }) {
  return <div className={cx("pt-2 opacity-80", className)}>{children}</div>;
}
'''
UI = {
    "button": BUTTON, "card": CARD, "badge": BADGE, "input": INPUT, "textarea": TEXTAREA, "label": LABEL,
    "separator": SEPARATOR, "avatar": AVATAR, "tabs": TABS, "accordion": ACCORDION,
}


def generic_component(name: str, default: bool = False) -> str:
    """A typed, styled component for a name nothing defines: it renders its text props and children."""
    lead = "export default function" if default else "export function"
    return (f"{lead} {name}({{ className, children, ...props }}: {{ className?: string; children?: React.ReactNode;"
            " [key: string]: unknown }) {\n"
            "  const text = [\"title\", \"heading\", \"label\", \"subtitle\", \"description\", \"text\"]\n"
            "    .map((k) => props[k]).filter((v): v is string => typeof v === \"string\");\n"
            "  return (\n"
            "    <div className={[\"flex flex-col gap-2\", className].filter(Boolean).join(\" \")}>\n"
            "      {text.map((t, i) => (i === 0 ? <h3 key={i} className=\"text-lg font-semibold\">{t}</h3>"
            " : <p key={i} className=\"opacity-80\">{t}</p>))}\n"
            "      {children}\n"
            "    </div>\n  );\n}\n")
