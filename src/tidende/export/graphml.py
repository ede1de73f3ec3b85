"""GraphML actor network (networkx): actor codes as nodes, actor -> recipient edges.

Counts are of event clusters (happenings), not mentions: node ``as_actor`` and
``as_recipient``; edge ``events``, ``mentions`` (their mentions) and ``types``
(``AID=2 SUPPORT=1``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from tidende.errors import TidendeError
from tidende.registry import exporters
from tidende.store.sqlite import Store


@exporters.register("graphml")
def export_graphml(store: Store, path: Path, **filters: Any) -> int:
    """Write the network of the (filtered) clusters; return the number of edges."""
    try:
        import networkx as nx
    except ImportError:
        raise TidendeError("E019", what="graphml export", package="networkx", extra="analysis") from None
    as_actor: Counter[str] = Counter()
    as_recipient: Counter[str] = Counter()
    types: defaultdict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    mentions: Counter[tuple[str, str]] = Counter()
    for rec in store.events(clusters=True, **filters):
        actors = {a["code"] for a in rec["actor"]}
        recipients = {r["code"] for r in rec["recipient"]}
        as_actor.update(actors)
        as_recipient.update(recipients)
        for edge in ((a, r) for a in actors for r in recipients):
            types[edge][rec["event"]] += 1
            mentions[edge] += rec["mentions"]
    graph = nx.DiGraph()
    for code in sorted(as_actor.keys() | as_recipient.keys()):
        graph.add_node(code, as_actor=as_actor[code], as_recipient=as_recipient[code])
    for (a, r), counts in sorted(types.items()):
        graph.add_edge(a, r, events=sum(counts.values()), mentions=mentions[a, r],
                       types=" ".join(f"{t}={n}" for t, n in sorted(counts.items())))
    nx.write_graphml(graph, path)
    return graph.number_of_edges()
