"""A readable summary of a processed document: events and quotes."""

from __future__ import annotations

from tidende.records import Document, Event, EventActor


def _actors(actors: list[EventActor]) -> str:
    if not actors:
        return "?"
    return "+".join(" ".join(x for x in (a.code, a.sector) if x) for a in actors)


def event_line(e: Event) -> str:
    """``CHN -[AID]-> RUS`` with mode, flags, date, source and trigger."""
    kind = e.event + (f"/{e.mode}" if e.mode else "")
    flags = []
    if e.negated:
        flags.append("NOT")
    if e.modality != "asserted":
        flags.append(e.modality)
    if e.date:
        flags.append(e.date)
    if e.attribution:
        who = e.attribution.code or e.attribution.text
        flags.append(f"{'denied' if e.attribution.stance == 'denies' else 'according to'} {who}")
    extra = f"  ({', '.join(flags)})" if flags else ""
    return f"{_actors(e.actor)} -[{kind}]-> {_actors(e.recipient)}{extra}  «{e.trigger.text}»"


def summarize(doc: Document, width: int = 90) -> str:
    """Several lines: header, events, quotes with speakers."""
    lines = [f"{doc.id} [{doc.lang}, {doc.date or 'no date'}]: {len(doc.entities)} entities, "
             f"{len(doc.quotes)} quotes, {len(doc.events)} events"]
    lines.append("Events:")
    lines += [f"  {event_line(e)}" for e in doc.events] or ["  (none)"]
    lines.append("Quotes:")
    for q in doc.quotes:
        who = "?"
        if q.speaker:
            who = q.speaker.text + (f" [{q.speaker.code}{' ' + q.speaker.sector if q.speaker.sector else ''}]"
                                    if q.speaker.code else "")
        content = q.content if len(q.content) <= width else q.content[: width - 1] + "…"
        lines.append(f"  {who} ({q.kind}{', denies' if q.stance == 'denies' else ''}): {content}")
    if not doc.quotes:
        lines.append("  (none)")
    return "\n".join(lines)
