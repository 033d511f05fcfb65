import re

import pytest

pytestmark = pytest.mark.django_db


def main(response):
    html = response.content.decode()
    return html.split("<main", 1)[1].split("</main>")[0]


def result_titles(response):
    return [
        re.sub(r"<[^>]+>", "", title)
        for title in re.findall(r'<h3><a href="[^"]*">(.*?)</a></h3>', main(response))
    ]


def test_empty_search_page_explains_itself(client):
    for path in ("/search/", "/en/search/"):
        response = client.get(path)
        assert response.status_code == 200
        assert "<ol" not in main(response)


def test_finds_demo_pages_in_chinese_with_two_characters(client):
    response = client.get("/search/", {"q": "參訪"})
    assert response.status_code == 200
    assert "參訪" in " ".join(result_titles(response))
    assert "<mark>參訪</mark>" in main(response)


def test_finds_pages_in_the_active_language(client):
    english = client.get("/en/search/", {"q": "privacy"})
    assert "Privacy and Security Policy" in result_titles(english)
    assert "隱私權及安全政策" not in main(english)


def test_no_results_says_so_and_offers_ways_out(client):
    body = main(client.get("/en/search/", {"q": "zzzznothing"}))
    assert "Nothing was found for “zzzznothing”" in body
    assert 'href="/en/search/browse/"' in body


def test_no_results_suggests_the_words_that_match(client):
    body = main(client.get("/search/", {"q": "參訪飛機場"}))
    # The whole phrase matches nothing, so the partial matches are listed …
    assert "僅符合部分關鍵字的結果" in body


def test_query_is_bounded(client):
    response = client.get("/en/search/", {"q": "x" * 5000})
    assert response.status_code == 200
    value = re.search(r'id="site-search" name="q"[^>]*value="(x*)"', response.content.decode())
    assert value is not None
    assert len(value.group(1)) == 100


def test_facets_link_to_narrowed_results(client):
    response = client.get("/search/", {"q": "焚化"})
    body = main(response)
    links = re.findall(r'<a href="(\?[^"]*theme=[^"]+)">', body)
    assert links
    narrowed = client.get("/search/" + links[0].replace("&amp;", "&"))
    assert narrowed.status_code == 200
    assert 'aria-current="true"' in main(narrowed)
    assert len(result_titles(narrowed)) <= len(result_titles(response))


def test_a_bad_date_range_is_a_clear_error(client):
    response = client.get(
        "/en/search/", {"q": "plant", "date_from": "2026-12-01", "date_to": "2026-01-01"}
    )
    assert response.status_code == 200
    assert "The end date is before the start date." in main(response)


def test_an_unreadable_date_is_a_clear_error(client):
    response = client.get("/en/search/", {"q": "plant", "date_from": "yesterday"})
    assert "Enter a valid date." in main(response)


def test_sort_by_date_and_pagination_keep_the_query(client):
    response = client.get("/en/search/", {"q": "plant", "sort": "date"})
    body = main(response)
    assert response.status_code == 200
    pages = re.findall(r'href="\?([^"]*page=2)"', body)
    if pages:  # the demo has more than one page of results for "plant"
        assert "sort=date" in pages[0]
        assert "q=plant" in pages[0]
        assert client.get("/en/search/?" + pages[0].replace("&amp;", "&")).status_code == 200
    assert result_titles(response)


def test_browse_lists_the_three_schemes_with_counts(client):
    response = client.get("/search/browse/")
    assert response.status_code == 200
    body = main(response)
    assert body.count("<h2") == 3
    link = re.search(r'href="(/search/\?theme=[^"]+)"', body)
    assert link is not None
    listed = client.get(link.group(1))
    assert result_titles(listed)


def test_english_browse(client):
    response = client.get("/en/search/browse/")
    assert response.status_code == 200
    assert "Theme" in main(response)
