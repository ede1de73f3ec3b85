"""Read-only queries for the explorer: parameters validated here, every value bound, one connection per request."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from tidende.records import DocDate
from tidende.store.sqlite import fts_query
from tidende.web.plover import actor_names, event_types, quad, quad_name, score, score_colour

CODE = re.compile(r"[A-Za-z0-9_-]{1,32}")
LANGS = ("nb", "nn", "en")
MODALITIES = ("asserted", "future", "hypothetical", "desired")
VIEWS = ("mentions", "clusters")
PERIODS = ("month", "week")
MAX_TEXT = 200
#: The mention ``e`` has the bound code (in the bound role), looked up in the ``event_codes`` index.
HAS_CODE = "(e.article_id, e.id) IN (SELECT article_id, event_id FROM event_codes WHERE code = ?)"
HAS_CODE_AS = "(e.article_id, e.id) IN (SELECT article_id, event_id FROM event_codes WHERE code = ? AND role = ?)"
#: The events of an edge, a dyad or an actor listed at most.
LIST_LIMIT = 200


class BadParam(ValueError):
    """A parameter the explorer cannot use; answered with 400 and this message."""

    def __init__(self, param: str, message: str) -> None:
        self.param = param
        super().__init__(f"bad parameter {param!r}: {message}")


def clean(name: str, value: str | None) -> str | None:
    """``value`` stripped, None if empty; control characters and over-long values are refused."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise BadParam(name, "control characters are not allowed")
    if len(value) > MAX_TEXT:
        raise BadParam(name, f"at most {MAX_TEXT} characters")
    return value


def _words(value: str | None) -> str | None:
    """Free text, or None if it has no word to match (only punctuation)."""
    return value if value is not None and re.search(r"\w", value) else None


def code_param(name: str, value: str | None) -> str | None:
    """An actor code such as ``CHN``."""
    value = clean(name, value)
    if value is not None and not CODE.fullmatch(value):
        raise BadParam(name, "an actor code is 1-32 letters, digits, '_' or '-', e.g. CHN")
    return value


def date_param(name: str, value: str | None) -> str | None:
    """A date at day, month or year precision, normalised (``2024-5`` -> ``2024-05``)."""
    value = clean(name, value)
    if value is None:
        return None
    try:
        return DocDate.parse(value).iso()
    except ValueError:
        raise BadParam(name, "use YYYY, YYYY-MM or YYYY-MM-DD") from None


def choice_param(name: str, value: str | None, choices: tuple[str, ...]) -> str | None:
    """One of ``choices``."""
    value = clean(name, value)
    if value is not None and value not in choices:
        raise BadParam(name, f"use one of {', '.join(choices)}")
    return value


def bool_param(name: str, value: str | None) -> bool | None:
    """``true``/``false`` (also 1/0, yes/no)."""
    value = clean(name, value)
    if value is None:
        return None
    if value.lower() in ("true", "1", "yes"):
        return True
    if value.lower() in ("false", "0", "no"):
        return False
    raise BadParam(name, "use true or false")


