"""The explorer application: pages, JSON API, static files, security headers and error handling."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from tidende import __version__
from tidende.web import api, pages
from tidende.web.queries import BadParam
from tidende.web.templating import HERE, error_response

log = logging.getLogger("tidende.web")

#: Sent with every response: nothing runs or loads but the app's own files.
SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'; "
                                "object-src 'none'; base-uri 'none'; form-action 'self'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def _validation_message(exc: RequestValidationError) -> str:
    """``bad parameter 'page': Input should be ...`` for the first error FastAPI found."""
    err = exc.errors()[0] if exc.errors() else {}
    where = err.get("loc", ["", "?"])[-1]
    return f"bad parameter {where!r}: {err.get('msg', 'invalid value')}"


def create_app(db: Path) -> FastAPI:
    """The explorer over the store at ``db`` (opened read-only, one connection per request)."""
    app = FastAPI(title="tidende explorer", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Read-only JSON API over a tidende store of PLOVER event records. Bad parameters "
                              "are answered with 400 and a message, unknown articles and actors with 404.")
    app.state.db = Path(db)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.exception_handler(BadParam)
    async def bad_param(request: Request, exc: BadParam) -> Response:
        return error_response(request, 400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 400, _validation_message(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page {request.url.path!r}"
        return error_response(request, exc.status_code, message)

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        """Security headers on every response; any unexpected error becomes a 500 without a traceback."""
        try:
            response = await call_next(request)
        except Exception:
            log.exception("error serving %s", request.url.path)
            response = error_response(request, 500, "internal error; the details are in the server's log")
        response.headers.update(SECURITY_HEADERS)
        return response

    return app
