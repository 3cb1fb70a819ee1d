"""Project folder names and --out checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.errors import SitegenError
from sitegen.jobs import check_out_dir, default_slug, slugify


@pytest.mark.parametrize(
    "text, slug",
    [("Coffee shop landing page", "coffee-shop-landing-page"), ("Café Ñandú!", "cafe-nandu"), ("東京", "site"),
     ("a " * 100, "a-" * 23 + "a")],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_default_slug_prefers_the_given_name() -> None:
    assert default_slug("coffee shop landing page", None) == "coffee-shop-landing-page"
    assert default_slug("a saas for invoices called Ledgerly", None) == "ledgerly"
    assert default_slug('bakery named "Pão & Co"', None) == "pao-co"
    assert default_slug("bakery named Pão", "Blue Fern") == "blue-fern"


def test_check_out_dir_accepts_empty_and_refuses_non_empty(tmp_path: Path) -> None:
    assert check_out_dir(tmp_path / "new", force=False) == (tmp_path / "new").resolve()
    assert list((tmp_path / "new").iterdir()) == []  # the write probe leaves nothing
    (tmp_path / "new" / "x").write_text("")
    with pytest.raises(SitegenError):
        check_out_dir(tmp_path / "new", force=False)
    with pytest.raises(SitegenError):  # --force writes only into a folder sitegen made
        check_out_dir(tmp_path / "new", force=True)
    (tmp_path / "new" / ".sitegen").mkdir()
    assert check_out_dir(tmp_path / "new", force=True).is_dir()
