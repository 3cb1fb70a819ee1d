"""Rules for the client/server boundary of the App Router: "use client", metadata in client files,
function props into client components, useSearchParams without Suspense, browser globals during
prerendering."""

from __future__ import annotations

import re

from sitegen.checks.rules import jsx
from sitegen.checks.rules.base import FixContext, Rule
from sitegen.checks.static import HANDLER_RE, HOOK_RE, has_use_client

SERVER_EXPORT_RE = re.compile(
    r"^export\s+(?:const\s+(?:metadata|viewport|revalidate|dynamic|dynamicParams|fetchCache|runtime|preferredRegion)\b"
    r"|(?:async\s+)?function\s+(?:generateMetadata|generateStaticParams|generateViewport)\b)",
    re.MULTILINE,
)
FUNC_PROP_RE = re.compile(r"<([A-Z][\w.]*)\b[^<>]*?\s(?!on[A-Z])[a-z]\w*=\{\s*(?:async\s*)?(?:\([^()]*\)|\w+)\s*=>")
GLOBAL_RE = re.compile(r"(?<![\w.$])(window|document|localStorage|sessionStorage|navigator)(?=\s*\??\.)")
KEYWORDS = {"if", "for", "while", "switch", "catch", "with", "return"}


def _client_imports(path: str, text: str, ctx: FixContext) -> set[str]:
    """Local names this file imports from project files that are client components."""
    out: set[str] = set()
    for m in jsx.IMPORT_RE.finditer(text):
        spec = m["spec"]
        if not spec.startswith("@/"):
            continue
        rel = spec[2:]
        for cand in (rel + ".tsx", rel + ".ts", rel + "/index.tsx", rel):
            body = ctx.texts.get(cand) or ctx.created.get(cand)
            if body is None and (ctx.project_dir / cand).is_file():
                body = (ctx.project_dir / cand).read_text("utf-8", errors="replace")
            if body is not None:
                if has_use_client(body):
                    out.update(jsx.local_names(m["clause"]))
                break
    return out


def passes_functions_to_client(path: str, text: str, ctx: FixContext) -> bool:
    if "=>" not in text or '"@/' not in text and "'@/" not in text:
        return False
    clients = None
    for m in FUNC_PROP_RE.finditer(text):
        clients = _client_imports(path, text, ctx) if clients is None else clients
        if m[1].split(".")[0] in clients:
            return True
    return False


def needs_client(path: str, text: str, ctx: FixContext) -> bool:
    return bool(HOOK_RE.search(text) or HANDLER_RE.search(text)) or passes_functions_to_client(path, text, ctx)


def use_client(path: str, text: str, ctx: FixContext) -> str | None:
    """Hooks, event handlers, or functions passed to client components in a file without "use client"
    (and nothing server-only exported) -> ``"use client";`` added as the first line."""
    if not path.endswith(".tsx") or has_use_client(text) or SERVER_EXPORT_RE.search(text):
        return None
    if not needs_client(path, text, ctx):
        return None
    return '"use client";\n\n' + text


def _export_span(text: str, m: re.Match[str]) -> tuple[int, int]:
    """Start and end of the whole export statement starting at ``m``."""
    i = m.start()
    head = text[i:m.end() + 200]
    if re.match(r"export\s+(?:async\s+)?function", head):
        p = text.index("(", m.end())
        q = jsx.match_bracket(text, p)
        b = text.index("{", q)
        end = jsx.match_bracket(text, b) + 1
    else:
        eq = text.index("=", m.end())
        j = eq + 1
        while j < len(text) and text[j] in " \t\n":
            j += 1
        if j < len(text) and text[j] in "{([":
            end = jsx.match_bracket(text, j) + 1
        else:
            end = text.find("\n", j)
            end = len(text) if end < 0 else end
    while end < len(text) and text[end] in ";":
        end += 1
    if end < len(text) and text[end] == "\n":
        end += 1
    return i, end


def _component_name(path: str) -> str:
    parts = [p for p in path.split("/")[1:-1] if not p.startswith(("(", "["))]
    stem = "".join(w.capitalize() for p in parts for w in re.split(r"[^A-Za-z0-9]+", p) if w) or "Home"
    kind = "Layout" if path.rsplit("/", 1)[-1].startswith("layout.") else "Page"
    return f"{stem}{kind}Client"


def _absolute_imports(path: str, text: str) -> str:
    base = path.rsplit("/", 1)[0].split("/")

    def repl(m: re.Match[str]) -> str:
        spec = m[2]
        parts = list(base)
        for seg in spec.split("/"):
            if seg == "..":
                parts = parts[:-1]
            elif seg != ".":
                parts.append(seg)
        return f"{m[1]}@/{'/'.join(parts)}{m[3]}"

    return re.sub(r"""(from\s+["']|import\s+["'])(\.\.?/[^"']*)(["'])""", repl, text)


