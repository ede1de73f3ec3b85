"""Serial, multi-process and Dask runs of the same documents give identical records."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidende.cli import app
from tidende.errors import TidendeError
from tidende.records import Article, DocDate, Document
from tidende.scale import PipelineSpec, parallel_pipe
from tidende.scale.cluster import connect, dask_pipe
from tidende.scale.local import Result

TEXTS = [
    ("nb", "Kinas utenriksminister Wang Yi besøkte Moskva mandag. Han møtte Russlands president Vladimir Putin."),
    ("en", "China's foreign minister visited Moscow on Monday. Russia and China signed a trade agreement."),
    ("nn", "Noreg kritiserte Russland for angrepet. Regjeringa vil sende meir hjelp til Ukraina neste veke."),
    ("nb", "Statsminister Jonas Gahr Støre sa at Norge ikke vil sende våpen. – Vi følger saken, sa han."),
    ("en", "The embassy denied that China had supplied weapons to Russia, a spokesman said."),
    ("nb", "USA innførte nye sanksjoner mot Iran fredag, ifølge Reuters."),
]
SPEC = PipelineSpec(batch_size=2)  # three batches: the worker pool is used


def _articles() -> list[Article]:
    return [Article(id=f"d{i}", text=t, lang=lang, date=DocDate.parse("2024-04-15"), source=f"d{i}")  # type: ignore[arg-type]
            for i, (lang, t) in enumerate(TEXTS)]


def _records(results: list[Result]) -> list[str]:
    out = []
    for _, doc in results:
        assert isinstance(doc, Document), doc
        out.append(doc.model_dump_json())
    return out


@pytest.mark.slow
def test_serial_multiprocess_and_dask_records_are_identical(tmp_path: Path) -> None:
    serial = _records(list(SPEC.build().pipe(_articles())))
    assert sum(len(Document.model_validate_json(r).events) for r in serial) >= 4, "too few events to compare"
    assert _records(list(parallel_pipe(_articles(), SPEC, workers=2))) == serial
    with connect(None, workers=2) as client:
        shards = tmp_path / "shards"
        assert _records(list(dask_pipe(_articles(), SPEC, client, shards, shard_size=2))) == serial
        assert client.cluster is not None
        client.cluster.close()
    assert len(list(shards.glob("shard-*.parquet"))) == 3


def _store_rows(db: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT article_id, id, cluster_id, record FROM events ORDER BY article_id, id").fetchall()


@pytest.mark.slow
def test_ingest_with_workers_stores_what_a_serial_ingest_stores(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(20):  # more than one batch of 16: the worker pool runs
        _, text = TEXTS[i % len(TEXTS)]
        (docs / f"{i:02d}.txt").write_text(f"date 2024-04-{i + 1:02d}\n{text}", encoding="utf-8")
    runner = CliRunner()
    for name, extra in (("serial", ["--workers", "1"]), ("pool", ["--workers", "2"])):
        res = runner.invoke(app, ["ingest", str(docs), "--db", str(tmp_path / f"{name}.db"), *extra])
        assert res.exit_code == 0, res.output
        assert "20 added" in res.output
    serial = _store_rows(tmp_path / "serial.db")
    assert serial and _store_rows(tmp_path / "pool.db") == serial


def test_bad_cluster_options_are_usage_errors(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["ingest", "x.txt", "--db", str(tmp_path / "t.db"), "--cluster", "yarn"])
    assert res.exit_code == 2 and "unknown cluster 'yarn'" in res.output
    res = CliRunner().invoke(app, ["ingest", "x.txt", "--cluster", "local", "--scheduler", "tcp://127.0.0.1:1"])
    assert res.exit_code == 2 and "either --cluster local or --scheduler" in res.output


def test_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(TidendeError) as info:
        connect("tcp://127.0.0.1:9", workers=1)
    assert info.value.code == "E022"


def test_reingest_skips_stored_articles_before_processing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text('{"id": "a", "text": "Norge sender hjelp til Ukraina.", "date": "2024-04-15"}\n'
                    '{"id": "b", "text": "China met Russia on Monday.", "lang": "en"}\n', encoding="utf-8")
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    assert "2 added" in runner.invoke(app, ["ingest", str(docs), "--db", db]).output
    from tidende.pipeline import Pipeline

    def no_processing(self: Pipeline, articles: object) -> object:
        processed = list(articles)  # type: ignore[call-overload]
        assert not processed, "stored articles were processed again"
        return iter(())

    with monkeypatch.context() as m:
        m.setattr(Pipeline, "pipe", no_processing)
        again = runner.invoke(app, ["ingest", str(docs), "--db", db, "--workers", "1"])
    assert again.exit_code == 0 and "0 added, 0 replaced, 2 unchanged" in again.output
    forced = runner.invoke(app, ["ingest", str(docs), "--db", db, "--lang", "nn"])
    assert "0 added, 2 replaced" in forced.output  # another language is other content
