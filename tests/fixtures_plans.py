"""Hand-built SitePlans for tests: a café (light, several pages), a SaaS (dark, one page) and a
plan full of JSX-hostile and non-Latin text. Every section kind appears in at least one of them."""

from __future__ import annotations

from sitegen.plan import Contact, Fonts, Item, Page, Palette, Section, SitePlan

HOSTILE = "Tom's {\"best\"} <b>café</b> `${x}` {{ }} </div> <script>alert(1)</script> & ☕🔥"
HOSTILE_AR = "مقهى الصباح — قهوة مختصة"
HOSTILE_ZH = "晨光咖啡馆：每一杯都用心"
HOSTILE_TEXTS = [
    HOSTILE,
    HOSTILE_AR,
    HOSTILE_ZH,
    "Backticks ` and `template ${literal}` and }{ reversed",
    "Quotes: \"double\" 'single' ‘curly’ “curly” \\ backslash",
    "Tags <img src=x onerror=alert(1)> </script><!-- -->",
    "Line\u2028separator and paragraph\u2029separator",
]


def cafe_plan() -> SitePlan:
    """A warm light café site with a home page, a menu page and a visit page."""
    return SitePlan(
        name="Ember & Oak Coffee",
        tagline="Slow-roasted coffee and fresh bakes in the heart of Portland",
        description="A neighbourhood café roasting single-origin beans in small batches.",
        kind="cafe",
        tone="warm",
        location="Portland, Oregon",
        palette=Palette(
            primary="#9a3412",
            accent="#f59e0b",
            background="#fffbf5",
            surface="#f7efe4",
            text="#292524",
            muted="#6b5e55",
        ),
        fonts=Fonts(heading="Fraunces", body="DM Sans"),
        pages=[
            Page(
                slug="",
                title="Ember & Oak Coffee — Portland café",
                nav_label="Home",
                description="Small-batch coffee, fresh pastries and a warm seat by the window.",
                sections=[
                    Section(
                        kind="hero",
                        variant="split",
                        eyebrow="Roasted in Portland since 2014",
                        heading="Coffee worth slowing down for",
                        subheading="Single-origin beans roasted every morning, pastries baked at dawn, "
                        "and a table waiting for you.",
                        cta_label="See the menu",
                        cta_href="/menu",
                        secondary_label="Visit us",
                        secondary_href="#hours",
                        items=[
                            Item(title="4.9 on 1,200 reviews", meta="Loved locally", icon="Star"),
                            Item(title="Roasted daily", meta="Small batches", icon="Flame"),
                            Item(title="Open 7 days", meta="From 7am", icon="Clock"),
                        ],
                    ),
                    Section(
                        kind="features",
                        eyebrow="Why Ember & Oak",
                        heading="Made by hand, every morning",
                        subheading="The little things that make a good cup a great one.",
                        items=[
                            Item(title="Direct trade beans", text="We buy from farms we visit.", icon="Sprout"),
                            Item(title="Roasted on site", text="Our roaster runs at 6am daily.", icon="Flame"),
                            Item(title="Baked at dawn", text="Croissants and buns from our oven.", icon="Croissant"),
                            Item(title="Oat milk free", text="No upcharge for plant milks.", icon="Milk"),
                            Item(title="Fast wifi", text="Stay and work as long as you like.", icon="Wifi"),
                            Item(title="Dog friendly", text="Water bowls and treats at the door.", icon="doggy"),
                        ],
                    ),
                    Section(
                        kind="about",
                        eyebrow="Our story",
                        heading="A small roastery with a big kitchen table",
                        body="We opened in 2014 with one roaster and six stools.\n\nTen years on we still "
                        "roast every bean ourselves and know most of our guests by name.",
                        items=[
                            Item(title="Since 2014", text="A decade on Alberta Street.", meta="10 yrs"),
                            Item(title="Zero waste", text="Grounds go to local gardens.", icon="Leaf"),
                        ],
                    ),
                    Section(
                        kind="stats",
                        heading="By the numbers",
                        items=[
                            Item(title="Cups a day", meta="800+"),
                            Item(title="Origins", meta="12"),
                            Item(title="Pastries baked daily", meta="300"),
                            Item(title="Years roasting", meta="10"),
                        ],
                    ),
                    Section(
                        kind="testimonials",
                        variant="spotlight",
                        eyebrow="Kind words",
                        heading="What our regulars say",
                        items=[
                            Item(title="Maya Chen", meta="Regular since 2016", text="The best flat white in "
                                 "the city, and the cardamom bun is a religious experience."),
                            Item(title="Luis Ortega", meta="Local designer", text="My second office."),
                            Item(title="Priya Nair", meta="Food writer", text="Quietly excellent."),
                        ],
                    ),
                    Section(
                        kind="hours",
                        eyebrow="Visit",
                        heading="Come say hello",
                        items=[
                            Item(title="Monday – Friday", meta="7:00 – 18:00"),
                            Item(title="Saturday", meta="8:00 – 18:00", highlight=True),
                            Item(title="Sunday", meta="8:00 – 16:00"),
                        ],
                        cta_label="Get directions",
                        cta_href="https://maps.example.com/?q=ember",
                    ),
                    Section(
                        kind="cta",
                        heading="Your table is waiting",
                        subheading="Drop in, or order ahead and skip the line.",
                        cta_label="Order ahead",
                        cta_href="#contact",
                        secondary_label="Browse the menu",
                        secondary_href="/menu/",
                    ),
                ],
            ),
            Page(
                slug="menu",
                title="Menu",
                nav_label="Menu",
                description="Coffee, tea and bakes — all made here.",
                sections=[
                    Section(
                        kind="menu",
                        eyebrow="Drinks",
                        heading="Coffee & more",
                        items=[
                            Item(title="Espresso", text="Our seasonal blend.", meta="$3.50", tags=["Coffee", "House"]),
                            Item(title="Flat white", text="Double ristretto, silky milk.", meta="$4.75",
                                 tags=["Coffee"], highlight=True),
                            Item(title="Pour over", text="Rotating single origin.", meta="$5.50",
                                 tags=["Coffee", "Single origin"]),
                            Item(title="Chai latte", text="Spiced in house.", meta="$5.00",
                                 tags=["Tea", "Vegan option"]),
                            Item(title="Matcha", text="Ceremonial grade, whisked.", meta="$5.25", tags=["Tea"]),
                        ],
                    ),
                    Section(
                        kind="gallery",
                        heading="Fresh from the oven",
                        items=[
                            Item(title="Cardamom buns", text="Our signature bake.", icon="Croissant"),
                            Item(title="Sourdough", icon="Wheat"),
                            Item(title="Cookies", icon="Cookie"),
                            Item(title="Seasonal tarts", icon="CakeSlice"),
                            Item(title="Latte art", icon="Coffee"),
                        ],
                    ),
                    Section(
                        kind="faq",
                        heading="Good to know",
                        items=[
                            Item(title="Do you have decaf?", text="Yes, Swiss-water processed."),
                            Item(title="Can I buy beans?", text="Every bag is roasted this week."),
                        ],
                    ),
                ],
            ),
            Page(
                slug="visit",
                title="Visit us",
                nav_label="Visit",
                sections=[
                    Section(
                        kind="contact",
                        eyebrow="Contact",
                        heading="Say hello",
                        body="Questions, catering or wholesale: we answer within a day.",
                        cta_label="Send message",
                    ),
                    Section(
                        kind="team",
                        heading="The people behind the bar",
                        items=[
                            Item(title="Sam Rivera", meta="Head roaster", text="Ten years on the roaster."),
                            Item(title="Jo Park", meta="Pastry chef", text="Up at 4am so you don't have to."),
                            Item(title="Ana Lima", meta="Barista", text="Latte art champion 2023."),
                            Item(title="Ben Ode", meta="Manager", text="Keeps the lights on."),
                        ],
                    ),
                ],
            ),
        ],
        contact=Contact(
            email="hello@emberandoak.example",
            phone="+1 (503) 555-0142",
            address="1420 NE Alberta St, Portland, OR 97211",
            hours=["Mon–Fri 7:00–18:00", "Sat 8:00–18:00", "Sun 8:00–16:00"],
            socials=["Instagram", "Facebook"],
        ),
        footer_note="Roasted with care in Portland.",
    )


