"""The demo document library and disclosure pages: made through the services, idempotent."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command

from civicdesk.demo.pages import demo_pages_load
from civicdesk.disclosure.models import Document, DocumentFile, DocumentKind, DocumentVersion

pytestmark = pytest.mark.django_db

SITE = json.loads((Path(__file__).parents[1] / "data" / "site.json").read_text(encoding="utf-8"))


def snapshot():
    return {
        "documents": sorted(
            Document.objects.values_list("pk", "reference", "title", "live", "latest_revision_id")
        ),
        "versions": sorted(DocumentVersion.objects.values_list("pk", "document_id", "number")),
        "files": sorted(DocumentFile.objects.values_list("pk", "sha256")),
    }


def test_a_second_run_adds_no_document_or_version(capsys):
    before = snapshot()
    call_command("load_demo")
    assert snapshot() == before
    assert "0 new documents" in capsys.readouterr().out


def test_the_library_has_forms_and_documents_with_history():
    documents = Document.objects.filter(reference__startswith="CRRP-").published()
    assert documents.count() >= 10
    assert documents.filter(kind=DocumentKind.FORM).count() >= 5
    with_history = [d for d in documents if d.versions.count() >= 2]
    assert len(with_history) >= 2
    for document in with_history:
        latest = document.versions.order_by("-number").first()
        assert latest.change_note and latest.change_note_en


def test_every_demo_file_follows_the_format_rules():
    for document in Document.objects.filter(reference__startswith="CRRP-"):
        assert not document.missing_classification()
        assert document.title_en and document.description and document.description_en
        latest = document.versions.order_by("-number").first()
        if document.kind == DocumentKind.FORM:
            assert latest.has_odf, document.reference
        for item in latest.files.all():
            assert len(item.text) > 50, (document.reference, item.extension)


def test_earlier_versions_really_differ():
    document = Document.objects.get(reference="CRRP-D-006")
    first, second = document.versions.order_by("number")
    old = first.files.get().text
    new = second.files.get().text
    assert "6:00至22:00" in old and "6:00至21:00" in new


def test_a_page_whose_type_changed_is_kept_with_its_new_subpages_skipped():
    home = next(spec for spec in SITE["pages"] if spec["key"] == "home")
    about = next(spec for spec in SITE["pages"] if spec["key"] == "about")
    changed = {**about, "type": "procedure_index"}
    child = {**about, "key": "child", "parent": "about", "slug": "never-made"}
    kept = []
    assert demo_pages_load(pages=[home, changed, child], kept=kept) == 0
    assert kept == ["about"]
