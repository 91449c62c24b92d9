"""The public page in a real browser (headless Chromium): what a citizen or the projector sees,
and how a screen reader finds its way."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from meetingtui.service import MeetingService
from tests.livepage_support import chromium, serving, wait_for
from tests.meetings import (
    FixedClock,
    closed_secrets,
    run_closed_item,
)

# Each test drives the system's Chromium against a live server.
pytestmark = pytest.mark.slow

# Every element's own text against the first opaque background behind it (WCAG 2.1 relative
# luminance); elements that are not rendered are skipped.
CONTRAST_JS = """
function lum(rgb) {
  var c = rgb.match(/[\\d.]+/g).slice(0, 3).map(function (v) {
    v = v / 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}
function background(el) {
  for (; el; el = el.parentElement) {
    var bg = getComputedStyle(el).backgroundColor;
    var alpha = bg.match(/[\\d.]+/g);
    if (alpha && (alpha.length < 4 || parseFloat(alpha[3]) > 0)) return bg;
  }
  return "rgb(255, 255, 255)";
}
var out = [];
document.querySelectorAll("body *").forEach(function (el) {
  var own = Array.prototype.some.call(el.childNodes, function (n) {
    return n.nodeType === 3 && n.textContent.trim();
  });
  var style = getComputedStyle(el);
  if (!own || el.offsetParent === null && style.position !== "fixed") return;
  if (el.getBoundingClientRect().width <= 1) return;
  var a = lum(style.color), b = lum(background(el));
  var ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  out.push([el.tagName + "." + el.className, el.textContent.trim().slice(0, 40), ratio]);
});
return out;
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as driver:
        yield driver


def text_of(driver: Any, element_id: str) -> str:
    return driver.find_element("id", element_id).text


def test_page_structure_for_screen_readers(
    db_path: Path, browser: Any, tmp_path: Path, open_committee: int
) -> None:
    meeting_id = open_committee
    with serving(db_path, meeting_id) as server:
        browser.get(server.url)
        wait_for(browser, lambda d: "automatisk" in text_of(d, "connection"))
        assert browser.find_element("tag name", "html").get_attribute("lang") == "da"
        assert browser.title == "Økonomiudvalget — tirsdag den 11. marts 2025 kl. 16.30"
        headings = browser.execute_script(
            "return Array.from(document.querySelectorAll('h1,h2,h3'))"
            ".map(function (h) { return h.tagName + ' ' + h.textContent.trim(); });"
        )
        assert headings[0] == "H1 Økonomiudvalget"
        assert [h for h in headings if h.startswith("H1")] == ["H1 Økonomiudvalget"]
        assert "H2 Punkt under behandling" in headings
        assert "H3 Punkt 1 Godkendelse af dagsorden" in headings
        landmarks = browser.execute_script(
            "return ['header', 'main', 'footer'].map(function (t) {"
            " return document.querySelectorAll('body > ' + t).length; });"
        )
        assert landmarks == [1, 1, 1]
        # Every section is named by its heading, the agenda is a real ordered list.
        unnamed = browser.execute_script(
            "return Array.from(document.querySelectorAll('section')).filter(function (s) {"
            " var id = s.getAttribute('aria-labelledby');"
            " return !id || !document.getElementById(id); }).length;"
        )
        assert unnamed == 0
        assert len(browser.find_elements("css selector", "#agenda ol > li")) == 4
        current = browser.find_element("css selector", "#agenda li[aria-current='step']")
        assert "Godkendelse af dagsorden" in current.text


def test_a_decision_recorded_appears_without_reload(
    db_path: Path, browser: Any, tmp_path: Path, open_committee: int
) -> None:
    meeting_id = open_committee
    with serving(db_path, meeting_id) as server:
        browser.get(server.url)
        browser.execute_script("window.notReloaded = true;")
        # The page announces a change only once it has heard a first state from the stream,
        # and `data-seq` is in the page's HTML already: a first commit is waited for on the
        # page, so the stream is known to be connected before the commits the test reads.
        # (Without it, a slow connection's first event is the final state, and nothing is
        # announced.)
        with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
            service.record_decision(1, "Dagsordenen blev godkendt.")
        wait_for(browser, lambda d: "Dagsordenen blev godkendt." in text_of(d, "agenda"))
        with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
            service.start_item(2)
            vote = service.open_vote(2).created_id
            assert vote is not None
            for party, choice in (("A", "for"), ("V", "against"), ("C", "abstain"), ("F", "for")):
                service.cast_party(vote, party, choice)
            service.close_vote(vote)
            service.record_decision(2, "Anlægsbevillingen blev givet.")
        wait_for(browser, lambda d: "Anlægsbevillingen blev givet." in text_of(d, "current"))
        assert browser.execute_script("return window.notReloaded === true;")
        assert "Anlæg" in text_of(browser, "current")
        assert "For stemte: A og F (4)." in text_of(browser, "votes")
        assert "Forslaget blev vedtaget." in text_of(browser, "votes")
        assert "Dagsordenen blev godkendt." in text_of(browser, "agenda")
        # The screen reader hears of the change through the live region.
        announce = browser.find_element("id", "announce")
        assert announce.get_attribute("aria-live") == "polite"
        assert browser.execute_script("return document.getElementById('announce').textContent") == (
            "Punkt 2: Anlægsbevillingen blev givet."
        )
        with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
            service.set_speaking_limits(2, speaker_seconds=120, debate_seconds=None)
            service.add_speaker(2, 5)
            service.next_speaker(2)
            service.add_speaker(2, 2, reply=True)
        # The replik is the last of these commits: once it shows, the speaker does too.
        wait_for(browser, lambda d: "Mette Lund (A) — replik" in text_of(d, "speakers"))
        assert "Per Østergaard (V)" in text_of(browser, "speakers")
        # The page counts the speaker's time down by itself, second by second.
        first = browser.find_element("css selector", "#speakers .countdown").text
        wait_for(
            browser,
            lambda d: d.find_element("css selector", "#speakers .countdown").text != first,
        )
        shot = tmp_path / "live-page.png"
        browser.save_screenshot(str(shot))
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_text_contrast_is_at_least_aa_in_every_state(
    db_path: Path, browser: Any, open_committee: int
) -> None:
    meeting_id = open_committee
    with serving(db_path, meeting_id) as server:
        with MeetingService.open(db_path, meeting_id, clock=FixedClock()) as service:
            service.start_item(2)
            vote = service.open_vote(2).created_id
            assert vote is not None
            for member in (1, 2, 3, 4):
                service.leave(member)  # quorum lost: the warning colours are on the page
        checked: list[Any] = []
        for path in ("", "?projector=1"):
            browser.get(server.url + path)
            wait_for(browser, lambda d: "ikke beslutningsdygtigt" in text_of(d, "quorum"))
            assert "i gang" in text_of(browser, "votes")
            results = browser.execute_script(CONTRAST_JS)
            checked += results
            poor = [r for r in results if r[2] < 4.5]
            assert poor == [], poor
        assert len(checked) > 30


def test_projector_mode_has_large_type(db_path: Path, browser: Any, open_committee: int) -> None:
    meeting_id = open_committee

    def title_px() -> float:
        return browser.execute_script(
            "return parseFloat(getComputedStyle(document.querySelector('h3.item-title')).fontSize);"
        )

    with serving(db_path, meeting_id) as server:
        browser.set_window_size(1920, 1080)
        try:
            browser.get(server.url)
            normal = title_px()
            browser.find_element("tag name", "body").send_keys("f")
            wait_for(
                browser,
                lambda d: d.execute_script(
                    "return document.documentElement.classList.contains('projector');"
                ),
            )
            big = title_px()
            browser.get(server.url + "?projector=1")
            asked = title_px()
        finally:
            browser.set_window_size(1280, 800)
    # 36 px on a laptop; on a 1920-pixel projector 79 px (2.3 % of the width, times 1.8).
    # Full screen in a headless browser takes its small virtual screen: larger all the same.
    assert normal == 36.0
    assert asked >= 75 and big > normal


def test_closed_item_in_the_browser_shows_only_lukket_punkt(
    db_path: Path, browser: Any, open_committee: int
) -> None:
    meeting_id = open_committee
    with serving(db_path, meeting_id) as server:
        browser.get(server.url)
        wait_for(browser, lambda d: d.execute_script("return document.body.dataset.seq") != "")
        run_closed_item(db_path, meeting_id)
        wait_for(browser, lambda d: "Lukket punkt" in text_of(d, "current"))
        page_text = browser.find_element("tag name", "body").text
        source = browser.page_source
    assert text_of_current_lines(page_text) == ["Punkt 3", "Lukket punkt"]
    for secret in closed_secrets(db_path, meeting_id):
        assert secret not in source, secret


def text_of_current_lines(page_text: str) -> list[str]:
    lines = page_text.splitlines()
    start = lines.index("PUNKT UNDER BEHANDLING") + 1
    return lines[start : start + 2]