def saas_plan() -> SitePlan:
    """A dark, single-page SaaS landing page."""
    return SitePlan(
        name="Nimbus Analytics",
        tagline="Product analytics your whole team can read",
        description="Nimbus turns product events into answers in plain language.",
        kind="saas",
        tone="confident",
        palette=Palette(
            primary="#818cf8",
            primary_foreground="#0b1020",
            accent="#22d3ee",
            background="#0b1020",
            surface="#121933",
            text="#e2e8f0",
            muted="#94a3b8",
            dark=True,
        ),
        fonts=Fonts(heading="Space Grotesk", body="Inter"),
        pages=[
            Page(
                slug="",
                title="Nimbus Analytics — answers, not dashboards",
                nav_label="Home",
                sections=[
                    Section(
                        kind="hero",
                        variant="centered",
                        eyebrow="New: AI summaries",
                        heading="Know what your users do — and why",
                        subheading="Track events, build funnels, and get weekly summaries your whole team "
                        "will actually read.",
                        cta_label="Start free trial",
                        cta_href="#pricing",
                        secondary_label="See how it works",
                        secondary_href="#process",
                        items=[
                            Item(title="Set up in 5 minutes", icon="Zap"),
                            Item(title="SOC 2 Type II", icon="ShieldCheck"),
                            Item(title="GDPR ready", icon="Lock"),
                        ],
                    ),
                    Section(
                        kind="logos",
                        heading="Trusted by product teams at",
                        items=[Item(title=n, icon=i) for n, i in [
                            ("Acme", "Hexagon"), ("Globex", "Globe"), ("Initech", "Cpu"),
                            ("Umbrella", "Umbrella"), ("Hooli", "Infinity"),
                        ]],
                    ),
                    Section(
                        kind="features",
                        variant="list",
                        eyebrow="Features",
                        heading="Everything you need, nothing you don't",
                        body="Nimbus replaces three tools with one fast, friendly workspace.",
                        items=[
                            Item(title="Funnels", text="See where users drop off.", icon="Filter"),
                            Item(title="Retention", text="Cohorts that update live.", icon="Repeat"),
                            Item(title="AI summaries", text="A weekly brief in plain words.", icon="magic"),
                            Item(title="Alerts", text="Know when a metric moves.", icon="BellRing"),
                        ],
                    ),
                    Section(
                        kind="process",
                        eyebrow="How it works",
                        heading="From install to insight in an afternoon",
                        items=[
                            Item(title="Install the SDK", text="One line of code.", icon="Code"),
                            Item(title="Send events", text="Autocapture or custom.", icon="Send"),
                            Item(title="Ask questions", text="In plain language.", icon="MessageCircle"),
                            Item(title="Share answers", text="Slack, email or links.", icon="Share2"),
                        ],
                    ),
                    Section(
                        kind="services",
                        variant="list",
                        eyebrow="Services",
                        heading="Help when you need it",
                        items=[
                            Item(title="Onboarding", text="We set up tracking with you.", meta="Included",
                                 icon="Rocket"),
                            Item(title="Data audits", text="Find gaps in your events.", meta="From $900",
                                 icon="SearchCheck"),
                            Item(title="Training", text="Workshops for your team.", meta="From $500",
                                 icon="GraduationCap"),
                        ],
                    ),
                    Section(
                        kind="pricing",
                        eyebrow="Pricing",
                        heading="Simple plans that grow with you",
                        cta_label="Choose plan",
                        cta_href="#contact",
                        items=[
                            Item(title="Starter", meta="$0", text="For side projects.",
                                 tags=["10k events/mo", "3 seats"]),
                            Item(title="Growth", meta="$49", text="For growing teams.", highlight=True,
                                 tags=["1M events/mo", "Unlimited seats", "AI summaries"]),
                            Item(title="Scale", meta="Custom", text="For large products.",
                                 tags=["Unlimited events", "SSO", "Dedicated support"]),
                        ],
                    ),
                    Section(
                        kind="testimonials",
                        heading="Teams love Nimbus",
                        items=[
                            Item(title="Dana Kim", meta="PM, Globex", text="We cut our weekly metrics meeting."),
                            Item(title="Omar Haddad", meta="CTO, Initech", text="Setup took ten minutes."),
                            Item(title="Lena Vogel", meta="Growth, Hooli", text="The summaries are uncanny."),
                        ],
                    ),
                    Section(
                        kind="schedule",
                        heading="Upcoming webinars",
                        items=[
                            Item(title="Funnels 101", meta="Mar 4, 17:00", text="Build your first funnel.",
                                 icon="Filter", tags=["Beginner"]),
                            Item(title="Retention deep dive", meta="Mar 18, 17:00", highlight=True,
                                 icon="Repeat", tags=["Advanced", "Live Q&A"]),
                        ],
                    ),
                    Section(
                        kind="faq",
                        variant="two-column",
                        heading="Questions, answered",
                        items=[
                            Item(title="Is there a free plan?", text="Yes, forever free up to 10k events."),
                            Item(title="Where is data stored?", text="In the EU or US, your choice."),
                        ],
                    ),
                    Section(
                        kind="contact",
                        heading="Talk to us",
                        subheading="We reply within one business day.",
                    ),
                    Section(
                        kind="cta",
                        variant="split",
                        heading="Ready for answers?",
                        cta_label="Start free trial",
                        cta_href="#pricing",
                    ),
                ],
            )
        ],
        contact=Contact(email="hi@nimbus.example", socials=["LinkedIn", "GitHub"]),
        footer_note="Made for curious teams.",
    )


