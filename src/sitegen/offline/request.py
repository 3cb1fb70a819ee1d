"""Read a request in the user's own words: subject, audience, functionalities, user actions, language.

"Please implement a sports analytics website for basketball betting data. The website should have
functionalities for viewing match history, team rankings, and betting odds. Users should be able
to search games and track their bets." gives the subject "basketball betting analytics", the
audience "bettors", five functionalities in the user's words, and the actions search and track.
Pure string work on the first ``SCAN`` characters; nothing raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SCAN = 4000

SITE_NOUNS = (r"web\s*sites?|web\s*app(?:lication)?s?|webapps?|sites?|platforms?|portals?|apps?|applications?|"
              r"landing\s+pages?|home\s*pages?|web\s*pages?|marketplaces?|hubs?|directory|directories|"
              r"online\s+stores?|online\s+shops?|e-?shops?|stores?|blogs?|forums?|databases?|trackers?|"
              r"dashboards?|tools?|services?")
_LEAD_WORDS = {"simple", "modern", "responsive", "new", "online", "beautiful", "clean", "basic", "small", "nice",
               "professional", "single", "one", "full", "complete", "fully", "functional", "interactive", "web",
               "dynamic", "static", "personal", "fun", "cool", "minimal", "minimalist", "sleek", "great", "good",
               "multi-page", "multipage", "one-page", "elegant", "stunning", "fancy", "polished", "complex",
               "comprehensive", "robust", "user-friendly", "friendly", "dedicated", "little", "whole", "entire",
               "dark", "light", "bold", "playful", "luxury", "calm", "cozy", "cosy", "warm", "vibrant", "a", "an",
               "the", "my", "our", "your", "their", "website", "site"}
_GENERIC_TAIL = {"data", "information", "info", "content", "stuff", "things", "details", "resources", "topics",
                 "purposes", "use", "needs", "lovers"}
PEOPLE_WORDS = {
    "fans", "lovers", "enthusiasts", "students", "bettors", "gamblers", "players", "owners", "families", "parents",
    "kids", "children", "teens", "teenagers", "seniors", "adults", "beginners", "professionals", "businesses",
    "teams", "companies", "workers", "employees", "employers", "developers", "designers", "creators", "artists",
    "musicians", "writers", "readers", "travelers", "travellers", "tourists", "customers", "clients", "users",
    "members", "volunteers", "patients", "doctors", "nurses", "teachers", "tutors", "learners", "athletes",
    "runners", "cyclists", "gamers", "collectors", "investors", "traders", "homeowners", "renters", "tenants",
    "landlords", "freelancers", "startups", "entrepreneurs", "shoppers", "buyers", "sellers", "cooks", "chefs",
    "foodies", "gardeners", "hikers", "coaches", "scouts", "recruiters", "candidates", "seekers", "people",
    "residents", "neighbours", "neighbors", "couples", "women", "men", "pet owners", "dog owners", "cat owners",
    "researchers", "scientists", "engineers", "nonprofits", "charities", "schools", "small businesses",
    "job seekers", "home cooks", "book lovers", "pilots", "drivers", "riders", "veterans", "retirees",
}
# subject words -> who the site is for, when the prompt does not say
AUDIENCE_HINTS: tuple[tuple[str, str], ...] = (
    (r"\bbet(?:s|ting)?\b|\bodds\b|\bwager", "bettors"),
    (r"\bjobs?\b|\bhiring\b|\bcareers?\b", "job seekers and employers"),
    (r"\brecipes?\b|\bcooking\b|\bmeal", "home cooks"), (r"\bbooks?\b|\blibrary\b|\breading\b", "readers"),
    (r"\bcourses?\b|\blearn|\bstudy|\bexam|\bquiz", "learners"), (r"\btravel|\btrips?\b|\bhotel", "travellers"),
    (r"\bfitness\b|\bworkouts?\b|\btraining\b", "people who train"), (r"\bpets?\b|\bdogs?\b|\bcats?\b", "pet owners"),
    (r"\bsports?\b|\bleague\b|\bteams?\b|\bmatch|\bbasketball|\bfootball|\bsoccer|\bbaseball|\btennis|\bhockey",
     "fans"), (r"\bgam(?:e|es|ing)\b", "players"), (r"\binvest|\bstocks?\b|\bcrypto|\bfinance", "investors"),
    (r"\bmusic|\bsongs?\b|\balbums?\b", "listeners"), (r"\bmovies?\b|\bfilms?\b", "film lovers"),
    (r"\bplants?\b|\bgarden", "gardeners"), (r"\bcars?\b|\bvehicles?\b", "drivers"),
)

ACTION_VERBS = {
    "view", "see", "browse", "search", "find", "filter", "sort", "book", "reserve", "schedule", "register",
    "sign", "apply", "submit", "contact", "take", "practice", "practise", "calculate", "estimate", "compare",
    "track", "monitor", "save", "add", "create", "post", "share", "upload", "rate", "review", "comment", "chat",
    "message", "buy", "order", "purchase", "pay", "download", "read", "watch", "listen", "join", "vote", "manage",
    "edit", "explore", "discover", "learn", "play", "simulate", "predict", "bet", "check", "get", "receive",
    "subscribe", "donate", "follow", "list", "sell", "access", "connect", "customize", "customise", "generate",
    "export", "analyze", "analyse", "visualize", "visualise", "plan", "log", "record", "enter", "request",
    "favorite", "favourite", "bookmark", "rsvp", "enroll", "enrol", "test", "quiz", "study", "leave", "write",
    "send", "ask", "answer", "upvote", "shop", "rent", "hire", "report", "locate", "look", "keep", "set",
    "update", "delete", "invite", "match", "swap", "trade", "claim", "earn", "redeem", "select", "choose",
    "pick", "design", "build", "upgrade", "renew", "cancel", "confirm", "verify", "stream", "borrow", "lend",
    "host", "organize", "organise", "discuss", "meet", "volunteer", "sign-up", "signup", "print",
}
_LIST_INTROS = (
    r"\b(?:functionalit(?:y|ies)|features?|capabilities|functions?|tools?|options?|modules?)\s+"
    r"(?:for|such as|like|including|that include|to|of|:|—|-)\s*",
    r"\b(?:users?|visitors?|customers?|members?|people|players?|students?|fans?|they|guests?|clients?|you|"
    r"bettors|learners|readers|buyers|sellers|parents|patients|employers|candidates|job seekers)\s+"
    r"(?:should|must|will|can|could|would|need to|want to|may)\s+(?:also\s+)?(?:be\s+able\s+to\s+)?",
    r"\b(?:allow(?:s|ing)?|let(?:s|ting)?|enabl(?:e|es|ing)|help(?:s|ing)?)\s+(?:the\s+)?(?:users?|visitors?|"
    r"customers?|people|members?|fans?|players?|students?|you|them|anyone)\s+(?:to\s+)?",
    r"\bwhere\s+(?:[\w-]+\s+){1,2}?can\s+(?:also\s+)?",
    r"\b[\w-]+\s+(?:should|must|will|can|could|would)\s+(?:also\s+)?be\s+able\s+to\s+",
    r"\b(?:should|must|will|needs? to|has to)\s+(?:also\s+)?(?:have|include|feature|offer|provide|support|"
    r"contain|show|display|allow)\s+",
    r"\b(?:include|includes|including|featuring|with sections? for|with pages? for|with)\s+(?=[^.;!?\n]*,)",
)
_LIST_RE = re.compile("|".join(f"(?:{p})" for p in _LIST_INTROS), re.I)
_SPLIT = re.compile(r"\s*(?:,\s*(?:and|or)?\s*|;\s*|\s+and(?:\s+also)?\s+|\s+or\s+|\s+as well as\s+|\s*\+\s*)", re.I)


@dataclass
class Feature:
    """One functionality the user asked for, in their words ("view match history")."""

    phrase: str  # "view match history"
    verb: str = ""  # "view" (given or carried over from the item before)
    obj: str = ""  # "match history"


def feature_title(f: Feature) -> str:
    """A short card title in the user's words: "Match history", "Search games"."""
    if f.verb in {"view", "see", "access", "get", "check", "browse", "explore", "read", "watch"} and f.obj:
        text = f.obj
    else:
        text = f"{f.verb} {f.obj}".strip() if f.verb and f.verb.lower() not in f.obj.lower() else f.obj
    return text[:1].upper() + text[1:]


