"""Copy for food kinds: cafe, restaurant (with cuisine flavours) and bakery."""

from __future__ import annotations

from typing import Any

from sitegen.offline.copy_common import it

CAFE: dict[str, Any] = {
    "label": "café", "audience": "Neighbours, remote workers and weekend brunch crowds", "tone": "warm",
    "fonts": [("Fraunces", "DM Sans"), ("Playfair Display", "Inter"), ("Lora", "Manrope")],
    "names": ["Luz", "Ember", "Oat & Ember", "Little Bean", "Copper Cup", "Morning Ritual", "Fika",
              "Grind", "Sunday", "Kettle & Crumb", "North Roast", "Sparrow"],
    "name_forms": ["{n} Coffee", "{n} Café", "Café {n}", "{n} Coffee House", "{n} Roasters"],
    "taglines": ["Slow coffee, fast friends{in_place}.", "Specialty coffee and honest food{in_place}.",
                 "Your daily ritual, roasted with care.", "Good coffee. Good mornings. Every day."],
    "descriptions": ["{name} is a neighbourhood café{in_place} serving specialty coffee, fresh pastries "
                     "and all-day brunch."],
    "footer": ["Roasted with care{in_place}.", "Pull up a chair; the kettle's on."],
    "home": ["hero", "features", "menu", "about", "testimonials", "gallery", "hours", "contact"],
    "multi_pages": ["menu", "about", "contact"],
    "hours": [("Mon – Fri", "7:30 – 18:00"), ("Saturday", "8:30 – 17:00"), ("Sunday", "9:00 – 15:00")],
    "socials": ["Instagram", "TikTok"],
    "sections": {
        "hero": {
            "eyebrow": ["Specialty coffee{in_place}", "Open from 7:30 every weekday", "Est. {year}"],
            "heading": ["Coffee worth slowing down for", "Your corner for great coffee",
                        "Freshly roasted, carefully poured", "Where the neighbourhood wakes up"],
            "sub": ["Single-origin espresso, silky flat whites and pastries baked every morning. Stay for "
                    "one cup or the whole afternoon.",
                    "We roast in small batches, bake before sunrise and keep a seat by the window for you."],
            "cta": [("See the menu", "#menu"), ("View our menu", "#menu")],
            "secondary": [("Find us", "#contact"), ("Opening hours", "#hours")],
            "items": [it("Roasted weekly", "", "Flame"), it("Oat milk at no extra cost", "", "Leaf"),
                      it("Free Wi-Fi", "", "Wifi")],
        },
        "features": {
            "eyebrow": ["Why {name}"], "heading": ["More than a cup of coffee", "Little things, done right"],
            "sub": ["Everything we serve is made with people and producers we know by name."],
            "items": [
                it("Small-batch roasts", "Beans from farms in Ethiopia, Colombia and Brazil, roasted every "
                   "Tuesday.", "Coffee"),
                it("Baked this morning", "Croissants, banana bread and cardamom buns from our own oven.",
                   "Croissant"),
                it("A seat for everyone", "Big shared tables, quiet corners and plenty of sockets.", "Armchair"),
                it("Kind to the planet", "Compostable cups, a reusable-cup discount and zero food waste.",
                   "Leaf"),
                it("Brunch till 3", "Eggs, sourdough toasties and seasonal bowls all weekend.", "Egg"),
            ], "pick": 4,
        },
        "menu": {
            "eyebrow": ["Menu"], "heading": ["On the counter today", "Our menu", "Coffee, tea and good things"],
            "sub": ["Oat, almond or whole milk at no extra cost."],
            "items": [
                it("Espresso", "Our seasonal house blend: chocolate, cherry, a long sweet finish.", "Coffee",
                   "{cur}2.20", "Coffee"),
                it("Flat White", "Double ristretto with silky steamed milk.", "Coffee", "{cur}3.40", "Coffee",
                   hl=True),
                it("Cortado", "Equal parts espresso and warm milk.", "Coffee", "{cur}3.00", "Coffee"),
                it("Filter of the Week", "A rotating single origin, brewed by the cup.", "CupSoda",
                   "{cur}3.80", "Coffee"),
                it("Iced Oat Latte", "Espresso over ice with creamy oat milk.", "GlassWater", "{cur}4.20",
                   "Coffee"),
                it("Ceremonial Matcha", "Whisked to order, with a touch of honey if you like.", "Leaf",
                   "{cur}4.00", "Tea"),
                it("Chai Latte", "House-spiced black tea, steamed milk, cinnamon dust.", "CupSoda",
                   "{cur}3.80", "Tea"),
                it("Butter Croissant", "Flaky, golden, baked at 6 every morning.", "Croissant", "{cur}2.80",
                   "Bakery"),
                it("Cardamom Bun", "Swedish-style, knotted and sticky.", "Croissant", "{cur}3.20", "Bakery",
                   hl=True),
                it("Banana Bread", "Toasted, with salted butter.", "Cake", "{cur}3.50", "Bakery"),
                it("Avocado Sourdough", "Smashed avocado, chilli, lime, seeds on toasted sourdough.", "Sandwich",
                   "{cur}8.50", "Brunch"),
                it("Shakshuka", "Baked eggs in spiced tomato, feta, flatbread.", "Egg", "{cur}10.50",
                   "Brunch"),
            ], "pick": 9,
        },
        "about": {
            "eyebrow": ["Our story"], "heading": ["A small café with a big heart", "How {name} began"],
            "body": ["{name} opened in {year} in a former bookshop{in_place}. We wanted a place that "
                     "takes coffee seriously without taking itself too seriously: great beans, fair "
                     "prices, and a team that remembers your order.",
                     "We started with one espresso machine, two tables and a lot of stubbornness. Today "
                     "we roast our own beans{in_place} and still bake every pastry ourselves."],
        },
        "testimonials": {
            "eyebrow": ["Regulars say"], "heading": ["Loved by the neighbourhood", "Kind words"],
            "items": [
                it("", "The best flat white I've had outside Melbourne. The cardamom buns are dangerous."),
                it("", "My office two mornings a week. Great Wi-Fi, better coffee, the kindest staff."),
                it("", "They remembered my order on my second visit. That's how you win a regular."),
                it("", "Weekend brunch here is a ritual now. Get the shakshuka."),
            ], "pick": 3,
            "metas": ["Regular since {year}", "Works from the big table", "Sunday brunch regular",
                      "Google review"],
        },
        "gallery": {
            "eyebrow": ["Inside {name}"], "heading": ["Come on in", "A peek inside"],
            "items": [it("Morning light at the bar", "", "Sun"), it("Fresh out of the oven", "", "Croissant"),
                      it("The roaster at work", "", "Flame"), it("Latte art practice", "", "Coffee")],
        },
        "stats": {
            "heading": ["{name} by the cup"],
            "items": [it("Cups poured last year", "", "Coffee", "84,000"),
                      it("Partner farms", "", "Leaf", "6"), it("Pastries baked daily", "", "Croissant", "220"),
                      it("Google rating", "", "Star", "4.8")],
        },
        "faq": {
            "heading": ["Good to know"],
            "items": [
                it("Do you have plant-based milk?", "Oat, almond and soy, always at no extra cost."),
                it("Can I work from the café?", "Of course. Wi-Fi is free; we just ask for laptop-free tables "
                   "at weekend brunch."),
                it("Do you sell beans?", "Yes: whole or ground to order, in 250 g bags."),
                it("Are dogs welcome?", "Always. There's a water bowl by the door."),
            ],
        },
        "cta": {"heading": ["Your table is waiting", "See you for coffee?"],
                "sub": ["No reservations needed. Just come in."], "cta": [("Get directions", "#contact")]},
        "contact": {"heading": ["Visit us", "Come say hello"],
                    "sub": ["Walk-ins always welcome. For events and bulk orders, drop us a line."]},
    },
}

