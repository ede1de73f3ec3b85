"""The JSON API (described at ``/openapi.json``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from tidende.web.deps import ClustersDep, FiltersDep, Page, PairDep, PeriodDep, PerPage, ReaderDep
from tidende.web.queries import CODE, BadParam

router = APIRouter(prefix="/api")


@router.get("/events", summary="Event mentions or clusters, filtered and paginated")
def events(reader: ReaderDep, f: FiltersDep, clusters: ClustersDep, page: Page = 1,
           per_page: PerPage = 50) -> dict[str, Any]:
    """Each item is a PLOVER event record plus ``article_id``, ``cluster_id``, article metadata, ``quad`` and
    ``score``; the clusters view adds ``sources``, ``mentions``, ``first_reported`` and ``last_reported``."""
    return reader.events(f, clusters=clusters, page=page, per_page=per_page)


@router.get("/articles/{article_id:path}", summary="One article with its entities, quotes and events")
def article(article_id: str, reader: ReaderDep) -> dict[str, Any]:
    """The stored text and every span on it (offsets into ``text``)."""
    art = reader.article(article_id)
    if art is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return art


@router.get("/actors/{code}", summary="An actor's events over time, top partners and quotes")
def actor(code: str, reader: ReaderDep, by: PeriodDep) -> dict[str, Any]:
    """Counts per period as actor and as recipient; partners are the other side of its events."""
    summary = reader.actor(code, by) if CODE.fullmatch(code) else None
    if summary is None:
        raise HTTPException(404, f"no actor {code!r} in this store")
    return summary


@router.get("/network", summary="Actor network: edges weighted by event count, scored by PLOVER score")
def network(reader: ReaderDep, f: FiltersDep) -> dict[str, Any]:
    """Directed actor -> recipient edges; ``score`` is the mean PLOVER conflict-cooperation score."""
    return reader.network(f)


@router.get("/dyad", summary="Conflict-cooperation score per week or month for a pair of actors")
def dyad(reader: ReaderDep, actors: PairDep, by: PeriodDep, f: FiltersDep) -> dict[str, Any]:
    """The mean PLOVER score of the events between ``a`` and ``b`` per period, each way and together."""
    if actors is None:
        raise BadParam("a", "give both actors of the dyad, e.g. a=CHN&b=RUS")
    return reader.dyad(*actors, by=by, f=f)
