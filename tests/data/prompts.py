"""A corpus of real-world-style prompts for the offline planner, with what each plan must show.

Each case: ``prompt``; ``about``: words the site's name, hero or features must mention (the subject);
``features``: the functionalities in the user's words that must each appear in a feature card;
``colours``: palette field -> the exact #rrggbb asked for; ``widgets``: widget kinds that must be on the
site (``form:booking`` names a form variant); ``none``: True when the site must stay a brochure
(no widgets); ``kind``: the expected business kind, when it matters.
"""

from __future__ import annotations

from typing import Any

CASES: list[dict[str, Any]] = [
    # long functional requests (the shape of the examples)
    {"prompt": "Please implement a sports analytics website for basketball betting data. The website should have "
               "functionalities for viewing match history, team rankings, and betting odds. Users should be able to "
               "search games, compare teams and track their bets. Define the background as ghost white and "
               "components as slate gray.",
     "about": ["basketball", "betting"], "features": ["match history", "team rankings", "betting odds", "search games",
                                                      "compare teams", "track"],
     "colours": {"background": "#f8f8ff", "primary": "#708090"}, "widgets": ["table", "search", "dashboard"]},
    {"prompt": "Please implement a baseball simulation website that lets fans simulate games between historical teams. "
               "The website should have functionalities for choosing lineups, running simulations, and viewing "
               "season statistics. Define the background as floral white and components as dark goldenrod.",
     "about": ["baseball"], "features": ["choosing lineups", "running simulations", "season statistics"],
     "colours": {"background": "#fffaf0", "primary": "#b8860b"}, "widgets": ["chart"]},
    {"prompt": "Please implement a blue-collar job website that connects skilled tradespeople with local employers. "
               "Users should be able to search jobs by trade, apply online, and save listings. Define the background "
               "as white smoke and components as steel blue.",
     "about": ["blue-collar", "job"], "features": ["search jobs", "apply online", "save listings"],
     "colours": {"background": "#f5f5f5", "primary": "#4682b4"},
     "widgets": ["search", "form:application", "favorites"]},
    {"prompt": "Please implement a recipe sharing platform for home cooks. The website should have functionalities for "
               "searching recipes, filtering by diet, rating dishes and saving favourites. Define the background as "
               "linen and components as sienna.",
     "about": ["recipe"], "features": ["searching recipes", "filtering by diet", "rating dishes", "saving favourites"],
     "colours": {"background": "#faf0e6", "primary": "#a0522d"}, "widgets": ["search", "favorites"]},
    {"prompt": "Please implement a language learning website for adult beginners. Users should be able to take "
               "practice quizzes, track their progress, and book sessions with tutors. Define the background as "
               "alice blue and components as royal blue.",
     "about": ["language learning"], "features": ["practice quizzes", "track", "book sessions"],
     "colours": {"background": "#f0f8ff", "primary": "#4169e1"}, "widgets": ["quiz", "dashboard", "form:booking"]},
    {"prompt": "Please implement a mortgage comparison website for first-time buyers. The website should have "
               "functionalities for calculating monthly payments, comparing lender rates, and requesting a quote.",
     "about": ["mortgage"],
     "features": ["calculating monthly payments", "comparing lender rates", "requesting a quote"],
     "widgets": ["calculator", "table", "form:lead"]},
    {"prompt": "Please implement a community library website where members can browse the catalogue, borrow books, "
               "reserve study rooms and register for reading events. Define the background as old lace and "
               "components as saddle brown.",
     "about": ["library"], "features": ["browse the catalogue", "borrow books", "reserve study rooms", "register"],
     "colours": {"background": "#fdf5e6", "primary": "#8b4513"}, "widgets": ["search", "form:booking"]},
    {"prompt": "Please implement a fitness tracking app website. Users should be able to log workouts, track their "
               "progress with charts, and join weekly challenges. Use a dark theme with lime green accents.",
     "about": ["fitness"], "features": ["log workouts", "progress", "join weekly challenges"],
     "colours": {"accent": "#32cd32"}, "widgets": ["chart"], "dark": True},
    {"prompt": "Please implement an online marketplace for handmade jewelry. Buyers should be able to browse "
               "products by category, add items to a wishlist, and contact sellers. Define the background as "
               "seashell and components as rosy brown.",
     "about": ["handmade jewelry"], "features": ["browse products", "wishlist", "contact sellers"],
     "colours": {"background": "#fff5ee", "primary": "#bc8f8f"}, "widgets": ["search", "favorites", "form:contact"]},
    {"prompt": "Please implement a pet adoption website for a city animal shelter. Visitors should be able to search "
               "pets by species, submit an adoption application, and book a visit. Components should be coral.",
     "about": ["pet", "adoption"], "features": ["search pets", "submit an adoption application", "book a visit"],
     "colours": {"primary": "#ff7f50"}, "widgets": ["search", "form:application", "form:booking"]},
    {"prompt": "Please implement a travel planning website for backpackers. The website should have functionalities "
               "for exploring destinations, estimating trip costs, and comparing hostels. Background: #fdfcf7; "
               "buttons: #1b6f6a.",
     "about": ["travel"], "features": ["exploring destinations", "estimating trip costs", "comparing hostels"],
     "colours": {"background": "#fdfcf7", "primary": "#1b6f6a"}, "widgets": ["search", "calculator", "table"]},
    {"prompt": "Please implement a personal finance dashboard website. Users should be able to track expenses, view "
               "spending charts, and calculate savings goals. Define the background as rgb(250, 250, 252) and "
               "components as rgb(40, 90, 160).",
     "about": ["finance"], "features": ["track expenses", "spending charts", "calculate savings goals"],
     "colours": {"background": "#fafafc", "primary": "#285aa0"}, "widgets": ["dashboard", "chart", "calculator"]},
    {"prompt": "Please implement a music festival website. The website should have functionalities for viewing the "
               "line-up, buying tickets, and signing up for the newsletter. Define the background as midnight blue "
               "and components as hot pink.",
     "about": ["music festival"], "features": ["line-up", "buying tickets", "newsletter"],
     "colours": {"background": "#191970", "primary": "#ff69b4"}, "widgets": ["favorites", "form:registration"],
     "dark": True},
    {"prompt": "Please implement a real estate listings website. Users should be able to search properties, filter by "
               "price and bedrooms, save favourite homes, and calculate mortgage payments.",
     "about": ["real estate"], "features": ["search properties", "filter by price", "save favourite homes",
                                            "calculate mortgage payments"],
     "widgets": ["search", "favorites", "calculator"], "kind": "real_estate"},
    {"prompt": "Please implement a yoga studio website where students can view the class schedule, book classes and "
               "buy memberships. Use sage and cream colours.",
     "about": ["yoga"], "features": ["class schedule", "book classes", "buy memberships"],
     "widgets": ["form:booking"], "kind": "gym"},
    {"prompt": "Please implement a football league website for amateur clubs. It should include league standings, "
               "match results, player statistics and a registration form for new teams.",
     "about": ["football"], "features": ["league standings", "match results", "player statistics"],
     "widgets": ["table", "chart", "form:registration"]},
    {"prompt": "Please implement a movie review website. Users should be able to search films, rate movies, write "
               "reviews and keep a watchlist.",
     "about": ["movie"], "features": ["search films", "rate movies", "write reviews", "watchlist"],
     "widgets": ["search", "favorites"]},
    {"prompt": "Please implement a coding bootcamp website. Students should be able to browse courses, take a "
               "practice test and apply for a scholarship.",
     "about": ["coding bootcamp"], "features": ["browse courses", "practice test", "apply for a scholarship"],
     "widgets": ["search", "quiz", "form:application"], "kind": "school"},
    {"prompt": "Please implement an electric vehicle charging map website. Drivers should be able to find charging "
               "stations, compare charging prices and monitor their charging sessions.",
     "about": ["charging"], "features": ["find charging stations", "compare charging prices",
                                         "monitor their charging sessions"],
     "widgets": ["search", "table", "dashboard"]},
    {"prompt": "Please implement a podcast hosting platform. Creators should be able to upload episodes, track "
               "listener statistics and manage subscriptions.",
     "about": ["podcast"], "features": ["upload episodes", "listener statistics", "manage subscriptions"],
     "widgets": ["form:application", "chart", "dashboard"]},
    {"prompt": "Please implement a volunteer matching website for a food bank. Volunteers should be able to sign up "
               "for shifts, view upcoming events and track their volunteer hours.",
     "about": ["volunteer"], "features": ["sign up for shifts", "upcoming events", "track"],
     "widgets": ["form:registration", "dashboard"]},
    {"prompt": "Please implement a plant care website for indoor gardeners. Users should be able to search plants, "
               "set watering reminders, and take a quiz to find their ideal plant.",
     "about": ["plant care"], "features": ["search plants", "watering reminders", "quiz"],
     "widgets": ["search", "quiz"]},
    {"prompt": "Please implement a used car marketplace website. Users should be able to search cars by make and "
               "model, compare prices, and request a test drive.",
     "about": ["used car"], "features": ["search cars", "compare prices", "request a test drive"],
     "widgets": ["search", "table"]},
    {"prompt": "Please implement a stock market education website for teenagers. It should have a glossary search, "
               "interactive charts of sample stocks, and a quiz to test yourself.",
     "about": ["stock market"], "features": ["glossary search", "charts", "quiz"],
     "widgets": ["search", "chart", "quiz"]},
    {"prompt": "Please implement a hackathon website. Participants should be able to register teams, view the "
               "schedule, and submit projects.",
     "about": ["hackathon"], "features": ["register teams", "schedule", "submit projects"],
     "widgets": ["form:registration", "form:application"], "kind": "event"},
    {"prompt": "Please implement a board game cafe website. Guests should be able to browse the game library, "
               "reserve a table and see opening hours.",
     "about": ["board game"], "features": ["browse the game library", "reserve a table"],
     "widgets": ["search", "form:booking"]},
    {"prompt": "Please implement a weather statistics website for farmers. It should show rainfall charts, "
               "temperature trends and a frost risk calculator.",
     "about": ["weather"], "features": ["rainfall charts", "temperature trends", "frost risk calculator"],
     "widgets": ["chart", "calculator"]},
    {"prompt": "Please implement a chess club website. Members should be able to view tournament standings, sign up "
               "for tournaments, and practise puzzles.",
     "about": ["chess"], "features": ["tournament standings", "sign up for tournaments", "practise puzzles"],
     "widgets": ["table", "form:registration", "quiz"]},
    {"prompt": "Please implement a carpooling website for commuters. Users should be able to find rides, offer "
               "seats, and calculate fuel cost splits.",
     "about": ["carpooling"], "features": ["find rides", "offer seats", "calculate fuel cost splits"],
     "widgets": ["search", "calculator"]},
    {"prompt": "Please implement a hiking trails website. Hikers should be able to search trails, filter by "
               "difficulty, and save favourite routes. Use forest green and tan colours.",
     "about": ["hiking"], "features": ["search trails", "filter by difficulty", "save favourite routes"],
     "widgets": ["search", "favorites"]},
    # short functional prompts
    {"prompt": "a recipe website where people can search recipes and save favourites",
     "about": ["recipe"], "features": ["search recipes", "save favourites"], "widgets": ["search", "favorites"]},
    {"prompt": "a dentist website where patients can book appointments",
     "about": ["dentist"], "features": ["book appointments"], "widgets": ["form:booking"], "kind": "clinic"},
    {"prompt": "trivia quiz site about world capitals", "about": ["world capitals"], "features": [],
     "widgets": ["quiz"]},
    {"prompt": "a loan calculator website for small businesses", "about": ["loan"], "features": [],
     "widgets": ["calculator"]},
    {"prompt": "an esports leaderboard website with team standings and match charts",
     "about": ["esports"], "features": [], "widgets": ["table", "chart"]},
    {"prompt": "a crypto portfolio tracker with a dashboard", "about": ["crypto"], "features": [],
     "widgets": ["dashboard"]},
    {"prompt": "a wedding website where guests can RSVP and view the schedule",
     "about": ["wedding"], "features": ["rsvp"], "widgets": ["form:booking"], "kind": "event"},
    {"prompt": "a tutoring website where parents can register their kids and book lessons",
     "about": ["tutoring"], "features": ["register their kids", "book lessons"],
     "widgets": ["form:registration", "form:booking"], "kind": "school"},
    # brochure prompts about subjects outside the known kinds (no actions: no widgets)
    {"prompt": "a beekeeping supplies shop in Devon", "about": ["beekeeping"], "features": [], "none": True},
    {"prompt": "a website for my vintage bicycle restoration workshop", "about": ["vintage bicycle"], "features": [],
     "none": True},
    {"prompt": "an astronomy club website", "about": ["astronomy"], "features": [], "none": True},
    {"prompt": "a drone photography business", "about": ["drone"], "features": [], "none": True},
    {"prompt": "a website about urban beekeeping for beginners", "about": ["urban beekeeping"], "features": [],
     "none": True},
    {"prompt": "a mobile car wash service in Phoenix", "about": ["car wash"], "features": [], "none": True},
    {"prompt": "a site for my piano tuning business", "about": ["piano tuning"], "features": [], "none": True},
    {"prompt": "an escape room in Leeds", "about": ["escape room"], "features": [], "none": True},
    {"prompt": "a surf school website in Ericeira", "about": ["surf"], "features": [], "none": True},
    {"prompt": "a local history society website", "about": ["local history"], "features": [], "none": True},
    # colour requests in every form
    {"prompt": "a florist website, background ghostwhite and buttons in DarkOliveGreen", "about": ["florist"],
     "features": [], "colours": {"background": "#f8f8ff", "primary": "#556b2f"}},
    {"prompt": "a bakery site using SlateGrey for components and LightGoldenrodYellow as the background",
     "about": ["bakery"], "features": [], "colours": {"primary": "#708090", "background": "#fafad2"}},
    {"prompt": "a jazz bar website with a midnight-blue background and gold accents", "about": ["jazz"],
     "features": [], "colours": {"background": "#191970", "accent": "#ffd700"}, "dark": True},
    {"prompt": "an architecture studio site, colours: #1a1a2e background, #e94560 buttons, #f5f5f5 text",
     "about": ["architecture"], "features": [],
     "colours": {"background": "#1a1a2e", "primary": "#e94560", "text": "#f5f5f5"}, "dark": True},
    {"prompt": "a tea shop website in rgb(34, 85, 51) and rgb(240, 234, 214)", "about": ["tea"], "features": [],
     "colours": {"primary": "#225533", "background": "#f0ead6"}},
    {"prompt": "a pottery studio website with terracotta and cream, earthy and warm", "about": ["pottery"],
     "features": []},
    {"prompt": "a kids' science camp website in pastel colours", "about": ["science camp"], "features": []},
    {"prompt": "a cybersecurity consultancy website, dark theme, components in dodger blue",
     "about": ["cybersecurity"], "features": [], "colours": {"primary": "#1e90ff"}, "dark": True},
    {"prompt": "a vegan restaurant site, accent colour medium sea green, background honeydew",
     "about": ["vegan"], "features": [], "colours": {"accent": "#3cb371", "background": "#f0fff0"}},
    {"prompt": "a law firm website in navy and dark goldenrod", "about": ["law"], "features": [],
     "kind": "law"},
    {"prompt": "a photography portfolio with hsl(200, 60%, 35%) buttons", "about": ["photograph"], "features": [],
     "colours": {"primary": "#246b8f"}},
    {"prompt": "an ice cream parlour website in hot pink, light cyan and lemon chiffon",
     "about": ["ice cream"], "features": []},
    {"prompt": "a minimalist architecture blog, background snow, text dim gray", "about": ["architecture"],
     "features": [], "colours": {"background": "#fffafa"}},
    {"prompt": "a bookshop with a papaya whip background and maroon components", "about": ["bookshop"],
     "features": [], "colours": {"background": "#ffefd5", "primary": "#800000"}},
    {"prompt": "a bike repair shop website, components: cornflower blue; accents: tomato",
     "about": ["bike repair"], "features": [], "colours": {"primary": "#6495ed", "accent": "#ff6347"}},
]

# prompts in other languages: the name and the subject stay in the user's words
FOREIGN: list[dict[str, Any]] = [
    {"prompt": "Un site pour ma boulangerie à Lyon appelée Le Pain Doré", "lang": "fr", "name": "Le Pain Doré",
     "words": ["boulangerie"], "place": "Lyon"},
    {"prompt": "Quiero una página web para mi tienda de flores en Madrid llamada Flores Lucía", "lang": "es",
     "name": "Flores Lucía", "words": ["tienda de flores"], "place": "Madrid"},
    {"prompt": "Eine Webseite für unsere Zahnarztpraxis in Berlin namens Lächeln Plus", "lang": "de",
     "name": "Lächeln Plus", "words": ["Zahnarztpraxis"], "place": "Berlin"},
    {"prompt": "Um site para a minha loja de bicicletas no Porto chamada Pedal Certo", "lang": "pt",
     "name": "Pedal Certo", "words": ["loja de bicicletas"]},
    {"prompt": "Un sito per la nostra gelateria a Bologna chiamata Dolce Freddo", "lang": "it", "name": "Dolce Freddo",
     "words": ["gelateria"]},
]
