"""Document services against the database: versions, numbering, immutability, publishing."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from civicdesk.disclosure.models import Document, DocumentFile, DocumentKind, DocumentVersion
from civicdesk.disclosure.selectors import document_get_public
from civicdesk.disclosure.services import (
    VERSION_ADD_ACTION,
    DocumentError,
    document_create,
    document_publish,
    document_unpublish,
    document_update,
    document_version_add,
)
from civicdesk.disclosure.tests import samples

pytestmark = pytest.mark.django_db


def test_a_new_document_is_a_draft_with_a_revision(editor, codes):
    document = document_create(user=editor, title="年度預算書", **codes)
    assert not document.live
    assert document.latest_revision is not None
    assert ModelLogEntry.objects.for_instance(document).filter(action="wagtail.create").exists()


def test_unknown_fields_and_invalid_values_are_refused(editor, codes):
    with pytest.raises(TypeError):
        document_create(user=editor, title="x", live=True)
    with pytest.raises(DocumentError):
        document_create(user=editor, title="x", kind="spreadsheet")
    # A theme code given as the service code: the scheme is checked.
    with pytest.raises(DocumentError):
        document_create(user=editor, title="x", service_code=codes["theme_code"])


def test_versions_are_numbered_one_to_n_with_their_files(make_document, editor):
    document = make_document(kind=DocumentKind.FORM, publish=False)
    second = document_version_add(
        document=document,
        files=[
            samples.upload(samples.odt("修正後之申請書"), "v2.odt"),
            samples.upload(samples.pdf("修正後之申請書 PDF 版本"), "v2.pdf"),
        ],
        change_note="新增聯絡電話欄位",
        change_note_en="Added a phone number field",
        created_by=editor,
    )
    assert [v.number for v in document.versions.order_by("number")] == [1, 2]
    assert second.created_by == editor
    extensions = sorted(second.files.values_list("extension", flat=True))
    assert extensions == ["odt", "pdf"]
    odt_file = second.files.get(extension="odt")
    assert odt_file.file.read()[:2] == b"PK"
    assert "修正後之申請書" in odt_file.text
    logs = ModelLogEntry.objects.for_instance(document).filter(action=VERSION_ADD_ACTION)
    assert sorted(log.data["number"] for log in logs) == [1, 2]


def test_a_version_after_the_first_needs_a_change_note(make_document):
    document = make_document(publish=False)
    with pytest.raises(DocumentError, match="what changed"):
        document_version_add(
            document=document,
            files=[samples.upload(samples.pdf("第二版內容 文字層 修正說明"), "b.pdf")],
        )


def test_versions_and_files_are_never_edited_or_deleted(make_document):
    document = make_document()
    version = document.versions.get()
    item = version.files.get()
    version.change_note = "改寫歷史"
    with pytest.raises(ValueError):
        version.save()
    with pytest.raises(ValueError):
        version.delete()
    with pytest.raises(ValueError):
        item.save()
    with pytest.raises(ValueError):
        item.delete()
    assert DocumentVersion.objects.get(pk=version.pk).change_note == ""


def test_the_same_bytes_are_stored_once(make_document):
    data = samples.pdf("同一份檔案 兩次上傳 內容相同")
    first = make_document(files=[samples.upload(data, "a.pdf")])
    second = make_document(title="另一份", files=[samples.upload(data, "b.pdf")])
    names = {DocumentFile.objects.get(version__document=d).file.name for d in (first, second)}
    assert len(names) == 1


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (samples.scanned_pdf(), "scan.pdf", "no text layer"),
        (samples.docx(), "form.docx", "Save As"),
    ],
)
def test_the_service_runs_the_file_checks_itself(make_document, data, name, message):
    document = make_document(publish=False, files=[])
    with pytest.raises(DocumentError, match=message):
        document_version_add(document=document, files=[samples.upload(data, name)])
    assert not document.versions.exists()


def test_a_form_without_an_odf_file_is_refused(make_document):
    document = make_document(kind=DocumentKind.FORM, publish=False, files=[])
    with pytest.raises(DocumentError, match="ODF"):
        document_version_add(
            document=document,
            files=[samples.upload(samples.pdf("參訪申請表 只有PDF版本"), "form.pdf")],
        )


def test_the_size_limit_applies_in_the_service(make_document, settings):
    settings.DISCLOSURE_MAX_UPLOAD_MB = 1
    document = make_document(publish=False, files=[])
    big = samples.pdf("很大的報告 測試用檔案") + b"%" * (1024 * 1024)
    with pytest.raises(DocumentError, match="larger than 1 MB"):
        document_version_add(document=document, files=[samples.upload(big, "big.pdf")])


def test_publishing_needs_all_three_codes(make_document, editor, codes):
    document = make_document(publish=False, classified=False, theme_code=codes["theme_code"])
    with pytest.raises(DocumentError, match="codes"):
        document_publish(document=document, user=editor)
    assert not Document.objects.get(pk=document.pk).live


def test_publishing_needs_a_file(make_document, editor):
    document = make_document(publish=False, files=[])
    with pytest.raises(DocumentError, match="Upload"):
        document_publish(document=document, user=editor)


def test_a_form_whose_latest_version_has_no_odf_cannot_be_published(make_document, editor):
    # Made as a document with a PDF, then turned into a form in a draft.
    document = make_document(publish=False)
    document_update(document=document, user=editor, kind=DocumentKind.FORM)
    with pytest.raises(DocumentError, match="ODF"):
        document_publish(document=document, user=editor)


def test_the_model_refuses_to_go_live_unclassified_whoever_saves(make_document):
    document = make_document(publish=False, classified=False)
    document.live = True
    with pytest.raises(ValidationError):
        document.save()


def test_a_published_document_is_public_with_its_versions(make_document):
    document = make_document()
    public = document_get_public(pk=document.pk)
    assert public is not None
    assert [v.number for v in public.public_versions] == [1]
    assert public.first_published_at is not None


def test_a_version_uploaded_to_a_live_document_waits_for_publication(make_document, editor):
    document = make_document()
    document_version_add(
        document=document,
        files=[samples.upload(samples.pdf("第二版 修正數據 文字內容說明"), "v2.pdf")],
        change_note="修正數據",
    )
    public = document_get_public(pk=document.pk)
    assert [v.number for v in public.public_versions] == [1]
    document_publish(document=document, user=editor)
    public = document_get_public(pk=document.pk)
    assert [v.number for v in public.public_versions] == [2, 1]


def test_a_metadata_edit_of_a_live_document_is_a_draft_until_published(make_document, editor):
    document = make_document(title="舊標題")
    document_update(document=document, user=editor, title="新標題")
    assert Document.objects.get(pk=document.pk).title == "舊標題"
    document_publish(document=document, user=editor)
    assert Document.objects.get(pk=document.pk).title == "新標題"


def test_unpublishing_hides_the_document(make_document, editor):
    document = make_document()
    document_unpublish(document=document, user=editor)
    assert document_get_public(pk=document.pk) is None
    assert ModelLogEntry.objects.for_instance(document).filter(action="wagtail.unpublish").exists()


def test_history_may_be_imported_in_order_before_publication(make_document, editor):
    document = make_document(publish=False, files=[])
    then = timezone.now() - datetime.timedelta(days=400)
    document_version_add(
        document=document,
        files=[samples.upload(samples.pdf("113年度版本 內容文字"), "a.pdf")],
        created_at=then,
    )
    with pytest.raises(DocumentError):
        document_version_add(
            document=document,
            files=[samples.upload(samples.pdf("更早的版本 內容文字"), "b.pdf")],
            change_note="更早",
            created_at=then - datetime.timedelta(days=1),
        )
    document = document_publish(document=document, user=editor)
    with pytest.raises(DocumentError):
        document_version_add(
            document=document,
            files=[samples.upload(samples.pdf("補登的版本 內容文字"), "c.pdf")],
            change_note="補登",
            created_at=then + datetime.timedelta(days=1),
        )
