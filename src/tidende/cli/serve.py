"""``tidende serve``: the read-only web explorer (registered on the main ``app``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tidende.cli.main import DbOpt, _err, app, open_or_exit

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


@app.command()
def serve(
    db: DbOpt = Path("tidende.db"),
    host: Annotated[str, typer.Option(help="Address to listen on; the default is reachable from this machine "
                                           "only (0.0.0.0 exposes it).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Browse the store in a web browser: events, articles, actors, network, dyads (read-only)."""
    try:
        import uvicorn

        from tidende.web.app import create_app
    except ImportError as e:
        _err(f"tidende serve needs the web extra ({e.name} is missing): pip install 'tidende[web]'")
        raise typer.Exit(1) from None
    with open_or_exit(db):  # it exists, opens, and has a schema this tidende reads
        pass
    where = "local only; pass --host to expose" if host in LOCAL_HOSTS else "reachable from other machines"
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"serving {db} on http://{shown}:{port} ({where})")
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
