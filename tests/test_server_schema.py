"""schemathesis against the served OpenAPI schema with a valid token: no 5xx, and every response matches
its documented status, content type and schema (jobs it starts run for real: offline, no build)."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import checks
from server_helpers import live_server

CHECKS = [checks.not_a_server_error, checks.status_code_conformance, checks.content_type_conformance,
          checks.response_schema_conformance, checks.response_headers_conformance]
CURRENT: dict[str, str] = {}


@pytest.fixture
def served_schema():
    from sitegen.server.actions import Limits

    with live_server(limits=Limits(running_jobs=3, jobs_per_hour=40),
                     settings_flags={"sandbox": "none", "verify": False}) as live:
        token = live.add_user("fuzzer")
        # one real job and project so that some ids exist
        with live.client("fuzzer") as c:
            job = c.post("/generate", json={"prompt": "a tea room in Kyoto", "provider": "offline"}).json()
        live.wait("fuzzer", job["job_id"])
        CURRENT["token"] = token
        yield schemathesis.openapi.from_url(f"{live.url}/openapi.json")
        live.runner.close(wait=True)


schema = schemathesis.pytest.from_fixture("served_schema")


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case) -> None:
    if case.path.endswith("/events"):
        case.query = {**(case.query or {}), "after": 0}
    response = case.call(headers={"Authorization": f"Bearer {CURRENT['token']}"}, timeout=30)
    case.validate_response(response, checks=CHECKS)
