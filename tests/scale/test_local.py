"""The worker pool: batching, ordering and what happens when a worker dies."""

from __future__ import annotations

from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

import pytest

from tidende.errors import TidendeError
from tidende.records import Article
from tidende.scale.local import batched, in_order


def _art(i: int) -> Article:
    return Article(id=str(i), text=f"text {i}")


def test_batched_keeps_order_and_sizes() -> None:
    batches = list(batched((_art(i) for i in range(5)), 2))
    assert [[a.id for a in b] for b in batches] == [["0", "1"], ["2", "3"], ["4"]]


def test_dead_worker_reports_the_documents_in_flight() -> None:
    dead: Future[list[object]] = Future()
    dead.set_exception(BrokenProcessPool("a child process terminated abruptly"))
    queued: Future[list[object]] = Future()
    futures = iter([dead, queued])
    batches = [[_art(0), _art(1)], [_art(2), _art(3), _art(4)]]
    with pytest.raises(TidendeError) as info:
        list(in_order(batches, lambda _: next(futures), limit=2, lost=(BrokenProcessPool,)))
    assert info.value.code == "E021"
    assert "5 document(s) in flight" in str(info.value)


def test_worker_errors_survive_pickling() -> None:
    import pickle

    err = TidendeError("E013", "big.txt", size=10, limit=5)
    back = pickle.loads(pickle.dumps(err))
    assert (back.code, back.where, str(back)) == ("E013", "big.txt", str(err))
