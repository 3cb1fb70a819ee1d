"""Shared copy: the kind-data schema, item helper, people, places, and generic section copy.

A kind's copy is a plain dict (see ``copy_food.CAFE`` for a full example):

- ``label``: the noun used in copy ("café"); ``audience``; ``tone`` (default tone id)
- ``fonts``: (heading, body) pairs; ``names`` brand words; ``name_forms`` templates using ``{n}``
- ``taglines``, ``descriptions``, ``footer``: templates
- ``home``: section kinds on the home page, in order; ``multi_pages``: page keys for "multi-page"
- ``hours``: (days, hours) rows; ``socials``: network names
- ``sections``: section kind -> spec with ``eyebrow``/``heading``/``sub``/``body`` (lists of
  templates, one is picked), ``items`` (see :func:`it`), ``pick`` (how many items, in order),
  ``cta``/``secondary`` ((label, href) choices) and, for testimonials, ``metas``.

Templates may use ``{name}``, ``{place}`` (the town or a neutral word), ``{in_place}`` (" in Lisbon"
or ""), ``{label}``, ``{cur}`` (currency symbol) and ``{year}`` (a founding year).
Section kinds a kind does not define fall back to ``GENERIC`` below.
"""

from __future__ import annotations

from typing import Any


def it(title: str, text: str = "", icon: str = "", meta: str = "", *tags: str, hl: bool = False
       ) -> dict[str, Any]:
    """One item as plain data (becomes ``sitegen.plan.Item``)."""
    return {"title": title, "text": text, "icon": icon, "meta": meta, "tags": list(tags), "highlight": hl}


PEOPLE = [
    "Maya Okafor", "Tomás Ribeiro", "Priya Natarajan", "Jonas Becker", "Amara Diallo", "Lena Kowalski",
    "Hiro Tanaka", "Sofia Marchetti", "Daniel Osei", "Chloé Martin", "Ravi Mehta", "Elif Yılmaz",
    "Noah Fischer", "Isabela Costa", "Kwame Mensah", "Hannah Lindqvist", "Mateo Alvarez", "Yuna Park",
    "Aisha Rahman", "Oliver Grant", "Camille Dubois", "Ana Sousa", "Ben Whitaker", "Zara Ahmed",
    "Lucas Moreau", "Grace Adeyemi", "Felix Wagner", "Mei Lin", "Sam Carter", "Nadia Haddad",
]

STREETS = [
    "Rua das Flores", "Market Street", "Elm Street", "Harbour Road", "Church Lane", "Mill Street",
    "Linden Avenue", "Station Road", "Canal Street", "Orchard Row", "High Street", "Bridge Street",
]

# city (lowercase) -> (currency symbol, phone prefix, phone pattern digits)
CITY_INFO: dict[str, tuple[str, str]] = {
    "lisbon": ("€", "+351 21"), "porto": ("€", "+351 22"), "london": ("£", "+44 20"),
    "paris": ("€", "+33 1"), "berlin": ("€", "+49 30"), "madrid": ("€", "+34 91"),
    "barcelona": ("€", "+34 93"), "rome": ("€", "+39 06"), "milan": ("€", "+39 02"),
    "amsterdam": ("€", "+31 20"), "dublin": ("€", "+353 1"), "vienna": ("€", "+43 1"),
    "munich": ("€", "+49 89"), "brussels": ("€", "+32 2"), "lyon": ("€", "+33 4"),
    "edinburgh": ("£", "+44 131"), "manchester": ("£", "+44 161"), "bristol": ("£", "+44 117"),
    "brighton": ("£", "+44 1273"), "leeds": ("£", "+44 113"), "glasgow": ("£", "+44 141"),
    "tokyo": ("¥", "+81 3"), "osaka": ("¥", "+81 6"), "kyoto": ("¥", "+81 75"),
    "sydney": ("A$", "+61 2"), "melbourne": ("A$", "+61 3"), "toronto": ("C$", "+1 416"),
    "vancouver": ("C$", "+1 604"), "são paulo": ("R$", "+55 11"), "sao paulo": ("R$", "+55 11"),
    "rio de janeiro": ("R$", "+55 21"), "mexico city": ("MX$", "+52 55"), "zurich": ("CHF ", "+41 44"),
    "copenhagen": ("DKK ", "+45"), "stockholm": ("SEK ", "+46 8"), "singapore": ("S$", "+65"),
    "mumbai": ("₹", "+91 22"), "cape town": ("R", "+27 21"), "dubai": ("AED ", "+971 4"),
    "lisboa": ("€", "+351 21"), "roma": ("€", "+39 06"), "milano": ("€", "+39 02"), "bologna": ("€", "+39 051"),
    "münchen": ("€", "+49 89"), "wien": ("€", "+43 1"), "köln": ("€", "+49 221"), "sevilla": ("€", "+34 95"),
    "bruxelles": ("€", "+32 2"), "marseille": ("€", "+33 4"),
}

