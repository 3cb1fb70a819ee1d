"""`--url`: the address a site will be public at, for its canonical links, sitemap.xml, robots.txt
and structured data; from the CLI, over the team server's API, and through a real build."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from server_helpers import live_server, offline_body

from sitegen.errors import ErrorKind, SitegenError
from sitegen.plan import site_address
from tests.conftest import has_node, need, run_cli


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("https://coppercup.example", "https://coppercup.example"),
        ("  https://CopperCup.Example/ ", "https://coppercup.example"),
        ("http://localhost:8080/cafe/", "http://localhost:8080/cafe"),
        ("https://shop.example/fr/café", "https://shop.example/fr/caf%C3%A9"),
        ("https://xn--caf-dma.example", "https://xn--caf-dma.example"),
    ],
)
def test_an_address_is_kept_in_one_form(given: str, kept: str) -> None:
    assert site_address(given) == kept


@pytest.mark.parametrize(
    "bad",
    [
        "", "   ", "coppercup.example", "ftp://coppercup.example", "https://", "javascript:alert(1)",
        "https://user:pw@coppercup.example", "https://coppercup.example/?utm=1", "https://coppercup.example/#top",
        "https://copper cup.example", 'https://a.example/"><script>', "https://a.example:99999",
        "https://-bad-.example", "https://" + "a" * 300 + ".example", "https://a.example/\\..\\",
    ],
)
def test_anything_else_is_bad_usage_with_a_hint(bad: str) -> None:
    with pytest.raises(SitegenError) as caught:
        site_address(bad)
    assert caught.value.kind == ErrorKind.USAGE and "--url" in caught.value.message
    assert "https://" in (caught.value.hint or "")


def test_new_with_url_puts_the_address_in_the_site_and_a_bad_one_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "cafe"
    done = run_cli("new", "coffee shop landing page", "--url", "https://CopperCup.example/", "--out", str(out),
                   "--provider", "offline", "--sandbox", "none", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads((out / ".sitegen" / "plan.json").read_text())["url"] == "https://coppercup.example"
    assert '"url": "https://coppercup.example"' in (out / "lib" / "content.ts").read_text()
    refused = run_cli("new", "bakery in Lyon", "--url", "bakery.example", "--out", str(tmp_path / "bakery"),
                      "--provider", "offline", "--sandbox", "none", cwd=tmp_path)
    assert refused.returncode == 2
    assert "--url 'bakery.example'" in refused.stderr and "https://" in refused.stderr
    assert not (tmp_path / "bakery").exists()


def test_the_api_takes_the_same_address_and_refuses_the_same_mistakes() -> None:
    with live_server() as live:
        live.add_user("alice")
        with live.client("alice") as c:
            bad = c.post("/generate", json=offline_body(url="https://a.example/?x=1"))
            assert bad.status_code == 422 and bad.json()["error"]["kind"] == "usage", bad.text
            assert bad.json()["error"]["message"].startswith("url ")
            accepted = c.post("/generate", json=offline_body(url="https://Luz.example/")).json()
        final = live.wait("alice", accepted["job_id"])
        assert final["status"] == "done", final
        plan = json.loads((Path(final["result"]["path"]) / ".sitegen" / "plan.json").read_text())
        assert plan["url"] == "https://luz.example"


@pytest.mark.e2e
def test_a_built_site_links_sitemap_and_robots_to_its_address(tmp_path: Path, warm_home: Path) -> None:
    need(has_node(), "node is not installed")
    out = tmp_path / "cafe"
    done = run_cli("new", "coffee shop landing page", "--url", "https://coppercup.example", "--out", str(out),
                   "--provider", "offline", "--sandbox", "local", "--no-verify", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    sitemap = (out / "out" / "sitemap.xml").read_text()
    assert re.findall(r"<loc>([^<]*)</loc>", sitemap) == ["https://coppercup.example/"]
    assert "Sitemap: https://coppercup.example/sitemap.xml" in (out / "out" / "robots.txt").read_text()
    home = (out / "out" / "index.html").read_text()
    assert '<link rel="canonical" href="https://coppercup.example/"' in home
    assert '"url":"https://coppercup.example/"' in home  # structured data (JSON-LD)