@dataclass
class Request:
    """What the prompt asks for, beyond the business kind."""

    subject: str = ""  # "basketball betting analytics"
    span: str = ""  # the words that named it ("a sports analytics website for basketball betting data")
    site_noun: str = ""  # "website", "platform", "marketplace"…
    audience: str = ""  # "bettors"
    features: list[Feature] = field(default_factory=list)
    lang: str = "en"
    words: int = 0
    name: str = ""  # a name given in another language's words ("llamada Flores Lucía")
    pages: list[str] = field(default_factory=list)  # pages asked for by name ("a team rankings page")

    @property
    def functional(self) -> bool:
        """True when the prompt lists things users do (a site to use, not only to read)."""
        return bool(self.features)


def _clean_item(raw: str) -> str:
    item = raw.strip(" \t\n\"'“”‘’()[]*-–—:")
    item = re.sub(r"^(?:also|then|easily|quickly|even|the ability to|ability to|options? to|the option to|"
                  r"to|a way to|ways to)\s+", "", item, flags=re.I)
    item = re.sub(r"^(?:a|an|the|their|his|her|its|our|your)\s+", "", item, flags=re.I)
    item = re.sub(r"\s+(?:etc\.?|and so on|and more|among others)$", "", item, flags=re.I)
    item = re.sub(r"\s+(?:on|in|from|for|to) (?:the|this|our) (?:website|site|platform|app)$", "", item, flags=re.I)
    words = item.split()
    return " ".join(words[:9])


