"""Public screens of the document library, in both languages."""

import re

import pytest
from django.utils import timezone

from civicdesk.core.rocdate import format_roc_date
from civicdesk.disclosure.models import DocumentKind
from civicdesk.disclosure.services import (
    document_publish,
    document_unpublish,
    document_version_add,
)
from civicdesk.disclosure.tests import samples
from civicdesk.metadata.dublincore import CATEGORY_ELEMENTS, DC_ELEMENTS

pytestmark = pytest.mark.django_db


def meta(html):
    return dict(re.findall(r'<meta name="([^"]+)" content="([^"]*)"', html))


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_list_shows_published_documents_only(client, make_document, prefix):
    published = make_document(title="公開的申請表", title_en="A published form")
    draft = make_document(title="尚未公開的草稿", publish=False)
    html = client.get(f"{prefix}/downloads/").content.decode()
    assert published.get_absolute_url().removeprefix("/en") in html.replace("/en/", "/")
    assert "尚未公開的草稿" not in html and f"/downloads/{draft.pk}/" not in html
    assert ("A published form" in html) == (prefix == "/en")


def test_the_list_carries_the_metadata_tags(client):
    tags = meta(client.get("/downloads/").content.decode())
    assert set(DC_ELEMENTS) | set(CATEGORY_ELEMENTS) <= set(tags)
    assert tags["Category.Theme"]


def test_the_list_filters_by_kind_code_and_unit(client, make_document, codes):
    form = make_document(kind=DocumentKind.FORM, title="篩選用表單")
    report = make_document(title="篩選用報告")
    forms = client.get("/downloads/?kind=form").content.decode()
    assert "篩選用表單" in forms and "篩選用報告" not in forms
    documents = client.get("/downloads/?kind=document").content.decode()
    assert "篩選用報告" in documents and "篩選用表單" not in documents
    themed = client.get(f"/downloads/?theme={codes['theme_code'].code}").content.decode()
    assert "篩選用表單" in themed and "篩選用報告" in themed
    other_unit = client.get("/downloads/?unit=accounting").content.decode()
    assert "篩選用表單" not in other_unit
    own_unit = client.get(f"/downloads/?unit={form.owner_unit.code}").content.decode()
    assert "篩選用表單" in own_unit and report.owner_unit == form.owner_unit


def test_an_unknown_filter_value_is_ignored_not_an_error(client, make_document):
    make_document(title="仍然列出")
    response = client.get("/downloads/?kind=spreadsheet&theme=NOPE&page=abc")
    assert response.status_code == 200
    assert "仍然列出" in response.content.decode()


def test_the_list_is_paginated_keeping_the_filters(client, make_document):
    for number in range(21):
        make_document(title=f"分頁文件{number:02d}")
    first = client.get("/downloads/?kind=document").content.decode()
    assert 'rel="next"' in first and "kind=document&amp;page=2" in first
    second = client.get("/downloads/?kind=document&page=2")
    assert second.status_code == 200


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_detail_shows_metadata_history_and_downloads(client, make_document, editor, prefix):
    document = make_document(
        kind=DocumentKind.FORM,
        title="團體參訪申請表（測試）",
        title_en="Group visit form (test)",
        keywords="參訪,申請",
        keywords_en="visits",
    )
    document_version_add(
        document=document,
        files=[
            samples.upload(samples.odt("第二版 參訪申請"), "v2.odt"),
            samples.upload(samples.pdf("第二版 參訪申請 PDF 文字層"), "v2.pdf"),
        ],
        change_note="新增無障礙需求欄位",
        change_note_en="Added an accessibility needs field",
    )
    document_publish(document=document, user=editor)
    response = client.get(f"{prefix}/downloads/{document.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    tags = meta(html)
    assert set(DC_ELEMENTS) | set(CATEGORY_ELEMENTS) | {"DC.Keywords"} <= set(tags)
    assert tags["Category.Service"] == document.service_code.code
    assert tags["DC.Identifier"] == "DEMO39705"
    assert "opendocument.text" in tags["DC.Format"] and "application/pdf" in tags["DC.Format"]
    for element in DC_ELEMENTS:
        assert f"({element})" in html  # the table shows all 15 elements
    assert f"/downloads/{document.pk}/v2.odt" in html
    assert f"/downloads/{document.pk}/v1.odt" in html
    today = timezone.localdate()
    if prefix:
        assert "Added an accessibility needs field" in html
        assert "Group visit form (test)" in tags["DC.Title"]
        assert tags["DC.Keywords"] == "visits"
    else:
        assert "新增無障礙需求欄位" in html
        assert format_roc_date(today) in html


def test_an_english_page_marks_chinese_only_text(client, make_document):
    document = make_document(title="只有中文標題")
    html = client.get(f"/en/downloads/{document.pk}/").content.decode()
    assert '<h1 lang="zh-Hant-TW">只有中文標題</h1>' in html


def test_unpublished_and_missing_documents_are_not_found(client, make_document, editor):
    draft = make_document(publish=False)
    withdrawn = make_document()
    document_unpublish(document=withdrawn, user=editor)
    for pk in (draft.pk, withdrawn.pk, 999999):
        assert client.get(f"/downloads/{pk}/").status_code == 404
        assert client.get(f"/en/downloads/{pk}/").status_code == 404
        assert client.get(f"/downloads/{pk}/v1.pdf").status_code == 404


@pytest.mark.parametrize(
    ("kind", "extension", "content_type"),
    [
        (DocumentKind.FORM, "odt", "application/vnd.oasis.opendocument.text"),
        (DocumentKind.DOCUMENT, "pdf", "application/pdf"),
    ],
)
def test_a_file_downloads_with_its_type_and_a_readable_name(
    client, make_document, kind, extension, content_type
):
    document = make_document(kind=kind, title="下載測試")
    stored = document.versions.get().files.get()
    response = client.get(f"/downloads/{document.pk}/v1.{extension}")
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment")
    assert f"-v1.{extension}" in disposition
    assert "%E4%B8%8B%E8%BC%89" in disposition  # 下載, RFC 5987-encoded
    assert b"".join(response.streaming_content) == stored.file.open("rb").read()


def test_a_version_waiting_for_publication_cannot_be_downloaded(client, make_document):
    document = make_document()
    document_version_add(
        document=document,
        files=[samples.upload(samples.pdf("還沒發布的第二版 內容"), "v2.pdf")],
        change_note="尚未發布",
    )
    assert client.get(f"/downloads/{document.pk}/v2.pdf").status_code == 404
    assert client.get(f"/downloads/{document.pk}/v1.pdf").status_code == 200
    assert client.get(f"/downloads/{document.pk}/v1.odt").status_code == 404
    assert "尚未發布" not in client.get(f"/downloads/{document.pk}/").content.decode()


def test_the_demo_library_is_public(client):
    html = client.get("/downloads/?kind=form").content.decode()
    assert "團體參訪申請表" in html
    assert client.get("/en/downloads/").status_code == 200
