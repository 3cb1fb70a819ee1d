"""A real build through `sitegen serve`: the event stream carries BUILDING's log lines, the screenshots
the browser checks took are served, and the zip leaves the build out."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from server_helpers import live_server
from test_server_sse import read_events

from tests.conftest import has_node, need

pytestmark = pytest.mark.e2e


def test_a_real_build_streams_its_log_and_serves_screenshots(warm_home: Path) -> None:
    need(has_node(), "node is not installed")
    chromium = bool(shutil.which("chromium"))
    with live_server(workers=1) as live:
        live.add_user("alice")
        body = {"prompt": "a florist in Bath called Petal", "provider": "offline", "sandbox": "local",
                "verify": chromium}
        with live.client("alice") as c:
            job = c.post("/generate", json=body).json()
            events = read_events(c, job["job_id"])
            status = c.get(f"/status/{job['job_id']}").json()
            assert events[-1]["detail"]["status"] == "done", status["error"]
            logs = [e for e in events if e["event"] == "log"]
            assert logs and {e["stage"] for e in logs} >= {"BUILDING"}
            assert any("next build" in e["detail"]["text"].lower() or "compiled" in e["detail"]["text"].lower()
                       for e in logs)
            stages = [e["stage"] for e in events if e["event"] == "end"]
            assert stages[:5] == ["CREATED", "PLANNING", "GENERATING", "CHECKING", "BUILDING"]
            assert status["result"]["build_logs"] and status["logs"]
            if chromium:
                names = status["result"]["screenshots"]
                assert names and all(n.endswith(".png") for n in names)
                shot = c.get(f"/projects/{job['project_id']}/screenshots/{names[0]}")
                assert shot.status_code == 200 and shot.content.startswith(b"\x89PNG")
            archive = zipfile.ZipFile(io.BytesIO(c.get(f"/projects/{job['project_id']}/download").content))
            names = archive.namelist()
            assert any(n.endswith("/app/page.tsx") for n in names)
            assert not [n for n in names if "/out/" in n or "/node_modules/" in n or "/.next/" in n]
            assert (Path(status["path"]) / "out" / "index.html").is_file()
