"""Rules for imports outside the dependency set: icon packs, animation libraries, Google fonts,
class-name helpers (clsx, tailwind-merge, class-variance-authority), date libraries, UI kits,
unknown lucide icons, and whatever is left (removed)."""

from __future__ import annotations

import re
from functools import cache

from sitegen.checks.rules import jsx
from sitegen.checks.rules.base import FixContext, Rule
from sitegen.checks.static import is_node_builtin, module_allowed, package_of

ICON_PACKAGES = ("react-icons", "@heroicons/react", "@radix-ui/react-icons", "@tabler/icons-react",
                 "@phosphor-icons/react", "phosphor-react", "@fortawesome/react-fontawesome",
                 "@fortawesome/free-solid-svg-icons", "@fortawesome/free-brands-svg-icons", "react-feather",
                 "@mui/icons-material", "lucide")
ICON_PREFIX_RE = re.compile(
    r"^(?:Fa6?|Fi|Md|Hi2?|Bi|Ai|Bs|Io5?|Ri|Si|Gi|Tb|Lu|Pi|Ci|Go|Gr|Im|Lia|Rx|Sl|Tfi|Vsc|Wi|Cg|Icon|fa)(?=[A-Z])"
)
MOTION_PACKAGES = ("framer-motion", "motion", "react-spring", "@react-spring/web", "react-awesome-reveal",
                   "react-intersection-observer", "aos", "gsap", "@gsap/react", "animejs", "react-type-animation",
                   "typewriter-effect", "react-countup", "react-fast-marquee")
MOTION_PROPS = (r"(?:initial|animate|exit|transition|variants|whileHover|whileTap|whileInView|whileFocus|viewport"
                r"|layout|layoutId|drag|dragConstraints|custom|cascade|triggerOnce|damping|direction|delay|duration"
                r"|fraction)")
CLASS_PACKAGES = ("clsx", "classnames", "tailwind-merge", "class-variance-authority", "cn")
DATE_PACKAGES = ("date-fns", "dayjs", "moment", "luxon")
UI_KITS = ("@headlessui/react", "@mui/material", "@chakra-ui/react", "antd", "@mantine/core", "react-bootstrap",
           "@nextui-org/react", "flowbite-react", "@shadcn/ui", "@radix-ui/")


@cache
def _nearest(name: str) -> str:
    from sitegen.offline.lucide_icons import nearest_icon

    return nearest_icon(name)


def _foreign(m: re.Match[str], ctx: FixContext, family: tuple[str, ...]) -> bool:
    spec = m["spec"]
    if module_allowed(spec, ctx.packages) or spec.startswith((".", "@/")):
        return False
    return any(spec == p or spec.startswith(p.rstrip("/") + "/") or (p.endswith("/") and spec.startswith(p))
               or package_of(spec) == p for p in family)


def _drop_imports(text: str, ctx: FixContext, family: tuple[str, ...]) -> tuple[str, list[re.Match[str]]]:
    found = [m for m in jsx.IMPORT_RE.finditer(text) if _foreign(m, ctx, family)]
    for m in reversed(found):
        text = text[: m.start()] + text[m.end():]
    return text, found


def icon_pack(path: str, text: str, ctx: FixContext) -> str | None:
    """Icons from react-icons, heroicons, radix, tabler, phosphor, font awesome ... -> the nearest
    lucide-react icon, imported under the same local name (``Instagram as FaInstagram``)."""
    new, found = _drop_imports(text, ctx, ICON_PACKAGES)
    if not found:
        return None
    pairs: list[tuple[str, str]] = []
    for m in found:
        for imported, local in jsx.specifiers(m["clause"]):
            base = ICON_PREFIX_RE.sub("", imported)
            base = re.sub(r"(?:Icon|Outline|Solid|Fill|Filled|Bold|Duotone)$", "", base) or imported
            pairs.append((_nearest(base), local))
        if d := jsx.default_name(m["clause"]):
            pairs.append((_nearest(re.sub(r"Icon$", "", d)), d))
    new = re.sub(r"<FontAwesomeIcon\s+icon=\{(\w+)\}", r"<\1", new)
    return jsx.insert_after_imports(new, jsx.import_line(pairs, "lucide-react")) if pairs else new


