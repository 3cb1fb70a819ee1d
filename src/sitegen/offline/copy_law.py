"""Copy for the law kind (law firms, solicitors, attorneys)."""

from __future__ import annotations

from typing import Any

from sitegen.offline.copy_common import it

LAW: dict[str, Any] = {
    "label": "law firm", "audience": "Individuals and businesses who need clear legal advice", "tone":
        "professional",
    "fonts": [("Playfair Display", "Inter"), ("Lora", "Manrope"), ("Fraunces", "DM Sans")],
    "names": ["Hartley", "Ashby & Cole", "Whitmore", "Calloway", "Sterling", "Bennett Reyes", "Lockwood",
              "Marlow", "Pembroke", "Vance & Ortiz", "Holloway", "Fairbanks"],
    "name_forms": ["{n} Law", "{n} Legal", "{n} & Partners", "{n} LLP", "{n} Law Group"],
    "taglines": ["Clear advice. Strong advocacy.", "On your side{in_place} since {year}.",
                 "Straight answers to complicated problems.", "Experienced counsel, personal attention."],
    "descriptions": ["{name} is a law firm{in_place} advising individuals and businesses on employment, "
                     "property, family and commercial matters, with fixed fees where possible."],
    "footer": ["Attorney advertising. Prior results do not guarantee a similar outcome.",
               "This website is not legal advice."],
    "home": ["hero", "services", "features", "stats", "team", "process", "testimonials", "faq", "contact"],
    "multi_pages": ["services", "team", "contact"],
    "hours": [("Mon – Fri", "8:30 – 18:00"), ("Sat – Sun", "By appointment")],
    "socials": ["LinkedIn"],
    "sections": {
        "hero": {
            "eyebrow": ["Free initial consultation", "Trusted counsel{in_place}", "Since {year}"],
            "heading": ["Clear legal advice when it matters most", "Experienced lawyers on your side",
                        "Straight answers. Strong representation.", "Protecting what matters to you"],
            "sub": ["We listen, explain your options in plain language, and fight for the best outcome, with "
                    "transparent fixed fees wherever possible.",
                    "Practical, senior-led advice for individuals, families and growing businesses."],
            "cta": [("Book a free consultation", "#contact")], "secondary": [("Practice areas", "#services")],
        },
        "services": {
            "eyebrow": ["Practice areas"], "heading": ["How we can help", "Practice areas"],
            "items": [
                it("Employment law", "Unfair dismissal, contracts and settlement agreements.", "Briefcase"),
                it("Family law", "Divorce, custody and financial settlements, handled with care.", "Users"),
                it("Property & real estate", "Purchases, leases and disputes.", "House"),
                it("Business & commercial", "Contracts, company formation and shareholder matters.", "Building2"),
                it("Wills & estates", "Wills, probate and lasting powers of attorney.", "ScrollText"),
                it("Dispute resolution", "Negotiation, mediation and litigation.", "Gavel"),
            ], "pick": 6,
        },
        "features": {
            "eyebrow": ["Why {name}"], "heading": ["Why clients choose us"],
            "items": [it("Plain-English advice", "No jargon: you'll always know where you stand.", "MessageCircle"),
                      it("Fixed fees", "Clear quotes up front for most matters.", "Receipt"),
                      it("Senior attention", "A partner oversees every case.", "Scale"),
                      it("Fast responses", "Calls and emails returned within one working day.", "Clock")],
        },
        "stats": {
            "heading": ["Results that speak"],
            "items": [it("Years in practice", "", "Landmark", "25+"), it("Cases resolved", "", "Scale", "3,000+"),
                      it("Client satisfaction", "", "Star", "98%"), it("Recovered for clients", "", "TrendingUp",
                                                                       "{cur}40M+")],
        },
        "team": {
            "heading": ["Our lawyers"],
            "items": [it("", "Employment and commercial disputes.", "Scale", "Managing Partner"),
                      it("", "Family law and mediation.", "Scale", "Partner"),
                      it("", "Property, wills and estates.", "Scale", "Senior Associate")],
        },
        "process": {
            "heading": ["How we work"],
            "items": [it("Free consultation", "A 30-minute call to understand your situation.", "Phone", "01"),
                      it("Clear plan & quote", "Your options, risks and a fixed fee in writing.", "FileText", "02"),
                      it("We act for you", "Regular updates until your matter is resolved.", "Gavel", "03")],
        },
        "testimonials": {
            "heading": ["Client testimonials"],
            "items": [it("", "They explained everything clearly and got a settlement I didn't think was possible."),
                      it("", "Calm, kind and brilliant during the hardest year of my life."),
                      it("", "Our go-to firm for every contract. Fast, practical, fair fees.")],
            "metas": ["Employment client", "Family law client", "Founder, Kestrel Ltd"],
        },
        "faq": {
            "items": [
                it("Is the first consultation really free?", "Yes: 30 minutes, no obligation."),
                it("How much will my case cost?", "We give a written fixed-fee quote wherever we can."),
                it("Do you offer remote meetings?", "Yes, by phone or video, whichever you prefer."),
            ],
        },
        "cta": {"heading": ["Talk to a lawyer today"], "sub": ["Free, confidential 30-minute consultation."],
                "cta": [("Book a consultation", "#contact")]},
        "contact": {"heading": ["Request a consultation"],
                    "sub": ["Everything you tell us is confidential. We respond within one working day."]},
    },
}

KINDS: dict[str, dict[str, Any]] = {"law": LAW}
