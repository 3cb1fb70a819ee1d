"""Copy made from the request itself: a site about the subject the user named, in their words.

:func:`subject_spec` returns a kind-copy dict (the shape ``copy_common`` documents) whose name forms,
taglines, hero, features, process, about and FAQ speak of the subject ("basketball betting
analytics") and the functionalities the user listed ("view match history"). :func:`feature_items`
turns listed functionalities into feature cards for any kind. Text from the prompt is brace-escaped,
since the planner formats templates.
"""

from __future__ import annotations

import copy
import random
import re
from typing import Any

from sitegen.offline.copy_common import it
from sitegen.offline.request import Feature, Request, feature_title
from sitegen.offline.widgets import ALL_DOMAINS

SUFFIXES: dict[str, list[str]] = {
    "sports": ["Edge", "Insider", "Lab", "Central"], "jobs": ["Board", "Works", "Hire", "Connect"],
    "food": ["Kitchen", "Table", "Pantry"], "books": ["Shelf", "Reads", "Corner"],
    "learning": ["Academy", "Lab", "School"], "travel": ["Compass", "Atlas", "Trips"],
    "shop": ["Market", "Store", "Collective"], "fitness": ["Club", "Lab", "Coach"],
    "property": ["Homes", "Keys", "Estates"], "finance": ["Ledger", "Wise", "Compass"],
    "media": ["Stream", "Reel", "Wave"], "pets": ["Paws", "Pals", "Friends"], "events": ["Live", "Fest", "Gather"],
    "generic": ["Hub", "Central", "Collective", "HQ"],
}
_NAME_SKIP = {"sharing", "analytics", "simulation", "tracking", "management", "planning", "information", "online",
              "local", "for", "of", "the", "and", "a", "an", "my", "our", "website", "site", "platform", "app",
              "business", "service", "services", "data", "with", "to", "in", "on", "de", "da", "do", "del", "des",
              "du", "di", "della", "van", "der", "von", "und", "et", "y", "e", "la", "le", "el"}
VERB_SENTENCES: dict[str, str] = {
    "view": "See {obj} at a glance, clear and always up to date.",
    "see": "See {obj} at a glance, clear and always up to date.",
    "browse": "Browse {obj} by category and open any one for the details.",
    "search": "Search {obj} instantly and narrow the list with filters.",
    "find": "Find {obj} in seconds, with filters that remember what you like.",
    "filter": "Filter {obj} down to exactly what you need.",
    "compare": "Compare {obj} side by side before you decide.",
    "track": "Track {obj} over time and spot changes early.",
    "monitor": "Monitor {obj} live, with alerts when something moves.",
    "book": "Book {obj} online in a few clicks, any time of day.",
    "reserve": "Reserve {obj} online and get an instant confirmation.",
    "schedule": "Schedule {obj} around your week, and change it any time.",
    "register": "Register {obj} in a minute; everything stays in one account.",
    "borrow": "Borrow {obj} in a few taps and see when they are due back.",
    "draft": "Draft {obj} live, with every pick saved as you go.",
    "sign up": "Sign up {obj} in a minute; everything stays in one account.",
    "apply": "Apply {obj} with one short form, from any device.",
    "submit": "Submit {obj} through a simple form and get a confirmation straight away.",
    "post": "Post {obj} in a couple of minutes and reach the right people.",
    "upload": "Upload {obj} from any device; we keep it safe and organised.",
    "save": "Save {obj} to your list and come back to it later.",
    "rate": "Rate {obj} and help others choose well.",
    "review": "Review {obj} honestly and read what others think.",
    "share": "Share {obj} with friends or the whole community in one tap.",
    "calculate": "Calculate {obj} instantly as you change the numbers.",
    "estimate": "Estimate {obj} before you commit, with no surprises later.",
    "practice": "Practise {obj} with instant scoring and explanations.",
    "learn": "Learn {obj} step by step, at your own pace.",
    "chat": "Chat {obj} in real time, right where you are.",
    "buy": "Buy {obj} securely online in a few clicks.",
    "order": "Order {obj} online and follow it every step of the way.",
    "contact": "Contact {obj} directly through the site; replies within a working day.",
    "manage": "Manage {obj} from one simple dashboard.",
}
ICON_WORDS: tuple[tuple[str, str], ...] = (
    (r"search|find|look", "Search"), (r"filter|categor|sort", "ListFilter"), (r"history|past", "History"),
    (r"rank|standing|leader|top", "Trophy"), (r"odds|percent|rate", "Percent"), (r"book|reserv|schedul|date",
     "CalendarCheck"), (r"regist|sign|account|join|profile", "UserPlus"), (r"apply|submit|form|post", "FileText"),
    (r"compar", "Scale"), (r"track|monitor|progress", "Activity"), (r"chart|stat|analy|trend|graph", "ChartLine"),
    (r"save|favou?rite|wish|bookmark", "Heart"), (r"chat|message|comment|discuss|forum", "MessageCircle"),
    (r"map|locat|near", "MapPin"), (r"job|career|hire|work", "Briefcase"), (r"recipe|cook|meal", "ChefHat"),
    (r"book|read|library", "BookOpen"), (r"quiz|test|practi|exam", "CircleHelp"), (r"calculat|estimat|cost",
     "Calculator"), (r"upload|photo|image", "Upload"), (r"review|rate|rating", "Star"),
    (r"pay|buy|order|cart|price", "CreditCard"), (r"game|match|team|play", "Trophy"), (r"notif|alert", "Bell"),
    (r"video|watch|stream", "Play"), (r"share", "Share2"), (r"learn|course|lesson", "GraduationCap"),
)


