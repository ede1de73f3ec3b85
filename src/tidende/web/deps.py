"""FastAPI dependencies shared by the pages and the API: the per-request reader and the validated filters."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Query, Request

from tidende.web.queries import PERIODS, VIEWS, BadParam, Filters, Reader, choice_param, code_param, connect


def reader(request: Request) -> Iterator[Reader]:
    """A reader over a fresh read-only connection, closed after the request."""
    conn = connect(request.app.state.db)
    try:
        yield Reader(conn)
    finally:
        conn.close()


def filters(
    actor: Annotated[str | None, Query(description="Actor code, e.g. CHN.")] = None,
    recipient: Annotated[str | None, Query(description="Recipient code, e.g. RUS.")] = None,
    type: Annotated[str | None, Query(description="PLOVER event type, e.g. AID.")] = None,  # noqa: A002
    quad: Annotated[str | None, Query(description="PLOVER quad class: 1 verbal cooperation, 2 material "
                                                  "cooperation, 3 verbal conflict, 4 material conflict.")] = None,
    since: Annotated[str | None, Query(description="Earliest event date: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(description="Latest event date: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    lang: Annotated[str | None, Query(description="Article language: nb, nn or en.")] = None,
    negated: Annotated[str | None, Query(description="true: only negated events; false: only the others.")] = None,
    modality: Annotated[str | None, Query(description="asserted, future, hypothetical or desired.")] = None,
    q: Annotated[str | None, Query(description="Words the article must contain (literal, all of them).")] = None,
) -> Filters:
    """The event filters of the query string, validated (400 on a bad value)."""
    return Filters.parse(actor=actor, recipient=recipient, type=type, quad=quad, since=since, until=until,
                         lang=lang, negated=negated, modality=modality, q=q)


def view(view: Annotated[str | None, Query(description="mentions (default) or clusters.")] = None) -> bool:
    """True for the clusters view."""
    return choice_param("view", view, VIEWS) == "clusters"


def period(by: Annotated[str | None, Query(description="month (default) or week.")] = None) -> str:
    """The period of a timeline."""
    return choice_param("by", by, PERIODS) or "month"


def pair(a: Annotated[str | None, Query(description="First actor code.")] = None,
         b: Annotated[str | None, Query(description="Second actor code.")] = None) -> tuple[str, str] | None:
    """The two actors of a dyad (None when neither is given; 400 when only one is, or both are the same)."""
    ca, cb = code_param("a", a), code_param("b", b)
    if ca is None and cb is None:
        return None
    if ca is None or cb is None:
        raise BadParam("a" if ca is None else "b", "give both actors of the dyad, e.g. a=CHN&b=RUS")
    if ca == cb:
        raise BadParam("b", "the two actors must differ")
    return ca, cb


ReaderDep = Annotated[Reader, Depends(reader)]
FiltersDep = Annotated[Filters, Depends(filters)]
ClustersDep = Annotated[bool, Depends(view)]
PeriodDep = Annotated[str, Depends(period)]
PairDep = Annotated[tuple[str, str] | None, Depends(pair)]
Page = Annotated[int, Query(ge=1, le=1_000_000, description="Page number, from 1.")]
PerPage = Annotated[int, Query(ge=1, le=200, description="Results per page (1-200).")]