def _strip_motion(text: str, names: list[str]) -> str:
    for name in names:
        if name in ("motion", "m", "animated"):
            text = re.sub(rf"<(/?){name}\.(\w+)", r"<\1\2", text)
        elif name in ("AnimatePresence", "Reveal", "Fade", "Slide", "Zoom", "Marquee", "LazyMotion", "MotionConfig"):
            text = re.sub(rf"<{name}\b[^>]*>", "<>", text).replace(f"</{name}>", "</>")
        elif name in ("useInView", "useScroll", "useAnimation", "useSpring", "useTransform", "useMotionValue"):
            text = re.sub(rf"^[ \t]*const\s+[^=\n]+=\s*{name}\([^;\n]*\);?[ \t]*\n", "", text, flags=re.MULTILINE)
    text = re.sub(rf"\s{MOTION_PROPS}=\{{\{{(?:[^{{}}]|\{{[^{{}}]*\}})*\}}\}}", "", text)
    text = re.sub(rf"\s{MOTION_PROPS}=\{{[^{{}}]*\}}", "", text)
    return re.sub(rf'\s{MOTION_PROPS}="[^"]*"', "", text)


def motion(path: str, text: str, ctx: FixContext) -> str | None:
    """framer-motion / motion / react-spring / AOS ... -> plain elements: ``<motion.div animate=...>``
    becomes ``<div>``, wrappers like ``<AnimatePresence>`` become fragments, animation props go."""
    new, found = _drop_imports(text, ctx, MOTION_PACKAGES)
    if not found:
        return None
    names = [n for m in found for n in jsx.local_names(m["clause"])]
    new = _strip_motion(new, names)
    new = re.sub(r"^[ \t]*(?:AOS|gsap)\.\w+\([^;\n]*\);?[ \t]*\n", "", new, flags=re.MULTILINE)
    return re.sub(r"\sdata-aos(?:-[\w-]+)?=(?:\"[^\"]*\"|\{[^{}]*\})", "", new)


def google_font(path: str, text: str, ctx: FixContext) -> str | None:
    """``next/font/google`` (downloads at build time) -> removed; ``inter.className`` becomes "" so the
    system / @fontsource stack of globals.css applies."""
    found = [m for m in jsx.IMPORT_RE.finditer(text) if m["spec"].startswith("next/font")]
    if not found:
        return None
    for m in reversed(found):
        text = text[: m.start()] + text[m.end():]
    for name in (n for m in found for n in jsx.local_names(m["clause"])):
        for var in re.findall(rf"(?:const|let|var)\s+(\w+)\s*=\s*{name}\s*\(", text):
            text = re.sub(rf"^[ \t]*(?:const|let|var)\s+{var}\s*=\s*{name}\s*\((?:[^()]|\([^()]*\))*\);?[ \t]*\n?",
                          "", text, flags=re.MULTILINE)
            text = re.sub(rf"\$\{{\s*{var}\.(?:className|variable)\s*\}}", "", text)
            text = re.sub(rf"\{{\s*{var}\.(?:className|variable)\s*\}}", '""', text)
            text = re.sub(rf"\b{var}\.(?:className|variable)\b", '""', text)
    return text


CN_HELPER = 'export function cn(...inputs: unknown[]): string {\n  return flat(inputs).join(" ");\n}\n'
UTILS_TS = '''/** Class-name helpers (stand-ins for clsx, tailwind-merge and class-variance-authority). */

export type ClassValue = unknown;

function flat(inputs: ClassValue[]): string[] {
  const out: string[] = [];
  for (const x of inputs) {
    if (!x) continue;
    if (typeof x === "string" || typeof x === "number") out.push(String(x));
    else if (Array.isArray(x)) out.push(...flat(x));
    else if (typeof x === "object") {
      for (const [k, v] of Object.entries(x as Record<string, unknown>)) if (v) out.push(k);
    }
  }
  return out;
}

''' + CN_HELPER + '''
type Variants = Record<string, Record<string, string>>;
type Config<V extends Variants> = {
  variants?: V;
  defaultVariants?: { [K in keyof V]?: keyof V[K] };
  compoundVariants?: Array<Record<string, unknown> & { class?: string; className?: string }>;
};
export type VariantProps<T> = T extends (props?: infer P) => string
  ? Omit<NonNullable<P>, "class" | "className">
  : never;

export function cva<V extends Variants>(base: string, config: Config<V> = {}) {
  return (props?: { [K in keyof V]?: keyof V[K] | null } & { class?: string; className?: string }): string => {
    const picked: string[] = [base];
    for (const [key, options] of Object.entries(config.variants ?? {})) {
      const chosen = (props as Record<string, unknown> | undefined)?.[key] ??
        (config.defaultVariants as Record<string, unknown> | undefined)?.[key];
      if (chosen != null && options[String(chosen)]) picked.push(options[String(chosen)]);
    }
    return cn(...picked, props?.class, props?.className);
  };
}
'''
INLINE_CN = 'const {name} = (...a: unknown[]) => a.flat(3).filter((x) => typeof x === "string" && x).join(" ");\n'


