"""The deterministic offline planner: one prompt in, a complete ``SitePlan`` out, no network.

The same prompt always gives the same plan (the random choices are seeded from a hash of the
prompt); different prompts give visibly different plans. See ``VARIANTS.md`` next to this file
for every kind, section kind and variant this module emits, and what each Item field means.

Kinds: cafe, restaurant (flavours: italian, japanese, mexican), bakery, saas, portfolio
(flavours: photographer, developer), agency, gym (flavour: yoga), salon (flavours: barber, spa),
clinic (flavours: dental, vet), law, event (flavour: wedding), nonprofit, real_estate, school,
general.

Section variants (first listed is the default a renderer should fall back to):
hero: centered | split | image-left; features: grid | list; about: split | centered;
menu: list | cards; services: grid | list; pricing: cards | simple; testimonials: grid | quote;
gallery: grid | masonry; team: grid | list; stats: band | inline; faq: accordion | two-column;
cta: banner | split; contact: split | card; hours: table | inline; schedule: table | list;
process: steps | timeline; logos: row | grid.
"""

from __future__ import annotations

import copy
import hashlib
import random
import re
import unicodedata
from typing import Any

from sitegen.offline import copy_business, copy_community, copy_food, copy_law, copy_personal, copy_services
from sitegen.offline.colours import read_colours
from sitegen.offline.compose import (
    choose_kind,
    drop_feature_sections,
    names_more_than,
    place_widgets,
    requested_palette,
)
from sitegen.offline.copy_common import BLOG_POSTS, CAREERS, CITY_INFO, GENERIC, PAGES, PEOPLE, STREETS
from sitegen.offline.detect import Detection, detect
from sitegen.offline.request import Request, read_request
from sitegen.offline.subject import business_names, feature_items, is_business, subject_eyebrow, subject_spec
from sitegen.offline.widgets import choose_widgets, domain_for
from sitegen.plan import Contact, Fonts, Item, Page, Section, SitePlan

COPY: dict[str, dict[str, Any]] = {
    **copy_food.KINDS, **copy_business.KINDS, **copy_services.KINDS, **copy_community.KINDS,
    **copy_personal.KINDS, **copy_law.KINDS,
}

VARIANTS: dict[str, tuple[str, ...]] = {
    "hero": ("centered", "split", "image-left"), "features": ("grid", "list"), "about": ("split", "centered"),
    "menu": ("list", "cards"), "services": ("grid", "list"), "pricing": ("cards", "simple"),
    "testimonials": ("grid", "quote"), "gallery": ("grid", "masonry"), "team": ("grid", "list"),
    "stats": ("band", "inline"), "faq": ("accordion", "two-column"), "cta": ("banner", "split"),
    "contact": ("split", "card"), "hours": ("table", "inline"), "schedule": ("table", "list"),
    "process": ("steps", "timeline"), "logos": ("row", "grid"),
    # working widgets (see sitegen.plan.WIDGET_KINDS)
    "search": ("default",), "form": ("contact", "registration", "booking", "application", "lead"),
    "quiz": ("default",), "calculator": ("sum", "product", "loan", "split"), "table": ("default",),
    "chart": ("line", "bar", "donut"), "dashboard": ("default",), "favorites": ("default",),
}
WIDGETS = {"search", "form", "quiz", "calculator", "table", "chart", "dashboard", "favorites"}
TONE_HERO = {"minimal": "centered", "bold": "split", "luxury": "image-left", "calm": "centered"}
TONE_FONTS = {"luxury": ("Playfair Display", "Inter"), "minimal": ("Inter", "Inter"),
              "playful": ("Outfit", "DM Sans"), "bold": ("Space Grotesk", "Inter")}
SEE_ALL = {"menu": "See the full menu", "services": "All services", "gallery": "See all work",
           "team": "Meet the whole team", "schedule": "Full timetable", "pricing": "Compare plans",
           "faq": "More questions", "testimonials": "Read more reviews", "about": "Our story"}
SECTION_LABELS = {"features": "Features", "gallery": "Work", "services": "Services", "about": "About"}
TLDS = {"+351": ".pt", "+44": ".co.uk", "+33": ".fr", "+49": ".de", "+34": ".es", "+39": ".it", "+31": ".nl",
        "+353": ".ie", "+81": ".jp", "+61": ".com.au", "+55": ".com.br", "+43": ".at", "+32": ".be"}
MONTHS = ["March", "April", "May", "June", "September", "October", "November"]


