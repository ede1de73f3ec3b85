// Network page: draws /api/network with Cytoscape.js; clicking an edge lists its events
// (from /api/events with the page's filters and the edge's actor and recipient).
(function () {
  "use strict";
  var box = document.getElementById("cy");
  if (!box || typeof cytoscape !== "function") { return; }
  var status = document.getElementById("network-status");
  var title = document.getElementById("edge-title");
  var list = document.getElementById("edge-events");

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function codes(actors) {
    return actors.map(function (a) { return a.code; }).join(", ") || "–";
  }

  function showEdge(edge) {
    var d = edge.data();
    title.textContent = d.source + " → " + d.target + ": " + d.events + " event" + (d.events === 1 ? "" : "s");
    status.textContent = d.score === null ? "no PLOVER score" : "mean PLOVER score " + d.score.toFixed(2);
    list.replaceChildren();
    var url = new URL(box.getAttribute("data-events"), location.href);
    url.searchParams.set("actor", d.source);
    url.searchParams.set("recipient", d.target);
    url.searchParams.set("per_page", "200");
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (page) {
        page.items.forEach(function (ev) {
          var li = el("li", "q" + (ev.quad || 0));
          li.appendChild(el("span", "date", (ev.date || "–") + " "));
          li.appendChild(el("span", "type q" + (ev.quad || 0), ev.event));
          li.appendChild(document.createTextNode(
            (ev.mode ? " " + ev.mode : "") + " " + codes(ev.actor) + " → " + codes(ev.recipient) +
            (ev.negated ? " (negated)" : "") + (ev.modality !== "asserted" ? " (" + ev.modality + ")" : "") + " "));
          var link = el("a", "article-link", ev.title || ev.article_id);
          link.href = "/articles/" + encodeURIComponent(ev.article_id) + "#ev-" + encodeURIComponent(ev.id);
          li.appendChild(link);
          li.appendChild(el("div", "dim", ev.evidence.text));
          list.appendChild(li);
        });
        box.setAttribute("data-edge-loaded", d.id);
      })
      .catch(function () { status.textContent = "could not load the events of this edge"; });
  }

  fetch(box.getAttribute("data-api"), { headers: { Accept: "application/json" } })
    .then(function (r) { return r.json(); })
    .then(function (net) {
      var most = Math.max.apply(null, [1].concat(net.edges.map(function (e) { return e.events; })));
      var biggest = Math.max.apply(null, [1].concat(net.nodes.map(function (n) { return n.events; })));
      var cy = cytoscape({
        container: box,
        elements: {
          nodes: net.nodes.map(function (n) { return { data: n }; }),
          edges: net.edges.map(function (e) { return { data: e }; })
        },
        style: [
          { selector: "node", style: {
            "label": "data(id)", "background-color": "#4a6fa5", "color": "#1d1d1f", "font-size": 11,
            "text-valign": "center", "text-halign": "right", "text-margin-x": 4,
            "width": "mapData(events, 1, " + biggest + ", 14, 44)", "height": "mapData(events, 1, " + biggest + ", 14, 44)" } },
          { selector: "edge", style: {
            "line-color": "data(colour)", "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle",
            "curve-style": "bezier", "opacity": 0.85,
            "width": "mapData(events, 1, " + Math.max(most, 2) + ", 2, 12)" } },
          { selector: "edge:selected", style: { "opacity": 1, "underlay-color": "#222", "underlay-opacity": 0.25,
                                               "underlay-padding": 4 } }
        ],
        // A circle keeps small networks readable (no edge runs through a node); larger ones get force-directed.
        layout: net.nodes.length <= 20
          ? { name: "circle", sort: function (a, b) { return b.data("events") - a.data("events"); }, animate: false }
          : { name: "cose", animate: false, nodeRepulsion: function () { return 8000; } },
        wheelSensitivity: 0.3
      });
      cy.on("tap", "edge", function (evt) { showEdge(evt.target); });
      status.textContent = net.nodes.length + " actors, " + net.edges.length + " edges";
      window.tidendeNetwork = cy;  // for tests and the browser console
      box.setAttribute("data-ready", "true");
    })
    .catch(function () { status.textContent = "could not load the network"; });
}());