def _object(rest: str) -> str:
    """The object of an action as the user wrote it, addressed to the reader ("their bets" → "your bets")."""
    obj = re.sub(r"^(?:their|his|her|its)\s+", "your ", _clean_item(rest) if not re.match(
        r"(?:a|an|the|their|his|her|its|your)\s", rest, re.I) else rest.strip(), flags=re.I)
    obj = re.sub(r"\s+(?:etc\.?|and so on|and more)$", "", obj.strip(" .,;"), flags=re.I)
    return " ".join(obj.split()[:9])


# -ing words that usually name a thing ("betting odds", "reading list"), not an action
NOUN_GERUNDS = {"betting", "training", "shopping", "cooking", "parking", "swimming", "dating", "hiking", "camping",
                "fishing", "meeting", "building", "spending", "learning", "coding", "banking", "housing", "clothing",
                "walking", "marketing", "landing", "trading", "reading", "waiting", "sporting", "wedding", "seating",
                "pricing", "booking", "listing", "mailing", "streaming", "gaming", "teaching", "cycling", "baking",
                "painting", "recording", "sleeping", "working", "living", "dining", "boarding", "funding", "lighting"}


def _verb_of(item: str) -> tuple[str, str]:
    first, _, rest = item.partition(" ")
    low = first.lower()
    if low in NOUN_GERUNDS and rest:
        return "", item
    base = re.sub(r"(?:ing|s)$", "", low)
    undoubled = base[:-1] if low.endswith("ing") and len(base) > 2 and base[-1] == base[-2] else base
    for cand in (low, base, base + "e", undoubled, low[:-1] if low.endswith("s") else low):
        if cand in ACTION_VERBS:
            if cand in {"sign", "look", "log", "keep", "set"} and rest:
                word2, _, rest2 = rest.partition(" ")
                if word2.lower() in {"up", "in", "for", "into", "track", "up for", "at"}:
                    return f"{cand} {word2.lower()}", _object(rest2) if rest2 else ""
            return cand, _object(rest)
    if low.endswith("ing") and len(low) > 5 and rest:
        return "-", item  # an action we have no verb for ("painting walls"): its own phrase, no carry-over
    return "", item


