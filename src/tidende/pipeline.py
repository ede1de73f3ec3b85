"""The extraction pipeline: an ``Article`` in, a ``Document`` record out.

Stages run in order over a shared ``Context``; each is a function registered in
``tidende.registry.stages`` and chosen by name, so an alternative (say, a
learned event coder) can be swapped in and compared on the same gold.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from tidende import registry
from tidende.errors import TidendeError
from tidende.ingest.langid import detect_language
from tidende.records import Article, DocDate, Document, Entity, Event, Quote

DEFAULT_STAGES = ("entities", "quotes", "timex", "events")


@dataclass
class Context:
    """What the stages share while processing one article."""

    article: Article
    lang: str
    doc: Doc
    ref: DocDate | None
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    extras: dict[str, object] = field(default_factory=dict)

    def to_document(self) -> Document:
        """The output record."""
        a = self.article
        return Document(
            id=a.id,
            lang=self.lang,  # type: ignore[arg-type]
            date=a.date.iso() if a.date else None,
            title=a.title,
            text=a.text,
            entities=self.entities,
            quotes=self.quotes,
            events=self.events,
        )


def choose_language(article: Article, override: str = "auto") -> str:
    """The language to process ``article`` in: ``override`` unless ``auto``, else the article's or detected."""
    if override not in ("auto", "nb", "nn", "en"):
        raise TidendeError("E010", value=override)
    lang = override if override != "auto" else article.lang or detect_language(article.text)
    if lang not in ("nb", "nn", "en"):
        raise TidendeError("E009", article.source, detected=lang)
    return lang


class Pipeline:
    """Runs spaCy and the registered stages over articles."""

    def __init__(self, stages: Sequence[str] = DEFAULT_STAGES, lang: str = "auto",
                 date: DocDate | None = None, batch_size: int = 16) -> None:
        registry.register_defaults()
        self.stage_names = list(stages)
        self.stages = [registry.stages.get(name) for name in stages]
        self.lang = lang
        self.date = date
        self.batch_size = batch_size

    def _context(self, article: Article, lang: str, doc: Doc) -> Context:
        ref = self.date or article.date
        return Context(article=article, lang=lang, doc=doc, ref=ref)

    def _run_stages(self, article: Article, lang: str, doc: Doc) -> Document | TidendeError:
        """The stages over one parsed article; a bug in a stage costs this document only (E020)."""
        ctx = self._context(article, lang, doc)
        try:
            for stage in self.stages:
                stage(ctx)
            return ctx.to_document()
        except Exception as exc:
            return TidendeError("E020", article.source or article.id, error=f"{type(exc).__name__}: {exc}")

    def process(self, article: Article) -> Document:
        """Process one article; raise its ``TidendeError`` if it fails."""
        result = next(iter(self.pipe([article])))[1]
        if isinstance(result, TidendeError):
            raise result
        return result

    def pipe(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Document | TidendeError]]:
        """Process articles in language batches through ``nlp.pipe``; errors are yielded, not raised."""
        from tidende.nlp import load

        batch: list[tuple[Article, str]] = []

        def flush() -> Iterator[tuple[Article, Document | TidendeError]]:
            by_lang: dict[str, list[Article]] = {}
            for art, lg in batch:
                by_lang.setdefault(lg, []).append(art)
            results: dict[int, Document | TidendeError] = {}
            for lg, arts in by_lang.items():
                nlp = load(lg)
                for art, doc in zip(arts, nlp.pipe(a.text for a in arts), strict=True):
                    results[id(art)] = self._run_stages(art, lg, doc)
            for art, _ in batch:
                yield art, results[id(art)]
            batch.clear()

        for article in articles:
            try:
                lang = choose_language(article, self.lang)
            except TidendeError as err:
                yield article, err
                continue
            batch.append((article, lang))
            if len(batch) >= self.batch_size:
                yield from flush()
        yield from flush()