def esc(text: str) -> str:
    """Text from the prompt made safe for the planner's str.format templates."""
    return text.replace("{", "{{").replace("}", "}}")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


BUSINESS_WORDS = re.compile(
    r"\b(?:business|service|services|shop|store|studio|workshop|club|company|agency|firm|society|association|"
    r"centre|center|salon|parlou?r|bar|pub|kitchen|farm|repair|wash|rentals?|restoration|tuning|cleaning|"
    r"cleaners|supplies|camp|hotel|inn|b&b|guesthouse|hostel|garage|florist|boutique|gallery|brewery|winery|"
    r"distillery|nursery|market|practice|office|clinic|room|rooms|tours?|charters?|lessons|school|academy|"
    r"dealership|bookshop|bookstore|shop|maker|makers|builders?|plumbing|electricians?|landscaping|catering|"
    r"photography|consultancy|consulting|restaurant|cafe|café|bakery|stall|truck|co-?op)\b", re.I)


def business_names(subject: str, place: str, words: list[str]) -> list[str]:
    """Names for a business the planner has no kind for: "Leeds Escape Room", "Copperleaf Piano Tuning"."""
    kept = [w for w in subject.split() if w.lower() not in {"business", "service", "services", "company", "website",
                                                              "site", "my", "our", "local", "small"}][:4]
    title = " ".join(w if w[:1].isupper() else _cap(w) for w in kept)
    if not title:
        return []
    if place and len(place) <= 16:
        return [esc(f"{place} {title}")]
    return [esc(f"{w} {title}") for w in words[:6]]


def is_business(subject: str) -> bool:
    """True when the subject is a business or organisation ("piano tuning business"), not a topic."""
    return bool(BUSINESS_WORDS.search(subject))


def subject_eyebrow(subject: str) -> str:
    """A hero eyebrow template naming the subject ("Vegan restaurant in Lisbon")."""
    return _cap(esc(subject)) + "{in_place}"


def icon_for(text: str) -> str:
    """A lucide icon name that fits a phrase ("track bets" → Activity)."""
    low = text.lower()
    return next((icon for pattern, icon in ICON_WORDS if re.search(pattern, low)), "CircleCheck")


def feature_sentence(f: Feature, subject: str) -> str:
    """One sentence about a functionality, using the user's words."""
    obj = f.obj if f.obj and f.obj.lower() != f.verb else (f"everything about {subject}" if subject else "it")
    template = VERB_SENTENCES.get(f.verb)
    if template:
        return template.format(obj=obj)
    if f.verb:
        return f"{_cap(f.verb)} {obj} right here, quickly and without fuss."
    about = f" for {subject}" if subject and subject.lower() not in obj.lower() else ""
    return f"{_cap(obj)}{about}, built in and ready to use."


def feature_items(req: Request, subject: str, limit: int = 6) -> list[dict[str, Any]]:
    """Feature cards (plain item dicts, brace-escaped) for the listed functionalities."""
    return [it(esc(feature_title(f)), esc(feature_sentence(f, subject)), icon_for(f.phrase))
            for f in req.features[:limit]]


