"""`sitegen preview`: serve a built site on localhost until Ctrl-C."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from sitegen.cli.app import ProjectArg, app, command, context
from sitegen.cli.edit import project_dir
from sitegen.errors import usage


@app.command("preview")
@command
def preview_cmd(
    term: Any,
    project: ProjectArg = None,
    port: Annotated[int, typer.Option("--port", "-p", help="Port to listen on (0: any free one).")] = 0,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    no_open: Annotated[bool, typer.Option("--no-open", help="Do not open a browser.")] = False,
) -> int:
    """Serve the built site on localhost until Ctrl-C."""
    from sitegen.verify.preview import make_server

    if not 0 <= port <= 65535:
        raise usage(f"--port {port} is not a port number", "Use 1–65535, or 0 for any free port.")
    _, store = context()
    found = store.find_project(project)
    server = make_server(project_dir(found) / "out", host, port)
    term.info(f"Serving [bold]{found['name']}[/] from {server.out_dir}  [dim](Ctrl-C to stop)[/]")
    sys.stdout.write(server.url + "\n")  # the URL alone on stdout, for scripts
    sys.stdout.flush()
    if not no_open and sys.stdout.isatty():
        try:
            import webbrowser

            webbrowser.open(server.url)
        except Exception:  # noqa: BLE001 - no browser is fine: the URL is printed
            pass
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0
