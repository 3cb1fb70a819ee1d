"""Copy for portfolio (designer by default; photographer and developer flavours) and the general fallback."""

from __future__ import annotations

from typing import Any

from sitegen.offline.copy_common import it

PORTFOLIO: dict[str, Any] = {
    "label": "designer", "audience": "Clients, studios and collaborators", "tone": "minimal",
    "fonts": [("Space Grotesk", "Inter"), ("Fraunces", "Inter"), ("Manrope", "Manrope")],
    "names": ["Alex Rivera", "Mira Holt", "Jun Sato", "Elena Varga", "Sam Okoro", "Noor Haddad", "Theo Laurent",
              "Ines Duarte", "Kai Morgan", "Lea Novak", "Ruth Abara", "Oskar Berg"],
    "name_forms": ["{n}", "{n} Studio", "{n} Design"],
    "taglines": ["Independent {label}{in_place}.", "Thoughtful design for brands and products.",
                 "Design that feels obvious once you see it.", "Making complicated things feel simple."],
    "descriptions": ["{name} is an independent designer{in_place} working on brand identities, websites "
                     "and digital products for startups and cultural organisations."],
    "footer": ["Available for new projects.", "Designed and built with care{in_place}."],
    "home": ["hero", "gallery", "services", "about", "logos", "testimonials", "contact"],
    "multi_pages": ["gallery", "about", "contact"],
    "hours": [], "socials": ["Instagram", "LinkedIn", "Dribbble"],
    "sections": {
        "hero": {
            "eyebrow": ["Available for freelance work", "Designer{in_place}", "Currently booking for next month"],
            "heading": ["Hi, I'm {first}. I design brands and products.", "Design that feels obvious",
                        "Making complex things simple and beautiful", "Brand and product designer"],
            "sub": ["I help startups and cultural organisations find their voice, with identities, websites and "
                    "interfaces that people actually enjoy using.",
                    "Ten years of independent practice, from first sketch to shipped product."],
            "cta": [("See my work", "#gallery"), ("View projects", "#gallery")],
            "secondary": [("Get in touch", "#contact")],
        },
        "gallery": {
            "eyebrow": ["Selected work"], "heading": ["Selected projects", "Recent work"],
            "items": [
                it("Fern & Field", "Identity and packaging for an organic tea brand.", "Leaf", "Branding · {y1}"),
                it("Tally", "Product design for a budgeting app with 200k users.", "Smartphone",
                   "Product · {y2}"),
                it("City Library", "Wayfinding and website for a public library.", "BookOpen", "Web · {y1}"),
                it("Kiln", "Visual identity for a ceramics studio.", "Palette", "Identity · {y2}"),
                it("Northwind Annual Report", "Editorial design and data visualisation.", "ChartColumn",
                   "Editorial · {y3}"),
            ], "pick": 4,
        },
        "services": {
            "eyebrow": ["What I do"], "heading": ["How I can help"],
            "items": [it("Brand identity", "Logos, type, colour and guidelines.", "PenTool"),
                      it("Web design", "Sites that look sharp and load fast.", "Monitor"),
                      it("Product design", "UX and UI for apps and dashboards.", "LayoutDashboard"),
                      it("Art direction", "Shoots, campaigns and launches.", "Camera")],
        },
        "about": {
            "eyebrow": ["About"], "heading": ["A bit about me"],
            "body": ["I'm {first}, an independent {label}{in_place}. I've spent the last decade working with "
                     "startups, agencies and cultural organisations, and I believe good design is mostly "
                     "good listening. When I'm not designing, I'm probably on a bike or in a bookshop."],
        },
        "logos": {"eyebrow": ["Clients"], "heading": ["Selected clients"],
                  "items": [it("Fern & Field"), it("Tally"), it("City Library"), it("Kiln"), it("Northwind")]},
        "testimonials": {
            "heading": ["Kind words"],
            "items": [it("", "{first} turned a messy brief into a brand we're proud of. Fast, thoughtful, fun."),
                      it("", "The best collaborator we've worked with; our app's retention went up 25%."),
                      it("", "Calm, clear and always one step ahead.")],
            "metas": ["Founder, Fern & Field", "Head of Product, Tally", "Director, City Library"],
        },
        "contact": {"heading": ["Let's work together", "Say hello"],
                    "sub": ["Tell me about your project. I reply within two days."]},
        "cta": {"heading": ["Have a project in mind?"], "cta": [("Get in touch", "#contact")]},
    },
    "flavours": [
        (r"\b(?:photographer|photography|photos?|photo studio)\b", {
            "label": "photographer", "name_forms": ["{n}", "{n} Photography", "{n} Photo"],
            "taglines": ["Independent {label}{in_place}.", "Honest pictures of real moments.",
                         "Portraits, weddings and stories, photographed with care."],
            "descriptions": ["{name} is a photographer{in_place} for portraits, weddings and editorial work, "
                             "with a natural, documentary style."],
            "about": {"body": ["I'm {first}, a photographer{in_place}. I like quiet light, real laughter and "
                               "the moments between the posed ones. I've photographed 150 weddings, countless "
                               "portraits and a few magazine covers, and I still get excited every time."]},
            "testimonials": [it("", "{first} made us feel so relaxed; the photos look like us on our best day."),
                             it("", "Our wedding album makes us cry happy tears every time."),
                             it("", "Sharp eye, calm presence, fast delivery. Our go-to for every campaign.")],
            "hero": {"eyebrow": ["Photographer{in_place}"],
                     "heading": ["Photographs that feel like you", "Light, stories and honest moments",
                                 "Hi, I'm {first}. I make photographs."],
                     "sub": ["Portraits, weddings and editorial work with a natural, documentary eye."],
                     "cta": [("View the portfolio", "#gallery")], "secondary": [("Book a shoot", "#contact")]},
            "gallery": [it("Golden hour portraits", "", "Camera", "Portrait"),
                        it("A coastal wedding", "", "Heart", "Wedding"),
                        it("Studio series", "", "Aperture", "Editorial"),
                        it("Street, after rain", "", "Umbrella", "Personal"),
                        it("Restaurant launch", "", "UtensilsCrossed", "Commercial"),
                        it("Family on a Sunday", "", "Sun", "Family")],
            "services": [it("Portraits", "Individual and family sessions, on location.", "Camera", "from {cur}250"),
                         it("Weddings", "Full-day coverage, two photographers.", "Heart", "from {cur}2,200"),
                         it("Commercial", "Products, food and brand stories.", "Briefcase", "from {cur}600"),
                         it("Editorial", "Magazine and press work.", "BookOpen", "Day rate")],
        }),
        (r"\b(?:developer|engineer|programmer|coder|software engineer|full[- ]stack)\b", {
            "label": "developer", "name_forms": ["{n}", "{n}.dev"],
            "descriptions": ["{name} is a software engineer{in_place} building fast, reliable web apps, APIs "
                             "and developer tools."],
            "about": {"body": ["I'm {first}, a software engineer{in_place}. Ten years of shipping products at "
                               "startups taught me to love simple code, good tests and boring technology. I "
                               "write about it sometimes, and contribute to open source most weekends."]},
            "testimonials": [it("", "{first} shipped our MVP in six weeks, with tests. Still running smoothly."),
                             it("", "Rare mix: strong engineer, clear communicator, kind reviewer."),
                             it("", "Our page loads went from 4 s to 0.6 s. Enough said.")],
            "fonts": [("Space Grotesk", "Inter"), ("Manrope", "Inter")],
            "hero": {"eyebrow": ["Software engineer{in_place}"],
                     "heading": ["Hi, I'm {first}. I build fast, reliable software.",
                                 "Clean code, shipped products"],
                     "sub": ["Full-stack engineer specialising in TypeScript, Python and the boring, reliable "
                             "infrastructure that keeps products up."],
                     "cta": [("See projects", "#gallery")], "secondary": [("Contact me", "#contact")]},
            "gallery": [it("Realtime dashboard", "WebSockets, 50k events/s, p99 under 40 ms.", "Activity",
                           "TypeScript"),
                        it("Open-source CLI", "A developer tool with 3k GitHub stars.", "Terminal", "Python"),
                        it("Payments migration", "Moved 2M subscriptions with zero downtime.", "CreditCard", "Go"),
                        it("Offline-first app", "Sync engine for field workers.", "Smartphone", "React Native")],
            "services": [it("Web apps", "Next.js and React, accessible and fast.", "Code"),
                         it("APIs & backends", "Python, Go, PostgreSQL.", "Database"),
                         it("DevOps", "CI, containers, observability.", "Server"),
                         it("Technical advice", "Architecture reviews and mentoring.", "Lightbulb")],
        }),
    ],
}