RESTAURANT: dict[str, Any] = {
    "label": "restaurant", "audience": "Diners looking for a memorable meal", "tone": "warm",
    "fonts": [("Playfair Display", "Inter"), ("Fraunces", "Manrope"), ("Lora", "DM Sans")],
    "names": ["Salt & Ember", "Olive", "The Long Table", "Marrow", "Vine", "Harbour", "Fig", "Cedar",
              "Brasa", "Juniper", "Saffron", "Tide"],
    "name_forms": ["{n}", "{n} Kitchen", "{n} Bistro", "{n} Dining Room", "Casa {n}"],
    "taglines": ["Seasonal cooking, shared tables{in_place}.", "Fire, salt and good company.",
                 "Honest food from the best producers we know.", "Come hungry, leave happy."],
    "descriptions": ["{name} is a {label}{in_place} cooking seasonal dishes over fire, with a short "
                     "natural wine list and a warm dining room."],
    "footer": ["Reservations recommended on weekends.", "Cooked with fire and care{in_place}."],
    "home": ["hero", "about", "menu", "features", "testimonials", "gallery", "hours", "contact"],
    "multi_pages": ["menu", "about", "booking"],
    "hours": [("Tue – Thu", "18:00 – 22:30"), ("Fri – Sat", "12:00 – 15:00, 18:00 – 23:30"),
              ("Sunday", "12:00 – 16:00"), ("Monday", "Closed")],
    "socials": ["Instagram", "Facebook"],
    "sections": {
        "hero": {
            "eyebrow": ["Dinner Tue – Sun{in_place}", "Seasonal kitchen", "Now taking reservations"],
            "heading": ["Seasonal food, cooked over fire", "A table worth coming back to",
                        "Good food, slowly made", "Dinner, the way it should be"],
            "sub": ["A short menu that changes with the market, a wine list we're proud of, and a dining "
                    "room made for long evenings.",
                    "We cook with what our farmers bring us each morning and serve it to share."],
            "cta": [("Book a table", "#contact"), ("Reserve now", "#contact")],
            "secondary": [("See the menu", "#menu")],
        },
        "about": {
            "eyebrow": ["The kitchen"], "heading": ["From the market to your table", "Our kitchen"],
            "body": ["{name} opened in {year}{in_place} around one wood-fired grill and a simple idea: buy "
                     "the best ingredients we can find, and do as little to them as possible. The menu is "
                     "written every afternoon.",
                     "Our chef grew up cooking for big family tables. {name} is that table, with a few more "
                     "chairs: generous plates, shared dishes and no rush to leave."],
        },
        "menu": {
            "eyebrow": ["Tonight's menu"], "heading": ["The menu", "What we're cooking"],
            "sub": ["Dishes change with the seasons. Tell us about any allergies."],
            "items": [
                it("Charred Sourdough", "Whipped brown butter, sea salt.", "Wheat", "{cur}6", "To start"),
                it("Burrata", "Grilled peach, basil oil, toasted hazelnuts.", "Leaf", "{cur}13", "To start"),
                it("Beef Tartare", "Hand-cut, smoked egg yolk, potato crisps.", "Beef", "{cur}15", "To start"),
                it("Grilled Octopus", "Smoked paprika, crushed potatoes, salsa verde.", "Fish", "{cur}22",
                   "Mains", hl=True),
                it("Dry-aged Ribeye", "From the wood grill, with bone marrow butter.", "Flame", "{cur}34",
                   "Mains"),
                it("Wild Mushroom Risotto", "Aged parmesan, thyme, crispy sage.", "Leaf", "{cur}19", "Mains",
                   "Vegetarian"),
                it("Whole Roast Sea Bream", "Lemon, capers, charred greens.", "Fish", "{cur}27", "Mains"),
                it("Basque Cheesecake", "Burnt top, creamy middle, sherry cherries.", "CakeSlice", "{cur}9",
                   "Desserts", hl=True),
                it("Dark Chocolate Mousse", "Olive oil, sea salt, crisp wafer.", "Cookie", "{cur}8",
                   "Desserts"),
            ], "pick": 7,
        },
        "features": {
            "eyebrow": ["Why {name}"], "heading": ["What to expect"],
            "items": [
                it("Wood-fired kitchen", "Everything touches the grill, from bread to dessert.", "Flame"),
                it("Local producers", "Vegetables from farms within 50 km, fish landed this morning.", "Leaf"),
                it("Natural wines", "A short list of small growers, many by the glass.", "Wine"),
                it("Private dining", "A room for up to 18 guests for birthdays and celebrations.", "Users"),
            ],
        },
        "testimonials": {
            "eyebrow": ["Guests say"], "heading": ["From our guests", "What diners say"],
            "items": [
                it("", "The octopus alone is worth the trip. Warm service, great wine, perfect night."),
                it("", "We booked for an anniversary and they made it unforgettable."),
                it("", "Every dish tasted like someone cared about it. Already booked our next visit."),
                it("", "Best Sunday lunch in town. The cheesecake is legendary for a reason."),
            ], "pick": 3, "metas": ["Dined in {year}", "Anniversary dinner", "Google review", "Sunday regular"],
        },
        "gallery": {
            "heading": ["A taste of {name}"],
            "items": [it("The grill at service", "", "Flame"), it("Our dining room", "", "UtensilsCrossed"),
                      it("Natural wines", "", "Wine"), it("Dessert to share", "", "CakeSlice")],
        },
        "faq": {
            "items": [
                it("Do you take walk-ins?", "Yes, the bar is kept for walk-ins every night."),
                it("Can you cater for allergies?", "Absolutely. Tell us when you book and we'll plan around it."),
                it("Do you host private events?", "Our private room seats 18; write to us for a menu."),
            ],
        },
        "cta": {"heading": ["Join us for dinner", "Reserve your table"],
                "sub": ["Tables go fast on weekends. Book ahead or try your luck at the bar."],
                "cta": [("Book a table", "#contact")]},
        "contact": {"heading": ["Reservations", "Find us"],
                    "sub": ["Call or email to book; groups of 7 or more please write to us."]},
    },
    # cuisine flavours: regex -> overrides merged into this dict
    "flavours": [
        (r"\b(?:italian|pizza|pizzeria|pasta|trattoria|osteria|ristorante)\b", {
            "label": "trattoria",
            "names": ["Nonna Rosa", "Fiore", "Basilico", "Via Roma", "Forno", "Lucca"],
            "name_forms": ["{n}", "Trattoria {n}", "Osteria {n}", "Pizzeria {n}"],
            "menu": [
                it("Margherita", "San Marzano tomato, fior di latte, basil, 48-hour dough.", "Pizza", "{cur}11",
                   "Pizza", hl=True),
                it("Diavola", "Spicy salami, chilli honey, mozzarella.", "Pizza", "{cur}14", "Pizza"),
                it("Cacio e Pepe", "Tonnarelli, pecorino romano, black pepper.", "UtensilsCrossed", "{cur}13",
                   "Pasta"),
                it("Tagliatelle al Ragù", "Slow-cooked beef and pork ragù, parmesan.", "UtensilsCrossed",
                   "{cur}16", "Pasta"),
                it("Burrata Pugliese", "Cherry tomatoes, basil oil, grilled bread.", "Leaf", "{cur}12",
                   "Antipasti"),
                it("Arancini", "Saffron rice, mozzarella heart, arrabbiata.", "Flame", "{cur}8", "Antipasti"),
                it("Tiramisù", "Made each morning, mascarpone, espresso, cocoa.", "CakeSlice", "{cur}7",
                   "Dolci", hl=True),
                it("Panna Cotta", "Vanilla, seasonal berries.", "IceCreamBowl", "{cur}7", "Dolci"),
            ]}),
        (r"\b(?:japanese|sushi|ramen|izakaya|udon|ラーメン|寿司)\b|ラーメン|寿司", {
            "label": "Japanese kitchen",
            "names": ["Kaze", "Hoshi", "Mizu", "Kumo", "Tsuki", "Sora"],
            "name_forms": ["{n}", "{n} Ramen", "Izakaya {n}", "{n} Sushi"],
            "menu": [
                it("Tonkotsu Ramen", "18-hour pork broth, chashu, ajitama egg, nori.", "Soup", "{cur}15",
                   "Ramen", hl=True),
                it("Shoyu Ramen", "Clear chicken broth, bamboo shoots, spring onion.", "Soup", "{cur}14",
                   "Ramen"),
                it("Miso Vegan Ramen", "Roasted sesame miso, tofu, corn, greens.", "Leaf", "{cur}14", "Ramen",
                   "Vegan"),
                it("Gyoza (6)", "Pan-fried pork and cabbage dumplings, chilli vinegar.", "Flame", "{cur}7",
                   "Small plates"),
                it("Karaage", "Crispy ginger-soy chicken, yuzu mayo.", "Drumstick", "{cur}8", "Small plates"),
                it("Salmon Nigiri (4)", "Scottish salmon, aged rice.", "Fish", "{cur}9", "Sushi"),
                it("Spicy Tuna Roll", "Tuna, chilli mayo, cucumber, tenkasu.", "Fish", "{cur}10", "Sushi"),
                it("Matcha Pudding", "Silky, with black sesame crumble.", "Leaf", "{cur}6", "Dessert"),
            ]}),
        (r"\b(?:mexican|taco|tacos|taqueria|burrito|cantina)\b", {
            "label": "taquería",
            "names": ["El Sol", "La Milpa", "Maíz", "Agave", "Casa Verde", "Fuego"],
            "name_forms": ["{n}", "Taquería {n}", "{n} Cantina"],
            "menu": [
                it("Tacos al Pastor", "Marinated pork, pineapple, onion, coriander.", "Flame", "{cur}10",
                   "Tacos", hl=True),
                it("Baja Fish Tacos", "Beer-battered fish, chipotle slaw, lime.", "Fish", "{cur}11", "Tacos"),
                it("Mushroom Tinga Tacos", "Smoky chipotle mushrooms, crema, pickled onion.", "Leaf",
                   "{cur}9", "Tacos", "Vegetarian"),
                it("Guacamole & Totopos", "Made to order, with fresh corn chips.", "Leaf", "{cur}7", "Antojitos"),
                it("Elote", "Grilled corn, chipotle mayo, cotija, lime.", "Flame", "{cur}6", "Antojitos"),
                it("Birria Quesadilla", "Slow-braised beef, melted cheese, consomé to dip.", "Beef",
                   "{cur}13", "Mains"),
                it("Churros", "Cinnamon sugar, dark chocolate sauce.", "Cookie", "{cur}6", "Postres"),
            ]}),
    ],
}

