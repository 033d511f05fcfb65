"""Wagtail's own document uploads (files linked from pages) pass the library's checks on every
path: the add screen, the multiple uploader, the chooser's upload tab and a replaced file."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.users.models import UserProfile

from civicdesk.core.testing import EICAR
from civicdesk.disclosure.tests import samples

pytestmark = pytest.mark.django_db
Document = get_document_model()


def file(name, data):
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


@pytest.fixture
def as_editor(client):
    # Wagtail's documents are collection-permissioned; the administrator holds them all.
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="admin")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # messages are asserted in English
    profile.save()
    client.force_login(user)
    return client


def test_the_add_screen_refuses_a_scan_and_a_disguised_file(as_editor):
    before = Document.objects.count()
    for name, data, reason in [
        ("掃描.pdf", samples.scanned_pdf(), "scan"),
        ("form.pdf", samples.docx(), "Microsoft Office file"),
        ("notes.pdf", b"#!/bin/sh\nrm -rf /\n", "not an ODF file"),
    ]:
        response = as_editor.post(
            "/admin/documents/add/", {"title": name, "collection": 1, "file": file(name, data)}
        )
        assert response.status_code == 200, name
        assert reason in response.content.decode(), name
    assert Document.objects.count() == before


def test_the_add_screen_accepts_a_text_pdf_and_an_odt(as_editor):
    for name, data in [
        ("說明.pdf", samples.pdf("焚化廠參觀須知：請於參觀日前五個工作日預約。")),
        ("申請書.odt", samples.odt("姓名")),
    ]:
        response = as_editor.post(
            "/admin/documents/add/", {"title": name, "collection": 1, "file": file(name, data)}
        )
        assert response.status_code == 302, name
        assert Document.objects.filter(title=name).exists()


def test_the_multiple_uploader_refuses_a_bad_file_outright(as_editor):
    before = Document.objects.count()
    response = as_editor.post(
        "/admin/documents/multiple/add/",
        {"title": "scan", "collection": 1, "files[]": file("scan.pdf", samples.scanned_pdf())},
    )
    body = response.json()
    assert body["success"] is False and "scan" in body["error_message"]
    assert Document.objects.count() == before


def test_the_choosers_upload_tab_refuses_a_bad_file(as_editor):
    before = Document.objects.count()
    response = as_editor.post(
        "/admin/documents/chooser/create/",
        {
            "document-chooser-upload-title": "x",
            "document-chooser-upload-collection": 1,
            "document-chooser-upload-file": file("x.pdf", samples.docx()),
        },
    )
    assert "Microsoft Office file" in response.content.decode()
    assert Document.objects.count() == before


def test_a_replaced_file_is_checked_too(as_editor):
    as_editor.post(
        "/admin/documents/add/",
        {
            "title": "公告",
            "collection": 1,
            "file": file("公告.pdf", samples.pdf("公告：本廠歲修期間暫停受理參觀申請。")),
        },
    )
    document = Document.objects.get(title="公告")
    response = as_editor.post(
        f"/admin/documents/edit/{document.pk}/",
        {"title": "公告", "collection": 1, "file": file("公告.pdf", samples.scanned_pdf())},
    )
    assert response.status_code == 200
    document.refresh_from_db()
    assert document.file.read().startswith(b"%PDF")
    assert "scan" in response.content.decode()


def test_an_infected_file_is_refused_by_the_scanner(as_editor, clamd):
    infected = samples.pdf("公告：本廠歲修期間暫停受理參觀申請。") + EICAR
    response = as_editor.post(
        "/admin/documents/add/",
        {"title": "bad", "collection": 1, "file": file("bad.pdf", infected)},
    )
    assert response.status_code == 200
    assert "virus scanner" in response.content.decode()
    assert not Document.objects.filter(title="bad").exists()
    assert clamd.received == [infected]