def hostile_plan() -> SitePlan:
    """Every string a JSX renderer could get wrong, in Latin, Arabic and Chinese, over two pages."""
    item = Item(title=HOSTILE, text=HOSTILE_ZH, icon="NotARealIcon</script>", meta="`${price}`",
                tags=["{tag}", "<tag>", HOSTILE_AR])
    return SitePlan(
        name=HOSTILE,
        tagline=HOSTILE_AR,
        description=HOSTILE_ZH,
        kind="cafe",
        palette=Palette(primary="#0f766e", accent="#facc15", muted="#d6d3d1"),
        fonts=Fonts(heading="Playfair Display", body="system-sans"),
        pages=[
            Page(
                slug="",
                title=HOSTILE,
                nav_label=HOSTILE_ZH,
                description=HOSTILE_AR,
                sections=[
                    Section(
                        kind="hero",
                        variant="does-not-exist",
                        eyebrow=HOSTILE_TEXTS[3],
                        heading=HOSTILE,
                        subheading=HOSTILE_TEXTS[4],
                        body=HOSTILE_TEXTS[5],
                        cta_label=HOSTILE_AR,
                        cta_href="javascript:alert(1)",
                        secondary_label=HOSTILE_ZH,
                        secondary_href="/nowhere",
                        items=[item],
                    ),
                    Section(kind="features", variant="???", heading=HOSTILE_ZH, items=[item, item]),
                    Section(kind="testimonials", variant="{x}", heading=HOSTILE_AR, items=[item]),
                    Section(kind="menu", variant="cards", heading=HOSTILE_TEXTS[6], items=[item]),
                    Section(kind="stats", variant="inline", heading=HOSTILE_AR, items=[item, item]),
                    Section(kind="cta", variant="split", heading=HOSTILE_TEXTS[3], cta_label=HOSTILE,
                            cta_href="#contact"),
                ],
            ),
            Page(
                slug="hostile-page",
                title=HOSTILE_AR,
                nav_label=HOSTILE_TEXTS[3],
                description=HOSTILE,
                sections=[
                    Section(kind="about", heading=HOSTILE, body=HOSTILE_TEXTS[5], items=[item]),
                    Section(kind="faq", heading=HOSTILE_TEXTS[4], items=[item]),
                    Section(kind="contact", heading=HOSTILE_ZH, cta_label=HOSTILE,
                            items=[Item(title="Email", text="a@b.example", icon="Mail"),
                                   Item(title=HOSTILE_AR, text=HOSTILE, icon="MapPin")]),
                ],
            ),
        ],
        contact=Contact(
            email="a@b.example",
            phone="+1 555 0100",
            address=HOSTILE,
            hours=[HOSTILE_ZH, HOSTILE_AR],
            socials=[HOSTILE],
        ),
        footer_note=HOSTILE_TEXTS[4],
    )


