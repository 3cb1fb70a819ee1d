"""Copy for business kinds: saas, agency and real_estate."""

from __future__ import annotations

from typing import Any

from sitegen.offline.copy_common import it

SAAS: dict[str, Any] = {
    "label": "platform", "audience": "Busy teams who want less busywork", "tone": "modern",
    "fonts": [("Space Grotesk", "Inter"), ("Outfit", "Inter"), ("Manrope", "Manrope")],
    "names": ["Nimbus", "Flowly", "Stackwise", "Pulse", "Orbit", "Lumen", "Cobalt", "Tally", "Relay",
              "Beacon", "Quill", "Vector"],
    "name_forms": ["{n}", "{n} HQ", "{n}.io", "{n} Cloud", "Get{n}"],
    "taglines": ["The calm way to run {topic}.", "Less busywork. More real work.",
                 "{topic_cap}, on autopilot.", "Everything your team needs for {topic}, in one place."],
    "descriptions": ["{name} helps teams handle {topic} in one fast, simple workspace, with automation, "
                     "real-time dashboards and integrations with the tools you already use."],
    "footer": ["Built by a small, remote team.", "SOC 2 Type II · GDPR ready."],
    "home": ["hero", "logos", "features", "process", "stats", "pricing", "testimonials", "faq", "cta"],
    "multi_pages": ["features", "pricing", "about", "contact"],
    "hours": [], "socials": ["LinkedIn", "X", "GitHub"],
    "sections": {
        "hero": {
            "eyebrow": ["New: AI-powered workflows", "Trusted by 2,000+ teams", "Now in public beta"],
            "heading": ["{topic_cap} without the chaos", "Ship more. Stress less.",
                        "The all-in-one home for {topic}", "Work that runs itself"],
            "sub": ["{name} brings your data, tasks and people together so nothing slips through the cracks. "
                    "Set up in minutes; no credit card needed.",
                    "Automate the repetitive parts of {topic}, see everything in one dashboard, and give your "
                    "team back hours every week."],
            "cta": [("Start free trial", "#pricing"), ("Get started free", "#pricing")],
            "secondary": [("See how it works", "#process"), ("Book a demo", "#contact")],
            "items": [it("14-day free trial", "", "Check"), it("No credit card", "", "Check"),
                      it("Cancel anytime", "", "Check")],
        },
        "logos": {
            "eyebrow": ["Trusted by teams at"], "heading": ["Teams that run on {name}"],
            "items": [it("Northwind"), it("Acme Labs"), it("Globex"), it("Umbrella Health"),
                      it("Initech"), it("Hooli")],
        },
        "features": {
            "eyebrow": ["Features"], "heading": ["Everything you need, nothing you don't", "Built for how teams "
                                                  "actually work"],
            "sub": ["Powerful when you need it, invisible when you don't."],
            "items": [
                it("Automations", "Trigger actions on any event; no code, no scripts.", "Workflow"),
                it("Live dashboards", "Real-time metrics your whole team can trust.", "ChartColumn"),
                it("Integrations", "Connect Slack, Google Workspace, Stripe and 80+ more.", "Blocks"),
                it("Enterprise security", "SSO, audit logs and encryption at rest and in transit.",
                   "ShieldCheck"),
                it("Lightning fast", "Every page loads in under 100 ms. We measure.", "Zap"),
                it("AI assistant", "Summaries, drafts and answers from your own data.", "Sparkles"),
            ], "pick": 6,
        },
        "process": {
            "eyebrow": ["How it works"], "heading": ["Up and running in an afternoon"],
            "items": [
                it("Connect your tools", "Import your data with one click from the apps you already use.",
                   "Plug", "01"),
                it("Set up your workflows", "Start from a template or build your own in minutes.", "Workflow",
                   "02"),
                it("Watch it run", "{name} handles the busywork; you get alerts only when it matters.",
                   "Rocket", "03"),
            ],
        },
        "stats": {
            "heading": ["Results our customers see"],
            "items": [it("Hours saved per person / week", "", "Clock", "6.5"),
                      it("Uptime over the last 12 months", "", "Activity", "99.99%"),
                      it("Teams on {name}", "", "Users", "2,000+"), it("Average G2 rating", "", "Star", "4.8")],
        },
        "pricing": {
            "eyebrow": ["Pricing"], "heading": ["Simple pricing that scales with you", "Plans for every team"],
            "sub": ["Start free. Upgrade when you're ready. Save 20% with yearly billing."],
            "items": [
                it("Starter", "For individuals and tiny teams.", "", "Free", "Up to 3 users", "5 automations",
                   "Community support"),
                it("Team", "For growing teams that need more.", "", "{cur}12 / user / mo", "Unlimited users",
                   "Unlimited automations", "All integrations", "Priority support", hl=True),
                it("Business", "For organisations with advanced needs.", "", "{cur}29 / user / mo",
                   "SSO & SCIM", "Audit logs", "99.9% uptime SLA", "Dedicated success manager"),
            ],
        },
        "testimonials": {
            "eyebrow": ["Customers"], "heading": ["Loved by teams everywhere", "Don't take our word for it"],
            "items": [
                it("", "We replaced three tools and a pile of spreadsheets with {name}. Onboarding took a day."),
                it("", "The automations alone save our ops team a full day every week."),
                it("", "Support answers in minutes, and the product gets better every single month."),
                it("", "Finally, a tool the whole company actually enjoys using."),
            ], "pick": 3, "metas": ["Head of Operations, Northwind", "CTO, Acme Labs", "Founder, Kestrel",
                                    "VP Finance, Globex"],
        },
        "faq": {
            "heading": ["Frequently asked questions"],
            "items": [
                it("Is there a free trial?", "Yes: every paid plan starts with 14 days free, no card needed."),
                it("Can I import my existing data?", "Yes. CSV import plus one-click importers for popular tools."),
                it("Where is my data stored?", "In EU or US data centres (your choice), encrypted at rest."),
                it("Can I cancel anytime?", "Of course. Export everything and cancel from settings in two "
                   "clicks."),
            ],
        },
        "cta": {"heading": ["Ready to get your time back?", "Start building with {name} today"],
                "sub": ["Free for 14 days. Set up in minutes."],
                "cta": [("Start free trial", "#pricing")], "secondary": [("Talk to sales", "#contact")]},
        "contact": {"heading": ["Talk to us"], "sub": ["Questions about plans, security or migration? We "
                                                        "reply within a business day."]},
        "about": {"heading": ["Why we built {name}"],
                  "body": ["We spent years drowning in tabs, tools and status meetings. {name} is the product we "
                           "wished we had: fast, focused and kind to the people who use it every day."]},
    },
}