def _seed(prompt: str) -> random.Random:
    return random.Random(int.from_bytes(hashlib.sha256(prompt.encode("utf-8", "replace")).digest()[:8], "big"))


def resolve_copy(kind: str, prompt: str) -> tuple[dict[str, Any], str]:
    """The kind's copy with the first matching flavour merged in; also the flavour's label ("" if none)."""
    spec = copy.deepcopy(COPY.get(kind, COPY["general"]))
    for pattern, overrides in spec.pop("flavours", []):
        if re.search(pattern, prompt[:4000], re.I):
            for key, value in overrides.items():
                if key == "drop":
                    for kind_ in value:
                        spec["sections"].pop(kind_, None)
                elif key in VARIANTS:
                    target = spec["sections"].setdefault(key, {})
                    if isinstance(value, list):
                        target["items"], target["pick"] = value, None
                    else:
                        target.update(value)
                else:
                    spec[key] = value
            return spec, overrides.get("label", "")
    return spec, ""


class _Ctx(dict):
    """Template values; unknown placeholders are left as they are."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fmt(template: str, ctx: _Ctx) -> str:
    try:
        return template.format_map(ctx)
    except (ValueError, IndexError, AttributeError):
        return template


def _slug(text: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


SAAS_TOPICS = (
    ("invoic", "invoicing"), ("payroll", "payroll"), ("analytics", "analytics"), ("crm", "sales"),
    ("sales", "sales"), ("support", "customer support"), ("hiring", "hiring"), ("recruit", "hiring"),
    ("schedul", "scheduling"), ("booking", "bookings"), ("project", "projects"), ("task", "projects"),
    ("marketing", "marketing"), ("email", "email"), ("inventory", "inventory"), ("expense", "expenses"),
    ("accounting", "accounting"), ("hr", "HR"), ("onboarding", "onboarding"), ("note", "notes"),
    ("survey", "surveys"), ("security", "security"), ("design", "design work"), ("deploy", "deployments"),
    ("monitoring", "monitoring"), ("log", "logs"), ("habit", "habits"), ("budget", "budgets"),
    ("fitness", "training"), ("meal", "meal planning"), ("travel", "travel"), ("learning", "learning"),
)


def _topic(prompt: str) -> str:
    """What a SaaS product is for, from the prompt ("invoicing"); a neutral phrase otherwise."""
    low = prompt[:600].lower()
    hits = [(m.start(), topic) for stem, topic in SAAS_TOPICS if stem in low
            for m in [re.search(rf"\b{stem}", low)] if m]
    return min(hits)[1] if hits else "your business"


def _invent_name(spec: dict[str, Any], det: Detection, kind: str, rng: random.Random) -> str:
    form = rng.choice(spec["name_forms"])
    word = rng.choice(spec["names"])
    place = det.location
    if (place and len(place) <= 14 and form != "{n}" and kind not in {"portfolio", "event"}
            and rng.random() < 0.35):
        word = place
    return form.replace("{n}", word)


def _contact(name: str, kind: str, det: Detection, spec: dict[str, Any], rng: random.Random) -> Contact:
    info = CITY_INFO.get(det.location.lower())
    slug = _slug(name).replace("-", "")[:24]
    if len(slug) < 3:
        slug = _slug(f"{spec['label']} {det.location}").replace("-", "")[:24] or "hello"
    tld = ".io" if kind == "saas" else TLDS.get(info[1].split()[0], ".com") if info else ".com"
    if info:
        phone = f"{info[1]} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
    else:
        phone = f"+1 (555) 01{rng.randint(0, 99):02d}"
    street = "Rua das Flores" if tld == ".pt" else rng.choice(STREETS[1:])
    number = rng.randint(3, 180)
    if det.location:
        address = f"{number} {street}, {det.location}" if tld != ".pt" else f"{street} {number}, {det.location}"
    else:
        address = f"{number} {street}"
    if kind == "saas":
        address = f"Remote-first · HQ in {det.location}" if det.location else "Remote-first team"
    hours = [f"{days}: {time}" for days, time in spec.get("hours", [])]
    user = "hello" if kind not in {"law", "clinic", "real_estate"} else rng.choice(["info", "office", "contact"])
    return Contact(email=f"{user}@{slug}{tld}", phone=phone, address=address, hours=hours,
                   socials=list(spec.get("socials", [])))


def _context(name: str, kind: str, spec: dict[str, Any], det: Detection, prompt: str, rng: random.Random,
             label: str) -> _Ctx:
    info = CITY_INFO.get(det.location.lower())
    cur = "€" if "€" in prompt[:4000] else "£" if "£" in prompt[:4000] else info[0] if info else "$"
    day = rng.randint(3, 24)
    year = rng.randint(2008, 2019)
    first = name.split()[0] if name.split() else name
    return _Ctx(
        name=name, first=first, label=label, label_cap=label[:1].upper() + label[1:],
        place=det.location or "neighbourhood", in_place=f" in {det.location}" if det.location else "",
        place_or_venue=det.location or "The Assembly Hall", cur=cur, year=str(year),
        y1=str(year + 10), y2=str(year + 11), y3=str(year + 9), date=f"{day}–{day + 1} {rng.choice(MONTHS)}",
        edition=rng.choice(["two", "three", "four", "five"]),
        topic=(t := _topic(prompt)), topic_cap=t[:1].upper() + t[1:],
    )


def _pick(items: list[dict[str, Any]], n: int | None, rng: random.Random) -> list[dict[str, Any]]:
    if not n or n >= len(items):
        return items
    keep = sorted(rng.sample(range(len(items)), n))
    return [items[i] for i in keep]


def _item(raw: dict[str, Any], ctx: _Ctx) -> Item:
    return Item(title=_fmt(raw["title"], ctx), text=_fmt(raw["text"], ctx), icon=raw["icon"],
                meta=_fmt(raw["meta"], ctx), tags=[_fmt(t, ctx) for t in raw["tags"]], highlight=raw["highlight"])


def build_section(kind: str, spec: dict[str, Any], ctx: _Ctx, rng: random.Random, people: list[str],
                  contact: Contact, tone: str, full: bool = False) -> Section:
    """One section of ``kind`` from the kind's copy (falling back to generic copy)."""
    own = spec["sections"].get(kind, {})
    generic = GENERIC.get(kind, {})

    def choose(field: str) -> str:
        options = own.get(field) or generic.get(field) or [""]
        return _fmt(rng.choice(options), ctx)

    raw_items = own.get("items") if "items" in own else generic.get("items", [])
    priced = [r for r in spec["sections"].get("services", {}).get("items", []) if r["meta"]]
    if kind == "pricing" and "items" not in own and len(priced) >= 3:
        # a kind without plans (salon, clinic…) prices its own services instead of generic tiers
        raw_items = [dict(r, highlight=(i == 1)) for i, r in enumerate(priced[:3])]
        own = {"eyebrow": ["Prices"], "heading": ["Popular treatments", "Prices at a glance"],
               "sub": ["Full price list on request. No surprises."], **own}
    items = [_item(r, ctx) for r in _pick(list(raw_items), None if full else own.get("pick"), rng)]
    if kind in {"testimonials", "team"}:
        metas = own.get("metas") or generic.get("metas") or [""]
        for i, item in enumerate(items):
            if not item.title:
                item.title = people.pop(0) if people else "A happy customer"
            if kind == "testimonials" and not item.meta:
                item.meta = _fmt(metas[i % len(metas)], ctx)
            if kind == "testimonials":
                item.tags = ["5/5"]
    if kind == "hours":
        rows = spec.get("hours") or [("Mon – Fri", "9:00 – 17:30")]
        items = [Item(title=d, meta=h, icon="Clock") for d, h in rows]
    if kind == "contact":
        items = [Item(title="Email", text=contact.email, icon="Mail"),
                 Item(title="Phone", text=contact.phone, icon="Phone")]
        if contact.address:
            items.append(Item(title="Address", text=contact.address, icon="MapPin"))
        if contact.hours:
            items.append(Item(title="Hours", text=" · ".join(contact.hours), icon="Clock"))
    cta = rng.choice(own.get("cta") or generic.get("cta") or [("", "")])
    secondary = rng.choice(own.get("secondary") or generic.get("secondary") or [("", "")])
    variants = VARIANTS.get(kind, ("default",))
    variant = TONE_HERO.get(tone, rng.choice(variants)) if kind == "hero" else rng.choice(variants)
    return Section(kind=kind, variant=variant, eyebrow=choose("eyebrow"), heading=choose("heading") or
                   kind.title(), subheading=choose("sub"), body=choose("body"), items=items,
                   cta_label=_fmt(cta[0], ctx), cta_href=cta[1], secondary_label=_fmt(secondary[0], ctx),
                   secondary_href=secondary[1])


