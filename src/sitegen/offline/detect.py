"""Read a one-sentence prompt: business kind, name, place, tone, colours, pages and sections.

Everything here is pure, deterministic string work. Only the first ``SCAN_LIMIT`` characters
are read, so a 10 kB prompt costs the same as a 400-character one. Nothing here raises for
any string input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from sitegen.offline.colours import read_colours
from sitegen.offline.words import COLOUR_WORDS, KNOWN_PLACES, PAGE_WORDS, SECTION_WORDS

__all__ = ["COLOUR_WORDS", "KINDS", "KNOWN_PLACES", "PAGE_WORDS", "SECTION_WORDS", "Detection", "detect", "detect_kind"]

SCAN_LIMIT = 4000

# kind id -> keywords. Weight 3 for unambiguous phrases, 2 for strong words, 1 for hints.
# Single words also match their plural ("s"/"es"); matching is case-insensitive on word boundaries.
KIND_KEYWORDS: dict[str, dict[str, int]] = {
    "cafe": {
        "coffee shop": 4, "coffee house": 4, "coffeehouse": 4, "coffee bar": 4, "café": 3, "cafe": 3,
        "coffee": 2, "espresso": 2, "barista": 2, "latte": 2, "cappuccino": 2, "roastery": 3,
        "coffee roaster": 4, "tea room": 3, "tearoom": 3, "teahouse": 3, "tea house": 3, "brunch": 1,
        "matcha": 1, "cafeteria": 2,
    },
    "restaurant": {
        "restaurant": 3, "bistro": 3, "trattoria": 3, "diner": 2, "eatery": 3, "brasserie": 3,
        "tavern": 2, "gastropub": 3, "pizzeria": 3, "pizza": 2, "sushi": 2, "ramen": 2, "taqueria": 3,
        "steakhouse": 3, "tapas": 2, "cuisine": 2, "fine dining": 4, "dining": 1, "chef": 1,
        "food truck": 3, "grill": 1, "izakaya": 3, "noodle bar": 3, "burger": 2, "bbq": 2,
        "barbecue": 2, "wine bar": 3, "cocktail bar": 3, "osteria": 3, "takeaway": 2, "dinner": 1,
        "tasting menu": 3, "street food": 2, "jazz bar": 3, "jazz club": 3, "pub": 3, "taproom": 3, "brewpub": 3,
    },
    "bakery": {
        "bakery": 4, "bakehouse": 4, "patisserie": 4, "pâtisserie": 4, "boulangerie": 4, "baker": 3,
        "bread": 2, "sourdough": 2, "pastry": 2, "pastries": 2, "cake shop": 4, "cake": 1,
        "cupcake": 3, "donut": 2, "doughnut": 2, "croissant": 2, "bake shop": 4, "cookies": 1,
        "macaron": 2, "wedding cakes": 2,
    },
    "saas": {
        "saas": 4, "startup": 3, "start-up": 3, "app": 2, "software": 2, "platform": 2, "api": 2,
        "b2b": 3, "dashboard": 2, "tech company": 3, "ai": 1, "analytics": 2, "crm": 3,
        "devtool": 3, "developer tool": 3, "fintech": 3, "subscription": 1, "mobile app": 3,
        "web app": 3, "plugin": 2, "automation": 2, "cloud": 1, "product launch": 2, "waitlist": 2,
        "sdk": 2, "open source": 1, "chrome extension": 3, "tool for teams": 3, "app for": 5, "apps for": 5,
        "platform for": 5, "software for": 5, "tool for": 3, "tools for": 3, "saas for": 5,
    },
    "portfolio": {
        "portfolio": 4, "personal site": 4, "personal website": 4, "freelancer": 3, "freelance": 2,
        "designer": 2, "photographer": 3, "photography": 2, "illustrator": 3, "illustration": 2,
        "developer": 1, "resume": 3, "cv": 3, "artist": 2, "my work": 2, "case studies": 1,
        "videographer": 3, "filmmaker": 3, "copywriter": 3, "writer": 1, "about me": 2,
        "ux designer": 4, "art director": 3, "animator": 3, "musician": 2, "engineer": 1,
    },
    "agency": {
        "agency": 4, "creative studio": 4, "design studio": 4, "marketing": 2, "branding": 2,
        "brand studio": 4, "digital agency": 4, "seo": 2, "advertising": 2, "consultancy": 3,
        "consulting": 2, "consultant": 2, "web design": 2, "design firm": 4, "pr firm": 4,
        "social media": 1, "growth": 1, "studio": 1, "production company": 3, "ux": 1,
    },
    "gym": {
        "gym": 4, "fitness": 3, "yoga": 3, "pilates": 3, "crossfit": 4, "personal trainer": 4,
        "personal training": 4, "boxing": 3, "martial arts": 4, "bootcamp": 1, "workout": 2,
        "spin studio": 4, "cycling studio": 4, "climbing gym": 4, "bouldering": 3, "dojo": 3,
        "karate": 3, "jiu-jitsu": 3, "jiu jitsu": 3, "strength": 1, "barre": 3, "hiit": 3,
        "wellness": 1, "meditation": 1, "fitness studio": 4, "yoga studio": 5, "training": 1,
    },
    "salon": {
        "salon": 4, "hair salon": 5, "hairdresser": 4, "hairdressing": 4, "barber": 4,
        "barbershop": 5, "spa": 3, "day spa": 4, "nail": 2, "nail bar": 4, "beauty": 2,
        "manicure": 3, "pedicure": 3, "massage": 2, "lash": 2, "brow": 2, "skincare": 2,
        "facial": 2, "esthetician": 3, "waxing": 2, "haircut": 3, "hair": 1, "tattoo": 2,
        "beauty parlour": 4, "beauty parlor": 4, "grooming": 1,
    },
    "clinic": {
        "clinic": 4, "dentist": 4, "dental": 4, "doctor": 3, "medical": 3, "physiotherapy": 4,
        "physio": 4, "physiotherapist": 4, "therapist": 2, "therapy": 2, "health centre": 4,
        "health center": 4, "veterinary": 4, "vet": 3, "pediatric": 3, "paediatric": 3,
        "dermatology": 4, "dermatologist": 4, "optometrist": 4, "optician": 4, "chiropractor": 4,
        "orthodontist": 4, "gp": 2, "healthcare": 3, "hospital": 3, "nurse": 2, "psychologist": 3,
        "counselling": 3, "counseling": 3, "mental health": 3, "practice": 1, "patients": 2,
        "dental practice": 5, "osteopath": 4,
    },
    "law": {
        "law firm": 5, "lawyer": 4, "attorney": 4, "solicitor": 4, "legal": 3, "barrister": 4,
        "law office": 5, "litigation": 3, "notary": 3, "paralegal": 3, "counsel": 1, "law": 2,
        "legal services": 4, "immigration": 1, "divorce": 2, "estate planning": 2,
    },
    "event": {
        "wedding": 4, "conference": 4, "summit": 3, "festival": 3, "meetup": 3, "event": 2,
        "gala": 3, "concert": 2, "hackathon": 4, "expo": 3, "retreat": 1, "birthday party": 3,
        "party": 1, "rsvp": 4, "ceremony": 2, "tickets": 1, "speakers": 2, "symposium": 4,
        "engagement": 1, "reunion": 2, "launch party": 3, "save the date": 4,
    },
    "nonprofit": {
        "nonprofit": 5, "non-profit": 5, "not-for-profit": 5, "charity": 5, "ngo": 4,
        "foundation": 2, "volunteer": 3, "donate": 3, "donation": 3, "fundraiser": 3,
        "fundraising": 3, "cause": 1, "shelter": 2, "animal rescue": 4, "food bank": 4,
        "community garden": 3, "mission": 1, "relief": 1, "community": 1, "cooperative": 1,
    },
    "real_estate": {
        "real estate": 5, "realtor": 5, "estate agent": 5, "estate agency": 5, "property": 2,
        "properties": 2, "homes for sale": 5, "apartment": 2, "rental": 2, "letting agent": 5,
        "lettings": 4, "brokerage": 3, "listing": 2, "realty": 4, "condo": 3, "housing": 2,
        "mortgage": 2, "property management": 5, "vacation rental": 3, "real-estate": 5,
    },
    "school": {
        "school": 4, "course": 3, "tutoring": 4, "tutor": 4, "academy": 3, "class": 1,
        "lesson": 2, "teaching": 2, "learn": 1, "learning": 2, "coding bootcamp": 5,
        "kindergarten": 4, "preschool": 4, "nursery": 2, "university": 3, "college": 3,
        "language school": 5, "music lessons": 5, "driving school": 5, "online course": 5,
        "e-learning": 4, "workshop": 1, "curriculum": 3, "students": 2, "education": 3,
        "teacher": 2, "masterclass": 3,
    },
}

KINDS: tuple[str, ...] = (*KIND_KEYWORDS, "general")

TONE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "playful": ("playful", "fun", "funky", "quirky", "colorful", "colourful", "whimsical", "cheerful",
                "vibrant", "cute", "kids", "bright", "joyful", "silly"),
    "luxury": ("luxury", "luxurious", "elegant", "upscale", "premium", "high-end", "exclusive",
               "sophisticated", "classy", "refined", "boutique", "fancy", "glamorous", "chic"),
    "minimal": ("minimal", "minimalist", "minimalistic", "clean", "simple", "scandinavian", "understated",
                "sleek", "swiss", "sparse"),
    "bold": ("bold", "edgy", "loud", "striking", "brutalist", "daring", "energetic", "punchy",
             "intense", "powerful", "dramatic", "neon"),
    "warm": ("warm", "cozy", "cosy", "friendly", "homey", "welcoming", "rustic", "inviting",
             "family-run", "family run", "neighbourhood", "neighborhood", "earthy", "artisan", "artisanal"),
    "professional": ("professional", "corporate", "trustworthy", "serious", "formal", "reliable",
                     "enterprise", "established", "credible", "authoritative"),
    "calm": ("calm", "serene", "peaceful", "soothing", "gentle", "relaxing", "tranquil", "zen",
             "soft", "mindful", "airy"),
    "modern": ("modern", "contemporary", "futuristic", "techy", "fresh", "innovative", "cutting-edge"),
}


MULTI_PAGE = re.compile(
    r"\b(?:multi[- ]?page|multiple pages|several pages|many pages|full (?:web)?site|few pages|"
    r"separate pages|(?:\d|two|three|four|five|six) pages)\b", re.I)

_NOT_PAGES = {"landing", "home", "single", "one", "web", "a", "the", "and", "with", "separate", "multiple",
              "several", "few", "many", "full", "own", "each", "its", "their", "simple", "main", "two",
              "three", "four", "five", "six"}

# words a capitalised "in X" is not a place for
_NOT_PLACES = {
    "english", "spanish", "french", "german", "portuguese", "italian", "japanese", "chinese", "react",
    "next", "nextjs", "tailwind", "typescript", "html", "css", "dark", "light", "mode", "the", "a", "an",
    "my", "our", "your", "style", "tones", "shades", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "spring", "summer",
    "autumn", "fall", "winter", "business", "town", "city", "i", "it", "this", "that", "english.",
    *COLOUR_WORDS, *TONE_KEYWORDS,
}


_STOP_AFTER_NAME = (
    r"in|at|on|for|with|that|which|who|based|located|near|from|and|but|,|\.|;|:|!|\?|\(|\)|—|–|-{1,2}\s|"
    r"serving|selling|offering|specialising|specializing|where|we|i|it|a|an|the|to|using|featuring"
)


_CONTRACTIONS = {"it", "that", "here", "there", "what", "let", "he", "she", "who", "where", "today",
                 "everyone", "everything", "nobody", "somebody", "one", "world", "city", "town"}


@dataclass
class Detection:
    """What the planner understood from the prompt."""

    kind: str = "general"
    kind_scores: dict[str, int] = field(default_factory=dict)
    name: str = ""  # exactly as written by the user ("" when none was given)
    location: str = ""
    tone: str = ""  # "" when the prompt names none
    colours: list[str] = field(default_factory=list)  # colour words, in prompt order
    moods: list[str] = field(default_factory=list)  # dark, pastel, light…
    pages: list[str] = field(default_factory=list)  # canonical page keys, in prompt order
    page_words: dict[str, str] = field(default_factory=dict)  # page key -> word the user used
    multi_page: bool = False
    sections: list[str] = field(default_factory=list)  # section kinds asked for
    subject: str = ""  # "dog grooming service" in "a site for my dog grooming service"


# keywords in scripts without spaces between words are matched as plain substrings
KIND_KEYWORDS["cafe"].update({"カフェ": 4, "コーヒー": 3, "咖啡": 4, "кафе": 3, "кофейня": 4, "café-bar": 3})
KIND_KEYWORDS["restaurant"].update({"ラーメン": 4, "レストラン": 4, "餐厅": 4, "ресторан": 4, "食堂": 3,
                                    "寿司": 4, "restaurante": 4, "ristorante": 4})
KIND_KEYWORDS["bakery"].update({"パン屋": 4, "ベーカリー": 4, "面包": 3, "пекарня": 4, "padaria": 4,
                                "panadería": 4, "bäckerei": 4})
KIND_KEYWORDS["salon"].update({"美容院": 4, "美容室": 4, "barbería": 4, "friseur": 4})
KIND_KEYWORDS["clinic"].update({"歯科": 4, "診療所": 4, "clínica": 4, "klinik": 3})


@cache
def _kw_pattern(word: str) -> re.Pattern[str]:
    if any(ord(ch) > 0x2FF for ch in word):
        return re.compile(re.escape(word), re.I)
    body = re.escape(word).replace(r"\ ", r"[\s-]+")
    plural = "(?:s|es)?" if " " not in word and word[-1:].isalpha() else ""
    return re.compile(rf"(?<![\w-]){body}{plural}(?![\w-])", re.I)


@lru_cache(maxsize=8)
def _lower(text: str) -> str:
    return text.lower()


def _search(text: str, word: str) -> re.Match[str] | None:
    """``word``'s first match in ``text``; skips compiling a pattern when its first word is absent."""
    if word.split()[0].lower() not in _lower(text):
        return None
    return _kw_pattern(word).search(text)


