// Article page: hovering or focusing an event in the list highlights its trigger and evidence
// in the text; clicking selects it (and scrolls to it); clicking a trigger selects its event.
(function () {
  "use strict";
  var text = document.getElementById("text");
  var list = document.getElementById("events");
  if (!text || !list) { return; }
  var selected = null;

  function spans(id) {
    var e = CSS.escape(id);
    return text.querySelectorAll('[data-trig~="' + e + '"], [data-evid~="' + e + '"]');
  }

  function mark(id, cls, on) {
    spans(id).forEach(function (s) { s.classList.toggle(cls, on); });
    var item = document.getElementById("ev-" + id);
    if (item) { item.classList.toggle(cls, on); }
  }

  function select(id, scrollText) {
    var again = selected === id;
    if (selected !== null) { mark(selected, "selected", false); }
    selected = again ? null : id;
    if (selected === null) { return; }
    mark(selected, "selected", true);
    var item = document.getElementById("ev-" + id);
    if (item) { item.setAttribute("aria-current", "true"); }
    if (scrollText) {
      var trig = text.querySelector('[data-trig~="' + CSS.escape(id) + '"]');
      if (trig) { trig.scrollIntoView({ block: "center" }); }
    } else if (item) {
      item.scrollIntoView({ block: "nearest" });
    }
  }

  list.querySelectorAll("li[data-event]").forEach(function (item) {
    var id = item.getAttribute("data-event");
    item.addEventListener("mouseenter", function () { mark(id, "hover", true); });
    item.addEventListener("mouseleave", function () { mark(id, "hover", false); });
    item.addEventListener("focus", function () { mark(id, "hover", true); });
    item.addEventListener("blur", function () { mark(id, "hover", false); });
    item.addEventListener("click", function () { select(id, true); });
    item.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); select(id, true); }
    });
  });

  text.addEventListener("click", function (ev) {
    var trig = ev.target.closest("[data-trig]");
    if (trig) { select(trig.getAttribute("data-trig").split(" ")[0], false); }
  });

  if (location.hash.indexOf("#ev-") === 0) {
    select(decodeURIComponent(location.hash.slice(4)), true);
  }
}());
