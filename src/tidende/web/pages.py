"""The server-rendered pages: events, article, actor, network and dyad timeline."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from tidende.export.common import QUADS
from tidende.web.deps import ClustersDep, FiltersDep, Page, PairDep, PeriodDep, PerPage, ReaderDep
from tidende.web.plover import event_types
from tidende.web.queries import CODE, LANGS, MODALITIES, Filters
from tidende.web.render import HEIGHT, WIDTH, count_bars, score_bars, segments, snippet
from tidende.web.templating import render

router = APIRouter(include_in_schema=False)
#: What the filter forms offer.
FORM: dict[str, Any] = {"types": event_types(), "quads": QUADS, "langs": LANGS, "modalities": MODALITIES}


@router.get("/")
def home() -> RedirectResponse:
    """The events page."""
    return RedirectResponse("/events", status_code=302)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, reader: ReaderDep, f: FiltersDep, clusters: ClustersDep, page: Page = 1,
                per_page: PerPage = 50) -> HTMLResponse:
    """Filterable, paginated event mentions or clusters, each linked to its article."""
    result = reader.events(f, clusters=clusters, page=page, per_page=per_page)
    for item in result["items"]:
        item["snippet"] = snippet(item)
    params = {**f.query(), "view": "clusters" if clusters else None, "per_page": per_page if per_page != 50 else None}
    last = max(1, -(-result["total"] // per_page))
    return render(request, "events.html", result=result, f=f, clusters=clusters, params=params, page=page,
                  last=last, codes=reader.actor_codes(), **FORM)


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, reader: ReaderDep) -> HTMLResponse:
    """The text with its spans highlighted and its events beside it."""
    art = reader.article(article_id)
    if art is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return render(request, "article.html", art=art, segments=segments(art))


@router.get("/actors/{code}", response_class=HTMLResponse)
def actor_page(request: Request, code: str, reader: ReaderDep, by: PeriodDep) -> HTMLResponse:
    """An actor's events over time as actor and as recipient, its top partners and its quotes."""
    summary = reader.actor(code, by) if CODE.fullmatch(code) else None
    if summary is None:
        raise HTTPException(404, f"no actor {code!r} in this store")
    as_actor = reader.events(Filters(actor=code), per_page=20)
    as_recipient = reader.events(Filters(recipient=code), per_page=20)
    return render(request, "actor.html", a=summary, as_actor=as_actor, as_recipient=as_recipient,
                  bars=count_bars(summary["timeline"], ("as_actor", "as_recipient")), width=WIDTH, height=HEIGHT)


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, f: FiltersDep) -> HTMLResponse:
    """The actor network (drawn by ``network.js`` from ``/api/network`` with the same filters)."""
    return render(request, "network.html", f=f, **FORM)


@router.get("/dyad", response_class=HTMLResponse)
def dyad_page(request: Request, reader: ReaderDep, actors: PairDep, by: PeriodDep, f: FiltersDep) -> HTMLResponse:
    """The PLOVER conflict-cooperation score per week or month between two actors."""
    data = reader.dyad(*actors, by=by, f=f) if actors else None
    return render(request, "dyad.html", data=data, actors=actors, by=by, f=f, codes=reader.actor_codes(),
                  bars=score_bars(data["series"]) if data else [], width=WIDTH, height=HEIGHT, **FORM)