def read_features(text: str) -> list[Feature]:
    """Each functionality and user action listed in ``text``, in order, without repeats."""
    out: list[Feature] = []
    seen: set[str] = set()
    pos = 0
    while (m := _LIST_RE.search(text, pos)) is not None:
        while (inner := _LIST_RE.match(text, m.end())) is not None and inner.end() > m.end():
            m = inner  # "should have functionalities for …": the list starts after the last intro
        pos = m.end()
        tail = text[m.end():]
        end = re.search(r"(?<!\d)[.;!?\n](?!\d)|\s+(?:so that|so they|in order to|because|while|which|"
                        r"using|define|make sure|the (?:website|site|design|background))\b", tail, re.I)
        chunk = tail[: end.start() if end else 240][:300]
        verb, first = "", True
        for part in _SPLIT.split(chunk):
            item = _clean_item(part)
            if len(item) < 3 or len(item.split()) > 9:
                continue
            noun_phrase = bool(re.match(r"\s*(?:a|an|the|some)\s", part, re.I))
            v, obj = ("", item) if noun_phrase else _verb_of(item)
            if v == "-":
                v, verb, first = "", "", False
            if first:
                verb, first = v, False
            elif not v and verb and not noun_phrase:
                obj = item
            key = f"{v or verb} {obj}".lower().strip()
            if (not obj and not v) or key in seen or obj.lower() in {"it", "them", "this", "that", "more"}:
                continue
            seen.add(key)
            out.append(Feature(phrase=item, verb=v or verb, obj=obj or item))
        if len(out) >= 12:
            break
    return out[:12]


_SUBJECT_RE = re.compile(
    r"(?:^|\b(?:implement|build|create|make|design|develop|need|want|code|generate|is|for|me)\s+|[.:]\s*)"
    r"(?:(?<=^)|(?:a|an|the|my|our|one)\s+)((?:[\w'’&-]+\s+){0,6}?)(" + SITE_NOUNS + r")\b"
    r"(?:\s+(?:for|about|dedicated to|focused on|on|of|around|covering|showcasing)\s+"
    r"((?:[\w'’&-]+\s*){1,7}?)(?=\s*[,.;:!?()]|\s*\b(?:that|which|where|with|in|at|called|named|so|to|using|"
    r"and|who|featuring|including|built|made|designed|for)\b|\s*$))?", re.I)


def _strip_lead(words: list[str]) -> list[str]:
    while words and words[0].lower().strip(",") in _LEAD_WORDS:
        words = words[1:]
    return words


def subject_span(text: str) -> str:
    """The words of the prompt that name the site ("a personal trainer website"); "" when none."""
    m = _SUBJECT_RE.search(text[:600])
    return m.group(0) if m else ""


def read_subject(text: str) -> tuple[str, str, str]:
    """(subject, site noun, audience) from "a X website for Y"; "" parts when unclear."""
    m = _SUBJECT_RE.search(text[:600])
    if not m:
        return "", "", ""
    pre = m.group(1).split()
    arts = [i for i, w in enumerate(pre) if w.lower() in {"a", "an", "the", "my", "our", "your"}]
    pre = _strip_lead(pre[arts[-1] + 1:] if arts else pre)
    noun = re.sub(r"\s+", " ", m.group(2).lower())
    post = (m.group(3) or "").split()
    while post and post[0].lower() in {"a", "an", "the", "my", "our", "all", "people", "users", "who"}:
        if post[0].lower() in {"people", "users", "who"} and len(post) == 1:
            break
        post = post[1:]
    audience = ""
    post_txt = " ".join(post)
    people = post and (post[-1].lower() in PEOPLE_WORDS or post_txt.lower() in PEOPLE_WORDS or (
        re.fullmatch(r"[a-z]+(?:ers|ists|ians|ees)", post[-1].lower())
        and noun not in {"marketplace", "shop", "store"}))
    if people:
        audience, post = post_txt, []
    while post and post[-1].lower() in _GENERIC_TAIL:
        post = post[:-1]
    if post and pre:
        head = pre[-1].lower()
        core = " ".join(post)
        if head in _HEAD_NOUNS:
            subject = core if head in core.lower() else f"{core} {head}"
        else:
            subject = f"{' '.join(pre)} for {core}" if len(pre) + len(post) <= 6 else " ".join(pre)
    else:
        subject = " ".join(pre or post)
    subject = subject.strip(" ,'’")
    if not post and subject.split() and subject.split()[-1].lower() in _COUNTABLE:
        subject += "s"  # "a blue-collar job site" is about blue-collar jobs
    if subject.lower() in {"", "new", "business", "company", "web", "online"} or len(subject) < 3:
        subject = ""
    return subject, noun.split()[-1] if noun else "", audience


_COUNTABLE = {"job", "recipe", "book", "game", "event", "movie", "film", "car", "pet", "plant", "house", "course",
              "product", "deal", "tool", "photo", "song", "podcast", "trip", "hotel", "property", "apartment",
              "coupon", "gadget", "toy", "bike", "board game", "video game", "sneaker", "watch", "wine", "beer",
              "puzzle", "card", "comic", "vinyl", "record", "camera", "drone", "hike", "trail", "flight"}