def _home_kinds(spec: dict[str, Any], det: Detection) -> list[str]:
    """The kind's home sections, plus sections the prompt asked for, with cta/contact kept last."""
    kinds = list(spec["home"])
    body = [k for k in kinds if k not in ("cta", "contact")]
    asked = []
    for s in det.sections:
        if s == "menu" and "menu" not in spec["sections"]:
            s = "services"
        if s in VARIANTS and s not in body and s not in det.pages and s not in ("hero", "cta", "contact"):
            asked.append(s)
    tail = ["cta"] if "cta" in kinds or "cta" in det.sections else []
    return list(dict.fromkeys(body + asked + tail + ["contact"]))


def _page_slug(key: str, det: Detection) -> tuple[str, str]:
    default_slug, _, nav, _ = PAGES[key]
    word = det.page_words.get(key, "")
    slug = _slug(word.removesuffix(" us")) if word else ""
    if slug and slug != default_slug and len(slug) <= 20 and slug not in {
            "book", "people", "help", "food", "drinks", "location", "visit", "faqs", "menus"}:
        return slug, word.removesuffix(" us").title()
    return default_slug, nav


def _page_kinds(key: str, spec: dict[str, Any]) -> list[str]:
    """Sections for an extra page: its main section, then the supporting ones this kind has copy for."""
    kinds = list(PAGES[key][3])
    if key == "menu" and "menu" not in spec["sections"]:
        kinds = ["services", "pricing", "cta"]
    own = spec["sections"]
    keep = [kinds[0]]
    for k in kinds[1:]:
        if k in own or k in ("cta", "contact", "faq") or (k == "hours" and spec.get("hours")):
            keep.append(k)
    return keep


