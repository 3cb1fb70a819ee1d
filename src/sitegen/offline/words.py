"""Word lists the prompt reader uses: page words, section words and well-known places."""

from __future__ import annotations

# requested page word -> canonical page key
PAGE_WORDS: dict[str, str] = {
    "menu": "menu", "menus": "menu", "food": "menu", "drinks": "menu",
    "about": "about", "about us": "about", "story": "about", "our story": "about",
    "contact": "contact", "contact us": "contact", "location": "contact", "visit": "contact",
    "find us": "contact", "visit us": "contact", "pricing": "pricing", "prices": "pricing", "plans": "pricing",
    "services": "services", "service": "services", "treatments": "services", "offerings": "services",
    "practice areas": "services", "gallery": "gallery", "portfolio": "gallery", "work": "gallery",
    "projects": "gallery", "photos": "gallery", "team": "team", "staff": "team", "people": "team",
    "faq": "faq", "faqs": "faq", "questions": "faq", "help": "faq", "testimonials": "testimonials",
    "reviews": "testimonials", "schedule": "schedule", "timetable": "schedule", "classes": "schedule",
    "agenda": "schedule", "programme": "schedule", "program": "schedule", "events": "schedule",
    "calendar": "schedule", "blog": "blog", "news": "blog", "journal": "blog", "articles": "blog",
    "booking": "booking", "book": "booking", "reservations": "booking", "reservation": "booking",
    "appointments": "booking", "donate": "donate", "donations": "donate", "listings": "listings",
    "properties": "listings", "homes": "listings", "courses": "courses", "features": "features",
    "product": "features", "careers": "careers", "jobs": "careers", "speakers": "team",
}

# section words that ask for a section on the home page
SECTION_WORDS: dict[str, str] = {
    "pricing": "pricing", "prices": "pricing", "price list": "pricing", "plans": "pricing",
    "testimonials": "testimonials", "testimonial": "testimonials", "reviews": "testimonials",
    "faq": "faq", "faqs": "faq", "questions": "faq", "gallery": "gallery", "photos": "gallery",
    "team": "team", "staff": "team", "stats": "stats", "statistics": "stats", "numbers": "stats",
    "schedule": "schedule", "timetable": "schedule", "class schedule": "schedule", "agenda": "schedule",
    "opening hours": "hours", "hours": "hours", "how it works": "process", "process": "process",
    "steps": "process", "logos": "logos", "clients": "logos", "partners": "logos", "sponsors": "logos",
    "menu": "menu", "services": "services", "about us": "about", "about section": "about",
    "our story": "about", "features": "features", "contact form": "contact", "newsletter": "cta",
    "call to action": "cta", "portfolio": "gallery", "case studies": "gallery",
}

# lowercase city names recognised even without a capital letter
KNOWN_PLACES = (
    "lisbon", "porto", "london", "paris", "berlin", "madrid", "barcelona", "rome", "milan", "amsterdam",
    "brooklyn", "new york", "san francisco", "los angeles", "chicago", "austin", "seattle", "portland",
    "boston", "toronto", "vancouver", "montreal", "sydney", "melbourne", "tokyo", "kyoto", "osaka",
    "seoul", "singapore", "dublin", "edinburgh", "manchester", "bristol", "copenhagen", "stockholm",
    "oslo", "helsinki", "vienna", "prague", "budapest", "athens", "istanbul", "dubai", "mumbai",
    "bangalore", "delhi", "cape town", "nairobi", "lagos", "mexico city", "são paulo", "sao paulo",
    "rio de janeiro", "buenos aires", "bogotá", "bogota", "lima", "santiago", "auckland", "brighton",
    "leeds", "glasgow", "munich", "hamburg", "zurich", "geneva", "brussels", "lyon", "marseille",
    "valencia", "seville", "florence", "naples", "kraków", "krakow", "warsaw", "miami", "denver",
    "nashville", "atlanta", "philadelphia", "oakland", "hong kong", "taipei", "bangkok", "hanoi",
)

# colour word -> primary hex
COLOUR_WORDS: dict[str, str] = {
    "green": "#2f7d4f", "sage": "#6b8f71", "olive": "#6b6b2a", "emerald": "#0f8a5f", "forest": "#1f5135",
    "mint": "#3fae8c", "teal": "#0f766e", "turquoise": "#0e9aa7", "blue": "#2563eb", "navy": "#1e2a5a",
    "sky": "#0284c7", "cobalt": "#1d4ed8", "indigo": "#4338ca", "purple": "#7c3aed", "violet": "#6d28d9",
    "lavender": "#8b7bd8", "lilac": "#a47dc9", "pink": "#db2777", "rose": "#e11d48", "blush": "#d9778b",
    "magenta": "#c026d3", "red": "#dc2626", "crimson": "#b91c1c", "burgundy": "#7f1d3a", "maroon": "#7a1f2b",
    "wine": "#7b2240", "orange": "#ea580c", "coral": "#f0644a", "peach": "#f2926b", "terracotta": "#c4603f",
    "rust": "#b4502a", "amber": "#d97706", "yellow": "#eab308", "mustard": "#c9a227", "gold": "#c9a24a",
    "golden": "#c9a24a", "brown": "#7c4a2d", "chocolate": "#5b3420", "espresso": "#4a2c1d",
    "caramel": "#b9763a", "beige": "#b59b7c", "cream": "#c8a97e", "sand": "#c2a878", "black": "#111111",
    "charcoal": "#2b2b2b", "grey": "#4b5563", "gray": "#4b5563", "silver": "#8a8f98", "white": "#ffffff",
}
