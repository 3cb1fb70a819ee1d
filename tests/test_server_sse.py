"""GET /jobs/{id}/events over real HTTP: every stage in order, and resuming after a disconnect with
Last-Event-ID (nothing missed, nothing twice)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import httpx
from server_helpers import live_server, offline_body


def slow_execute(stage: str = "GENERATING", seconds: float = 1.5):
    """The real execute_job, with the job held ``seconds`` at the start of ``stage`` (part A's test aid)."""
    from sitegen.server.execute import execute_job, shared_store

    def run(settings, job_id):
        store = shared_store(settings)
        job = store.get_job(job_id)
        store.update_job(job_id, options={**job["options"], "hold": {"stage": stage, "seconds": seconds}})
        return execute_job(settings, job_id)

    return run


def read_events(client: httpx.Client, job_id: str, last_id: int | None = None, stop_after=None,
                params: dict | None = None) -> list[dict]:
    """Parse the stream until its `status` event (or until ``stop_after(event)`` says to hang up)."""
    headers = {"Last-Event-ID": str(last_id)} if last_id is not None else {}
    events, current = [], {}
    with client.stream("GET", f"/jobs/{job_id}/events", headers=headers, params=params, timeout=60) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        for line in r.iter_lines():
            if line.startswith("id: "):
                current["id"] = int(line[4:])
            elif line.startswith("event: "):
                current["event"] = line[7:]
            elif line.startswith("data: "):
                current["data"] = json.loads(line[6:])
            elif not line and "data" in current:
                assert current["data"]["event"] == current["event"] and current["data"]["id"] == current["id"]
                events.append(current["data"])
                current = {}
                if events[-1]["event"] == "status" or (stop_after and stop_after(events[-1])):
                    break
    return events


def stage_marks(events: list[dict]) -> list[tuple[str, str]]:
    return [(e["stage"], e["event"]) for e in events if e["event"] in ("start", "end", "fail")]


EXPECTED = [("CREATED", "end"), ("PLANNING", "start"), ("PLANNING", "end"), ("GENERATING", "start"),
            ("GENERATING", "end"), ("CHECKING", "start"), ("CHECKING", "end"), ("DONE", "end")]


def test_a_client_sees_every_stage_in_order_while_the_job_runs() -> None:
    with live_server(execute=slow_execute("GENERATING", 1.0)) as live:
        live.add_user("alice")
        with live.client("alice") as c:
            job = c.post("/generate", json=offline_body()).json()
            started = time.monotonic()
            events = read_events(c, job["job_id"])
            took = time.monotonic() - started
        assert stage_marks(events) == EXPECTED
        assert took >= 0.9  # it streamed while the job ran, not after
        ids = [e["id"] for e in events[:-1]]
        assert ids == sorted(ids) and len(set(ids)) == len(ids)
        final = events[-1]
        assert final["event"] == "status" and final["detail"]["status"] == "done" and final["detail"]["error"] is None
        ends = {e["stage"]: e["duration"] for e in events
                if e["event"] == "end" and e["stage"] not in ("CREATED", "DONE")}
        assert ends["GENERATING"] >= 1.0  # durations come with the end events
        assert any(e["event"] == "info" for e in events)  # the planner's notes come through too


def test_resume_after_a_disconnect_with_last_event_id() -> None:
    with live_server(execute=slow_execute("GENERATING", 1.5)) as live:
        live.add_user("alice")
        with live.client("alice") as c:
            job = c.post("/generate", json=offline_body("bakery in Lisbon called Nata")).json()
            first = read_events(c, job["job_id"], stop_after=lambda e: e["stage"] == "GENERATING")
            assert first[-1] == {**first[-1], "stage": "GENERATING", "event": "start"}
            assert live.store.get_job(job["job_id"])["status"] == "running"  # hung up mid-job
            rest = read_events(c, job["job_id"], last_id=first[-1]["id"])
            whole = read_events(c, job["job_id"], last_id=0)  # a fresh read of everything, after the end
            by_query = read_events(c, job["job_id"], params={"after": first[2]["id"]})
        assert [e["id"] for e in first + rest[:-1]] == [e["id"] for e in whole[:-1]]  # nothing missed or doubled
        assert stage_marks(first + rest) == EXPECTED
        assert rest[0]["id"] == first[-1]["id"] + 1 or rest[0]["id"] > first[-1]["id"]
        assert [e["id"] for e in by_query[:-1]] == [e["id"] for e in whole[3:-1]]


def test_the_cli_client_follows_events_and_reconnects() -> None:
    from sitegen.server.client import ServerClient

    with live_server(execute=slow_execute("CHECKING", 0.8)) as live:
        token = live.add_user("alice")
        api = ServerClient(live.url, token)
        job = api.generate(offline_body("gym in Leeds called Iron"))
        seen = list(api.events(job["job_id"]))
        assert stage_marks(seen) == EXPECTED and seen[-1]["event"] == "status"
        later = list(api.events(job["job_id"], after=seen[4]["id"]))
        assert [e["id"] for e in later[:-1]] == [e["id"] for e in seen[5:-1]]
        api.close()


def test_a_failed_job_ends_its_stream_with_the_error_and_hint() -> None:
    def failing(settings, job_id):
        from sitegen.server.execute import execute_job, shared_store

        store = shared_store(settings)
        folder = Path(store.get_project(store.get_job(job_id)["project_id"])["path"])
        (folder / ".sitegen").mkdir(parents=True, exist_ok=True)
        (folder / ".sitegen" / "plan.json").mkdir()  # planning cannot save its plan
        return execute_job(settings, job_id)

    with live_server(execute=failing) as live:
        live.add_user("alice")
        with live.client("alice") as c:
            job = c.post("/generate", json=offline_body()).json()
            events = read_events(c, job["job_id"])
    assert events[-1]["event"] == "status" and events[-1]["detail"]["status"] == "failed"
    assert events[-1]["detail"]["error"] and events[-1]["detail"]["hint"]
    assert ("PLANNING", "fail") in stage_marks(events)
