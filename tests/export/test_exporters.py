"""Every exporter's output parsed back: PLOVER JSONL, GDELT (61 columns, string codes), ICEWS, POLECAT, Parquet,
GraphML."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.store.helpers import doc
from tidende.errors import TidendeError
from tidende.export import export, formats
from tidende.export.common import cameo
from tidende.export.gdelt import N_COLUMNS
from tidende.records import Event
from tidende.store import Store, open_store

A = "Kina sender nødhjelp til Russland etter flommen i Orenburg."
B = "Kina har sendt nødhjelp til Russland etter flommen, melder NTB."


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = open_store(tmp_path / "t.db")
    s.add(doc("a", A, speaker="CHN"))
    s.add(doc("b", B, art_date="2024-04-16"))
    s.add(doc("c", "USA angriper\tmål i Syria.", event="ASSAULT", mode="firearms", actors=("USA",),
              recipients=("SYR", "IRN"), date="2024-05-01", lang="nb"))
    return s


def _tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_formats_are_registered() -> None:
    assert {"plover-jsonl", "gdelt", "icews", "polecat", "parquet", "graphml"} <= set(formats())
    with pytest.raises(TidendeError) as err:
        export(None, "xml", "x")  # type: ignore[arg-type]
    assert err.value.code == "E018"


def test_cameo_table_read_backwards() -> None:
    aid, fire, accuse = cameo("AID", None), cameo("ASSAULT", "firearms"), cameo("ACCUSE", "disapprove")
    assert aid is not None and (aid.root, aid.code, aid.quad) == ("07", "070", 2)
    assert fire is not None and fire.root == "19"
    assert accuse is not None and accuse.root == "11"
    assert cameo("NOPE", None) is None


def test_plover_jsonl(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "e.jsonl"
    assert export(store, "plover-jsonl", out) == 3
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["article_id"] for r in recs] == ["a", "b", "c"] and recs[0]["cluster_id"] == recs[1]["cluster_id"]
    for r in recs:
        Event.model_validate({k: v for k, v in r.items() if k not in ("article_id", "cluster_id")})


def test_gdelt(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "e.tsv"
    assert export(store, "gdelt", out) == 2
    rows = _tsv(out)
    assert len(rows) == 2 and all(len(r) == N_COLUMNS == 61 for r in rows)
    aid, assault = rows
    assert aid[1:5] == ["20240415", "202404", "2024", "2024.2877"]
    assert (aid[5], aid[7], aid[15], aid[22]) == ("CHN", "CHN", "RUSGOV", "GOV")
    assert aid[26:30] == ["070", "070", "07", "2"] and aid[31:34] == ["2", "2", "2"]
    assert assault[26:30] == ["190", "190", "19", "4"] and assault[25] == "1"
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(out, sep="\t", header=None, dtype=str, quoting=csv.QUOTE_NONE)
    assert frame.shape == (2, 61) and list(frame[28]) == ["07", "19"]


@pytest.mark.parametrize("fmt", ["icews", "polecat"])
def test_style_tsvs(store: Store, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "e.tsv"
    assert export(store, fmt, out) == 3
    header, *rows = _tsv(out)
    assert all(len(r) == len(header) for r in rows) and len(rows) == 3
    got = [dict(zip(header, r, strict=True)) for r in rows]
    assert got[0]["Event ID"] == "a:e1" and got[0]["Cluster ID"] == got[1]["Cluster ID"] != got[2]["Cluster ID"]
    if fmt == "icews":
        assert len(header) == 23 and got[2]["CAMEO Code"] == "190" and got[2]["Target Country"] == "SYR;IRN"
    else:
        assert got[2]["Quad Code"] == "Material conflict" and got[2]["Event Mode"] == "firearms"
        assert got[2]["Evidence"] == "USA angriper mål i Syria."  # tab flattened


def test_parquet(store: Store, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "e.parquet"
    assert export(store, "parquet", out) == 3
    table = pq.read_table(out).to_pylist()
    assert [r["article_id"] for r in table] == ["a", "b", "c"] and table[2]["recipient_codes"] == "SYR;IRN"
    assert table[0]["negated"] is False and json.loads(table[0]["record"])["event"] == "AID"


def test_graphml(store: Store, tmp_path: Path) -> None:
    nx = pytest.importorskip("networkx")
    out = tmp_path / "e.graphml"
    assert export(store, "graphml", out) == 3
    g = nx.read_graphml(out)
    assert g.edges["CHN", "RUS"] == {"events": 1, "mentions": 2, "types": "AID=1"}
    assert g.nodes["USA"]["as_actor"] == 1 and g.nodes["IRN"]["as_recipient"] == 1


def test_filters_reach_exporters(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "e.jsonl"
    assert export(store, "plover-jsonl", out, actor="USA") == 1
    assert export(store, "gdelt", out, actor="CHN' OR 1=1 --") == 0
