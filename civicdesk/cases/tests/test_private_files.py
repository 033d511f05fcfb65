"""Petition attachments live outside every public path; staff who may see the case download
them, every download is logged, and the privacy officer reads and exports the access log."""

import csv
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.views.static import serve

from civicdesk.cases.attachments import attachment_store
from civicdesk.cases.models import AccessPurpose, Attachment, PersonalDataAccess

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def attached(assigned):
    upload = SimpleUploadedFile("現場照片.pdf", PDF, content_type="application/pdf")
    return assigned, attachment_store(case=assigned, upload=upload)


def test_attachments_are_stored_outside_the_public_media_folder(attached):
    _case, attachment = attached
    path = Path(attachment.file.path).resolve()
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert path.read_bytes() == PDF


def test_what_serves_the_public_media_folder_does_not_find_them(rf, attached):
    _case, attachment = attached
    # The dev server (and any front server) serves MEDIA_ROOT as it is.
    with pytest.raises(Http404):
        serve(rf.get("/"), attachment.file.name, document_root=settings.MEDIA_ROOT)
    with pytest.raises(ValueError):
        attachment.file.url  # noqa: B018 - private storage has no public URL


def test_staff_on_the_case_download_it_as_a_file_and_the_download_is_logged(
    client, users, attached
):
    case, attachment = attached
    client.force_login(users["officer"])
    before = PersonalDataAccess.objects.filter(case=case, purpose=AccessPurpose.ATTACHMENT).count()

    response = client.get(f"/admin/petitions/{case.pk}/attachments/{attachment.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "%E7%8F%BE%E5%A0%B4" in response["Content-Disposition"]  # 現場, RFC 5987 encoded
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    logged = PersonalDataAccess.objects.filter(case=case, purpose=AccessPurpose.ATTACHMENT)
    assert logged.count() == before + 1
    assert logged.first().user == users["officer"]


def test_the_case_page_links_each_attachment(client, users, attached):
    case, attachment = attached
    client.force_login(users["officer"])
    html = client.get(f"/admin/petitions/{case.pk}/").content.decode()
    assert f'href="/admin/petitions/{case.pk}/attachments/{attachment.pk}/"' in html
    assert "現場照片.pdf" in html


def test_nobody_else_gets_the_file(client, users, attached, make_case):
    case, attachment = attached
    url = f"/admin/petitions/{case.pk}/attachments/{attachment.pk}/"
    assert client.get(url).status_code in (302, 403)  # not signed in
    client.force_login(users["editor"])  # staff without petitions
    assert client.get(url).status_code in (302, 403)
    client.force_login(users["officer"])
    other = make_case()  # not visible to the officer: unassigned, another unit's queue
    assert client.get(f"/admin/petitions/{other.pk}/attachments/{attachment.pk}/").status_code in (
        403,
        404,
    )
    assert client.get(f"/admin/petitions/{case.pk}/attachments/999999/").status_code == 404


def test_a_file_saved_under_public_media_is_moved_by_the_migration(attached, settings):
    import importlib

    from django.apps import apps
    from django.core.files.storage import default_storage

    _case, attachment = attached
    name = "cases/2025/01/legacy-attachment"
    default_storage.save(name, io.BytesIO(b"%PDF-1.4 legacy"))
    Attachment.objects.filter(pk=attachment.pk).update(file=name)
    migration = importlib.import_module(
        "civicdesk.cases.migrations.0006_move_attachments_to_private_storage"
    )

    migration.move_to_private(apps, None)

    assert not default_storage.exists(name)
    moved = Attachment.objects.get(pk=attachment.pk)
    assert moved.file.open("rb").read() == b"%PDF-1.4 legacy"
    moved.file.storage.delete(moved.file.name)


@pytest.fixture
def access_log_entries(users, attached, client):
    case, attachment = attached
    client.force_login(users["officer"])
    client.get(f"/admin/petitions/{case.pk}/")
    client.get(f"/admin/petitions/{case.pk}/attachments/{attachment.pk}/")
    client.logout()
    return case


def test_the_privacy_officer_reads_filters_and_exports_the_access_log(
    client, users, access_log_entries, admin_in_english
):
    case = access_log_entries
    client.force_login(users["privacy"])
    listing = client.get("/admin/personal_data_access/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert case.number in html and "officer" in html
    assert "Attachment download" in html and "Case page" in html

    filtered = client.get("/admin/personal_data_access/", {"purpose": "attachment"})
    purposes = {entry.purpose for entry in filtered.context["object_list"]}
    assert purposes == {AccessPurpose.ATTACHMENT}

    export = client.get(
        "/admin/personal_data_access/", {"export": "csv", "q": case.number, "purpose": "attachment"}
    )
    assert export.status_code == 200
    rows = list(csv.reader(io.StringIO(export.content.decode())))
    assert rows[0] == ["Time", "Staff", "Case", "Purpose", "Identity withheld"]
    assert rows[1][1:4] == ["officer", case.number, "Attachment download"]
    assert rows[1][0].endswith("+08:00")  # office time, not UTC


def test_other_staff_cannot_read_the_access_log(client, users, access_log_entries):
    for name in ("officer", "coordinator", "director", "editor"):
        client.force_login(users[name])
        assert client.get("/admin/personal_data_access/").status_code in (302, 403)