AGENCY: dict[str, Any] = {
    "label": "studio", "audience": "Ambitious brands and founders", "tone": "bold",
    "fonts": [("Space Grotesk", "Inter"), ("Outfit", "DM Sans"), ("Fraunces", "Inter")],
    "names": ["Northbound", "Paper Plane", "Loop", "Fieldwork", "Brightside", "Common Thread", "Heyday",
              "Kinfolk", "Static", "Mono", "Parallel", "Wildcard"],
    "name_forms": ["{n}", "{n} Studio", "{n} Agency", "{n} & Co.", "Studio {n}"],
    "taglines": ["Brands people remember.", "Strategy, design and growth under one roof.",
                 "We make brands impossible to ignore.", "Ideas that move people, and numbers."],
    "descriptions": ["{name} is an independent creative studio{in_place} for brand strategy, identity, "
                     "websites and campaigns that grow businesses."],
    "footer": ["Independent since {year}.", "Made with coffee and stubbornness{in_place}."],
    "home": ["hero", "logos", "services", "gallery", "process", "stats", "testimonials", "team", "cta", "contact"],
    "multi_pages": ["services", "gallery", "about", "contact"],
    "hours": [], "socials": ["Instagram", "LinkedIn", "Behance"],
    "sections": {
        "hero": {
            "eyebrow": ["Independent creative studio{in_place}", "Brand · Digital · Growth"],
            "heading": ["We build brands people can't ignore", "Bold ideas, measurable results",
                        "Design that does the selling", "Make your brand impossible to scroll past"],
            "sub": ["Strategy, identity, websites and campaigns for companies with something to say. Small "
                    "senior team, no hand-offs, no fluff.",
                    "We partner with founders and marketing teams to turn good products into brands people love."],
            "cta": [("Start a project", "#contact"), ("Let's talk", "#contact")],
            "secondary": [("See our work", "#gallery")],
        },
        "services": {
            "eyebrow": ["What we do"], "heading": ["Services", "How we help"],
            "items": [
                it("Brand strategy", "Positioning, naming and messaging that sets you apart.", "Target"),
                it("Visual identity", "Logos, type, colour and systems that scale.", "Palette"),
                it("Websites", "Fast, accessible sites designed to convert.", "Monitor"),
                it("Campaigns", "Launches and always-on content across paid and social.", "Megaphone"),
                it("Growth marketing", "SEO, performance and experiments, measured weekly.", "TrendingUp"),
                it("Content & video", "Photo, film and motion from concept to final cut.", "Clapperboard"),
            ], "pick": 5,
        },
        "gallery": {
            "eyebrow": ["Selected work"], "heading": ["Recent projects", "Work we're proud of"],
            "items": [
                it("Verde Foods", "Rebrand and packaging for a plant-based snack company. +38% retail sales.",
                   "Leaf", "Branding"),
                it("Atlas Bank", "A friendlier digital bank: identity, app UI and launch campaign.", "Landmark",
                   "Digital"),
                it("Kite Festival", "Identity and ticketing site for a 20,000-person music festival.", "Music",
                   "Campaign"),
                it("Harbor Health", "Website and content strategy that doubled organic bookings.", "HeartPulse",
                   "Web"),
            ],
        },
        "process": {
            "eyebrow": ["Process"], "heading": ["How we work"],
            "items": [
                it("Discover", "Workshops, research and audits to find what's true and different.", "Search",
                   "01"),
                it("Define", "A sharp strategy and creative direction everyone can rally behind.", "Target", "02"),
                it("Design", "Identity, product and content, built in tight loops with you.", "PenTool", "03"),
                it("Deliver", "Launch, measure, improve. We stay on after go-live.", "Rocket", "04"),
            ],
        },
        "stats": {
            "heading": ["The short version"],
            "items": [it("Projects launched", "", "Rocket", "140+"), it("Years independent", "", "Award", "9"),
                      it("Client retention", "", "Heart", "87%"), it("Design awards", "", "Trophy", "23")],
        },
        "testimonials": {
            "heading": ["What clients say"],
            "items": [
                it("", "{name} understood our business faster than we did. The rebrand paid for itself in months."),
                it("", "Senior people, honest opinions and beautiful work. Rare combination."),
                it("", "They launched our site in six weeks and conversions are up 40%."),
            ], "metas": ["CMO, Verde Foods", "Founder, Atlas Bank", "Head of Growth, Harbor Health"],
        },
        "team": {
            "heading": ["Small team, senior people"],
            "items": [it("", "Twelve years of brand strategy for startups and household names.", "User",
                         "Strategy Director"),
                      it("", "Type nerd, system builder, occasional illustrator.", "User", "Design Director"),
                      it("", "Turns big ideas into fast, accessible websites.", "User", "Technical Lead"),
                      it("", "Keeps projects on time and clients smiling.", "User", "Producer")],
        },
        "cta": {"heading": ["Got a project in mind?", "Let's make something great"],
                "sub": ["Tell us where you are and where you want to be. We reply within 48 hours."],
                "cta": [("Start a project", "#contact")]},
        "contact": {"heading": ["Start a project", "Say hello"],
                    "sub": ["Typical projects start at {cur}15k. Tell us about yours."]},
    },
}