BAKERY: dict[str, Any] = {
    "label": "bakery", "audience": "Early risers, families and anyone who loves real bread", "tone": "warm",
    "fonts": [("Fraunces", "DM Sans"), ("Lora", "Outfit"), ("Playfair Display", "Manrope")],
    "names": ["Crumb", "Flour & Salt", "Golden Crust", "Rise", "Honey Loaf", "Butter Lane", "Levain",
              "Sugar & Sage", "Little Oven", "Wildflour", "Proof", "Sunrise"],
    "name_forms": ["{n} Bakery", "{n} Bakehouse", "{n}", "{n} Patisserie"],
    "taglines": ["Baked before sunrise, gone by noon.", "Real bread, slow dough, warm hearts{in_place}.",
                 "Small-batch bakes made by hand every morning.", "Life is short. Eat the croissant."],
    "descriptions": ["{name} is an artisan bakery{in_place}: slow-fermented sourdough, buttery pastries "
                     "and celebration cakes, baked by hand every morning."],
    "footer": ["Baked by hand{in_place}.", "Flour, water, salt and patience."],
    "home": ["hero", "menu", "features", "about", "testimonials", "faq", "hours", "contact"],
    "multi_pages": ["menu", "about", "contact"],
    "hours": [("Tue – Fri", "7:00 – 16:00"), ("Sat – Sun", "8:00 – 14:00"), ("Monday", "Closed (we rest!)")],
    "socials": ["Instagram", "Facebook"],
    "sections": {
        "hero": {
            "eyebrow": ["Artisan bakery{in_place}", "Fresh from 7 am", "Baking since {year}"],
            "heading": ["Bread worth getting up for", "Baked fresh every single morning",
                        "Slow dough, golden crust", "Real bread, made by hand"],
            "sub": ["48-hour sourdough, laminated pastries and cakes for every occasion. Come early: the "
                    "cinnamon buns sell out by ten.",
                    "We mill, knead, shape and bake everything here, with organic flour and a lot of patience."],
            "cta": [("See today's bakes", "#menu"), ("Order a cake", "#contact")],
            "secondary": [("Opening hours", "#hours"), ("Our story", "#about")],
            "items": [it("Organic flour", "", "Wheat"), it("Vegan options daily", "", "Leaf")],
        },
        "menu": {
            "eyebrow": ["From the oven"], "heading": ["Today's bakes", "Fresh out of the oven", "Our bakes"],
            "sub": ["Baked in small batches through the morning. Pre-order for big quantities."],
            "items": [
                it("Country Sourdough", "48-hour fermentation, crackly crust, open crumb.", "Wheat", "{cur}6.50",
                   "Bread", hl=True),
                it("Seeded Rye", "Dense, nutty, with sunflower and pumpkin seeds.", "Wheat", "{cur}6.00",
                   "Bread"),
                it("Baguette", "Long-fermented, baked three times a day.", "Wheat", "{cur}3.00", "Bread"),
                it("Butter Croissant", "27 layers of French butter.", "Croissant", "{cur}3.20", "Pastry"),
                it("Pain au Chocolat", "Two batons of dark chocolate.", "Croissant", "{cur}3.50", "Pastry"),
                it("Cinnamon Knot", "Brown sugar, cinnamon, cardamom glaze.", "Croissant", "{cur}3.40",
                   "Pastry", hl=True),
                it("Almond Croissant", "Twice-baked with frangipane and flaked almonds.", "Croissant",
                   "{cur}3.90", "Pastry"),
                it("Lemon Drizzle Slice", "Zesty sponge, crunchy sugar top.", "CakeSlice", "{cur}3.80", "Cakes"),
                it("Carrot Cake", "Walnuts, spice, cream-cheese frosting.", "CakeSlice", "{cur}4.20", "Cakes"),
                it("Sea Salt Chocolate Cookie", "Crisp edges, gooey middle.", "Cookie", "{cur}2.80", "Treats"),
            ], "pick": 8,
        },
        "features": {
            "eyebrow": ["Our craft"], "heading": ["How we bake", "Made the slow way"],
            "items": [
                it("Slow fermentation", "Our sourdough rests for 48 hours for flavour and easy digestion.",
                   "Timer"),
                it("Organic flour", "Stone-milled heritage grains from a family mill.", "Wheat"),
                it("Celebration cakes", "Birthdays, weddings and everything in between, made to order.", "Cake"),
                it("Nothing wasted", "Day-old bread goes to the local food bank every evening.", "HandHeart"),
            ],
        },
        "about": {
            "eyebrow": ["Our story"], "heading": ["Flour on our hands since {year}", "The bakers"],
            "body": ["{name} began as a weekend market stall with one oven and a sourdough starter called "
                     "Dough-lores. Today we bake{in_place} seven days a week, but the recipes, and the "
                     "starter, haven't changed.",
                     "We are a small team of bakers who believe bread should be simple: flour, water, salt "
                     "and time. Everything at {name} is shaped by hand and baked on site."],
        },
        "testimonials": {
            "heading": ["Crumbs of praise", "What our regulars say"],
            "items": [
                it("", "The sourdough is the best I've found anywhere. Worth the early alarm."),
                it("", "They made our wedding cake and guests are still talking about it."),
                it("", "The cinnamon knots are a weekly non-negotiable in our house."),
                it("", "Friendly faces, warm bread, the smell of butter. Perfect Saturday."),
            ], "pick": 3, "metas": ["Saturday regular", "Wedding cake, {year}", "Local regular", "Google review"],
        },
        "faq": {
            "heading": ["Good to know"],
            "items": [
                it("Can I pre-order?", "Yes: order by 2 pm for collection the next morning."),
                it("Do you make custom cakes?", "We do, with at least five days' notice. Tell us the date, size "
                   "and flavour."),
                it("Do you have gluten-free bakes?", "A small daily selection, made in a separate batch. We "
                   "can't guarantee a gluten-free kitchen."),
                it("Do you deliver?", "Cakes within 10 km for a small fee; bread is pick-up only."),
            ],
        },
        "gallery": {
            "heading": ["Fresh from the oven"],
            "items": [it("Morning sourdough", "", "Wheat"), it("Lamination day", "", "Croissant"),
                      it("A birthday cake", "", "Cake"), it("The counter at 8 am", "", "Sun")],
        },
        "cta": {"heading": ["Planning a celebration?", "Order your cake"],
                "sub": ["Custom cakes with five days' notice."], "cta": [("Order a cake", "#contact")]},
        "contact": {"heading": ["Visit the bakery", "Pre-orders and cakes"],
                    "sub": ["Pop in, or get in touch for pre-orders and custom cakes."]},
    },
}

KINDS: dict[str, dict[str, Any]] = {"cafe": CAFE, "restaurant": RESTAURANT, "bakery": BAKERY}