def _has(text: str, word: str) -> bool:
    return _search(text, word) is not None


def _clip(prompt: str) -> str:
    return (prompt or "")[:SCAN_LIMIT]


def detect_kind(prompt: str) -> tuple[str, dict[str, int]]:
    """The best-scoring kind and every non-zero score; ``general`` when nothing matches."""
    text = _clip(prompt)
    low = text.lower()
    scores: dict[str, int] = {}
    for kind, words in KIND_KEYWORDS.items():
        total = 0
        for word, weight in words.items():
            hits = len(_kw_pattern(word).findall(text)) if word.split()[0].lower() in low else 0
            total += weight * min(hits, 2)
        if total:
            scores[kind] = total
    if not scores:
        return "general", {}
    order = list(KIND_KEYWORDS)
    best = max(scores, key=lambda k: (scores[k], -order.index(k)))
    return best, scores


def _trim_name(raw: str) -> str:
    name = raw.strip()
    name = re.sub(r"[\s,.;:!?]+$", "", name)
    return name.strip()


_QUOTES = (("“", "”"), ("„", "“"), ("«", "»"), ("‘", "’"), ("「", "」"), ("『", "』"), ('"', '"'))


def detect_name(prompt: str) -> str:
    """The business name the user gave, exactly as written; "" when none."""
    text = _clip(prompt)
    m = re.search(
        rf"\b(?:called|named|name is|name:|brand(?:ed)? as|known as)\s+[\"'“‘«„]?(.+?)[\"'”’»“]?"
        rf"(?=\s+(?:{_STOP_AFTER_NAME})\b|\s*[,.;:!?()]\s|\s*[,;!?()]|\s*$|\s+[—–])",
        text, re.I)
    quoted = _quoted(text)
    if m:
        cand = _trim_name(m.group(1))
        if re.match(r"\.", text[m.end(1):]) and re.search(r"\b(?:Co|Inc|Ltd|Jr|Sr|Bros|St|Corp|Mfg)$", cand):
            cand += "."  # "Hope & Co." keeps its abbreviation dot
        # "called 'Blue Fern'": prefer the exact quoted span when it starts right there
        if quoted and m.group(0).find(quoted) >= 0:
            return quoted
        if 0 < len(cand) <= 60 and len(cand.split()) <= 6:
            return cand
    if quoted:
        return quoted
    m = re.search(r"(?<![\w'’])([A-Z][\w-]*['’]s)((?:\s+[a-z][\w-]*){0,3}?)"
                  r"(?=\s+(?:in|at|on|for|with|that|which|based|located|near)\b|\s*[,.;:!?]|\s*$)", text)
    if m and m.group(1).lower()[:-2].rstrip("'’") not in _CONTRACTIONS:
        return m.group(1) + (" " + m.group(2).strip().title() if m.group(2).strip() else "")
    m = re.search(r"\b(?:for|at)\s+((?:[A-Z0-9À-Þ]|[^\x00-\u02ff\s])[^\s,.;:!?()]*"
                  r"(?:\s+(?:&|and|of|the|de|du|la|le|[A-Z0-9À-Þ][^\s,.;:!?()]*|[^\x00-\u02ff\s]+))*)",
                  text)
    if m:
        cand = re.sub(r"\s+(?:&|and|of|the|de|du|la|le)$", "", m.group(1).strip())
        first = cand.split()[0].lower().strip("'’")
        if first == "the" and len(cand.split()) > 1:
            first = cand.split()[1].lower()
        if first not in _NOT_PLACES and len(cand) <= 50 and not _is_place_like(cand, text):
            return _trim_name(cand)
    return ""