GENERAL: dict[str, Any] = {
    "label": "business", "audience": "Local customers", "tone": "friendly",
    "fonts": [("DM Sans", "Inter"), ("Outfit", "Inter"), ("Fraunces", "Manrope"), ("Manrope", "Manrope")],
    "names": ["Bright Lane", "Northfield", "Copperleaf", "Bluebird", "Evergreen", "Lantern", "Wildwood",
              "Sunny Side", "Keel", "Parkway", "Cobblestone", "Honeycomb"],
    "name_forms": ["{n}", "{n} Co.", "{n} & Co"],
    "taglines": ["Good work, honestly done{in_place}.", "Friendly, reliable and close to home.",
                 "Doing one thing really well.", "Quality you can count on."],
    "descriptions": ["{name} is a {label}{in_place} known for friendly service, fair prices and work "
                     "done right the first time."],
    "footer": ["Proudly independent{in_place}.", "Thanks for supporting a small business."],
    "home": ["hero", "features", "services", "about", "stats", "testimonials", "faq", "cta", "contact"],
    "multi_pages": ["services", "about", "contact"],
    "hours": [("Mon – Fri", "9:00 – 17:30"), ("Saturday", "10:00 – 14:00"), ("Sunday", "Closed")],
    "socials": ["Instagram", "Facebook"],
    "sections": {
        "hero": {
            "eyebrow": ["{label_cap}{in_place}", "Independent since {year}", "Friendly & local"],
            "heading": ["The {label} you'll recommend to friends", "{label_cap}, done properly",
                        "Good work, honestly done", "Quality you can count on"],
            "sub": ["Friendly people, fair prices and work done right the first time. Tell us what you need and "
                    "we'll take it from there.",
                    "We're a small, independent team{in_place} who care about every customer and every detail."],
            "cta": [("Get in touch", "#contact"), ("Get a quote", "#contact")],
            "secondary": [("What we offer", "#services")],
        },
        "services": {
            "eyebrow": ["What we offer"], "heading": ["How we can help"],
            "items": [it("Free consultation", "A no-pressure chat about what you need.", "MessageCircle", "Free"),
                      it("Tailored service", "Planned around you, not a template.", "Sparkles"),
                      it("Aftercare", "We check in afterwards to make sure all is well.", "HeartHandshake"),
                      it("Gift vouchers", "The perfect present for someone you love.", "Gift")],
        },
    },
}

