"""Build-log parsing on real `next build` output (Next 16.4.6, Turbopack) captured from real builds of
faulty sites (tests/corpus_faulty/logs): every error keeps its file, line and real message."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.checks.buildlog import parse_build_errors

LOGS = Path(__file__).parent / "corpus_faulty" / "logs"
PROJECT = Path("/project")  # the captured logs name the project folder /project


def errors(name: str) -> list[tuple[str, int, str]]:
    return [(e.file, e.line, e.message) for e in parse_build_errors((LOGS / name).read_text(), PROJECT)]


def test_metadata_in_a_client_page_and_module_not_found() -> None:
    (meta, missing) = errors("next16-compile.log")
    assert meta[:2] == ("app/page.tsx", 5)
    assert meta[2].startswith('You are attempting to export "metadata" from a component marked with "use client"')
    assert missing == ("app/about/page.tsx", 1, "Module not found: Can't resolve '@/components/Testimonials'\n"
                       "Import map: aliased to relative './components/Testimonials' inside of [project]/")


def test_typescript_error_keeps_file_line_and_message() -> None:
    assert errors("next16-typescript.log") == [
        ("app/page.tsx", 2, "Type 'string' is not assignable to type 'number'. (TS2322)")]


def test_suspense_bailout_message_printed_before_the_prerender_line_is_kept() -> None:
    ((file, line, message),) = errors("next16-suspense.log")
    assert (file, line) == ("app/page.tsx", 0)
    assert message == 'while prerendering /: useSearchParams() should be wrapped in a suspense boundary at page "/".'


def test_event_handler_prerender_error_keeps_what_next_printed() -> None:
    ((file, _line, message),) = errors("next16-handler.log")
    assert file == "app/page.tsx"
    assert message.startswith("while prerendering /: Event handlers cannot be passed to Client Component props.")
    assert "{onClick: function onClick, children: ...}" in message and "consider converting" in message


def test_runtime_error_while_prerendering_points_at_the_component_file() -> None:
    assert errors("next16-window.log") == [
        ("components/Width.tsx", 3, "while prerendering /: ReferenceError: window is not defined")]


@pytest.mark.parametrize("name", sorted(p.name for p in LOGS.glob("*.log")))
def test_no_error_is_reduced_to_a_bare_word(name: str) -> None:
    found = parse_build_errors((LOGS / name).read_text(), PROJECT)
    assert found
    for e in found:
        assert not e.message.endswith(": error") and e.message != "build error"
        assert not e.file.startswith("/")