def _quoted(text: str) -> str:
    best: tuple[int, str] | None = None
    for open_q, close_q in _QUOTES:
        for m in re.finditer(re.escape(open_q) + r"([^\n]{1,60}?)" + re.escape(close_q), text):
            if best is None or m.start() < best[0]:
                best = (m.start(), m.group(1))
    for m in re.finditer(r"(?<![\w])'([^'\n]{1,60}?)'(?![\w])", text):
        if best is None or m.start() < best[0]:
            best = (m.start(), m.group(1))
    if best and best[1].strip():
        return best[1].strip()
    return ""


def _is_place_like(cand: str, text: str) -> bool:
    low = cand.lower()
    return any(low.startswith(p) for p in KNOWN_PLACES)


def detect_place(prompt: str) -> str:
    """A town or city from "in X", "based in X", "located in X"; "" when none."""
    text = _clip(prompt)
    low = text.lower()
    for m in re.finditer(r"\b(?:in|based in|located in|near|from|around|à|em)\s+", text, re.I):
        rest = text[m.end():]
        for place in sorted(KNOWN_PLACES, key=len, reverse=True):
            if rest.lower().startswith(place) and not rest[len(place):len(place) + 1].isalnum():
                return rest[: len(place)] if rest[:1].isupper() else place.title()
        cap = re.match(
            r"((?:[A-ZÀ-Þ]|[^\x00-\u02ff\s\d\W])[\w'’.-]*(?:\s+(?:(?:de|da|do|del|dos|la|le|of|upon|on|am|"
            r"an|di|du|des|los|las|el|sur)\s+)?(?:[A-ZÀ-Þ][\w'’.-]*))*)", rest)
        if cap:
            place = cap.group(1).rstrip(".'’-")
            first = place.split()[0].lower() if place.split() else ""
            if place and first not in _NOT_PLACES and len(place) <= 40:
                return place
    for place in KNOWN_PLACES:
        if _has(low, place) and len(place) > 4:
            return place.title()
    return ""