# businesses the planner has no kind for, by the words the prompt uses
GENERAL["flavours"] = [
    (r"\b(?:shop|store|supplies|boutique|market|stall|emporium|outlet|dealer)\b", {
        "services": [it("Bestsellers", "The things people come back for, always in stock.", "Star"),
                     it("New arrivals", "Fresh in this month, picked by the team.", "Sparkles", "Weekly"),
                     it("Gift cards", "Any amount, sent by email or wrapped in the shop.", "Gift"),
                     it("Click & collect", "Order online, pick up the same day.", "ShoppingBag", "Free")],
        "hero": {"cta": [("Visit the shop", "#contact")], "secondary": [("What we sell", "#services")]},
    }),
    (r"\b(?:club|society|association|guild|circle|collective|group|league|network)\b", {
        "services": [it("Membership", "Join for the year: meetings, events and the members' newsletter.", "Users",
                        "{cur}35 / year"),
                     it("Monthly meetups", "Talks, show-and-tell and good conversation.", "Calendar", "Free"),
                     it("Trips and events", "Days out and special evenings through the year.", "MapPin"),
                     it("Beginners welcome", "A friendly first visit with someone to show you around.", "Smile")],
        "hero": {"cta": [("Join us", "#contact")], "secondary": [("What we do", "#services")]},
    }),
    (r"\b(?:escape room|experience|tours?|adventures?|activity|activities|arcade|bowling|karting|trampoline)\b", {
        "services": [it("Book a session", "Pick a time online; we confirm straight away.", "CalendarCheck"),
                     it("Private groups", "Birthdays, stag and hen parties, family days.", "Users"),
                     it("Team events", "Packages for companies, with food and drinks.", "Briefcase"),
                     it("Gift vouchers", "The present people actually remember.", "Gift")],
        "hero": {"cta": [("Book now", "#contact")], "secondary": [("What's on offer", "#services")]},
    }),
    (r"\b(?:repair|restoration|tuning|cleaning|wash|installation|plumb|electric|landscap|removals?)\w*\b", {
        "services": [it("Free quote", "Tell us what you need and get a fixed price, usually the same day.",
                        "MessageCircle", "Free"),
                     it("Call-outs", "We come to you, at a time that suits you.", "Truck"),
                     it("Workshop service", "Drop it off; we call you when it's ready.", "Wrench"),
                     it("Guaranteed work", "Every job guaranteed for twelve months.", "ShieldCheck")],
        "hero": {"cta": [("Get a quote", "#contact")], "secondary": [("Services", "#services")]},
    }),
]

KINDS: dict[str, dict[str, Any]] = {"portfolio": PORTFOLIO, "general": GENERAL}