def class_utils(path: str, text: str, ctx: FixContext) -> str | None:
    """clsx / classnames / tailwind-merge / class-variance-authority -> a local ``@/lib/utils``
    (``cn``, ``cva``, ``VariantProps``), imported under the same local names."""
    new, found = _drop_imports(text, ctx, CLASS_PACKAGES)
    if not found:
        return None
    pairs: list[tuple[str, str]] = []
    for m in found:
        for imported, local in jsx.specifiers(m["clause"]):
            pairs.append(((imported if imported in ("cva", "VariantProps", "ClassValue") else "cn"), local))
        if d := jsx.default_name(m["clause"]):
            pairs.append(("cn", d))
    utils = ctx.texts.get("lib/utils.ts") or ctx.created.get("lib/utils.ts")
    if path == "lib/utils.ts" or ctx.standalone or (utils is not None and "function cn" not in utils):
        helpers = "".join(INLINE_CN.format(name=b) for a, b in pairs if a == "cn")
        helpers += "".join(f"type {b} = unknown;\n" for a, b in pairs if a == "ClassValue")
        return jsx.insert_after_imports(new, helpers)
    if utils is None and not (ctx.project_dir / "lib/utils.ts").is_file():
        ctx.add_file("lib/utils.ts", UTILS_TS)
    new = re.sub(r"\bVariantProps<", "VariantProps<", new)
    return jsx.insert_after_imports(new, jsx.import_line(sorted(set(pairs)), "@/lib/utils"))


DATE_TS = '''/** Date formatting without a date library (stand-in for date-fns, dayjs and moment). */

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const pad = (n: number) => String(n).padStart(2, "0");

export function format(input: Date | string | number = new Date(), pattern = "yyyy-MM-dd"): string {
  const d = new Date(input);
  const tokens: Record<string, string> = {
    yyyy: String(d.getFullYear()), YYYY: String(d.getFullYear()), yy: String(d.getFullYear()).slice(2),
    MMMM: MONTHS[d.getMonth()], MMM: MONTHS[d.getMonth()].slice(0, 3), MM: pad(d.getMonth() + 1),
    M: String(d.getMonth() + 1), EEEE: DAYS[d.getDay()], dddd: DAYS[d.getDay()], EEE: DAYS[d.getDay()].slice(0, 3),
    ddd: DAYS[d.getDay()].slice(0, 3), dd: pad(d.getDate()), DD: pad(d.getDate()), do: String(d.getDate()),
    d: String(d.getDate()), D: String(d.getDate()), HH: pad(d.getHours()), H: String(d.getHours()),
    mm: pad(d.getMinutes()), ss: pad(d.getSeconds()),
  };
  return pattern.replace(/yyyy|YYYY|yy|MMMM|MMM|MM|M|EEEE|dddd|EEE|ddd|dd|DD|do|d|D|HH|H|mm|ss/g, (t) => tokens[t]);
}

export function dayjs(input?: Date | string | number) {
  const d = input === undefined ? new Date() : new Date(input);
  return { format: (p?: string) => format(d, p), year: () => d.getFullYear(), toDate: () => d };
}
'''


