"""Editors, through the real Wagtail admin: metadata, a new version's files, publishing."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.users.models import UserProfile

from civicdesk.disclosure.models import Document, DocumentKind
from civicdesk.disclosure.tests import samples

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_disclosure_document:add"
EDIT = "wagtailsnippets_disclosure_document:edit"


@pytest.fixture
def admin_client(client):
    admin = get_user_model().objects.get(username="admin")
    # The admin in English, so the assertions read the msgids whatever is translated.
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(admin)
    return client


def form_data(codes=None, action=None, **extra):
    data = {
        "title": "場地借用申請表（測試）",
        "title_en": "Venue booking form (test)",
        "kind": DocumentKind.FORM,
        "reference": "",
        "description": "",
        "description_en": "",
        "keywords": "",
        "keywords_en": "",
        "theme_code": "",
        "cake_code": "",
        "service_code": "",
        "owner_unit": "",
        "review_by": "",
        "language": "zh-Hant-TW",
        "rights": "政府資料開放授權條款－第1版",
        "rights_en": "Open Government Data License, version 1.0",
        "coverage": "高雄市",
        "coverage_en": "Kaohsiung City",
        "source": "",
        "source_en": "",
        "relation": "",
        "change_note": "",
        "change_note_en": "",
    }
    if codes:
        data.update({name: code.pk for name, code in codes.items()})
    if action:
        data[action] = "1"
    data.update(extra)
    return data


def odt_upload(text="場地借用申請表 申請單位 聯絡人"):
    return SimpleUploadedFile("form.odt", samples.odt(text))


def test_an_editor_creates_and_publishes_a_form_with_its_odf_file(admin_client, codes):
    response = admin_client.post(
        reverse(ADD),
        form_data(codes, action="action-publish", new_odf_file=odt_upload()),
    )
    assert response.status_code == 302, response.context["form"].errors
    document = Document.objects.get(title="場地借用申請表（測試）")
    assert document.live
    version = document.versions.get()
    assert version.number == 1
    assert version.files.get().extension == "odt"


def test_a_form_uploaded_only_as_pdf_is_refused_beside_the_field(admin_client, codes):
    pdf = SimpleUploadedFile("form.pdf", samples.pdf("場地借用申請表 只有PDF"))
    response = admin_client.post(reverse(ADD), form_data(codes, new_pdf_file=pdf))
    assert response.status_code == 200
    assert "new_odf_file" in response.context["form"].errors
    assert not Document.objects.filter(title="場地借用申請表（測試）").exists()


def test_a_word_file_is_refused_with_how_to_save_as_odf(admin_client, codes):
    docx = SimpleUploadedFile("form.docx", samples.docx())
    response = admin_client.post(reverse(ADD), form_data(codes, new_odf_file=docx))
    assert response.status_code == 200
    errors = response.context["form"].errors["new_odf_file"]
    assert "Save As" in errors[0]


def test_a_scanned_pdf_is_refused(admin_client, codes):
    scan = SimpleUploadedFile("scan.pdf", samples.scanned_pdf())
    data = form_data(codes, kind=DocumentKind.DOCUMENT, new_pdf_file=scan)
    response = admin_client.post(reverse(ADD), data)
    assert response.status_code == 200
    assert "no text layer" in response.context["form"].errors["new_pdf_file"][0]


def test_an_unclassified_draft_may_be_saved_but_not_published(admin_client, codes):
    response = admin_client.post(reverse(ADD), form_data(new_odf_file=odt_upload()))
    assert response.status_code == 302
    document = Document.objects.get(title="場地借用申請表（測試）")
    assert not document.live
    response = admin_client.post(
        reverse(EDIT, args=[document.pk]), form_data(action="action-publish")
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) >= {"theme_code", "cake_code", "service_code"}
    assert not Document.objects.get(pk=document.pk).live


def test_publishing_without_any_file_is_refused(admin_client, codes):
    response = admin_client.post(
        reverse(ADD), form_data(codes, kind=DocumentKind.DOCUMENT, action="action-publish")
    )
    assert response.status_code == 200
    assert "new_pdf_file" in response.context["form"].errors


def test_a_new_upload_on_the_edit_screen_is_a_new_version_with_its_note(
    admin_client, make_document
):
    document = make_document(kind=DocumentKind.FORM)
    url = reverse(EDIT, args=[document.pk])
    page = admin_client.get(url)
    assert "Versions of this document" in page.content.decode()
    refused = admin_client.post(url, form_data(new_odf_file=odt_upload("第二版")))
    assert "change_note" in refused.context["form"].errors
    response = admin_client.post(
        url,
        form_data(
            {
                "theme_code": document.theme_code,
                "cake_code": document.cake_code,
                "service_code": document.service_code,
            },
            action="action-publish",
            title=document.title,
            new_odf_file=odt_upload("第二版 新增聯絡電話欄位"),
            change_note="新增聯絡電話欄位",
        ),
    )
    assert response.status_code == 302
    assert [v.number for v in document.versions.order_by("number")] == [1, 2]
    assert Document.objects.get(pk=document.pk).live
    history = admin_client.get(
        reverse("wagtailsnippets_disclosure_document:history", args=[document.pk])
    )
    assert "Uploaded version 2" in history.content.decode()


@pytest.mark.parametrize("slug", ["operation-contract", "group-visits"])
def test_page_editors_pick_documents_with_the_snippet_chooser(admin_client, slug):
    from wagtail.models import Page

    page = Page.objects.get(slug=slug, locale__language_code="zh-hant")
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "snippet-chooser" in html or "data-chooser-url" in html
