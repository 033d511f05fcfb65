"""axe-core (WCAG 2.1 A/AA tags) reports zero violations on every public page, both languages."""

import re
import urllib.request
from urllib.parse import quote, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


def sitemap_paths(base: str) -> list[str]:
    with urllib.request.urlopen(f"{base}/sitemap.xml", timeout=10) as response:  # noqa: S310
        xml = response.read().decode()
    return sorted({urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", xml)})


def document_paths(base: str, prefix: str) -> list[str]:
    """The document library's screens, which are not pages and so not in the sitemap: the
    list, a filtered list, one document, and one category of the disclosure index."""
    with urllib.request.urlopen(f"{base}{prefix}/downloads/", timeout=10) as response:  # noqa: S310
        html = response.read().decode()
    details = re.findall(rf'href="({re.escape(prefix)}/downloads/\d+/)"', html)
    assert details, "the demo document library is empty"
    return [
        f"{prefix}/downloads/",
        f"{prefix}/downloads/?kind=form&theme=D300",
        details[0],
        f"{prefix}/disclosure/?category=environmental-monitoring",
    ]


def faq_paths(prefix: str, english: bool) -> list[str]:
    """The FAQ filtered by topic and by words, and a site search for an FAQ term (the index
    and its entries are in the sitemap)."""
    word = "swimming pool" if english else "游泳池"
    return [
        f"{prefix}/faq/?category=feedback-facilities",
        f"{prefix}/faq/?q={quote(word)}",
        f"{prefix}/faq/?q=zzzznothing",
        f"{prefix}/search/?q={quote(word)}&kind=faq",
    ]


def screens(base: str, english: bool) -> list[str]:
    pages = [p for p in sitemap_paths(base) if p.startswith("/en/") == english]
    prefix = "/en" if english else ""
    word = "plant" if english else quote("焚化")
    extra = [
        f"{prefix}/search/",
        f"{prefix}/search/?q={word}",
        f"{prefix}/search/?q=zzzznothing",
        f"{prefix}/search/?q={word}&kind=page&sort=date&date_from=2020-01-01",
        f"{prefix}/search/?q={word}&date_from=not-a-date",
        f"{prefix}/search/browse/",
        f"{prefix}/no-such-page/",
        *document_paths(base, prefix),
        *faq_paths(prefix, english),
    ]
    return pages + extra


@pytest.mark.parametrize("english", [False, True], ids=["zh-Hant", "en"])
def test_no_axe_violations_on_any_public_page(server, page, english):
    axe = Axe()
    paths = screens(server, english)
    assert len(paths) >= 12
    problems = []
    for path in paths:
        response = page.goto(server + path)
        assert response is not None
        expected = 404 if "no-such-page" in path else 200
        assert response.status == expected, path
        lang = page.get_attribute("html", "lang")
        assert lang == ("en" if english else "zh-Hant-TW"), path
        results = axe.run(page, options=AXE_OPTIONS)
        for violation in results.response["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            problems.append(f"{path}: {violation['id']} ({violation['impact']}) {targets}")
    assert problems == [], "\n".join(problems)


def test_every_sitemap_page_has_a_counterpart_in_the_other_language(server):
    paths = sitemap_paths(server)
    chinese = [p for p in paths if not p.startswith("/en/")]
    english = [p for p in paths if p.startswith("/en/")]
    assert len(chinese) == len(english) > 8


OVERSIZED = """() => {
  const content = document.querySelector("#id_content");
  content.removeAttribute("maxlength");
  content.value = "臭".repeat(1000000);
}"""
ERROR_HEADINGS = {
    "too_big": {False: "表單內容過多，無法送出", True: "Your form was too large to send"},
    "csrf": {False: "表單無法送出", True: "Your form could not be sent"},
}


@pytest.mark.parametrize("english", [False, True], ids=["zh-Hant", "en"])
@pytest.mark.parametrize("problem", ["too_big", "csrf"])
def test_no_axe_violations_on_the_form_error_pages(server, page, english, problem):
    """A form past the size limit (413) and one whose CSRF check failed (403) get the site's
    page; its "go back" link finds the form with what was typed still in it."""
    typed = "Smell near gate 2, typed before the error"
    page.goto(f"{server}{'/en' if english else ''}/petitions/new/")
    page.fill("#id_subject", typed)
    if problem == "too_big":
        page.evaluate(OVERSIZED)  # 3 MB of text, past the 2.5 MB the site accepts
    else:
        page.context.clear_cookies()  # as when cookies are blocked or have expired
    with page.expect_navigation() as navigation:
        page.locator("main form button[type=submit]").click()

    response = navigation.value
    assert response is not None
    assert response.status == (413 if problem == "too_big" else 403)
    assert page.get_attribute("html", "lang") == ("en" if english else "zh-Hant-TW")
    assert page.locator("h1").inner_text() == ERROR_HEADINGS[problem][english]
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]

    page.locator("a[data-history-back]").click()
    page.wait_for_url("**/petitions/new/")
    assert page.input_value("#id_subject") == typed
