"""End to end: a model (the fake Gemini) writes sites full of the mistakes models really make, its
fixer answers nothing useful, and the real `next build` still passes on the first try because
CHECKING fixed everything without a model. And a real type error only a model could fix fails the
job after one fixer call, with file, line and the TypeScript message."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.fakes.fake_gemini import FakeGemini
from tests.fakes.scenario import LAYOUT_TSX, Scenario, layout_json

pytestmark = pytest.mark.e2e

KEY = "test-gemini-key-123"
FAST = {"SITEGEN_RETRY_MAX_WAIT": "1", "SITEGEN_RETRY_BASE_DELAY": "0.01"}

HOME = '''"use client";
import { useState } from "react";
import type { Metadata } from "next";
import Image from "next/image";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "Lumen Coffee | Lisbon" };

export default function Home() {
  const [cups, setCups] = useState(0);
  return (
    <section className="mx-auto max-w-6xl px-6 py-20">
      <h1 className="text-4xl font-bold">Small-batch roasts, slow mornings</h1>
      <Image src="https://images.unsplash.com/photo-1495474472287-4d71bcdd2085?w=1200" alt="A flat white on the bar"
        width={1200} height={800} className="rounded-xl" />
      <Card className="mt-8">
        <CardHeader><CardTitle>Our roastery in Alfama</CardTitle></CardHeader>
        <CardContent>
          <Button variant="outline" onClick={() => setCups(cups + 1)}>Cups poured: {cups}</Button>
          <Button asChild size="lg"><Link href="/menu">See the menu</Link></Button>
        </CardContent>
      </Card>
    </section>
  );
}
'''
MENU = '''"use client";
import { useSearchParams } from "next/navigation";

const DRINKS = ["Espresso", "Galao", "Cold brew"];

export default function MenuPage() {
  const params = useSearchParams();
  const q = (params.get("q") ?? "").toLowerCase();
  return (
    <section class="mx-auto max-w-6xl px-6 py-20">
      <!-- drinks -->
      <h1 style="font-size: 2.5rem; font-weight: 700">Drinks and pastries</h1>
      <ul>{DRINKS.filter((d) => d.toLowerCase().includes(q)).map((d) => <li key={d}>{d}</li>)}</ul>
      <label for="q">Pastel de nata every morning</label><br>
      <input id="q" tabindex="0">
    </section>
  );
}
'''
ABOUT = '''import { motion } from "framer-motion";
import { FaInstagram } from "react-icons/fa";
import Link from "next/link";
import { TeamGrid } from "@/components/about/TeamGrid";
import { ScreenNote } from "@/components/about/ScreenNote";

export default function AboutPage() {
  return (
    <motion.section initial={{ opacity: 0 }} animate={{ opacity: 1 }} className="mx-auto max-w-6xl px-6 py-20">
      <h1 className="text-4xl font-bold">Roasting in Lisbon since 2014</h1>
      <TeamGrid heading="The people behind the bar" />
      <p className="flex gap-2"><FaInstagram /> Follow our roasts</p>
      <ScreenNote />
      <Link href="/contact-us">Write to us</Link>
    </motion.section>
  );
}
'''
SCREEN_NOTE = '''"use client";
export function ScreenNote() {
  const wide = window.innerWidth > 900;
  return <p className="text-sm">{wide ? "Best enjoyed with a big screen" : "Made for your phone"}</p>;
}
'''
VISIT = '''import clsx from "clsx";
import { format } from "date-fns";

export function VisitPage() {
  return (
    <section className={clsx("mx-auto max-w-6xl px-6 py-20", "text-lg")}>
      <h1>Visit us at Rua das Flores 12</h1>
      <img src="https://images.pexels.com/photos/302899/pexels-photo-302899.jpeg" alt="Our front door"
        width="800" height="500">
      <div className="h-40 bg-[url('https://images.unsplash.com/photo-1509042239860-f550ce710b93')] bg-cover" />
      <p>Open every day. Updated {format(new Date(2026, 0, 5), "MMMM yyyy")}.</p>
      <a href="/hours">Opening hours</a>
    </section>
  );
}
'''
LAYOUT = LAYOUT_TSX.replace('import "@fontsource-variable/inter";\n', 'import { Inter } from "next/font/google";\n'
                            ).replace("export const metadata", 'const inter = Inter({ subsets: ["latin"] });\n\n'
                                      "export const metadata").replace(
    '<body className="', '<head><link href="https://fonts.googleapis.com/css2?family=Fraunces" rel="stylesheet" />'
    '</head>\n      <body className={`${inter.className} ').replace('font-sans">', 'font-sans`}>')

PAGES = {"app/page.tsx": HOME, "app/menu/page.tsx": MENU, "app/about/page.tsx": ABOUT, "app/visit/page.tsx": VISIT}
EXTRA = {"app/about/page.tsx": {"components/about/ScreenNote.tsx": SCREEN_NOTE}}
COPY = {"index.html": ["Small-batch roasts, slow mornings", "Our roastery in Alfama", "See the menu"],
        "menu/index.html": ["Pastel de nata every morning"],
        "about/index.html": ["Roasting in Lisbon since 2014", "Follow our roasts", "The people behind the bar"],
        "visit/index.html": ["Visit us at Rua das Flores 12", "January 2026"]}


def page_answer(pages: dict[str, str], extra: dict[str, dict[str, str]]) -> Callable[[str], dict]:
    def answer(text: str) -> dict:
        path = re.search(r"Page file: (\S+)", text)[1]  # type: ignore[index]
        files = {path: pages[path], **extra.get(path, {})}
        return {"files": [{"path": p, "content": c} for p, c in files.items()]}
    return answer


def new_site(tmp_path: Path, scenario: Scenario) -> tuple[dict, Path, FakeGemini, dict]:
    with FakeGemini(scenario, api_key=KEY) as fake:
        env = {"GEMINI_API_KEY": KEY, "GOOGLE_GEMINI_BASE_URL": fake.url, "SITEGEN_MODELS": "gemini-3.8-flash", **FAST}
        out = tmp_path / "site"
        result = run_cli("new", "a coffee roaster in Lisbon", "--out", str(out), "--provider", "gemini",
                         "--sandbox", "local", "--no-verify", "--json", cwd=tmp_path, env=env, timeout=600)
        assert result.stdout.strip(), result.stderr[-3000:]
        data = json.loads(result.stdout)
        data["_exit"], data["_stderr"] = result.returncode, result.stderr
        job = json.loads(run_cli("status", data["job_id"], "--json", cwd=tmp_path, env=env).stdout)
        return data, out, fake, job


def internal_hrefs(html: str) -> list[str]:
    return [h for h in re.findall(r'href="(/[^"#?]*)', html) if not h.startswith("/_next")]


def test_every_family_of_mistakes_is_fixed_before_the_first_build(warm_home: Path, template_deps: Path,
                                                                  tmp_path: Path) -> None:
    scenario = Scenario(pages=4)
    scenario.overrides["PageOutput"] = page_answer(PAGES, EXTRA)
    layout = layout_json()
    layout["files"][0]["content"] = LAYOUT
    scenario.overrides["LayoutOutput"] = lambda text: layout
    data, out, fake, job = new_site(tmp_path, scenario)
    assert data["_exit"] == 0 and data["status"] == "done", data["_stderr"][-3000:]
    assert [r for r in fake.requests if r["kind"] == "FixOutput"] == []
    fired = {f["rule"] for f in job["fixes"]}
    assert {"client-split", "shadcn-ui", "remote-image", "suspense-search-params", "jsx-attributes",
            "jsx-style-string", "jsx-html-comment", "jsx-void-close", "motion", "icon-pack", "missing-component",
            "browser-globals", "internal-link", "page-default-export", "class-utils", "date-lib",
            "remote-css-url", "google-font", "remote-font"} <= fired, sorted(fired)
    html_files = sorted((out / "out").rglob("*.html"))
    for rel, copies in COPY.items():
        html = (out / "out" / rel).read_text()
        for copy in copies:
            assert copy in html, (rel, copy)
    for path in html_files:
        html = path.read_text()
        assert not re.search(r"""(?:src|srcSet|href)=["'](?:https?:)?//(?!www\.w3\.org)[^"']+\.(?:png|jpe?g|css|js)""",
                             html), path
        assert "images.unsplash.com" not in html and "fonts.googleapis.com" not in html and "pexels" not in html
        for href in internal_hrefs(html):
            target = out / "out" / href.strip("/")
            assert (target / "index.html").is_file() or target.is_file() or href == "/", (path.name, href)


