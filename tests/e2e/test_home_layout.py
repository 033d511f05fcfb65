"""The front page as a phone, a tablet and a desktop show it, in both languages: the plant's
name as the heading, a header without empty space, a short agency name, no sideways scroll."""

import json

import pytest

from tests.e2e.conftest import ROOT

AGENCY = json.loads((ROOT / "civicdesk/demo/data/site.json").read_text(encoding="utf-8"))["agency"]
WIDTHS = [375, 768, 1280]
# The header's height on a 375 px phone: the tools line, the agency name, the search box and
# the menu; before the fix the Chinese header was 496 px high, about 180 of them empty.
PHONE_HEADER_MAX = {"zh-Hant": 240, "en": 360}

LINES = """(selector) => {
  const element = document.querySelector(selector);
  const lineHeight = parseFloat(getComputedStyle(element).lineHeight);
  return Math.round(element.getBoundingClientRect().height / lineHeight);
}"""


@pytest.fixture(params=[("zh-Hant", "/"), ("en", "/en/")], ids=["zh-Hant", "en"])
def language(request):
    return request.param


@pytest.mark.parametrize("width", WIDTHS)
def test_the_front_page_fits_the_screen(server, browser, language, width):
    name, path = language
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(server + path)
    plant = AGENCY["short_name_en"] if name == "en" else AGENCY["short_name"]
    headings = page.locator("h1").all_inner_texts()
    assert [" ".join(text.split()) for text in headings] == [plant]
    assert page.locator(".home-intro .purpose").inner_text().strip()
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "sideways scroll"
    assert page.evaluate(LINES, ".site-title") <= 2, "the agency name wraps"
    assert page.locator(".site-title").inner_text().strip() == plant
    tasks = page.locator(".task-list a")
    assert tasks.count() >= 8
    for index in range(tasks.count()):
        box = tasks.nth(index).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    if width == 375:
        header = page.locator(".site-header").bounding_box()
        assert header is not None
        assert header["height"] <= PHONE_HEADER_MAX[name], header["height"]
    if width == 1280:
        assert page.evaluate(LINES, ".site-name a") <= 2, "name and bureau on a line each"
    context.close()


def test_the_header_has_no_empty_band_on_a_phone(server, browser, language):
    """Down the header, every band is a line of text or a control, or a spacing gap between
    them: no blank block (the old header had one about 180 px high)."""
    _, path = language
    context = browser.new_context(viewport={"width": 375, "height": 900})
    page = context.new_page()
    page.goto(server + path)
    widest_gap = page.evaluate(
        """() => {
          const header = document.querySelector('.site-header').getBoundingClientRect();
          const parts = [...document.querySelectorAll(
            '.site-header a, .site-header span, .site-header label, .site-header input,'
            + ' .site-header button')]
            .map(e => e.getBoundingClientRect()).filter(r => r.height > 0)
            .map(r => [r.top - header.top, r.bottom - header.top]).sort((a, b) => a[0] - b[0]);
          let end = 0, widest = 0;
          for (const [top, bottom] of parts) {
            widest = Math.max(widest, top - end);
            end = Math.max(end, bottom);
          }
          return Math.max(widest, header.height - end);
        }"""
    )
    assert widest_gap <= 24, f"a {widest_gap:.0f} px band of the header holds nothing"
    context.close()