# a section kind's generic copy, used when a kind has no copy of its own for it
GENERIC: dict[str, dict[str, Any]] = {
    "hero": {
        "eyebrow": ["Welcome to {name}", "{label}{in_place}"],
        "heading": ["{name}: done properly", "A better {label}, close to you", "Made with care{in_place}"],
        "sub": ["Thoughtful work, honest prices and people who answer the phone.",
                "Everything you need from a {label}, without the fuss."],
        "cta": [("Get in touch", "#contact")], "secondary": [("Learn more", "#about")],
    },
    "features": {
        "eyebrow": ["Why {name}"], "heading": ["What makes us different", "Why people stay with us"],
        "sub": ["Small details, done right every time."],
        "items": [it("Personal attention", "You deal with the same people from the first hello.", "Users"),
                  it("Fair, clear prices", "No surprises: you know the cost before we start.", "BadgeCheck"),
                  it("Quick to respond", "Messages answered within one working day.", "Zap"),
                  it("Locally rooted", "Part of the neighbourhood since {year}.", "MapPin")],
    },
    "about": {
        "eyebrow": ["Our story"], "heading": ["About {name}", "Who we are"],
        "body": ["{name} started in {year} with a simple idea: do one thing well, treat people fairly, "
                 "and keep getting better. We are a small team{in_place} and we still answer every "
                 "message ourselves."],
    },
    "services": {
        "eyebrow": ["What we do"], "heading": ["Services", "How we can help"],
        "items": [it("Consultation", "A relaxed first conversation to understand what you need.",
                     "MessageCircle", "Free"),
                  it("Full service", "We take care of everything from start to finish.", "Sparkles"),
                  it("Ongoing care", "Regular check-ins so things stay just right.", "Calendar")],
    },
    "pricing": {
        "eyebrow": ["Pricing"], "heading": ["Simple, honest pricing", "Choose what suits you"],
        "sub": ["No hidden fees. Change or cancel whenever you like."],
        "items": [it("Essential", "The basics, done well.", "", "{cur}29", "Core service", "Email support"),
                  it("Plus", "Our most popular option.", "", "{cur}59", "Everything in Essential",
                     "Priority booking", "Quarterly review", hl=True),
                  it("Complete", "For those who want it all.", "", "{cur}99", "Everything in Plus",
                     "Dedicated contact", "Flexible scheduling")],
    },
    "testimonials": {
        "eyebrow": ["Kind words"], "heading": ["What people say", "Loved by our community"],
        "items": [it("", "Friendly, careful and always on time. I recommend {name} to everyone."),
                  it("", "They listened, then delivered exactly what I had in mind."),
                  it("", "The kind of place you tell your friends about.")],
        "metas": ["Customer since {year}", "Local regular", "Verified review"],
    },
    "gallery": {
        "eyebrow": ["Gallery"], "heading": ["A look inside", "Recent moments"],
        "items": [it("The space", "", "Camera"), it("Behind the scenes", "", "Sparkles"),
                  it("Our people", "", "Users"), it("Details", "", "Star")],
    },
    "team": {
        "eyebrow": ["The team"], "heading": ["The people behind {name}", "Meet the team"],
        "items": [it("", "Started {name} and still does a bit of everything.", "User", "Founder"),
                  it("", "Keeps everything running smoothly.", "User", "Operations"),
                  it("", "The friendly voice you hear when you call.", "User", "Customer care")],
    },
    "stats": {
        "eyebrow": ["By the numbers"], "heading": ["{name} in numbers"],
        "items": [it("Years of experience", "", "Award", "10+"), it("Happy customers", "", "Smile", "2,400"),
                  it("Average rating", "", "Star", "4.9"), it("Reply time", "", "Clock", "< 24h")],
    },
    "faq": {
        "eyebrow": ["FAQ"], "heading": ["Questions, answered", "Good to know"],
        "items": [it("How do I get started?", "Send us a message or call; we reply within a working day."),
                  it("Where are you?", "You will find our address and hours at the bottom of this page."),
                  it("Do you offer gift cards?", "Yes, in any amount; ask us and we will send one.")],
    },
    "cta": {
        "heading": ["Ready when you are", "Let's make it happen"],
        "sub": ["Say hello today: we usually answer within a few hours."],
        "cta": [("Contact us", "#contact")],
    },
    "contact": {
        "eyebrow": ["Contact"], "heading": ["Get in touch", "Come and say hello", "Visit us"],
        "sub": ["Questions, bookings or just a hello: we would love to hear from you."],
    },
    "hours": {"eyebrow": ["Opening hours"], "heading": ["When to find us", "Opening hours"]},
    "schedule": {
        "eyebrow": ["Schedule"], "heading": ["What's on", "This week"],
        "items": [it("Open session", "Drop in and meet us.", "Calendar", "Mon · 18:00"),
                  it("Workshop", "Hands-on and small-group.", "Users", "Wed · 18:30"),
                  it("Community morning", "Coffee, questions, conversation.", "Coffee", "Sat · 10:00")],
    },
    "process": {
        "eyebrow": ["How it works"], "heading": ["Three simple steps", "How it works"],
        "items": [it("Say hello", "Tell us what you need by phone, email or the form below.", "MessageCircle",
                     "01"),
                  it("We plan it together", "A clear proposal with times and prices.", "ClipboardList", "02"),
                  it("We deliver", "On time, as promised, with follow-up included.", "CircleCheck", "03")],
    },
    "logos": {
        "eyebrow": ["Trusted by"], "heading": ["In good company"],
        "items": [it("Northwind"), it("Lumen & Co"), it("Harbor Labs"), it("Kestrel"), it("Oakline"),
                  it("Foundry Nine")],
    },
    "menu": {
        "eyebrow": ["Menu"], "heading": ["Our menu"],
        "items": [it("House special", "Ask what is fresh today.", "Star", "{cur}12"),
                  it("Seasonal plate", "What the market gave us this week.", "Leaf", "{cur}14")],
    },
}