BROKEN_TYPES = '''type Plan = { name: string; price: number };

const plans: Plan[] = [
  { name: "Espresso club", price: "19" },
];

export default function Page() {
  return <section>{plans.map((p) => <p key={p.name}>{p.name}</p>)}</section>;
}
'''


def test_a_type_error_only_a_model_can_fix_fails_after_one_fixer_call(warm_home: Path, template_deps: Path,
                                                                       tmp_path: Path) -> None:
    scenario = Scenario(pages=1)
    scenario.overrides["PageOutput"] = page_answer({"app/page.tsx": BROKEN_TYPES}, {})
    data, out, fake, job = new_site(tmp_path, scenario)
    assert data["_exit"] == 1 and data["status"] == "failed" and data["stage"] == "BUILDING", data["_stderr"][-2000:]
    assert len([r for r in fake.requests if r["kind"] == "FixOutput"]) == 1
    for where in (data["error"], job["error"]):
        assert "app/page.tsx:4:" in where and "Type 'string' is not assignable to type 'number'" in where, where


HOME2 = '''import { CheckCircleIcon } from "@heroicons/react/24/solid";
import { cva } from "class-variance-authority";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Badge } from "@/components/ui/badge";
import { PriceList } from "@/components/home/PriceList";

const pill = cva("rounded-full px-4 py-2", { variants: { tone: { dark: "bg-stone-900 text-white", light: "" } } });

export default function Home() {
  return (
    <section className="mx-auto max-w-6xl px-6 py-20">
      <h1 className="text-4xl font-bold">Lumen roastery tours</h1>
      <button className={pill({ tone: "dark" })} onClick={() => alert("See you on Saturday!")}>Join a tour</button>
      <p className="flex gap-2"><CheckCircleIcon className="h-5 w-5" /> Every Saturday at ten</p>
      <Badge variant="secondary">New this spring</Badge>
      <Tabs defaultValue="beans">
        <TabsList><TabsTrigger value="beans">Beans</TabsTrigger><TabsTrigger value="gear">Gear</TabsTrigger></TabsList>
        <TabsContent value="beans">Ethiopia Guji, washed</TabsContent>
        <TabsContent value="gear">Hand grinders</TabsContent>
      </Tabs>
      <PriceList items={[{ name: "Tour and tasting", price: 18 }]} format={(n) => `${n.toFixed(2)} EUR`} />
      <script src="https://widget.example.com/booking.js" async></script>
    </section>
  );
}
'''
PRICE_LIST = '''"use client";
import { useState } from "react";

type Item = { name: string; price: number };

export function PriceList({ items, format }: { items: Item[]; format: (n: number) => string }) {
  const [picked, setPicked] = useState("");
  return (
    <ul>
      {items.map((i) => (
        <li key={i.name} onClick={() => setPicked(i.name)} className={picked === i.name ? "font-bold" : ""}>
          {i.name}: {format(i.price)}
        </li>
      ))}
    </ul>
  );
}
'''
MENU2 = '''import { useState } from "react";
import dayjs from "dayjs";

export async function generateMetadata() {
  return { title: "Menu | Lumen Coffee" };
}

export default function MenuPage() {
  const last = localStorage.getItem("last-order");
  const [size, setSize] = useState("small");
  return (
    <section className="mx-auto max-w-6xl px-6 py-20">
      <h1>Seasonal drinks for {dayjs("2026-03-01").format("MMMM YYYY")}</h1>
      <button onClick={() => setSize(size === "small" ? "large" : "small")}>Size: {size}</button>
      {last ? <p>Your last order: {last}</p> : null}
    </section>
  );
}
'''
ABOUT2 = '''export const AboutPage = () => (
  <section class="mx-auto max-w-6xl px-6 py-20">
    <!-- story -->
    <h1 style='letter-spacing: -0.02em; margin-bottom: 16px'>Three friends and a roaster</h1>
    <svg viewBox="0 0 24 24" width="24" height="24" stroke="currentColor" stroke-width="2" fill="none">
      <circle cx="12" cy="12" r="10" stroke-linecap="round" />
    </svg>
    <p>Since 2014 in Alfama.<br>Still roasting on Fridays.</p>
  </section>
);
'''
VISIT2 = '''import Link from "next/link";
import { photos } from "@/components/visit/photos";

export default function VisitPage() {
  return (
    <section className="hero mx-auto max-w-6xl px-6 py-20">
      <h1>Find us by the river</h1>
      {photos.map((p) => <img key={p.alt} src={p.src} alt={p.alt} className="rounded" />)}
      <Link href="/abuot">Our story</Link>
      <Link href="/contact">Contact</Link>
    </section>
  );
}
'''
PHOTOS = '''export const photos = [
  { src: "https://images.unsplash.com/photo-1453614512568-c4024d13c247?w=800", alt: "The river front" },
  { src: "https://images.pexels.com/photos/312418/pexels-photo-312418.jpeg", alt: "Our roaster at work" },
];
'''
GLOBALS2 = '''@import url("https://fonts.googleapis.com/css2?family=Fraunces:wght@600&display=swap");
@import "tailwindcss";

@theme {
  --color-primary: #7c2d12;
  --color-primary-foreground: #ffffff;
}

.hero { background-image: url("https://images.unsplash.com/photo-1442512595331-e89e73853f31?w=1600"); }
'''
PAGES2 = {"app/page.tsx": HOME2, "app/menu/page.tsx": MENU2, "app/about/page.tsx": ABOUT2,
          "app/visit/page.tsx": VISIT2}
