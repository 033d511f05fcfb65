"""The demo document library: forms and documents with their version history, made through
the disclosure services from data/documents.json."""

import datetime
from typing import Any

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from civicdesk.accounts.models import Unit
from civicdesk.demo import files
from civicdesk.disclosure.models import Document
from civicdesk.disclosure.services import document_create, document_publish, document_version_add
from civicdesk.metadata.models import ClassificationCode, Scheme

METADATA_FIELDS = (
    "title_en",
    "description",
    "description_en",
    "keywords",
    "keywords_en",
    "source",
    "source_en",
    "relation",
    "language",
)


@transaction.atomic
def demo_documents_load(*, documents: list[dict[str, Any]]) -> int:
    """Create the documents that do not exist yet (by reference number); return how many.

    Existing documents are left as editors left them, so a second run changes nothing.
    """
    editor = User.objects.filter(username="editor").first()
    created = 0
    for spec in documents:
        if Document.objects.filter(reference=spec["reference"]).exists():
            continue
        _create(spec, editor)
        created += 1
    return created


def _create(spec: dict[str, Any], editor: User | None) -> None:
    fields = {name: spec[name] for name in METADATA_FIELDS if name in spec}
    document = document_create(
        user=editor,
        title=spec["title"],
        kind=spec["kind"],
        reference=spec["reference"],
        owner_unit=Unit.objects.get(code=spec["owner_unit"]),
        theme_code=ClassificationCode.objects.get(scheme=Scheme.THEME, code=spec["theme"]),
        cake_code=ClassificationCode.objects.get(scheme=Scheme.CAKE, code=spec["cake"]),
        service_code=ClassificationCode.objects.get(scheme=Scheme.SERVICE, code=spec["service"]),
        **fields,
    )
    now = timezone.now()
    for version in spec["versions"]:
        content = spec["content"]
        if "replace" in version or "drop" in version:
            content = files.variant(
                content, replace=version.get("replace", {}), drop=version.get("drop", [])
            )
        slug = spec["reference"].lower()
        document_version_add(
            document=document,
            files=[
                ContentFile(files.render(content, extension), name=f"{slug}.{extension}")
                for extension in version["formats"]
            ],
            change_note=version.get("change_note", ""),
            change_note_en=version.get("change_note_en", ""),
            created_by=editor,
            # The demo's history: earlier versions were uploaded months ago.
            created_at=now - datetime.timedelta(days=version["days_ago"]),
        )
    document_publish(document=document, user=editor)
