"""A citizen finds a form by typing two Chinese characters and downloads it in ODF."""

import io
import zipfile

import pytest


@pytest.mark.parametrize(
    ("home", "query", "title", "download"),
    [
        ("/", "參訪", "團體參訪申請表", "下載 ODT"),
        ("/en/", "tour", "Group Visit Application Form", "Download ODT"),
    ],
)
def test_find_a_form_and_download_it(server, page, home, query, title, download):
    page.goto(server + home)
    page.fill("#site-search", query)
    page.keyboard.press("Enter")
    page.wait_for_selector("ol.results")
    page.get_by_role("link", name=title).first.click()
    page.wait_for_selector("h1")
    assert title in page.inner_text("h1")
    assert page.locator("time").count() >= 1  # when it last changed, with its version history
    with page.expect_download() as info:
        page.get_by_role("link", name=download).first.click()
    path = info.value.path()
    with open(path, "rb") as handle:
        data = handle.read()
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
    assert info.value.suggested_filename.endswith(".odt")


def test_browse_a_classification_without_typing(server, page):
    page.goto(server + "/search/browse/")
    page.locator("ul.code-list a").first.click()
    page.wait_for_selector("ol.results")
    assert page.locator("ol.results li").count() >= 1
    assert page.locator("nav.search-facets [aria-current='true']").count() == 1