def feature_list(features: list[Feature], n: int = 3) -> str:
    """"view match history and team rankings, search games": the first ``n`` actions in the user's words."""
    parts: list[str] = []
    last = ""
    for f in features[:n]:
        words = f.obj if f.verb and f.verb == last else f"{f.verb} {f.obj}".strip()
        parts.append(words)
        last = f.verb
    if len(parts) > 1:
        return ", ".join(parts[:-1]) + " and " + parts[-1]
    return parts[0] if parts else ""


def invent_name(subject: str, domain: str, rng: random.Random) -> str:
    """A plausible site name built from the subject's words ("Basketball Betting Edge")."""
    words = [w for w in re.findall(r"[^\W_][\w'’-]*", subject) if w.lower() not in _NAME_SKIP]
    key = " ".join(w if w[:1].isupper() else _cap(w) for w in words[:2]) or "Common Ground"
    if len(key) > 22:
        key = key.split()[0]
    return f"{key} {rng.choice(SUFFIXES.get(domain, SUFFIXES['generic']))}"


def _hero(subject: str, audience: str, actions: str, noun: str) -> dict[str, Any]:
    s, who = esc(subject), esc(audience)
    headings = [f"{_cap(s)}, all in one place", f"Your home for {s}", f"{_cap(s)} made simple"]
    if who and " for " not in s:
        headings.append(f"{_cap(s)} for {who}")
    subs = [f"{{name}} is the {noun} for {s}" + (f": {esc(actions)}, all in one place." if actions else
                                                 ", clear, current and easy to use.")]
    return {"eyebrow": [f"{_cap(s)}", f"Built for {who}" if who else f"{_cap(noun)} for {s}"],
            "heading": headings, "sub": subs,
            "cta": [("Get started", "#features")], "secondary": [("How it works", "#process")]}


def subject_spec(base: dict[str, Any], req: Request, subject: str, domain: str, rng: random.Random
                 ) -> dict[str, Any]:
    """``base`` (the general copy) rewritten to be about ``subject``, with the request's functionalities."""
    spec = copy.deepcopy(base)
    s, who = esc(subject), esc(req.audience)
    noun = req.site_noun if req.site_noun in {"platform", "marketplace", "app", "portal", "directory", "hub",
                                               "community", "blog", "forum", "store", "shop"} else "website"
    actions = feature_list(req.features)
    spec.update({
        "label": s, "audience": _cap(who) if who else f"Anyone interested in {s}", "tone": "modern",
        "names": [invent_name(subject, domain, rng)], "name_forms": ["{n}"],
        "taglines": [f"{_cap(s)}, all in one place.", f"The simple way to follow {s}.",
                     f"Everything {who} need for {s}." if who else f"Everything for {s}, in one place."],
        "descriptions": [f"{{name}} is a {noun} for {s}" + (f" where {who} can {esc(actions)}." if who and actions
                                                            else f" that lets you {esc(actions)}." if actions
                                                            else ", made to be clear, current and useful.")],
        "footer": [f"Made for {who or 'people who care about ' + s}.", f"{{name}}: {s}, done properly."],
        "socials": ["Instagram", "X", "YouTube"], "hours": [],
    })
    middle = rng.choice([["process", "about", "stats", "testimonials", "faq"],
                         ["about", "testimonials", "process", "faq", "stats"],
                         ["stats", "process", "testimonials", "about", "faq"]])
    if not req.features:
        middle = ["services" if k == "process" else k for k in middle]
    spec["home"] = ["hero", "features", *middle, "cta", "contact"]
    spec["multi_pages"] = ["features", "about", "contact"]
    spec["palette"] = f"d_{domain}" if domain != "generic" else "general"
    sections = spec.setdefault("sections", {})
    sections["hero"] = _hero(subject, req.audience, actions, noun)
    sections["features"] = {
        "eyebrow": ["What you can do", "Features"],
        "heading": [f"Everything you need for {s}", f"Built around {s}"],
        "sub": [f"Made for {who}." if who else "Simple to use, from the first visit."],
        "items": feature_items(req, subject) or _brochure_features(subject, req.audience),
    }
    steps = req.features[:3]
    if len(steps) >= 2:
        sections["process"] = {"eyebrow": ["How it works"], "heading": ["How it works", "Three steps to start"],
                               "items": [it(esc(feature_title(f)), _step(i, f), icon_for(f.phrase), f"0{i + 1}")
                                         for i, f in enumerate(steps)]}
    sections["about"] = {"eyebrow": ["About"], "heading": ["About {name}", f"Why we built a {noun} for {s}"],
                         "body": [f"{{name}} started with a simple idea: {s} deserves a {noun} that is clear, fast "
                                  f"and honest. We keep it up to date, listen to {who or 'the people who use it'} "
                                  "and add what they ask for."]}
    sections["faq"] = {"eyebrow": ["FAQ"], "heading": ["Questions, answered"], "items": _faq(s, who, noun, req)}
    sections["cta"] = {"heading": [f"Start with {s} today", "Ready when you are"],
                       "sub": ["It takes a minute to get started, and it's free to try."],
                       "cta": [("Get started", "#contact")]}
    sections["contact"] = {"eyebrow": ["Contact"], "heading": ["Get in touch", "Say hello"],
                           "sub": ["Questions, ideas or feedback: we read every message."]}
    sections["testimonials"] = {
        "eyebrow": ["Kind words"], "heading": ["What people say", f"Loved by {who or 'our community'}"],
        "items": [it("", f"I check {{name}} every week. The best place I know for {s}."),
                  it("", "Clear, fast and it just works. I recommended it to everyone I know."),
                  it("", f"Finally, {s} without the noise.")],
        "metas": ["Member since {year}", "Weekly visitor", "Verified member"]}
    sections["services"] = {"eyebrow": ["Inside"], "heading": ["What you'll find", f"Popular in {s}"],
                            "items": _domain_items(domain, subject)}
    sections["stats"] = {"eyebrow": ["By the numbers"], "heading": ["{name} in numbers"],
                         "items": [it("Active members", "", "Users", "12,400"), it("Updated", "", "Clock", "Daily"),
                                   it("Average rating", "", "Star", "4.8"), it("Free to start", "", "BadgeCheck",
                                                                               "100%")]}
    return spec


