"""End to end in headless Chromium (Debian's ``chromium``, driven by Playwright): every page loads with no
console error or CSP violation, filters work, a clicked event highlights its spans, a clicked network edge
lists its events, and the stored ``<script>``/``onerror`` payloads stay text. Screenshots go to
``tests/web/artefacts/``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.web.conftest import IMG, SCRIPT
from tidende.records import Document

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
#: The network is closed here: without these Chromium floods refused connections.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTEFACTS = Path(__file__).parent / "artefacts"


@dataclass
class Tab:
    """A page and what went wrong on it: console errors (CSP violations among them), page errors, dialogs."""

    page: Page
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def shot(self, name: str) -> None:
        ARTEFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTEFACTS / f"{name}.png"), full_page=True)

    def clean(self) -> None:
        assert not self.errors, self.errors
        assert not self.dialogs, f"a script ran: {self.dialogs}"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: the browser tests need Debian's Chromium; run `apt-get install chromium`")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def tab(browser: Browser, server: str) -> Iterator[Tab]:
    context = browser.new_context(base_url=server, viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(15_000)
    t = Tab(context.new_page())
    t.page.on("console", lambda m: t.errors.append(m.text) if m.type == "error" else None)
    t.page.on("pageerror", lambda e: t.errors.append(str(e)))

    def on_dialog(d: object) -> None:
        t.dialogs.append(d.message)  # type: ignore[attr-defined]
        d.dismiss()  # type: ignore[attr-defined]

    t.page.on("dialog", on_dialog)
    yield t
    context.close()


def test_events_page_filters(tab: Tab, docs: dict[str, Document]) -> None:
    page = tab.page
    page.goto("/events")
    total = sum(len(d.events) for d in docs.values())
    assert page.locator("#summary").inner_text().startswith(f"{total} mentions")
    tab.shot("events")
    page.fill("input[name=actor]", "NOR")
    page.select_option("select[name=type]", "AID")
    page.click("form#filters button[type=submit]")
    page.wait_for_url("**/events?*actor=NOR*")
    n = sum(e.event == "AID" and "NOR" in {a.code for a in e.actor} for d in docs.values() for e in d.events)
    assert page.locator("#summary").inner_text().startswith(f"{n} mention")
    assert page.locator("#results tbody tr").count() == n
    tab.shot("events-filtered")
    page.locator("#results a.article-link").first.click()
    page.wait_for_url("**/articles/**")
    assert page.locator("li.event.selected").count() == 1  # the linked event is selected on arrival
    tab.clean()


def test_clicking_an_event_highlights_its_spans(tab: Tab, docs: dict[str, Document]) -> None:
    page = tab.page
    page.goto("/articles/seed-article")
    ev = docs["seed-article"].events[0]
    other = docs["seed-article"].events[-1]
    trig = page.locator(f'#text [data-trig~="{ev.id}"]')
    evid = page.locator(f'#text [data-evid~="{ev.id}"]')
    assert trig.count() >= 1 and evid.count() >= 1
    assert "selected" not in (trig.first.get_attribute("class") or "")
    page.click(f"#ev-{ev.id}")
    assert "selected" in trig.first.get_attribute("class").split()  # type: ignore[union-attr]
    assert all("selected" in (c or "").split() for c in evid.evaluate_all("els => els.map(e => e.className)"))
    assert trig.first.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 225, 77)"
    assert "".join(trig.all_inner_texts()) == ev.trigger.text
    page.hover(f"#ev-{other.id}")
    assert "hover" in page.locator(f'#text [data-trig~="{other.id}"]').first.get_attribute("class").split()  # type: ignore[union-attr]
    tab.shot("article-selected")
    page.click(f"#ev-{ev.id}")  # a second click clears the selection
    assert page.locator("#text .selected").count() == 0
    page.locator(f'#text [data-trig~="{other.id}"]').first.click()  # clicking a trigger selects its event
    assert "selected" in page.locator(f"#ev-{other.id}").get_attribute("class").split()  # type: ignore[union-attr]
    tab.clean()


def test_stored_script_and_onerror_payloads_render_as_text(tab: Tab) -> None:
    page = tab.page
    page.goto("/articles/nb-xss")
    text = page.locator("#text").inner_text()
    assert SCRIPT in text and IMG in text and "«Dette er uakseptabelt»" in text and "Tromsø" in text
    assert page.locator("#text script, #text img, h1 script").count() == 0
    assert SCRIPT in page.locator("h1").inner_text() and SCRIPT in page.title()
    tab.shot("article-xss")
    page.goto("/events?q=" + "<script>alert(1)</script>")
    assert page.locator("input[name=q]").input_value() == SCRIPT
    tab.clean()


def test_network_edge_click_lists_its_events(tab: Tab, docs: dict[str, Document]) -> None:
    page = tab.page
    page.goto("/network")
    page.wait_for_selector("#cy[data-ready=true]")
    # the edge whose midpoint lies farthest out: on a circle layout no other edge crosses it there
    edge, x, y = page.evaluate("""() => {
        const cy = window.tidendeNetwork, c = cy.extent(), r = document.getElementById("cy").getBoundingClientRect();
        const cx = (c.x1 + c.x2) / 2, cyy = (c.y1 + c.y2) / 2;
        const far = cy.edges().max(e => Math.hypot(e.midpoint().x - cx, e.midpoint().y - cyy)).ele;
        const p = far.renderedMidpoint();
        return [far.id(), r.left + p.x, r.top + p.y];
    }""")
    source, target = edge.split(">")
    tab.shot("network")
    page.mouse.click(x, y)
    page.wait_for_selector(f'#cy[data-edge-loaded="{edge}"]')
    n = sum(source in {a.code for a in e.actor} and target in {a.code for a in e.recipient}
            for d in docs.values() for e in d.events)
    assert page.locator("#edge-title").inner_text() == f"{source} → {target}: {n} event{'' if n == 1 else 's'}"
    assert page.locator("#edge-events li").count() == n
    assert (page.locator("#edge-events a").first.get_attribute("href") or "").startswith("/articles/")
    tab.shot("network-edge")
    tab.clean()


def test_actor_and_dyad_pages(tab: Tab) -> None:
    page = tab.page
    page.goto("/actors/NOR")
    assert page.locator("svg.chart rect").count() > 0 and page.locator("#partners a.code").count() > 0
    tab.shot("actor")
    page.locator("#partners a", has_text="dyad timeline").first.click()
    page.wait_for_url("**/dyad?a=NOR*")
    assert page.locator("#dyad-chart rect").count() > 0 and page.locator("#dyad-table tbody tr").count() > 0
    tab.shot("dyad")
    tab.clean()
