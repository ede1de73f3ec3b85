"""Jinja2 rendering (autoescaped everywhere) and the error responses of pages and API."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader

from tidende.web.plover import QUAD_CSS, actor_names, quad_name

HERE = Path(__file__).parent


def _query(params: dict[str, Any], **changes: Any) -> str:
    """``?`` plus the URL-encoded parameters, with ``changes`` applied (None removes one)."""
    merged = {k: v for k, v in {**params, **changes}.items() if v is not None and v != ""}
    return "?" + urlencode(merged) if merged else "?"


@cache
def environment() -> Environment:
    """The template environment: HTML-escaping on for every template and every value."""
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["urlq"] = lambda s: quote(str(s), safe="")
    env.globals.update(query=_query, quad_name=quad_name, quad_css=QUAD_CSS, names=actor_names())
    return env


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """The template ``name`` as an HTML response."""
    html = environment().get_template(name).render(db_name=request.app.state.db.name, path=request.url.path,
                                                   **context)
    return HTMLResponse(html, status_code=status)


def wants_json(request: Request) -> bool:
    """Whether the request is for the JSON API (errors answered in JSON) rather than a page."""
    path = request.url.path
    return path.startswith("/api/") or path == "/openapi.json"


def error_response(request: Request, status: int, message: str) -> Response:
    """A JSON ``{"error", "status"}`` for the API, an HTML error page otherwise."""
    if wants_json(request):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    return render(request, "error.html", status=status, status_code=status, message=message)