def _fix_links(pages: list[Page]) -> None:
    by_kind_page = {}
    for page in pages[1:]:
        for s in page.sections[:1]:
            by_kind_page.setdefault(s.kind, page.route)
    home_kinds = {s.kind for s in pages[0].sections}
    for page in pages:
        here = {s.kind for s in page.sections}
        for s in page.sections:
            for attr in ("cta_href", "secondary_href"):
                href = getattr(s, attr)
                if not href.startswith("#"):
                    continue
                target = href[1:]
                if target in here:
                    continue
                if target in by_kind_page:
                    setattr(s, attr, by_kind_page[target])
                elif target in home_kinds:
                    setattr(s, attr, f"/#{target}")
                else:
                    setattr(s, attr, "#contact" if "contact" in here else "/#contact")


def _spec_for(kind: str, prompt: str, req: Request, subject: str, domain: str, rng: random.Random,
              place: str = "") -> tuple[dict[str, Any], str]:
    """The copy for the site: the kind's, or one made from the subject; listed functionalities as features."""
    spec, flavour = resolve_copy(kind, prompt)
    if kind == "general" and subject and req.lang == "en" and (req.features or not is_business(subject)):
        return subject_spec(spec, req, subject, domain, rng), flavour
    if kind == "general" and subject and (names := business_names(subject, place, spec["names"])):
        spec["names"], spec["name_forms"] = names, ["{n}"]
        hero = spec["sections"]["hero"]
        hero["heading"] = [h for h in hero["heading"] if "{label" in h] or hero["heading"]
    if subject and (req.subject or names_more_than(subject, kind)):
        hero = spec["sections"].setdefault("hero", {})
        hero["eyebrow"] = [subject_eyebrow(subject)]
    if req.features:
        features = spec["sections"].setdefault("features", {})
        features["items"], features["pick"] = feature_items(req, subject or spec["label"]), None
        features.setdefault("heading", ["What you can do here", "Made for how you'll use it"])
        if "features" not in spec["home"]:
            spec["home"].insert(1, "features")
    return spec, flavour


def _extra_pages(pages: list[Page], det: Detection, spec: dict[str, Any], page_keys: list[str], name: str,
                 ctx: _Ctx, section: Any) -> None:
    used = {""}
    home_sections = pages[0].sections
    for key in page_keys:
        slug, nav = _page_slug(key, det)
        if slug in used:
            continue
        used.add(slug)
        kinds = _page_kinds(key, spec)
        sections = [section(k, full=True) for k in kinds]
        if key in {"blog", "careers"}:
            posts = BLOG_POSTS if key == "blog" else CAREERS
            i = 0 if key == "blog" else 1
            sections[i] = sections[i].model_copy(update={
                "items": [_item(p, ctx) for p in posts], "variant": "list",
                "heading": "From the journal" if key == "blog" else f"Work at {name}",
                "eyebrow": "Journal" if key == "blog" else "Careers", "subheading": ""})
        title = nav if nav != PAGES[key][2] else PAGES[key][1]
        pages.append(Page(slug=slug, title=title, nav_label=nav, description=f"{title} · {name}",
                          sections=sections))
        for s in home_sections:
            if s.kind == kinds[0] and s.kind in SEE_ALL and not s.cta_label:
                s.cta_label, s.cta_href = SEE_ALL[s.kind], f"/{slug}/"