REAL_ESTATE: dict[str, Any] = {
    "label": "estate agency", "audience": "Buyers, sellers and renters", "tone": "professional",
    "fonts": [("Playfair Display", "Inter"), ("Manrope", "Manrope"), ("Lora", "DM Sans")],
    "names": ["Keystone", "Harbor & Hale", "Cornerstone", "Oakridge", "Bluebrick", "Lighthouse", "Haven",
              "Meridian", "Parkside", "Ashford", "Summit", "Fairway"],
    "name_forms": ["{n} Homes", "{n} Realty", "{n} Properties", "{n} Estates", "{n} Real Estate"],
    "taglines": ["Find the place you'll call home{in_place}.", "Local experts. Honest advice. Better moves.",
                 "Selling homes{in_place} since {year}.", "Your next chapter starts here."],
    "descriptions": ["{name} is an independent estate agency{in_place} helping people buy, sell and rent "
                     "homes with local knowledge and honest advice."],
    "footer": ["Licensed and insured. Equal housing opportunity.", "Local experts{in_place} since {year}."],
    "home": ["hero", "gallery", "services", "stats", "process", "testimonials", "team", "faq", "contact"],
    "multi_pages": ["listings", "services", "about", "contact"],
    "hours": [("Mon – Fri", "9:00 – 18:00"), ("Saturday", "10:00 – 16:00"), ("Sunday", "Viewings by appointment")],
    "socials": ["Instagram", "Facebook", "LinkedIn"],
    "sections": {
        "hero": {
            "eyebrow": ["Homes{in_place}", "Buy · Sell · Rent", "Independent agents since {year}"],
            "heading": ["Find a home you'll love", "The right home, the right price",
                        "Moving made simple{in_place}", "Local experts for your next move"],
            "sub": ["From first viewing to handing over the keys, we guide you through every step with "
                    "honest advice and real local knowledge.",
                    "Free valuations in 48 hours, professional photography on every listing and agents who "
                    "pick up the phone."],
            "cta": [("View listings", "#gallery"), ("Browse homes", "#gallery")],
            "secondary": [("Book a free valuation", "#contact")],
        },
        "gallery": {
            "eyebrow": ["Featured listings"], "heading": ["Just listed", "Featured homes"],
            "items": [
                it("Sunny two-bed with balcony", "2 bed · 1 bath · 78 m² · Top floor, south-facing.", "House",
                   "{cur}385,000", "For sale"),
                it("Family house with garden", "4 bed · 2 bath · 160 m² · Quiet street near schools.", "Trees",
                   "{cur}720,000", "For sale"),
                it("Loft near the river", "1 bed · 1 bath · 64 m² · Exposed brick, high ceilings.", "Building2",
                   "{cur}1,650 / month", "To rent"),
                it("Renovated townhouse", "3 bed · 2 bath · 120 m² · Roof terrace, parking.", "Key",
                   "{cur}545,000", "For sale"),
                it("Garden studio", "Studio · 1 bath · 38 m² · Private courtyard.", "Sprout",
                   "{cur}980 / month", "To rent"),
            ], "pick": 4,
        },
        "services": {
            "eyebrow": ["How we help"], "heading": ["Services"],
            "items": [
                it("Selling", "Accurate valuation, beautiful listings and tough negotiation.", "BadgeDollarSign"),
                it("Buying", "Off-market access and help from offer to completion.", "Search"),
                it("Lettings", "Tenant-finding and full property management.", "KeyRound"),
                it("Valuations", "A free, no-obligation valuation within 48 hours.", "ClipboardCheck"),
            ],
        },
        "stats": {
            "heading": ["Our track record"],
            "items": [it("Homes sold", "", "House", "1,200+"), it("Average days on market", "", "Clock", "24"),
                      it("Of asking price achieved", "", "TrendingUp", "98.6%"),
                      it("Client rating", "", "Star", "4.9")],
        },
        "process": {
            "eyebrow": ["Selling with us"], "heading": ["Four steps to sold"],
            "items": [it("Free valuation", "We visit, listen and give you an honest price.", "ClipboardCheck", "01"),
                      it("Photos & listing", "Professional photos, floor plans and a video tour.", "Camera", "02"),
                      it("Viewings", "Accompanied viewings, evenings and weekends too.", "Key", "03"),
                      it("Offer to keys", "We negotiate and chase every step until completion.", "Handshake",
                         "04")],
        },
        "testimonials": {
            "heading": ["Happy movers"],
            "items": [
                it("", "Sold above asking in eleven days. Honest, responsive and genuinely kind."),
                it("", "As first-time buyers we had a hundred questions. They answered every single one."),
                it("", "They manage our rental and we never have to worry. Worth every penny."),
            ], "metas": ["Sold in {year}", "First-time buyers", "Landlord client"],
        },
        "team": {
            "heading": ["Meet your agents"],
            "items": [it("", "Twenty years selling homes{in_place}.", "User", "Founding Partner"),
                      it("", "Knows every street, school and coffee shop.", "User", "Senior Sales Agent"),
                      it("", "Looks after 300+ rental homes.", "User", "Lettings Manager")],
        },
        "faq": {
            "items": [
                it("How much does a valuation cost?", "Nothing. It's free and there's no obligation."),
                it("What are your fees?", "A clear percentage agreed up front; no sale, no fee."),
                it("Do you help first-time buyers?", "Yes: we'll introduce mortgage advisers and explain "
                   "every step."),
            ],
        },
        "cta": {"heading": ["Thinking of selling?", "What's your home worth?"],
                "sub": ["Book a free valuation: we'll visit within 48 hours."],
                "cta": [("Book a valuation", "#contact")]},
        "contact": {"heading": ["Talk to a local agent", "Visit our office"],
                    "sub": ["Call, email or pop into the office; the kettle is always on."]},
    },
}

KINDS: dict[str, dict[str, Any]] = {"saas": SAAS, "agency": AGENCY, "real_estate": REAL_ESTATE}
