"""Multi-process extraction on one machine: the pipeline loaded once per worker process.

Articles are read by the parent and sent to the workers in batches; at most a few
batches per worker are in flight, so memory stays bounded however long the input, and
results are yielded in input order. Input that fits one batch runs in-process: a
single article does not pay for starting workers.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import chain, islice
from typing import Protocol, TypeVar

from tidende.errors import TidendeError
from tidende.pipeline import DEFAULT_STAGES, Pipeline
from tidende.records import Article, DocDate, Document

Result = tuple[Article, Document | TidendeError]
T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
#: Batches in flight per worker: enough to keep every worker busy, few enough to bound memory.
IN_FLIGHT_PER_WORKER = 2


@dataclass(frozen=True)
class PipelineSpec:
    """What a worker needs to build the same ``Pipeline`` as the parent (picklable)."""

    lang: str = "auto"
    date: DocDate | None = None
    stages: tuple[str, ...] = DEFAULT_STAGES
    batch_size: int = 16

    def build(self) -> Pipeline:
        """The pipeline this spec describes."""
        return Pipeline(stages=self.stages, lang=self.lang, date=self.date, batch_size=self.batch_size)


def available_cores() -> int:
    """The cores this process may run on (the default number of workers)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


_worker_pipeline: Pipeline | None = None


def _init_worker(spec: PipelineSpec) -> None:
    global _worker_pipeline
    _worker_pipeline = spec.build()


def _run_batch(batch: list[Article]) -> list[Document | TidendeError]:
    assert _worker_pipeline is not None, "worker not initialised"
    return [result for _, result in _worker_pipeline.pipe(batch)]


def batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Lists of up to ``size`` consecutive items."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


class _Pending(Protocol[T_co]):
    def result(self) -> T_co: ...


def in_order(batches: Iterable[list[Article]], submit: Callable[[list[Article]], _Pending[T]], limit: int,
             lost: tuple[type[BaseException], ...]) -> Iterator[tuple[list[Article], T]]:
    """Submit ``batches`` with at most ``limit`` in flight; yield each with its result in input order.

    An exception of a ``lost`` type (a worker gone) ends it with E021, counting the documents in flight.
    """
    pending: deque[tuple[list[Article], _Pending[T]]] = deque()

    def collect() -> tuple[list[Article], T]:
        batch, future = pending.popleft()
        try:
            return batch, future.result()
        except lost as exc:
            in_flight = len(batch) + sum(len(b) for b, _ in pending)
            pending.clear()
            raise TidendeError("E021", error=str(exc) or type(exc).__name__, pending=in_flight) from None

    for batch in batches:
        pending.append((batch, submit(batch)))
        if len(pending) >= limit:
            yield collect()
    while pending:
        yield collect()


def parallel_pipe(articles: Iterable[Article], spec: PipelineSpec, workers: int) -> Iterator[Result]:
    """Process ``articles`` with ``workers`` processes; yield ``(article, document or error)`` in input order.

    A worker that dies (killed, out of memory) ends the run with E021 for the documents
    not yet returned; what was yielded before stays valid.
    """
    batches = batched(articles, spec.batch_size)
    head = list(islice(batches, 2))
    if workers <= 1 or len(head) < 2:
        yield from spec.build().pipe(chain.from_iterable(chain(head, batches)))
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(spec,)) as pool:
        def submit(batch: list[Article]) -> Future[list[Document | TidendeError]]:
            return pool.submit(_run_batch, batch)

        done = in_order(chain(head, batches), submit, workers * IN_FLIGHT_PER_WORKER, (BrokenProcessPool,))
        for batch, results in done:
            yield from zip(batch, results, strict=True)