def client_split(path: str, text: str, ctx: FixContext) -> str | None:
    """A page or layout that must stay a server file (it exports ``metadata``, ``generateMetadata``,
    ``generateStaticParams``...) but is a client component ("use client", hooks, handlers) -> split:
    the page keeps the server exports and renders ``components/pages/<Name>Client.tsx``, which gets
    the interactive body with "use client"."""
    name_ok = re.search(r"(?:^|/)(?:page|layout)\.tsx$", path) and path.startswith("app/")
    exports = list(SERVER_EXPORT_RE.finditer(text))
    if not name_ok or not exports or not (has_use_client(text) or needs_client(path, text, ctx)):
        return None
    spans = [_export_span(text, m) for m in exports]
    server = "".join(text[a:b] for a, b in spans)
    body = text
    for a, b in reversed(spans):
        body = body[:a] + body[b:]
    body = jsx.USE_CLIENT_LINE_RE.sub("", body, count=1).lstrip("\n")
    comp = _component_name(path)
    client_rel = f"components/pages/{comp}.tsx"
    default = jsx.default_export_name(body)
    if not jsx.has_default_export(body):
        return None
    if not ctx.add_file(client_rel, '"use client";\n\n' + _absolute_imports(path, body)):
        return None
    imports = [m[0] if m[0].endswith("\n") else m[0] + "\n" for m in jsx.IMPORT_RE.finditer(text)
               if any(re.search(rf"\b{re.escape(n)}\b", server) for n in jsx.local_names(m["clause"]))]
    decl = re.search(rf"function\s+{re.escape(default or '')}\s*\(\s*\)", body) if default else None
    props = ("", "") if decl else (f"props: React.ComponentProps<typeof {comp}>", " {...props}")
    page = ("".join(imports) + f'import {comp} from "@/{client_rel[:-4]}";\n\n' + server.rstrip() + "\n\n"
            f"export default function {'Layout' if 'Layout' in comp else 'Page'}({props[0]}) {{\n"
            f"  return <{comp}{props[1]} />;\n}}\n")
    return page


PARAMS_HELPER = """
const NoSearchParams = createContext(false);

/** next/navigation's useSearchParams, or empty params inside the Suspense fallback (so the page's
 * copy is prerendered into the HTML). The context never changes for one component instance. */
function {local}(): URLSearchParams {{
  const empty = useContext(NoSearchParams);
  return empty ? new URLSearchParams() : (useNextSearchParams() as unknown as URLSearchParams);
}}
"""


def suspense_search_params(path: str, text: str, ctx: FixContext) -> str | None:
    """A component calling ``useSearchParams()`` (which needs a Suspense boundary in a static export)
    -> renamed ``<Name>WithParams`` and exported under its old name wrapped in ``<Suspense>``, whose
    fallback renders the same component with empty search params (the copy stays in the HTML)."""
    imp = next((m for m in jsx.IMPORT_RE.finditer(text) if m["spec"] == "next/navigation"
                and any(a == "useSearchParams" for a, _ in jsx.specifiers(m["clause"]))), None)
    if imp is None or "WithParams" in text or "useNextSearchParams" in text:
        return None
    local = next(b for a, b in jsx.specifiers(imp["clause"]) if a == "useSearchParams")
    hook = re.search(rf"\b{re.escape(local)}\s*\(", text[imp.end():])
    decl = jsx.enclosing_decl(text, imp.end() + hook.start()) if hook else None
    if decl is None:
        return None
    name = jsx.decl_name(decl)
    inner = f"{name}WithParams"
    export = (decl["export"] or decl["cexport"] or "").strip()
    head = decl[0].replace(export, "", 1).lstrip() if export else decl[0]
    head = re.sub(rf"\b{name}\b", inner, head, count=1)
    new = text[: decl.start()] + head + text[decl.end():]
    after = new[decl.start() + len(head):]
    params = re.match(r"\s*\(\s*\)", after) or re.match(r"\s*=\s*\(\s*\)", after)
    sig = ("", "") if params else (f"props: React.ComponentProps<typeof {inner}>", " {...props}")
    lead = "export default " if export.startswith("export default") else ("export " if export else "")
    wrapper = (f"\n{lead}function {name}({sig[0]}) {{\n  return (\n    <Suspense fallback={{\n"
               f"      <NoSearchParams.Provider value={{true}}><{inner}{sig[1]} /></NoSearchParams.Provider>\n"
               f"    }}>\n      <{inner}{sig[1]} />\n    </Suspense>\n  );\n}}\n")
    pairs = [(a, "useNextSearchParams" if a == "useSearchParams" else b) for a, b in jsx.specifiers(imp["clause"])]
    new = new.replace(imp[0], jsx.import_line(pairs, "next/navigation", jsx.default_name(imp["clause"])), 1)
    new = jsx.insert_after_imports(new.rstrip("\n") + "\n" + wrapper, PARAMS_HELPER.format(local=local))
    return jsx.add_import(new, ["Suspense", "createContext", "useContext"], "react")


def _function_opens(text: str, i: int, last_paren: tuple[int, int] | None) -> bool:
    """Whether the ``{`` at ``i`` opens a function body."""
    before = text[:i].rstrip()
    if before.endswith("=>"):
        return True
    if last_paren is None:
        return False
    op, cl = last_paren
    between = text[cl + 1:i]
    if between.strip() and not re.fullmatch(r"\s*:\s*[\w.<>\[\]|,\s]+", between):
        return False
    word = re.search(r"(\w+)\s*$", text[:op])
    return not (word and word[1] in KEYWORDS)