EXTRA2 = {"app/page.tsx": {"components/home/PriceList.tsx": PRICE_LIST},
          "app/visit/page.tsx": {"components/visit/photos.ts": PHOTOS}}
COPY2 = {"index.html": ["Lumen roastery tours", "Every Saturday at ten", "Ethiopia Guji, washed", "Tour and tasting"],
         "menu/index.html": ["Seasonal drinks for", "March 2026"],
         "about/index.html": ["Three friends and a roaster", "Still roasting on Fridays."],
         "visit/index.html": ["Find us by the river", "The river front"]}


def test_other_forms_of_the_same_mistakes_are_fixed_too(warm_home: Path, template_deps: Path,
                                                        tmp_path: Path) -> None:
    scenario = Scenario(pages=4)
    scenario.overrides["PageOutput"] = page_answer(PAGES2, EXTRA2)
    layout = layout_json()
    layout["files"][1]["content"] = GLOBALS2
    scenario.overrides["LayoutOutput"] = lambda text: layout
    data, out, fake, job = new_site(tmp_path, scenario)
    assert data["_exit"] == 0 and data["status"] == "done", data["_stderr"][-3000:]
    assert [r for r in fake.requests if r["kind"] == "FixOutput"] == []
    fired = {f["rule"] for f in job["fixes"]}
    assert {"use-client", "icon-pack", "class-utils", "shadcn-ui", "remote-script", "client-split", "date-lib",
            "browser-globals", "page-default-export", "jsx-attributes", "jsx-html-comment", "jsx-style-string",
            "jsx-void-close", "remote-image", "internal-link", "remote-font", "remote-css-url"} <= fired, sorted(fired)
    for rel, copies in COPY2.items():
        html = (out / "out" / rel).read_text()
        for copy in copies:
            assert copy in html, (rel, copy)
    for path in sorted((out / "out").rglob("*.html")) + sorted((out / "out").rglob("*.css")):
        text = path.read_text()
        assert "unsplash" not in text and "pexels" not in text and "googleapis" not in text, path
        assert "widget.example.com" not in text
        if path.suffix == ".html":
            for href in internal_hrefs(text):
                target = out / "out" / href.strip("/")
                assert (target / "index.html").is_file() or target.is_file() or href == "/", (path.name, href)