def _domain_items(domain: str, subject: str) -> list[dict[str, Any]]:
    data = ALL_DOMAINS.get(domain, ALL_DOMAINS["generic"])
    s = esc(subject)
    fill = lambda v: esc(v).replace("{{S}}", _cap(s)).replace("{{s}}", s)  # noqa: E731
    return [it(fill(t), fill(x), icon_for(t + " " + data["noun"]), esc(m)) for t, x, m, _ in data["items"][:4]]


def _step(i: int, f: Feature) -> str:
    """The text of step ``i`` of "How it works" (not the feature card's sentence again)."""
    title = esc(feature_title(f))
    low = title[:1].lower() + title[1:]
    return [f"Open {{name}} and start with {low}; no account needed to look around.",
            f"Then {low}: everything updates as you go, on any device.",
            f"Finally, {low}. Come back any time; we keep it current."][min(i, 2)]


def _brochure_features(subject: str, audience: str) -> list[dict[str, Any]]:
    s = esc(subject)
    return [it(f"{_cap(s)}, explained", f"Clear guides to {s}, written by people who know it well.", "BookOpen"),
            it("Always up to date", f"News and changes in {s}, checked and updated every week.", "RefreshCw"),
            it(f"Made for {esc(audience)}" if audience else "Made for everyone",
               "Plain words, no jargon, and answers to the questions people actually ask.", "Users"),
            it("Free to start", "Everything on the site is free to read; no account needed.", "BadgeCheck")]


def _faq(s: str, who: str, noun: str, req: Request) -> list[dict[str, Any]]:
    items = [it("Who is {name} for?", f"{_cap(who) if who else 'Anyone'} interested in {s}. No experience needed."),
             it("Is it free?", "Yes, it's free to start. Some extras may come later, and we'll always say so.")]
    if req.features:
        f = req.features[0]
        question = f"How do I {esc(f.verb)} {esc(f.obj)}?" if f.verb else f"Where do I find {esc(f.obj)}?"
        items.append(it(question,
                        f"Open the {esc(feature_title(f))} section on the home page; it works on any device."))
    items.append(it("How do I get in touch?", "Use the contact form below; we reply within one working day."))
    return items