def widgets_plan() -> SitePlan:
    """A basketball analytics site whose home page holds all eight working widgets, and a booking page."""
    games = [
        ("Hawks vs Lynx", "Hawks by 6.5", "Point spread", ["Spread", "Tonight"]),
        ("Owls vs Rams", "Over 221.5", "Total points", ["Totals", "Tonight"]),
        ("Bears vs Kings", "Kings +120", "Moneyline underdog", ["Moneyline", "Weekend"]),
        ("Comets vs Tides", "Comets by 2", "Close spread", ["Spread", "Weekend"]),
        ("Foxes vs Wolves", "Under 209", "Defensive matchup", ["Totals", "Weekend"]),
    ]
    return SitePlan(
        name="Courtside Edge",
        tagline="Basketball betting data you can search, chart and check yourself",
        description="A sports analytics website for basketball betting data: lines, team form and practice.",
        kind="saas",
        tone="confident",
        palette=Palette(primary="#1d4ed8", accent="#f97316", background="#f8fafc", surface="#eef2f7",
                        text="#0f172a", muted="#475569"),
        fonts=Fonts(heading="Space Grotesk", body="Inter"),
        url="https://courtside.example.com",
        contact=Contact(email="hello@courtside.example.com"),
        pages=[
            Page(
                slug="",
                title="Courtside Edge — basketball betting analytics",
                nav_label="Home",
                description="Search tonight's lines, compare teams, chart form and test your betting knowledge.",
                sections=[
                    Section(kind="hero", heading="Basketball betting data, made readable",
                            subheading="Lines, team form and win rates in one place.",
                            cta_label="Search the lines", cta_href="#search",
                            items=[Item(title="1,200 games tracked", icon="Trophy")]),
                    Section(kind="search", eyebrow="Lines", heading="Search tonight's lines",
                            subheading="Type a team or a market; the list filters as you type.",
                            cta_label="Search teams or markets",
                            items=[Item(title=t, meta=m, text=x, tags=g, icon="Trophy") for t, m, x, g in games]),
                    Section(kind="table", heading="Team rankings", subheading="Click a header to sort.",
                            columns=["Team", "Wins", "Losses", "Points per game"],
                            items=[Item(title="Hawks", tags=["41", "12", "118.2"]),
                                   Item(title="Lynx", tags=["35", "18", "112.9"]),
                                   Item(title="Owls", tags=["22", "31", "109.4"]),
                                   Item(title="Kings", tags=["48", "5", "121.7"])]),
                    Section(kind="chart", variant="bar", heading="Points per game",
                            items=[Item(title="Hawks", meta="118.2"), Item(title="Lynx", meta="112.9"),
                                   Item(title="Owls", meta="109.4"), Item(title="Kings", meta="121.7")]),
                    Section(kind="chart", variant="donut", heading="Where the bets go",
                            items=[Item(title="Spread", meta="46%"), Item(title="Totals", meta="31%"),
                                   Item(title="Moneyline", meta="23%")]),
                    Section(kind="dashboard", heading="Your betting dashboard",
                            items=[Item(title="Win rate", meta="62%", text="+4% this month", icon="Target"),
                                   Item(title="Bets tracked", meta="148", text="+12 this week"),
                                   Item(title="Average odds", meta="1.91", text="-0.03 this week"),
                                   Item(title="Profit", meta="$1,240", text="+$310 this month",
                                        tags=["400", "520", "610", "700", "880", "930", "1100", "1240"])]),
                    Section(kind="calculator", variant="split", heading="Payout calculator",
                            body="See what a stake returns before you place it.",
                            cta_label="Each friend gets",
                            items=[Item(title="Stake", meta="100", text="$"),
                                   Item(title="Profit margin", meta="91", text="%"),
                                   Item(title="Friends sharing", meta="2")]),
                    Section(kind="quiz", heading="Practice: betting basics",
                            items=[Item(title="What does a spread of -6.5 mean?",
                                        tags=["Win by 7 or more", "Win by 6 or more", "Lose by 6"],
                                        meta="Win by 7 or more", text="Half points mean no push."),
                                   Item(title="Odds of 2.00 pay what on a $10 stake?",
                                        tags=["$10 profit", "$20 profit", "$5 profit"], meta="A",
                                        text="Decimal odds include your stake."),
                                   Item(title="An 'over' bet wins when…",
                                        tags=["The total is above the line", "The favourite wins"],
                                        meta="1", text="Totals ignore who wins.")]),
                    Section(kind="favorites", heading="Build your watchlist", cta_label="Watchlist",
                            items=[Item(title="Hawks vs Lynx", meta="$25", text="Tonight, 7:30 pm"),
                                   Item(title="Bears vs Kings", meta="$40", text="Saturday, 6:00 pm"),
                                   Item(title="Foxes vs Wolves", meta="$15", text="Sunday, 3:00 pm")]),
                    Section(kind="form", variant="registration", heading="Create your free account",
                            subheading="Save your watchlist and get line alerts.",
                            items=[Item(title="Full name", meta="text", highlight=True),
                                   Item(title="Email", meta="email", highlight=True,
                                        text="We never share it."),
                                   Item(title="Favourite team", meta="select",
                                        tags=["Hawks", "Lynx", "Owls", "Kings"]),
                                   Item(title="Anything else?", meta="textarea")]),
                ],
            ),
            Page(
                slug="book",
                title="Book a strategy session",
                nav_label="Book",
                description="Book a one-to-one session with an analyst on a date and time that suits you.",
                sections=[Section(kind="form", variant="booking", heading="Book a strategy session",
                                  body="Booked! An analyst will confirm by email.")],
            ),
        ],
    )


ALL_PLANS = {"cafe": cafe_plan, "saas": saas_plan, "hostile": hostile_plan, "widgets": widgets_plan}