def render_globals(text: str) -> list[tuple[int, int]]:
    """Spans of browser-global member chains (``window.innerWidth``, ``localStorage.getItem("k")``)
    that run at module scope or while a component renders (not inside handlers or effects)."""
    hits: list[tuple[int, int]] = []
    stack: list[bool] = []  # one entry per open bracket: does it open a function body?
    arrows: list[int] = []  # stack depths where an expression-bodied arrow is open
    last_paren: tuple[int, int] | None = None
    parens: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if jsx.is_string_start(text, i):
            end = jsx.skip_string(text, i)
            if c == "`" and sum(stack) + len(arrows) <= 1:  # ${window.location.href} in a template literal
                for m in re.finditer(r"\$\{([^{}`]*)\}", text[i:end]):
                    for g in GLOBAL_RE.finditer(m[1]):
                        a = i + m.start(1) + g.start()
                        if "typeof " not in m[1]:
                            hits.append((a, _chain_end(text, a + len(g[0]))))
            i = end
            continue
        if (k := jsx.skip_comment(text, i)) != i:
            i = k
            continue
        if c in "{([":
            stack.append(c == "{" and _function_opens(text, i, last_paren))
            if c == "(":
                parens.append(i)
        elif c in ")]}":
            if stack:
                stack.pop()
            if c == ")" and parens:
                last_paren = (parens.pop(), i)
            arrows = [a for a in arrows if a <= len(stack)]
        elif c in ",;":
            arrows = [a for a in arrows if a < len(stack)]
        elif c == "=" and text.startswith("=>", i):
            j = i + 2
            while j < n and text[j] in " \t\n":
                j += 1
            if j < n and text[j] != "{":
                arrows.append(len(stack))
            i += 2
            continue
        elif c in "wdlsn" and (m := GLOBAL_RE.match(text, i)) and not (i and (text[i - 1].isalnum()
                                                                            or text[i - 1] in "_$.")):
            depth = sum(stack) + len(arrows)
            stmt = text[max(text.rfind(";", 0, i), text.rfind("{", 0, i), text.rfind("\n\n", 0, i)):i]
            if depth <= 1 and "typeof " not in stmt and "useEffect" not in stmt:
                hits.append((i, _chain_end(text, m.end())))
                i = hits[-1][1]
                continue
            i = m.end()
            continue
        i += 1
    return hits


def _chain_end(text: str, j: int) -> int:
    while j < len(text):
        if m := re.match(r"\s*\??\.\s*[A-Za-z_$][\w$]*", text[j:j + 200]):
            j += m.end()
        elif text[j] in "([":
            k = jsx.match_bracket(text, j)
            if k < 0:
                break
            j = k + 1
        else:
            break
    return j


def lazy_init_globals(text: str) -> list[tuple[int, int]]:
    """Browser globals in lazy initialisers (``useState(() => localStorage.getItem("k"))``), which
    run while the component renders even though they sit in a function."""
    hits: list[tuple[int, int]] = []
    for m in re.finditer(r"\buse(?:State|Reducer|Memo)\s*(?:<[^>()]*>)?\s*\(", text):
        end = jsx.match_bracket(text, m.end() - 1)
        seg = text[m.end():end] if end > 0 else ""
        if "=>" not in seg or "typeof " in seg or "useEffect" in seg:
            continue
        for g in GLOBAL_RE.finditer(seg):
            if seg[g.start() - 1:g.start()] not in (".", "_", "$") and not seg[g.start() - 1:g.start()].isalnum():
                a = m.end() + g.start()
                hits.append((a, _chain_end(text, a + len(g[0]))))
    return hits


def browser_globals(path: str, text: str, ctx: FixContext) -> str | None:
    """``window`` / ``document`` / ``localStorage`` used at module scope or during render (which
    crashes prerendering) -> guarded: ``(typeof window === "undefined" ? (undefined as never) : ...)``;
    an assignment statement gets ``if (typeof window !== "undefined")`` in front."""
    if not GLOBAL_RE.search(text):
        return None
    hits = sorted(set(render_globals(text)) | set(lazy_init_globals(text)))
    hits = [h for i, h in enumerate(hits) if not any(o[0] <= h[0] < o[1] for o in hits[:i])]
    if not hits:
        return None
    for a, b in reversed(hits):
        chain = text[a:b]
        if re.match(r"\s*=(?!=)", text[b:]) and re.search(r"(?:^|[;{}])\s*$", text[:a]):
            text = text[:a] + 'if (typeof window !== "undefined") ' + text[a:]
        else:
            text = text[:a] + f'(typeof window === "undefined" ? (undefined as never) : {chain})' + text[b:]
    return text


RULES = [
    Rule("client-split", client_split),
    Rule("suspense-search-params", suspense_search_params),
    Rule("browser-globals", browser_globals),
    Rule("use-client", use_client, exts=(".tsx",), legacy=True),
]
