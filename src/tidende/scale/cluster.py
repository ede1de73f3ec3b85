"""Scale-out on Dask: shards of articles processed on a cluster, merged by one writer.

The client reads the input and submits shards of ``shard_size`` articles; a worker
plugin builds the pipeline once per worker; each shard's documents are written as a
Parquet file to ``shards_dir`` (which the client must be able to read: a local folder
for ``LocalCluster``, a shared filesystem for a remote cluster). The client reads the
shards back in input order and yields the documents, so one process writes the store:
SQLite must never be written by many nodes.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from itertools import count
from pathlib import Path

from distributed import Client, Future, KilledWorker, LocalCluster, Worker, WorkerPlugin, get_worker

from tidende.errors import TidendeError
from tidende.pipeline import Pipeline
from tidende.records import Article, Document
from tidende.scale.local import PipelineSpec, Result, batched, in_order

PLUGIN_NAME = "tidende-pipeline"
#: Shards in flight per worker.
IN_FLIGHT_PER_WORKER = 2


class PipelinePlugin(WorkerPlugin):
    """Builds the tidende pipeline once per worker (models load on first use, once per process)."""

    name = PLUGIN_NAME

    def __init__(self, spec: PipelineSpec) -> None:
        self.spec = spec
        self.pipeline: Pipeline | None = None

    def setup(self, worker: Worker) -> None:
        """Build the pipeline, and load the model now when the language is forced."""
        self.pipeline = self.spec.build()
        if self.spec.lang != "auto":
            from tidende.nlp import load

            load(self.spec.lang)


def _process_shard(articles: list[Article], path: str) -> str:
    """Run one shard on this worker and write its results to ``path`` (Parquet)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    plugin = get_worker().plugins[PLUGIN_NAME]
    assert isinstance(plugin, PipelinePlugin) and plugin.pipeline is not None, "worker plugin not set up"
    pipeline = plugin.pipeline
    documents: list[str | None] = []
    errors: list[str | None] = []
    for _, result in pipeline.pipe(articles):
        if isinstance(result, TidendeError):
            documents.append(None)
            errors.append(json.dumps([result.code, result.where, result.kwargs], default=str))
        else:
            documents.append(result.model_dump_json())
            errors.append(None)
    table = pa.table({"id": [a.id for a in articles], "document": documents, "error": errors})
    tmp = Path(path).with_suffix(".tmp")
    pq.write_table(table, tmp)
    tmp.replace(path)
    return path


def _read_shard(path: str, articles: list[Article]) -> Iterator[Result]:
    import pyarrow.parquet as pq

    rows = pq.read_table(path).to_pylist()
    for article, row in zip(articles, rows, strict=True):
        if row["error"] is not None:
            code, where, kwargs = json.loads(row["error"])
            yield article, TidendeError(code, where, **kwargs)
        else:
            yield article, Document.model_validate_json(row["document"])


def connect(scheduler: str | None, workers: int) -> Client:
    """A client of the cluster at ``scheduler``, or of a new ``LocalCluster`` with ``workers`` processes."""
    try:
        if scheduler:
            return Client(scheduler, timeout="10s")
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        return Client(cluster)
    except (OSError, TimeoutError, ValueError) as exc:
        raise TidendeError("E022", error=f"{type(exc).__name__}: {exc}") from None


def dask_pipe(articles: Iterable[Article], spec: PipelineSpec, client: Client, shards_dir: Path,
              shard_size: int = 64) -> Iterator[Result]:
    """Process ``articles`` on the cluster behind ``client``; yield results in input order."""
    client.register_plugin(PipelinePlugin(spec), name=PLUGIN_NAME)
    shards_dir.mkdir(parents=True, exist_ok=True)
    limit = max(1, len(client.scheduler_info().get("workers", {}))) * IN_FLIGHT_PER_WORKER
    numbers = count()

    def submit(shard: list[Article]) -> Future[str]:
        path = str(shards_dir / f"shard-{next(numbers):06d}.parquet")
        return client.submit(_process_shard, shard, path, pure=False)

    for shard, path in in_order(batched(articles, shard_size), submit, limit, (KilledWorker,)):
        yield from _read_shard(path, shard)
