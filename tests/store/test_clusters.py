"""Cross-article clusters: same happening -> one cluster; stable ids; replacement keeps them consistent."""

from __future__ import annotations

from pathlib import Path

from tests.store.helpers import doc
from tidende.store import open_store
from tidende.store.cluster import date_range, similarity

A = "Kina sender nødhjelp til Russland etter flommen i Orenburg."
B = "Kina har sendt nødhjelp til Russland etter flommen, melder NTB."


def _clusters(store) -> list[dict]:  # type: ignore[no-untyped-def]
    return list(store.events(clusters=True))


def test_date_ranges() -> None:
    assert date_range("2024-04-15") == ("2024-04-15", "2024-04-15")
    assert date_range("2024-02") == ("2024-02-01", "2024-02-29")
    assert date_range("2024") == ("2024-01-01", "2024-12-31")
    assert date_range("2024-W16") == ("2024-04-15", "2024-04-21")
    assert date_range("2024-04-13/2024-04-15") == ("2024-04-13", "2024-04-15")
    assert date_range("neste uke") is None and date_range(None) is None


def test_same_happening_in_two_articles_is_one_cluster(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.db") as store:
        store.add(doc("a", A))
        first = [r["cluster_id"] for r in store.events()]
        store.add(doc("b", B, date="2024-04", art_date="2024-04-16"))  # month contains the day
        mentions = list(store.events())
        assert len(mentions) == 2 and {r["cluster_id"] for r in mentions} == set(first)
        (c,) = _clusters(store)
        assert c["cluster_id"] == first[0] and c["article_id"] == "a"
        assert (c["sources"], c["mentions"], c["first_reported"], c["last_reported"]) == (2, 2, "2024-04-15",
                                                                                          "2024-04-16")
        assert store.stats()["clusters"] == 1


def test_incompatible_mentions_get_their_own_clusters(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.db") as store:
        store.add(doc("a", A))
        store.add(doc("b", B, date="2024-04-20"))  # another day
        store.add(doc("c", B, negated=True))  # a denial is another claim
        store.add(doc("d", B, event="SUPPORT"))  # another type
        store.add(doc("e", B, actors=("USA",)))  # no shared actor
        store.add(doc("f", "Myndighetene i Beijing vil sende penger til Moskva."))  # same language, other words
        assert len(_clusters(store)) == 6


def test_languages_are_matched_without_evidence_overlap(tmp_path: Path) -> None:
    assert similarity(A, "China sends emergency aid to Russia.") < 0.2
    with open_store(tmp_path / "t.db") as store:
        store.add(doc("a", A))
        store.add(doc("b", "China sends emergency aid to Russia.", lang="en"))
        assert [c["sources"] for c in _clusters(store)] == [2]


def test_events_without_dates_fall_back_to_article_dates(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.db") as store:
        store.add(doc("a", A, date=None))
        store.add(doc("b", B, date=None, art_date="2024-04"))
        store.add(doc("c", B, date=None, art_date=None))
        store.add(doc("d", A, date=None, art_date=None))
        assert sorted(c["sources"] for c in _clusters(store)) == [2, 2]


def test_reingest_and_replacement_keep_clusters_consistent(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.db") as store:
        store.add(doc("a", A))
        store.add(doc("b", B))
        (cid,) = {r["cluster_id"] for r in store.events()}
        assert store.add(doc("a", A)) == "unchanged" and store.add(doc("b", B)) == "unchanged"
        assert [(c["cluster_id"], c["sources"]) for c in _clusters(store)] == [(cid, 2)]
        # an edited leader that still reports the happening stays in its cluster
        assert store.add(doc("a", A.replace("Orenburg", "Orsk"))) == "replaced"
        assert [(c["cluster_id"], c["sources"]) for c in _clusters(store)] == [(cid, 2)]
        # the leader now reports something else: the cluster lives on with b, a gets a new one
        store.add(doc("a", A + " Oppdatert.", event="SUPPORT"))
        got = {c["event"]: (c["cluster_id"], c["sources"]) for c in _clusters(store)}
        assert got["AID"] == (cid, 1) and got["SUPPORT"][0] != cid and store.stats()["clusters"] == 2
        # its last mention gone, a cluster is dropped
        store.add(doc("b", B + " Oppdatert.", event="SUPPORT"))
        assert store.stats()["clusters"] == 1 and [c["sources"] for c in _clusters(store)] == [2]


def test_cluster_ids_do_not_depend_on_later_articles(tmp_path: Path) -> None:
    ids = []
    for n, extra in enumerate(([], [doc("b", B)], [doc("b", B), doc("c", A, date="2024-04-20")])):
        with open_store(tmp_path / f"{n}.db") as store:
            for d in [doc("a", A), *extra]:
                store.add(d)
            ids.append(next(r["cluster_id"] for r in store.events() if r["article_id"] == "a"))
    assert len(set(ids)) == 1


def test_cluster_filters_pick_a_matching_mention(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.db") as store:
        store.add(doc("a", A))
        store.add(doc("b", "China sends emergency aid to Russia.", lang="en", art_date="2024-04-16"))
        (c,) = store.events(clusters=True, lang="en")
        assert c["article_id"] == "b" and c["sources"] == 2
        assert list(store.events(clusters=True, type="SUPPORT")) == []