# page key -> (default slug, title, nav label, section kinds). "menu" falls back to services for
# kinds without a menu; "blog", "careers" and "listings" use features/gallery with their own copy.
PAGES: dict[str, tuple[str, str, str, list[str]]] = {
    "menu": ("menu", "Menu", "Menu", ["menu", "hours", "cta"]),
    "about": ("about", "About us", "About", ["about", "stats", "team", "testimonials"]),
    "contact": ("contact", "Contact", "Contact", ["contact", "hours", "faq"]),
    "pricing": ("pricing", "Pricing", "Pricing", ["pricing", "faq", "cta"]),
    "services": ("services", "Services", "Services", ["services", "process", "testimonials", "cta"]),
    "gallery": ("gallery", "Gallery", "Gallery", ["gallery", "testimonials", "cta"]),
    "team": ("team", "Our team", "Team", ["team", "about", "cta"]),
    "faq": ("faq", "Frequently asked questions", "FAQ", ["faq", "contact"]),
    "testimonials": ("reviews", "Reviews", "Reviews", ["testimonials", "stats", "cta"]),
    "schedule": ("schedule", "Schedule", "Schedule", ["schedule", "pricing", "cta"]),
    "blog": ("journal", "Journal", "Journal", ["features", "cta"]),
    "booking": ("book", "Book", "Book", ["contact", "hours", "faq"]),
    "donate": ("donate", "Donate", "Donate", ["pricing", "stats", "faq"]),
    "listings": ("listings", "Listings", "Listings", ["gallery", "process", "cta"]),
    "courses": ("courses", "Courses", "Courses", ["services", "pricing", "faq"]),
    "features": ("features", "Features", "Features", ["features", "process", "cta"]),
    "careers": ("careers", "Careers", "Careers", ["about", "features", "cta"]),
}

# page-specific copy for the features section on journal and careers pages
BLOG_POSTS = [
    it("A week in the life of {name}", "What happens before the doors open, and after they close.", "BookOpen",
       "5 min read"),
    it("Five things we learned this year", "Honest notes from running a small {label}{in_place}.", "Lightbulb",
       "4 min read"),
    it("Meet our neighbours", "The people and places{in_place} that make our work better.", "MapPin",
       "3 min read"),
]
CAREERS = [
    it("Good people, fair pay", "Living wages, paid time off and a schedule you can plan a life around.",
       "HandCoins"),
    it("Room to grow", "Training budget and time to learn, from day one.", "Sprout"),
    it("A team that cares", "Small, kind and honest: we look after each other.", "Heart"),
]
