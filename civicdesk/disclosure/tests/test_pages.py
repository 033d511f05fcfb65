"""Disclosure and service procedure pages: the demo tree, rendering in both languages, search."""

import pytest

from civicdesk.disclosure.categories import ART7_CATEGORIES, CATEGORIES
from civicdesk.disclosure.models import (
    DisclosureAttachment,
    DisclosureIndexPage,
    DisclosureItemPage,
    ServiceProcedureIndexPage,
    ServiceProcedurePage,
    WithheldPart,
)
from civicdesk.search.documents import Kind

pytestmark = pytest.mark.django_db


def index(language="zh-hant"):
    return DisclosureIndexPage.objects.get(locale__language_code=language)


def new_item(make_document, codes, *, documents, **fields):
    parent = index()
    page = DisclosureItemPage(
        title="測試公開項目",
        slug="test-item",
        category="art7-8",
        intro="測試摘要",
        **codes,
        **fields,
    )
    page.attachments = [DisclosureAttachment(document=document) for document in documents]
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_the_demo_publishes_something_in_every_category():
    for language in ("zh-hant", "en"):
        items = DisclosureItemPage.objects.child_of(index(language)).live()
        assert {item.category for item in items} == {c.code for c in CATEGORIES}


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_the_index_lists_the_fifteen_categories_with_counts(client, language):
    page = index(language)
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="count"') == 15
    for category in CATEGORIES:
        assert f"?category={category.code}" in html
    if language == "en":
        assert "Budgets and final accounts" in html
    else:
        assert "(6) 預算及決算書" in html


def test_one_category_can_be_browsed_and_an_unknown_one_is_not_found(client):
    page = index()
    html = client.get(f"{page.url}?category=art7-6").content.decode()
    assert "預算及決算書" in html and "budget-and-accounts" in html
    assert "operation-contract" not in html
    assert client.get(f"{page.url}?category=art7-99").status_code == 404


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_an_item_shows_its_documents_and_what_was_withheld(client, language):
    page = DisclosureItemPage.objects.get(slug="operation-contract", locale__language_code=language)
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    document = page.attachments.first().document
    assert document.get_absolute_url().removeprefix("/en") in html.replace("/en/", "/")
    assert "v1.pdf" in html
    assert 'scope="col"' in html
    assert "(7) " in html and "(6) " in html  # the two art. 18 grounds
    assert "Date published" in html or "發布日期" in html


def test_an_unpublished_attachment_is_not_shown(client, make_document, codes):
    public = make_document(title="公開的附件")
    draft = make_document(title="草稿附件", publish=False)
    page = new_item(make_document, codes, documents=[public, draft])
    html = client.get(page.url).content.decode()
    assert "公開的附件" in html and "草稿附件" not in html
    assert "草稿附件" not in page.search_body()
    assert "公開的附件" in page.search_body()


def test_an_item_offers_its_kind_body_and_category_to_the_search(make_document, codes):
    document = make_document(title="採購契約附件", title_en="Contract attachment")
    page = new_item(make_document, codes, documents=[document])
    page.withheld_parts = [WithheldPart(withheld="單價分析", ground="art18-7")]
    assert page.search_kind == Kind.DISCLOSURE
    assert page.search_facets() == {"disclosure_category": "art7-8"}
    body = page.search_body()
    assert "測試摘要" in body and "採購契約附件" in body and "公共工程及採購契約" in body


def test_the_english_item_indexes_english_attachment_titles():
    page = DisclosureItemPage.objects.get(slug="budget-and-accounts", locale__language_code="en")
    assert "2026 Budget (as Enacted): Summary" in page.search_body()


def test_the_law_categories_carry_their_item_numbers():
    assert [c.item for c in ART7_CATEGORIES] == list(range(1, 11))
    assert len({c.code for c in CATEGORIES}) == 15


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_the_procedure_index_lists_at_least_six_procedures(client, language):
    page = ServiceProcedureIndexPage.objects.get(locale__language_code=language)
    response = client.get(page.url)
    assert response.status_code == 200
    procedures = ServiceProcedurePage.objects.child_of(page).live()
    assert procedures.count() >= 6
    html = response.content.decode()
    for procedure in procedures:
        assert procedure.url in html


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_a_procedure_page_shows_steps_forms_contact_and_laws(client, language):
    page = ServiceProcedurePage.objects.get(slug="group-visits", locale__language_code=language)
    html = client.get(page.url).content.decode()
    assert '<ol class="steps">' in html and html.count("<h3>") >= 4
    assert "v2.odt" in html and "v2.pdf" in html  # the form, in both formats
    assert "ODT" in html and "KB" in html
    assert "07-000-0152" in html and "environment@example.gov.tw" in html
    assert page.owner_unit.name in html or page.owner_unit.name_en in html


def test_a_procedure_offers_its_fields_to_the_search():
    page = ServiceProcedurePage.objects.get(
        slug="industrial-waste-delivery", locale__language_code="zh-hant"
    )
    assert page.search_kind == Kind.PROCEDURE
    body = page.search_body()
    for text in (
        "事業廢棄物",
        "2,200",
        "清除機構許可證",
        "廢棄物清理法",
        "一般事業廢棄物進廠申請書",
    ):
        assert text in body


def test_procedure_and_disclosure_pages_show_the_publication_date(client):
    page = ServiceProcedurePage.objects.get(slug="petitions", locale__language_code="en")
    html = client.get(page.url).content.decode()
    assert "Date published" in html and "Last updated" in html
