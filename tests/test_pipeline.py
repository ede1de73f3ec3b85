"""The pipeline: a failing stage costs one document, not the batch."""

from __future__ import annotations

import pytest

from tidende.errors import TidendeError
from tidende.pipeline import Context, Pipeline
from tidende.records import Article, Document
from tidende.registry import stages


@stages.register("test_fails_on_boom")
def _fails_on_boom(ctx: Context) -> None:
    if "boom" in ctx.article.text:
        raise RuntimeError("exploded")


def test_pipeline_stage_error_is_reported_per_document() -> None:
    pipeline = Pipeline(stages=("test_fails_on_boom",), lang="en")
    arts = [Article(id=i, text=t, source=f"in.jsonl:{n}") for n, (i, t) in
            enumerate([("a", "Russia attacked."), ("b", "boom went the dam."), ("c", "China agreed.")], start=1)]
    results = {a.id: r for a, r in pipeline.pipe(arts)}
    assert isinstance(results["a"], Document) and isinstance(results["c"], Document)
    err = results["b"]
    assert isinstance(err, TidendeError) and err.code == "E020" and err.where == "in.jsonl:2"
    assert "RuntimeError: exploded" in str(err)
    with pytest.raises(TidendeError):
        pipeline.process(arts[1])