def detect_tone(prompt: str) -> str:
    """The first tone word's tone id in prompt order; "" when none."""
    text = _clip(prompt)
    best: tuple[int, str] | None = None
    for tone, words in TONE_KEYWORDS.items():
        for word in words:
            m = _search(text, word)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), tone)
    return best[1] if best else ""


def detect_colours(prompt: str) -> tuple[list[str], list[str]]:
    """(colour names in prompt order, mood words like dark/pastel); see :mod:`sitegen.offline.colours`."""
    req = read_colours(_clip(prompt))
    return [a.name for a in req.asks], list(req.moods)


def detect_pages(prompt: str) -> tuple[list[str], dict[str, str], bool]:
    """(page keys asked for, page key -> the user's word, multi-page flag)."""
    text = _clip(prompt)
    words: list[tuple[float, str]] = []
    m = re.search(r"\bpages?\s*(?::|=|-|—|include|including|like|such as|\s(?=[\w ]{1,20},))\s*([^.;!?\n]{1,200})",
                  text, re.I)
    if m:
        for part in re.split(r",|/|\band\b|&|\+|\|", m.group(1)):
            words.append((m.start(1), part.strip()))
    for m in re.finditer(r"\bpages?\b", text, re.I):
        # walk back from "page(s)" over a list like "menu, about and contact"
        before = text[max(0, m.start() - 160): m.start()]
        base = m.start() - len(before)
        chunk_start = max((before.rfind(ch) for ch in ".;:!?\n"), default=-1) + 1
        chunk = before[chunk_start:]
        parts = re.split(r"\s*,\s*|\s+and\s+|\s*&\s*|\s*/\s*", chunk)
        found: list[tuple[float, str]] = []
        for part in reversed(parts):
            toks = part.split()
            word = next((w for w in (" ".join(toks[-2:]).lower(), toks[-1].lower() if toks else "")
                         if w and w.strip("'’\"") in PAGE_WORDS), "")
            if not word:
                break
            found.append((base + chunk_start + max(chunk.rfind(part), 0), word))
        words.extend(reversed(found))
    pages: list[str] = []
    used: dict[str, str] = {}
    for _, word in sorted(words, key=lambda x: x[0]):
        key = PAGE_WORDS.get(word.lower().strip(" '’\""))
        if key and key not in pages:
            pages.append(key)
            used[key] = word.lower().strip(" '’\"")
    return pages, used, bool(MULTI_PAGE.search(text))


