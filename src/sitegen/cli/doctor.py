"""`sitegen doctor`: what is installed, what is missing, how to fix each."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from sitegen.cli.app import JsonOpt, app, command, context


@app.command("doctor")
@command
def doctor_cmd(
    term: Any,
    clean: Annotated[bool, typer.Option("--clean", help="Remove leftover sitegen build containers.")] = False,
    json_out: JsonOpt = False,
) -> int:
    """Check Docker, the build image, Node, keys, deploy CLIs; say how to fix each."""
    from sitegen import doctor  # noqa: PLC0415
    from sitegen.cli.views import print_checks  # noqa: PLC0415

    settings, _ = context()
    checks = doctor.run_checks(settings, clean=clean)
    if json_out:
        term.emit_json({"checks": [c.to_dict() for c in checks], "ok": doctor.can_build(checks)})
    else:
        print_checks(term, checks)
    return 0 if doctor.can_build(checks) else 1
