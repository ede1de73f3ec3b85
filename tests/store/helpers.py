"""Hand-built Document records for the store and export tests (no spaCy)."""

from __future__ import annotations

from tidende.records import Attribution, Document, Event, EventActor, Quote, Span, Speaker


def actor(code: str, text: str, sector: str | None = None) -> EventActor:
    """An event actor whose offsets are not checked by the store."""
    return EventActor(code=code, sector=sector, entity_text=text, start=0, end=len(text))


def doc(doc_id: str, evidence: str, *, event: str = "AID", actors: tuple[str, ...] = ("CHN",),
        recipients: tuple[str, ...] = ("RUS",), date: str | None = "2024-04-15", art_date: str | None = "2024-04-15",
        lang: str = "nb", negated: bool = False, mode: str | None = None, speaker: str | None = None,
        title: str | None = None) -> Document:
    """A one-event article whose text is ``evidence`` (plus a quote by ``speaker``'s code, if given)."""
    text = evidence
    quotes = []
    if speaker:
        said = "Vi hjelper gjerne, sier talspersonen."
        quotes.append(Quote(id="q1", kind="direct", content="Vi hjelper gjerne", start=len(text) + 1,
                            end=len(text) + 18, speaker=Speaker(text="talspersonen", code=speaker, start=0, end=1)))
        text = f"{text}\n{said}"
    trigger = evidence.split()[1]
    ev = Event(id="e1", event=event, mode=mode, actor=[actor(c, c.title()) for c in actors],
               recipient=[actor(c, c.title(), "GOV") for c in recipients], date=date,
               date_precision="day" if date else None, negated=negated,
               attribution=Attribution(text="NTB", code="NOR") if speaker else None,
               trigger=Span(text=trigger, start=evidence.index(trigger), end=evidence.index(trigger) + len(trigger)),
               evidence=Span(text=evidence, start=0, end=len(evidence)))
    return Document(id=doc_id, lang=lang, date=art_date, title=title, text=text, quotes=quotes,  # type: ignore[arg-type]
                    events=[ev])
