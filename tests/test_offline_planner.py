"""The offline planner: detection, determinism, distinctness, readability and robustness."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitegen.offline.detect import KINDS, detect
from sitegen.offline.palettes import contrast, palette_problems
from sitegen.offline.planner import VARIANTS, describe_detection, plan_offline
from sitegen.plan import SitePlan

KIND_PROMPTS: dict[str, list[str]] = {
    "cafe": ["coffee shop landing page", "a cosy café for remote workers", "espresso bar with pastries"],
    "restaurant": ["an italian trattoria in Rome", "website for our sushi restaurant", "a family bistro"],
    "bakery": ["sourdough bakery", "a French patisserie with croissants", "cupcake shop site"],
    "saas": ["SaaS for invoicing", "landing page for our startup's mobile app", "B2B analytics platform"],
    "portfolio": ["portfolio for a photographer", "personal website for a UX designer", "illustrator portfolio"],
    "agency": ["a branding agency", "digital marketing agency in Berlin", "creative studio for brands"],
    "gym": ["a crossfit gym", "yoga studio in Bristol", "personal trainer website"],
    "salon": ["hair salon", "barbershop in Brooklyn", "day spa with massages and facials"],
    "clinic": ["dental practice", "a physiotherapy clinic", "veterinary clinic for cats and dogs"],
    "law": ["law firm", "immigration lawyer website", "a family solicitor in Leeds"],
    "event": ["wedding website for Ana and Tom", "a tech conference in Lisbon", "music festival"],
    "nonprofit": ["a charity for homeless people", "non-profit animal rescue", "food bank volunteers"],
    "real_estate": ["real estate agency", "realtor in Austin", "property management and rentals"],
    "school": ["online course platform for language learning", "a tutoring school", "kids coding academy"],
}


def _all_text(plan: SitePlan) -> str:
    return plan.model_dump_json()


def _sections(plan: SitePlan, page_slug: str = "") -> list[str]:
    page = next(p for p in plan.pages if p.slug == page_slug)
    return [s.kind for s in page.sections]


@pytest.mark.parametrize("kind", sorted(KIND_PROMPTS))
def test_every_kind_is_detected_from_several_phrasings(kind: str) -> None:
    for prompt in KIND_PROMPTS[kind]:
        assert detect(prompt).kind == kind, prompt
        assert plan_offline(prompt).kind == kind, prompt


def test_general_fallback_and_kind_list() -> None:
    assert len(KINDS) >= 15 and "general" in KINDS
    plan = plan_offline("a website for my dog walking business")
    assert plan.kind == "general"
    assert "dog walking" in _all_text(plan)  # the subject becomes the label in copy


@pytest.mark.parametrize(
    ("prompt", "name"),
    [
        ("a cafe called Luz in Lisbon", "Luz"),
        ("bakery named Crumb & Co, in Paris", "Crumb & Co"),
        ("landing page for 'Blue Fern' florist", "Blue Fern"),
        ('a saas called "Nimbus Pro" for teams', "Nimbus Pro"),
        ("a yoga studio “Om Sweet Om” in Porto", "Om Sweet Om"),
        ("salon ‘Velvet Room’ with pricing", "Velvet Room"),
        ("ramen bar called 麺屋一番 in Tokyo", "麺屋一番"),
        ("website for Acme Legal, a law firm", "Acme Legal"),
        ("Joe's barber shop in Brooklyn", "Joe's Barber Shop"),
    ],
)
def test_names_are_read_and_kept_exactly(prompt: str, name: str) -> None:
    plan = plan_offline(prompt)
    assert plan.name == name
    assert plan.home.title == name
    assert describe_detection(prompt)["name"] == name


def test_invented_names_are_plausible_and_stable() -> None:
    a, b = plan_offline("coffee shop landing page"), plan_offline("coffee shop landing page")
    assert a.name == b.name and 2 <= len(a.name) <= 40
    names = {plan_offline(f"coffee shop number {i}").name for i in range(12)}
    assert len(names) >= 6


@pytest.mark.parametrize(
    ("prompt", "place"),
    [("a cafe in Lisbon", "Lisbon"), ("bakery in São Paulo with cakes", "São Paulo"),
     ("law firm based in new york", "New York"), ("gym located in Rio de Janeiro", "Rio de Janeiro"),
     ("ramen shop in 東京", "東京")],
)
def test_place_is_detected_and_used_in_copy(prompt: str, place: str) -> None:
    plan = plan_offline(prompt)
    assert plan.location == place
    assert place in plan.contact.address
    assert _all_text(plan).count(place) >= 3


def test_local_details_follow_the_city() -> None:
    plan = plan_offline("a cafe called Luz in Lisbon")
    assert plan.contact.phone.startswith("+351")
    assert plan.contact.email.endswith("@luz.pt")
    menu = next(s for s in plan.home.sections if s.kind == "menu")
    assert all(i.meta.startswith("€") for i in menu.items)
    assert plan.contact.hours and "Contact" not in plan.contact.hours[0]


def test_extra_pages_from_several_phrasings() -> None:
    plan = plan_offline("a cafe called Luz with a menu page and a contact page")
    assert [p.slug for p in plan.pages] == ["", "menu", "contact"]
    assert _sections(plan, "menu")[0] == "menu" and _sections(plan, "contact")[0] == "contact"
    plan = plan_offline("SaaS for invoicing. pages: about, pricing, FAQ")
    assert [p.slug for p in plan.pages] == ["", "about", "pricing", "faq"]
    assert _sections(plan, "pricing")[0] == "pricing"
    plan = plan_offline("a bakery with menu, about and contact pages")
    assert [p.slug for p in plan.pages] == ["", "menu", "about", "contact"]
    plan = plan_offline("multi-page site for a law firm")
    assert len(plan.pages) >= 3
    assert len(plan_offline("a law firm landing page").pages) == 1


def test_menu_page_for_a_kind_without_a_menu_shows_services() -> None:
    plan = plan_offline("hair salon with a menu page")
    assert _sections(plan, "menu")[0] == "services"


def test_home_links_to_its_pages() -> None:
    plan = plan_offline("a cafe called Luz with a menu page")
    menu = next(s for s in plan.home.sections if s.kind == "menu")
    assert menu.cta_href == "/menu/"
    for page in plan.pages:
        kinds = {s.kind for s in page.sections}
        for s in page.sections:
            for href in (s.cta_href, s.secondary_href):
                if href.startswith("#"):
                    assert href[1:] in kinds, (page.slug, href)


@pytest.mark.parametrize(
    ("prompt", "section"),
    [("a cafe with a pricing section", "pricing"), ("law firm, add testimonials", "testimonials"),
     ("bakery with a team section and a gallery", "team"), ("saas with a faq", "faq"),
     ("a gym with a photo gallery", "gallery"), ("bakery with stats", "stats")],
)
def test_requested_sections_are_on_home(prompt: str, section: str) -> None:
    kinds = _sections(plan_offline(prompt))
    assert section in kinds
    assert kinds[0] == "hero" and kinds[-1] == "contact"


def test_determinism() -> None:
    for prompt in ["coffee shop", "a bold gym in Berlin called Forge", "x"]:
        assert plan_offline(prompt).model_dump() == plan_offline(prompt).model_dump()


def test_two_cafes_differ() -> None:
    a, b = plan_offline("coffee shop in Lisbon"), plan_offline("coffee shop in Porto")
    assert a.name != b.name or a.home.sections[0].heading != b.home.sections[0].heading
    assert a.model_dump() != b.model_dump()


def test_kinds_are_visibly_distinct() -> None:
    prompts = [KIND_PROMPTS[k][0] for k in sorted(KIND_PROMPTS)][:12]
    plans = [plan_offline(p) for p in prompts]
    assert len({p.palette.primary for p in plans}) == 12
    assert len({p.home.sections[0].heading for p in plans}) == 12
    assert len({tuple(_sections(p)) for p in plans}) >= 10


def test_kind_specific_copy() -> None:
    cafe = plan_offline("coffee shop")
    menu = next(s for s in cafe.home.sections if s.kind == "menu")
    assert len(menu.items) >= 6 and all(re.search(r"\d", i.meta) for i in menu.items)
    saas = plan_offline("saas for invoicing")
    pricing = next(s for s in saas.home.sections if s.kind == "pricing")
    assert len(pricing.items) == 3 and sum(i.highlight for i in pricing.items) == 1
    assert all(i.tags for i in pricing.items)
    law = plan_offline("law firm")
    assert any("law" in i.title.lower() for s in law.home.sections for i in s.items)
    italian = _all_text(plan_offline("italian restaurant"))
    assert "Margherita" in italian or "Tagliatelle" in italian
    for plan in (cafe, saas, law):
        kinds = _sections(plan)
        assert "testimonials" in kinds and "contact" in kinds
        quotes = next(s for s in plan.home.sections if s.kind == "testimonials").items
        assert all(q.title and q.text for q in quotes)  # a name and a quote


def test_palettes_are_readable_for_every_kind_and_colour_request() -> None:
    prompts = [p for ps in KIND_PROMPTS.values() for p in ps] + [
        "dark cafe", "pastel bakery", "black and gold law firm", "navy saas", "neon gym", "yellow school",
        "white and yellow charity", "minimal monochrome portfolio", "luxury spa, cream and gold",
        "playful pink and orange bakery", "a dark mode developer portfolio in green", "silver real estate"]
    for prompt in prompts:
        pal = plan_offline(prompt).palette
        assert palette_problems(pal) == [], (prompt, pal)
        assert contrast(pal.text, pal.background) >= 4.5
        assert contrast(pal.primary_foreground, pal.primary) >= 4.5


def test_colour_words_override_the_palette() -> None:
    dark = plan_offline("a dark coffee shop")
    assert dark.palette.dark
    gold = plan_offline("a law firm in black and gold")
    assert gold.palette.dark and gold.palette.background == "#0b0b0b"
    green = plan_offline("a green bakery").palette.primary
    r, g, b = (int(green[i : i + 2], 16) for i in (1, 3, 5))
    assert g > r and g > b
    assert not plan_offline("a bakery").palette.dark
    # a colour word inside the business name is not a colour request
    assert plan_offline("a florist called 'Blue Fern'").palette.primary == plan_offline(
        "a florist called 'Blue Fern'").palette.primary
    assert describe_detection("a bakery called 'Blue Fern'")["colours"] == []


def test_tone_changes_fonts_and_hero() -> None:
    lux, bold = plan_offline("a luxury salon"), plan_offline("a bold salon")
    assert lux.tone == "luxury" and bold.tone == "bold"
    assert lux.fonts.heading == "Playfair Display" and bold.fonts.heading == "Space Grotesk"
    assert plan_offline("a minimal portfolio").home.sections[0].variant == "centered"


def test_variants_and_icons_are_from_the_documented_sets() -> None:
    doc = (Path(__file__).parents[1] / "src/sitegen/offline/VARIANTS.md").read_text("utf-8")
    try:
        from sitegen.offline.lucide_icons import valid_lucide_icons

        icons = valid_lucide_icons()
    except ImportError:  # pragma: no cover - the icon list ships with the renderer
        icons = None
    prompts = [p for ps in KIND_PROMPTS.values() for p in ps] + ["anything at all", "multi-page wedding site"]
    for prompt in prompts:
        for page in plan_offline(prompt).pages:
            for s in page.sections:
                assert s.variant in VARIANTS[s.kind], (prompt, s.kind, s.variant)
                assert f"`{s.variant}`" in doc
                for item in s.items:
                    assert "{" not in item.title + item.text + item.meta, (prompt, item)
                    if icons is not None and item.icon:
                        assert item.icon in icons, (prompt, item.icon)
                assert "{" not in s.heading + s.subheading + s.body + s.eyebrow, (prompt, s.heading)


HOSTILE = [
    "{}", "<script>alert(1)</script>", "a cafe called \"{<Luz>}\" in Lisbon", "`rm -rf /` bakery",
    "café called 'O\\'Brien & {Sons}' </div>", "🍕🍕🍕 pizza place called 🍕 Palace", "'", '"', "``", "{{name}}",
    "a gym called '{place}'", "a\x00b", "\n\n\t", "Кафе «Берёзка» в Москве", "مقهى في القاهرة", "x",
]


@pytest.mark.parametrize("prompt", HOSTILE)
def test_hostile_prompts_give_valid_plans(prompt: str) -> None:
    plan = plan_offline(prompt)
    SitePlan.model_validate(plan.model_dump())
    assert plan.home.sections[0].kind == "hero"
    assert plan.name.strip()
    info = describe_detection(prompt)
    assert set(info) >= {"kind", "name", "location", "tone", "colours", "pages"}


def test_hostile_names_are_preserved_verbatim() -> None:
    assert plan_offline('a cafe called "{<Luz>}" in Lisbon').name == "{<Luz>}"
    assert plan_offline("a gym called '{place}'").name == "{place}"
    plan = plan_offline("a gym called '{place}' in Oslo")
    assert plan.name == "{place}"
    assert "{place}" in plan.description  # inserted as a value, never re-formatted
    assert plan_offline("pizza place called “🍕 Palace”").name == "🍕 Palace"
    assert plan_offline("Кафе «Берёзка» в Москве").name == "Берёзка"


def test_huge_prompt() -> None:
    prompt = "a cafe called Luz in Lisbon with a menu page. " + ("We love coffee {}<>`'\" and cake. " * 400)
    assert len(prompt) > 10_000
    plan = plan_offline(prompt)
    assert plan.name == "Luz" and plan.kind == "cafe" and plan.location == "Lisbon"
    assert [p.slug for p in plan.pages] == ["", "menu"]


def test_describe_detection() -> None:
    info = describe_detection("a dark minimal saas called Orbit in Berlin with pricing and about pages")
    assert info["kind"] == "saas" and info["name"] == "Orbit" and info["location"] == "Berlin"
    assert info["tone"] == "minimal" and "dark" in info["moods"]
    assert info["pages"] == ["pricing", "about"]


def test_random_inputs_never_raise() -> None:
    import random

    rng = random.Random(7)
    alphabet = list("abcdefghij klmnop ABC{}<>\"'`\\/.,;:!?()&\n\t") + ["é", "東", "🍕", "“", "”", "«", "\x00"]
    text = ("cafe called in Lisbon pages: menu about contact page with pricing section dark pastel black "
            "and gold luxury multi-page for The 'Luz' \"X\" “Y” wedding yoga barber dentist app")
    words = text.split(" ")
    for i in range(300):
        if i % 2:
            prompt = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60)))
        else:
            prompt = " ".join(rng.choice(words) for _ in range(rng.randint(1, 20)))
        plan = plan_offline(prompt)
        assert plan.pages[0].slug == "" and palette_problems(plan.palette) == [], prompt


def test_long_prompts_stay_fast() -> None:
    import time

    prompt = ("a cafe called Luz in Lisbon with menu, about and contact pages " * 1000)[:60_000]
    start = time.perf_counter()
    plan = plan_offline(prompt)
    assert time.perf_counter() - start < 5
    assert plan.name == "Luz" and len(plan.pages) == 4


def test_general_sites_speak_of_the_business_the_prompt_names() -> None:
    from sitegen.offline.detect import detect_subject

    assert detect_subject("florist in Ghent") == "florist"
    assert detect_subject("a bookshop in Dublin") == "bookshop"
    assert detect_subject("I want a website") == ""
    plan = plan_offline("hotel in Bali")
    assert plan.kind == "general"
    assert "hotel" in plan.model_dump_json().lower()