@dataclass(frozen=True)
class Filters:
    """The event filters of the explorer (names as in the URL)."""

    actor: str | None = None
    recipient: str | None = None
    type: str | None = None
    quad: int | None = None
    since: str | None = None
    until: str | None = None
    lang: str | None = None
    negated: bool | None = None
    modality: str | None = None
    q: str | None = None

    @classmethod
    def parse(cls, actor: str | None = None, recipient: str | None = None,
              type: str | None = None,  # noqa: A002 - the PLOVER field
              quad: str | None = None, since: str | None = None, until: str | None = None,
              lang: str | None = None, negated: str | None = None, modality: str | None = None,
              q: str | None = None) -> Filters:
        """Validate raw query-string values; raise ``BadParam`` for any that cannot be used."""
        quad_s = choice_param("quad", quad, ("1", "2", "3", "4"))
        f = cls(actor=code_param("actor", actor), recipient=code_param("recipient", recipient),
                type=choice_param("type", type, event_types()), quad=int(quad_s) if quad_s else None,
                since=date_param("since", since), until=date_param("until", until),
                lang=choice_param("lang", lang, LANGS),
                negated=bool_param("negated", negated), modality=choice_param("modality", modality, MODALITIES),
                q=_words(clean("q", q)))
        if f.since and f.until and f.since > f.until + "~":
            raise BadParam("since", f"{f.since} is after until ({f.until})")
        return f

    def sql(self) -> tuple[str, list[Any]]:
        """A WHERE clause over ``events e JOIN articles a`` and its bound values.

        A date range keeps the events whose (possibly month- or year-precise) date overlaps it.
        """
        where, params = ["1=1"], []  # type: list[str], list[Any]
        for role, code in (("actor", self.actor), ("recipient", self.recipient)):
            if code:
                where.append(HAS_CODE_AS)
                params += [code, role]
        for column, value in (("e.event", self.type), ("a.lang", self.lang), ("e.modality", self.modality)):
            if value:
                where.append(f"{column} = ?")
                params.append(value)
        if self.quad is not None:
            where.append("plover_quad(e.event, e.mode) = ?")
            params.append(self.quad)
        if self.since:
            where.append("e.date || '~' >= ?")
            params.append(self.since)
        if self.until:
            where.append("e.date <= ?")
            params.append(self.until + "~")
        if self.negated is not None:
            where.append("e.negated = ?")
            params.append(int(self.negated))
        if self.q:
            where.append("e.article_id IN (SELECT id FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(fts_query(self.q))
        return " AND ".join(where), params

    def query(self) -> dict[str, str]:
        """The filters that are set, as query-string values."""
        out: dict[str, str] = {}
        for k, v in asdict(self).items():
            if v is not None:
                out[k] = str(v).lower() if isinstance(v, bool) else str(v)
        return out


def connect(path: Path) -> sqlite3.Connection:
    """A read-only connection (``mode=ro``, ``query_only``) with the PLOVER scale functions, in a read
    transaction: all its queries see the store as it was at the first one, whatever an ingest commits."""
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, check_same_thread=False,
                           isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA query_only = ON")
    conn.create_function("plover_quad", 2, quad, deterministic=True)
    conn.execute("BEGIN")
    return conn


def _has(codes: str, code: str) -> bool:
    return code in codes.split()


def decorate(rec: dict[str, Any]) -> dict[str, Any]:
    """Add the event's quad class, quad name and PLOVER score."""
    q = quad(rec["event"], rec.get("mode"))
    rec.update(quad=q, quad_name=quad_name(q), score=score(rec["event"], rec.get("mode")))
    return rec


def period_of(date: str | None, by: str) -> str | None:
    """The month (``2024-04``) or ISO week (``2024-W15``) of a date; None where the date is less precise."""
    if date is None:
        return None
    if by == "month":
        return date[:7] if len(date) >= 7 else None
    if len(date) < 10:
        return None
    year, week, _ = dt.date.fromisoformat(date[:10]).isocalendar()
    return f"{year}-W{week:02d}"


def _periods(first: str, last: str, by: str) -> list[str]:
    """Every month or week from ``first`` to ``last``."""
    out = [first]
    if by == "month":
        y, m = int(first[:4]), int(first[5:7])
        while out[-1] < last:
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
            out.append(f"{y:04d}-{m:02d}")
        return out
    day = dt.date.fromisocalendar(int(first[:4]), int(first[6:]), 1)
    while out[-1] < last:
        day += dt.timedelta(weeks=1)
        year, week, _ = day.isocalendar()
        out.append(f"{year}-W{week:02d}")
    return out


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


class Reader:
    """The explorer's queries over one read-only connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def events(self, f: Filters, clusters: bool = False, page: int = 1, per_page: int = 50) -> dict[str, Any]:
        """One page of event mentions (or clusters) matching ``f``, with the total count.

        A cluster is shown as its earliest matching mention plus ``sources``, ``mentions``,
        ``first_reported`` and ``last_reported`` over the whole cluster.
        """
        where, params = f.sql()
        base = f"FROM events e JOIN articles a ON a.id = e.article_id WHERE {where}"
        page_args = [per_page, (page - 1) * per_page]
        if clusters:
            m = ("WITH m AS (SELECT e.rowid AS r, e.cluster_id AS cid, row_number() OVER (PARTITION BY e.cluster_id"
                 f" ORDER BY a.date, a.rowid, e.rowid) AS rn {base})")
            total = self.conn.execute(f"{m} SELECT count(DISTINCT cid) FROM m", params).fetchone()[0]
            rows = self.conn.execute(
                f"{m}, s AS (SELECT e.cluster_id AS cid, count(DISTINCT e.article_id) AS sources,"
                " count(*) AS mentions, min(a.date) AS first_reported, max(a.date) AS last_reported FROM events e"
                " JOIN articles a ON a.id = e.article_id WHERE e.cluster_id IN (SELECT cid FROM m)"
                " GROUP BY e.cluster_id)"
                " SELECT e.article_id, e.cluster_id, e.record, a.title, a.date AS article_date, a.lang, s.sources,"
                " s.mentions, s.first_reported, s.last_reported FROM m JOIN events e ON e.rowid = m.r"
                " JOIN articles a ON a.id = e.article_id JOIN s ON s.cid = m.cid WHERE m.rn = 1"
                " ORDER BY e.date, e.cluster_id LIMIT ? OFFSET ?", [*params, *page_args]).fetchall()
        else:
            total = self.conn.execute(f"SELECT count(*) {base}", params).fetchone()[0]
            rows = self.conn.execute(
                "SELECT e.article_id, e.cluster_id, e.record, a.title, a.date AS article_date, a.lang"
                f" {base} ORDER BY e.date, a.date, e.article_id, e.rowid LIMIT ? OFFSET ?",
                [*params, *page_args]).fetchall()
        items = []
        for row in rows:
            rec = decorate(json.loads(row["record"]))
            rec.update({k: v for k, v in zip(row.keys(), row, strict=True) if k != "record"})
            items.append(rec)
        return {"total": total, "page": page, "per_page": per_page, "view": "clusters" if clusters else "mentions",
                "filters": f.query(), "items": items}

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The article with its entities, quotes and events (decorated); None if absent."""
        row = self.conn.execute("SELECT id, lang, date, title, url, source, ingested_at, text FROM articles"
                                " WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        art = dict(row)
        art["entities"] = [dict(r) for r in self.conn.execute(
            'SELECT text, start, "end", label, code, sector, wikidata_id FROM entities WHERE article_id = ?'
            " ORDER BY idx", (article_id,))]
        art["quotes"] = [json.loads(r["record"]) for r in self.conn.execute(
            "SELECT record FROM quotes WHERE article_id = ? ORDER BY start, id", (article_id,))]
        art["events"] = []
        for r in self.conn.execute("SELECT cluster_id, record FROM events WHERE article_id = ? ORDER BY rowid",
                                   (article_id,)):
            art["events"].append(decorate({**json.loads(r["record"]), "cluster_id": r["cluster_id"]}))
        return art

    def _event_rows(self, f: Filters, extra: str, extra_params: list[Any]) -> list[sqlite3.Row]:
        where, params = f.sql()
        return self.conn.execute(
            "SELECT e.article_id, e.event, e.mode, e.date, e.actor_codes, e.recipient_codes FROM events e"
            f" JOIN articles a ON a.id = e.article_id WHERE {where} AND ({extra}) ORDER BY e.date, e.rowid",
            [*params, *extra_params]).fetchall()

    def actor(self, code: str, by: str = "month") -> dict[str, Any] | None:
        """An actor's events over time as actor and as recipient, its top partners and its quotes; None if unseen."""
        rows = self._event_rows(Filters(), HAS_CODE, [code])
        quotes = []
        for r in self.conn.execute("SELECT article_id, record FROM quotes WHERE speaker_code = ?"
                                   " ORDER BY article_id, start LIMIT ?", (code, LIST_LIMIT)):
            quotes.append({**json.loads(r["record"]), "article_id": r["article_id"]})
        mentions = self.conn.execute("SELECT count(*) FROM entities WHERE code = ?", (code,)).fetchone()[0]
        if not rows and not quotes and not mentions:
            return None
        timeline: dict[str, Counter[str]] = defaultdict(Counter)
        partners: dict[str, Counter[str]] = defaultdict(Counter)
        counts: Counter[str] = Counter()
        for r in rows:
            roles = [role for role, codes in (("actor", r["actor_codes"]), ("recipient", r["recipient_codes"]))
                     if _has(codes, code)]
            period = period_of(r["date"], by)
            for role in roles:
                counts[role] += 1
                if period:
                    timeline[period][role] += 1
            if "actor" in roles:
                for other in set(r["recipient_codes"].split()) - {code}:
                    partners[other]["as_actor"] += 1
            if "recipient" in roles:
                for other in set(r["actor_codes"].split()) - {code}:
                    partners[other]["as_recipient"] += 1
        series = []
        if timeline:
            for p in _periods(min(timeline), max(timeline), by):
                series.append({"period": p, "as_actor": timeline[p]["actor"], "as_recipient": timeline[p]["recipient"]})
        top = sorted(partners.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:10]
        return {"code": code, "name": actor_names().get(code), "events_as_actor": counts["actor"],
                "events_as_recipient": counts["recipient"], "entity_mentions": mentions, "by": by,
                "timeline": series,
                "partners": [{"code": c, "name": actor_names().get(c), "as_actor": n["as_actor"],
                              "as_recipient": n["as_recipient"]} for c, n in top],
                "quotes": quotes}

    def network(self, f: Filters) -> dict[str, Any]:
        """Actors as nodes, actor -> recipient edges weighted by event count and scored by mean PLOVER score."""
        where, params = f.sql()
        edges: dict[tuple[str, str], list[float | None]] = defaultdict(list)
        for r in self.conn.execute("SELECT e.event, e.mode, e.actor_codes, e.recipient_codes FROM events e"
                                   f" JOIN articles a ON a.id = e.article_id WHERE {where}", params):
            s = score(r["event"], r["mode"])
            for a in set(r["actor_codes"].split()):
                for b in set(r["recipient_codes"].split()) - {a}:
                    edges[a, b].append(s)
        degree: Counter[str] = Counter()
        out_edges = []
        for (a, b), scores in sorted(edges.items()):
            degree[a] += len(scores)
            degree[b] += len(scores)
            mean = _mean([s for s in scores if s is not None])
            out_edges.append({"id": f"{a}>{b}", "source": a, "target": b, "events": len(scores), "score": mean,
                              "colour": score_colour(mean)})
        nodes = [{"id": c, "name": actor_names().get(c) or c, "events": n} for c, n in sorted(degree.items())]
        return {"filters": f.query(), "nodes": nodes, "edges": out_edges}

    def dyad(self, a: str, b: str, by: str, f: Filters) -> dict[str, Any]:
        """The mean PLOVER score per period of the events between ``a`` and ``b``, each way and together."""
        rows = [r for r in self._event_rows(f, f"{HAS_CODE} AND {HAS_CODE}", [a, b])
                if (_has(r["actor_codes"], a) and _has(r["recipient_codes"], b))
                or (_has(r["actor_codes"], b) and _has(r["recipient_codes"], a))]
        buckets: dict[str, dict[str, list[float | None]]] = defaultdict(lambda: {"a_to_b": [], "b_to_a": []})
        unplaced = 0
        events = []
        for r in rows:
            s = score(r["event"], r["mode"])
            way = "a_to_b" if _has(r["actor_codes"], a) and _has(r["recipient_codes"], b) else "b_to_a"
            events.append({"article_id": r["article_id"], "event": r["event"], "mode": r["mode"], "date": r["date"],
                           "direction": way, "score": s, "quad": quad(r["event"], r["mode"])})
            period = period_of(r["date"], by)
            if period is None:
                unplaced += 1
            else:
                buckets[period][way].append(s)
        series = []
        if buckets:
            for p in _periods(min(buckets), max(buckets), by):
                ways = buckets.get(p, {"a_to_b": [], "b_to_a": []})
                both = [s for v in ways.values() for s in v]
                point: dict[str, Any] = {"period": p, "events": len(both),
                                         "score": _mean([s for s in both if s is not None])}
                for way, scores in ways.items():
                    point[way] = {"events": len(scores), "score": _mean([s for s in scores if s is not None])}
                series.append(point)
        return {"a": a, "b": b, "by": by, "filters": f.query(), "series": series, "unplaced": unplaced,
                "events": events[:LIST_LIMIT]}

    def actor_codes(self) -> list[str]:
        """Every actor code that occurs in an event, for the filter forms."""
        codes: set[str] = set()
        for r in self.conn.execute("SELECT DISTINCT actor_codes, recipient_codes FROM events"):
            codes.update(r[0].split())
            codes.update(r[1].split())
        return sorted(codes)