# the last word of "sports analytics website" that names what the site does (kept after "for Y")
_HEAD_NOUNS = {"analytics", "simulation", "simulator", "news", "tracking", "tracker", "booking", "review", "reviews",
               "rating", "ratings", "statistics", "stats", "betting", "recipe", "recipes", "job", "jobs", "rental",
               "listings", "learning", "training", "quiz", "trivia", "dating", "streaming", "shopping", "planning",
               "planner", "comparison", "forum", "community", "directory", "management", "marketplace", "fantasy",
               "prediction", "predictions", "guide", "guides", "events", "tickets", "delivery", "donation", "tutoring",
               "portfolio", "blog", "shop", "store", "catalog", "catalogue", "showcase", "resume", "gallery", "fan",
               "information", "info", "sharing", "exchange", "swap", "rentals"}


_AUDIENCE_RE = re.compile(r"\b(?:aimed at|targeted at|targeting|designed for|built for|intended for|made for|"
                          r"for use by|audience (?:is|are|of)|for)\s+((?:[\w'’-]+\s+){0,3}?)([\w'’-]+)\b", re.I)


def read_audience(text: str, subject: str) -> str:
    """Who the site is for: said in the prompt ("aimed at teachers"), else a fair guess from the subject."""
    for m in _AUDIENCE_RE.finditer(text[:1500]):
        if m.group(2).lower() in PEOPLE_WORDS and m.group(2).lower() not in {"people", "users"}:
            return re.sub(r"^(?:all|the|busy|our|my|a|an)\s+", "", (m.group(1) + m.group(2)).strip(), flags=re.I)
    low = (subject or text[:400]).lower()
    for pattern, who in AUDIENCE_HINTS:
        if re.search(pattern, low):
            return who
    return ""


_LANG_WORDS: dict[str, set[str]] = {
    "en": {"the", "a", "for", "with", "and", "website", "site", "my", "our", "page", "of", "to", "in", "is", "that"},
    "fr": {"le", "la", "les", "des", "une", "un", "pour", "avec", "et", "du", "est", "qui", "notre", "mon", "ma",
           "à", "au", "aux", "site", "boulangerie", "ville", "dans", "nous", "je", "veux", "appelée", "appelé"},
    "es": {"el", "la", "los", "las", "una", "un", "para", "con", "y", "del", "que", "mi", "nuestro", "nuestra",
           "sitio", "web", "tienda", "en", "llamado", "llamada", "quiero", "página"},
    "de": {"der", "die", "das", "und", "für", "mit", "eine", "ein", "einen", "ich", "wir", "unsere", "unser",
           "webseite", "ist", "im", "namens", "möchte", "seite", "mein", "meine"},
    "pt": {"o", "os", "as", "uma", "um", "para", "com", "e", "do", "da", "que", "meu", "minha", "nossa", "nosso",
           "loja", "em", "chamado", "chamada", "quero", "página", "no", "na"},
    "it": {"il", "lo", "gli", "per", "con", "una", "un", "e", "di", "del", "della", "che", "nostro", "nostra",
           "sito", "mio", "mia", "chiamato", "chiamata", "voglio", "pagina"},
    "nl": {"de", "het", "een", "voor", "met", "en", "van", "onze", "ons", "mijn", "website", "winkel", "genaamd"},
}
_SCRIPTS = ((r"[\u3040-\u30ff]", "ja"), (r"[\uac00-\ud7af]", "ko"), (r"[\u4e00-\u9fff]", "zh"),
            (r"[\u0400-\u04ff]", "ru"), (r"[\u0600-\u06ff]", "ar"), (r"[\u0590-\u05ff]", "he"),
            (r"[\u0370-\u03ff]", "el"), (r"[\u0900-\u097f]", "hi"), (r"[\u0e00-\u0e7f]", "th"))