def date_lib(path: str, text: str, ctx: FixContext) -> str | None:
    """date-fns / dayjs / moment / luxon -> a local ``@/lib/date`` with ``format`` and a ``dayjs``-style
    wrapper (default imports of dayjs and moment become that wrapper)."""
    new, found = _drop_imports(text, ctx, DATE_PACKAGES)
    if not found:
        return None
    pairs = []
    for m in found:
        pairs += [("format", local) for _, local in jsx.specifiers(m["clause"])]
        if d := jsx.default_name(m["clause"]) or jsx.namespace_name(m["clause"]):
            pairs.append(("dayjs", d))
    ctx.add_file("lib/date.ts", DATE_TS)
    return jsx.insert_after_imports(new, jsx.import_line(sorted(set(pairs)), "@/lib/date")) if pairs else new


def ui_kit(path: str, text: str, ctx: FixContext) -> str | None:
    """Components from UI kits (Headless UI, MUI, Chakra, Radix primitives, ...) -> local stand-ins in
    ``components/ui/kit.tsx`` that render their children in a styled ``div`` (or a button / link)."""
    new, found = _drop_imports(text, ctx, UI_KITS)
    if not found:
        return None
    from sitegen.checks.rules.missing import ensure_kit

    lines = []
    for m in found:
        names = [(a, b) for a, b in jsx.specifiers(m["clause"])]
        if d := jsx.default_name(m["clause"]):
            names.append((d, d))
        if ns := jsx.namespace_name(m["clause"]):
            members = sorted(set(re.findall(rf"<{ns}\.(\w+)", new)))
            new = re.sub(rf"<(/?){ns}\.(\w+)", lambda x: f"<{x[1]}{ns}{x[2]}", new)
            names += [(f"{ns}{x}", f"{ns}{x}") for x in members]
        ensure_kit(ctx, [a for a, _ in names])
        if names:
            lines.append(jsx.import_line(names, "@/components/ui/kit"))
    return jsx.insert_after_imports(new, "".join(lines))


def lucide_icon(path: str, text: str, ctx: FixContext) -> str | None:
    """An icon lucide-react does not export (``CoffeeCupHot``, ``Instagram``) -> the nearest valid
    icon imported under the same local name (``Coffee as CoffeeCupHot``)."""
    if not ctx.icons:
        return None
    changed = False

    def repl(m: re.Match[str]) -> str:
        nonlocal changed
        if m["spec"] != "lucide-react" or m["what"] or "{" not in m["clause"]:
            return m[0]
        pairs = jsx.specifiers(m["clause"])
        fixed = [(a if a in ctx.icons or a in ("LucideIcon", "LucideProps", "type LucideIcon") else _nearest(a), b)
                 for a, b in pairs]
        if fixed == pairs:
            return m[0]
        changed = True
        return jsx.import_line(fixed, "lucide-react", jsx.default_name(m["clause"]))

    new = jsx.IMPORT_RE.sub(repl, text)
    return new if changed else None


def unknown_package(path: str, text: str, ctx: FixContext) -> str | None:
    """Any other import outside the dependency set (lodash, axios, ...) -> removed, so the build
    never fails on it; what used it is left for the static checks and the model. Node built-ins
    (fs, child_process, ...) are left in place: the static checks block them (trust, issue 10)."""
    found = [m for m in jsx.IMPORT_RE.finditer(text)
             if not m["spec"].startswith((".", "@/")) and not module_allowed(m["spec"], ctx.packages)
             and m["spec"] not in ("next/font/google",) and not is_node_builtin(m["spec"])]
    found += [m for m in jsx.SIDE_IMPORT_RE.finditer(text)
              if not m["spec"].startswith((".", "@/")) and not module_allowed(m["spec"], ctx.packages)]
    if not found or not ctx.packages:
        return None
    for m in sorted(found, key=lambda x: -x.start()):
        text = text[: m.start()] + text[m.end():]
    return text


RULES = [
    Rule("icon-pack", icon_pack, legacy=True),
    Rule("motion", motion, legacy=True),
    Rule("google-font", google_font, legacy=True),
    Rule("class-utils", class_utils, legacy=True),
    Rule("date-lib", date_lib),
    Rule("ui-kit", ui_kit),
    Rule("unknown-package", unknown_package, legacy=True),
    Rule("lucide-icon", lucide_icon, legacy=True),
]