def detect_sections(prompt: str) -> list[str]:
    """Section kinds the prompt asks for by name (in prompt order)."""
    text = _clip(prompt)
    found: list[tuple[int, str]] = []
    for word, kind in SECTION_WORDS.items():
        m = _search(text, word)
        if not m:
            continue
        after = text[m.end(): m.end() + 8].lower()
        if re.match(r"\s*pages?\b", after):  # "a pricing page" is a page, not a home section
            continue
        found.append((m.start(), kind))
    out: list[str] = []
    for _, kind in sorted(found):
        if kind not in out:
            out.append(kind)
    return out


# words that show the phrase is a request, not a kind of business ("I want a website")
SUBJECT_STOP_WORDS = {"i", "we", "want", "need", "make", "build", "create", "me", "please", "give", "generate",
                      "design", "a", "an", "the", "my", "our", "some", "something", "simple", "nice", "cool"}


def detect_subject(prompt: str) -> str:
    """What the site is about in the user's words, e.g. "dog grooming service"; "" when unclear."""
    text = _clip(prompt)[:400]
    m = re.search(
        r"\b(?:for|about)\s+(?:my|our|a|an|the)\s+((?:[a-z][\w'’-]*\s*){1,4}?)"
        r"(?=\s*(?:\b(?:in|at|called|named|with|that|which|based|located|near|and)\b|[,.;!?]|$))",
        text, re.I)
    if not m:
        m = re.match(r"\s*(?:an?|my|our)\s+((?:[a-z][\w'’-]*\s*){1,4}?)\s*(?:website|site|landing page|"
                     r"homepage|web page|page)\b", text, re.I)
    if not m:  # a short noun phrase at the start: "florist in Ghent", "a bookshop near the park"
        m = re.match(r"\s*(?:(?:an?|the|my|our)\s+)?((?:[a-z][\w'’-]*\s*){1,3}?)\s*(?=\b(?:in|at|near|for|with|"
                     r"called|named|based|located|about|website|site|landing|homepage|page)\b|[,.;!?]|$)", text, re.I)
    if not m:
        return ""
    subject = m.group(1).strip()
    if subject.lower() in {"website", "site", "page", "landing page", "business", "company", "new", "web", "online",
                           "web site", "webpage"}:
        return ""
    if len(subject) < 3 or set(subject.lower().split()) & SUBJECT_STOP_WORDS:
        return ""
    return subject


def detect(prompt: str) -> Detection:
    """Everything the planner needs from the prompt."""
    kind, scores = detect_kind(prompt)
    name = detect_name(prompt)
    rest = _clip(prompt).replace(name, " ") if name else prompt  # "Blue Fern" is not a colour request
    colours, moods = detect_colours(rest)
    pages, page_words, multi = detect_pages(prompt)
    return Detection(
        kind=kind, kind_scores=scores, name=name, location=detect_place(prompt),
        tone=detect_tone(rest), colours=colours, moods=moods, pages=pages, page_words=page_words,
        multi_page=multi, sections=detect_sections(prompt), subject=detect_subject(prompt),
    )
