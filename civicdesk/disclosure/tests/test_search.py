"""The document library's search provider, and the index following publication."""

import pytest
from django.utils import timezone, translation
from wagtail.actions.unpublish import UnpublishAction

from civicdesk.disclosure.models import DocumentKind
from civicdesk.disclosure.search import SOURCE, document_search_documents, document_search_ids
from civicdesk.disclosure.services import (
    document_publish,
    document_unpublish,
    document_version_add,
)
from civicdesk.disclosure.tests import samples
from civicdesk.search.documents import Kind
from civicdesk.search.models import SearchEntry
from civicdesk.search.registry import facet_labels, provider_get

pytestmark = pytest.mark.django_db


def by_language(documents):
    return {document.language: document for document in documents}


def test_a_published_document_is_indexed_in_both_languages(make_document, codes, unit):
    document = make_document(
        title="戴奧辛檢測報告（測試）",
        title_en="Dioxin test report (test)",
        description="焚化爐煙道排放檢測結果",
        description_en="Stack emission test results",
        keywords="戴奧辛,檢測",
        keywords_en="dioxins",
        files=[samples.upload(samples.pdf("一號爐戴奧辛檢測值 0.012 ng-TEQ"), "report.pdf")],
    )
    found = by_language(document_search_documents(str(document.pk)))
    assert set(found) == {"zh-hant", "en"}
    zh, en = found["zh-hant"], found["en"]
    assert zh.source == SOURCE and zh.object_id == str(document.pk)
    assert zh.kind == en.kind == Kind.DOCUMENT
    assert (zh.title, en.title) == ("戴奧辛檢測報告（測試）", "Dioxin test report (test)")
    assert zh.body.startswith("焚化爐煙道排放檢測結果") and en.body.startswith("Stack emission")
    assert "一號爐戴奧辛檢測值" in zh.body and "一號爐戴奧辛檢測值" in en.body
    assert (zh.url, en.url) == (f"/downloads/{document.pk}/", f"/en/downloads/{document.pk}/")
    assert (zh.keywords, en.keywords) == ("戴奧辛,檢測", "dioxins")
    assert zh.updated_on == timezone.localdate()
    assert (zh.theme, zh.cake, zh.service) == tuple(
        codes[name].code for name in ("theme_code", "cake_code", "service_code")
    )
    assert zh.unit == unit.code


def test_the_body_is_the_latest_published_version_counted_once(make_document, editor):
    same = "游泳池使用申請 第一版內容"
    document = make_document(
        kind=DocumentKind.FORM,
        files=[
            samples.upload(samples.odt(same, heading="申請表"), "a.odt"),
            samples.upload(samples.pdf("申請表", same), "a.pdf"),
        ],
    )
    body = by_language(document_search_documents(str(document.pk)))["zh-hant"].body
    assert body.count(same) == 1
    document_version_add(
        document=document,
        files=[samples.upload(samples.odt("游泳池使用申請 第二版修正"), "b.odt")],
        change_note="修正",
    )
    body = by_language(document_search_documents(str(document.pk)))["zh-hant"].body
    assert same in body  # the second version is not published yet
    document_publish(document=document, user=editor)
    body = by_language(document_search_documents(str(document.pk)))["zh-hant"].body
    assert "第二版修正" in body and same not in body


def test_nothing_is_indexed_for_drafts_withdrawn_or_missing_documents(make_document, editor):
    draft = make_document(publish=False)
    withdrawn = make_document()
    document_unpublish(document=withdrawn, user=editor)
    for object_id in (str(draft.pk), str(withdrawn.pk), "999999", "not-a-number"):
        assert document_search_documents(object_id) == []
    published = make_document()
    ids = document_search_ids()
    assert str(published.pk) in ids
    assert str(draft.pk) not in ids and str(withdrawn.pk) not in ids


def test_the_provider_and_category_labels_are_registered():
    provider = provider_get(SOURCE)
    assert provider.documents_for is document_search_documents
    with translation.override("zh-hant"):
        assert "預算" in facet_labels("disclosure_category")["art7-6"]


def entries(document):
    return SearchEntry.objects.filter(source=SOURCE, object_id=str(document.pk))


def test_the_index_follows_publication(make_document, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = make_document(title="索引測試文件")
    assert sorted(entries(document).values_list("language", flat=True)) == ["en", "zh-hant"]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        document_unpublish(document=document, user=editor)
    assert len(callbacks) == 1  # scheduled once, not again by the signal
    assert not entries(document).exists()


def test_wagtail_paths_around_the_services_reach_the_index(
    make_document, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = make_document(title="排程下架測試")
    with django_capture_on_commit_callbacks(execute=True):
        # As the admin's unpublish view and scheduled expiry do.
        UnpublishAction(document, user=editor).execute(skip_permission_checks=True)
    assert not entries(document).exists()


def test_withdrawing_an_attached_document_refreshes_the_pages_offering_it(
    django_capture_on_commit_callbacks,
):
    from civicdesk.disclosure.models import DisclosureAttachment

    attachment = (
        DisclosureAttachment.objects.filter(page__live=True, document__live=True)
        .select_related("document", "page")
        .first()
    )
    document, page = attachment.document, attachment.page
    entry = SearchEntry.objects.get(source="page", object_id=str(page.pk))
    assert document.title in entry.body
    with django_capture_on_commit_callbacks(execute=True):
        document_unpublish(document=document, user=None)
    entry = SearchEntry.objects.get(source="page", object_id=str(page.pk))  # replaced
    assert document.title not in entry.body
    assert not SearchEntry.objects.filter(source=SOURCE, object_id=str(document.pk)).exists()