def read_language(text: str) -> str:
    """An ISO 639-1 code for the prompt's language (stop-word counts; scripts for non-Latin text)."""
    sample = text[:800]
    letters = [c for c in sample if c.isalpha()]
    for pattern, code in _SCRIPTS:
        hits = len(re.findall(pattern, sample))
        if letters and hits >= max(2, len(letters) * 0.3):
            return code
    words = re.findall(r"[^\W\d_]+", sample.lower())
    if not words:
        return "en"
    scores = {lang: sum(w in vocab for w in words) for lang, vocab in _LANG_WORDS.items()}
    best = max(scores, key=lambda k: (scores[k], k == "en"))
    if best != "en" and scores[best] >= 2 and scores[best] > scores["en"] * 1.5:
        return best
    return "en"


_FOREIGN_FOR = re.compile(
    r"\b(?:pour|para|für|fur|per|voor|sobre|über|su)\s+(?:(?:ma|mon|mes|notre|nos|la|le|les|l'|un|une|mi|mis|"
    r"nuestra|nuestro|el|los|las|una|meine|meinen|meiner|unsere|unseren|unser|die|den|das|der|einen|eine|ein|"
    r"a|o|as|os|minha|meu|nossa|nosso|uma|um|il|la|mio|mia|nostro|nostra|lo|het|de|een|mijn|onze)\s+)*"
    r"([^\s,.;:!?()]+(?:\s+(?:de|da|do|di|del|della|des|du|van|der|von|e|y|et|und|&)\s+[^\s,.;:!?()]+)*)",
    re.I)


def read_foreign_subject(text: str) -> str:
    """The subject of a prompt in another language, in the user's own words ("tienda de flores")."""
    m = _FOREIGN_FOR.search(text[:600])
    return m.group(1).strip() if m else ""


_FOREIGN_NAME = re.compile(
    r"\b(?:appel[ée]e?s?|nomm[ée]e?s?|llamad[oa]s?|denominad[oa]|namens|genannt|chamad[oa]s?|chiamat[oa]|"
    r"genaamd|heet)\s+[\"'“«„]?(.+?)[\"'”»“]?(?=\s+(?:à|en|in|no|na|em|au|aux|im|am|a|ad|te|op|para|pour|für|per)"
    r"\s|\s*[,.;!?()]|\s*$)", re.I)


def read_foreign_name(text: str) -> str:
    """The name given in another language ("appelée Le Pain Doré"); "" when none."""
    m = _FOREIGN_NAME.search(text[:600])
    return m.group(1).strip() if m and len(m.group(1)) <= 60 else ""


_PAGE_LIST = re.compile(r"\b(?:pages\s*(?:for|:|like|such as|including|on|about)|page\s*:)\s+([^.;!?\n]{3,200})",
                        re.I)
_ONE_PAGE = re.compile(r"\b(?:a|an|the|separate|own|dedicated)\s+((?:[\w-]+\s+){0,2}?[\w-]+)\s+pages?\b", re.I)


def read_pages(text: str) -> list[str]:
    """Pages the prompt names ("a team rankings page", "pages for match history and odds"), in its words."""
    found: list[str] = []
    for m in _PAGE_LIST.finditer(text):
        found += [_clean_item(p) for p in _SPLIT.split(m.group(1))]
    found += [_clean_item(m.group(1)) for m in _ONE_PAGE.finditer(text)]
    skip = {"landing", "home", "single", "one", "web", "separate", "multiple", "several", "few", "own", "each",
            "main", "simple", "new", "different", "other", "this", "that", "contact", "about"}
    out: list[str] = []
    for phrase in found:
        if not phrase or re.search(r"\b(?:with|for|and|of|to|in|on|my|our|your)$", phrase, re.I):
            continue
        if phrase.lower() not in skip and phrase.split()[0].lower() not in skip and phrase not in out:
            out.append(phrase)
    return out[:8]


def read_request(prompt: str) -> Request:
    """Everything the planner needs beyond kind/name/place/tone/colours."""
    text = (prompt or "")[:SCAN]
    lang = read_language(text)
    subject, noun, audience = read_subject(text) if lang == "en" else (read_foreign_subject(text), "", "")
    features = read_features(text) if lang == "en" else []
    return Request(subject=subject, span=subject_span(text) if lang == "en" else "", site_noun=noun,
                   audience=audience or read_audience(text, subject),
                   name=read_foreign_name(text) if lang != "en" else "", pages=read_pages(text) if lang == "en" else [],
                   features=features, lang=lang, words=len(text.split()))