def plan_offline(prompt: str) -> SitePlan:
    """A complete, distinct, readable site plan for any prompt, without a network or a model."""
    prompt = prompt if isinstance(prompt, str) else str(prompt or "")
    det = detect(prompt)
    req = read_request(prompt)
    rng = _seed(prompt)
    kind = choose_kind(det, req)
    drop_feature_sections(det, req)
    subject = req.subject or det.subject
    domain = domain_for(subject, prompt)
    spec, flavour = _spec_for(kind, prompt, req, subject, domain, rng, det.location)
    label = spec["label"]
    if kind == "general" and subject:
        label = subject  # a value in templates, inserted as written
    tone = det.tone or spec.get("tone", "friendly")
    name = det.name or req.name or _invent_name(spec, det, kind, rng)
    ctx = _context(name, kind, spec, det, prompt, rng, label)
    contact = _contact(name, kind, det, spec, rng)
    rest = prompt[:4000].replace(det.name, " ") if det.name else prompt[:4000]
    palette, _ = requested_palette(rest, spec.get("palette", kind), tone, rng)
    heading_font, body_font = TONE_FONTS.get(det.tone, rng.choice(spec["fonts"])) if det.tone else \
        rng.choice(spec["fonts"])
    people = rng.sample(PEOPLE, len(PEOPLE))

    def section(kind_: str, full: bool = False) -> Section:
        return build_section(kind_, spec, ctx, rng, people, contact, tone, full)

    home_sections = [section(k) for k in _home_kinds(spec, det)]
    page_keys = list(det.pages)
    if det.multi_page and not page_keys:
        page_keys = list(spec["multi_pages"])
    pages = [Page(slug="", title=name, nav_label="Home", description=_fmt(rng.choice(spec["taglines"]), ctx),
                  sections=home_sections)]
    _extra_pages(pages, det, spec, page_keys, name, ctx, section)
    if req.lang == "en":
        place_widgets(pages, choose_widgets(req, prompt), domain, subject or label, req.pages)
    _fix_links(pages)
    return SitePlan(
        name=name, tagline=_fmt(rng.choice(spec["taglines"]), ctx),
        description=_fmt(rng.choice(spec["descriptions"]), ctx), audience=_fmt(spec.get("audience", ""), ctx),
        kind=kind, tone=tone, location=det.location, palette=palette,
        fonts=Fonts(heading=heading_font, body=body_font), pages=pages, contact=contact,
        footer_note=_fmt(rng.choice(spec["footer"]), ctx), lang=req.lang,
    )


def describe_detection(prompt: str) -> dict[str, Any]:
    """What the offline planner understood from the prompt, for the CLI to echo back."""
    prompt = prompt if isinstance(prompt, str) else str(prompt or "")
    det = detect(prompt)
    req = read_request(prompt)
    kind = choose_kind(det, req)
    spec, flavour = resolve_copy(kind, prompt)
    pages = list(det.pages) or (list(spec["multi_pages"]) if det.multi_page else [])
    rest = prompt[:4000].replace(det.name, " ") if det.name else prompt[:4000]
    colours = read_colours(rest)
    subject = req.subject or det.subject
    return {
        "kind": kind, "flavour": flavour, "label": flavour or (subject if kind == "general" and subject
                                                                 else spec["label"]),
        "name": det.name, "location": det.location, "tone": det.tone or spec.get("tone", ""),
        "tone_from_prompt": bool(det.tone), "colours": [a.name for a in colours.asks],
        "colour_roles": {a.name: a.role or ("loose" if a.loose else "") for a in colours.asks},
        "moods": list(colours.moods), "pages": pages, "sections": list(det.sections), "multi_page": det.multi_page,
        "subject": subject, "audience": req.audience, "lang": req.lang,
        "features": [f"{f.verb} {f.obj}".strip() for f in req.features],
        "widgets": [f"{w.kind}:{w.variant}" if w.kind == "form" else w.kind for w in choose_widgets(req, prompt)]
        if req.lang == "en" else [], "scores": dict(det.kind_scores),
    }
