"""Writes to the document library: create and edit a document, add a version, publish.

Metadata edits go through Wagtail's revisions (drafts, history, publishing), so an edit to a
live document is a draft until it is published. Versions and their files are append-only and
reach the public at the document's next publication. Every write leaves a trace in the
document's history (Wagtail's log: create, edit, publish, unpublish, and our version uploads).
"""

import datetime
from collections.abc import Sequence
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.actions.create import CreateAction
from wagtail.actions.edit import EditAction
from wagtail.actions.unpublish import UnpublishAction
from wagtail.log_actions import log

from civicdesk.disclosure import files as filecheck
from civicdesk.disclosure.models import Document, DocumentFile, DocumentKind, DocumentVersion
from civicdesk.disclosure.search import document_reindex_later, signal_reindex_muted

VERSION_ADD_ACTION = "disclosure.version_add"
EDITABLE_FIELDS = frozenset(
    {
        "reference",
        "title",
        "title_en",
        "description",
        "description_en",
        "kind",
        "theme_code",
        "cake_code",
        "service_code",
        "keywords",
        "keywords_en",
        "owner_unit",
        "review_by",
        "language",
        "rights",
        "rights_en",
        "coverage",
        "coverage_en",
        "source",
        "source_en",
        "relation",
    }
)
# Wagtail's own bookkeeping fields are not the editor's to validate.
NOT_VALIDATED = [
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "live_revision",
    "latest_revision",
    "go_live_at",
    "expire_at",
    "expired",
    "locked",
    "locked_at",
    "locked_by",
]


class DocumentError(ValueError):
    """The change is refused; the message says why, in the active language."""


def _check_fields(fields: dict[str, Any]) -> None:
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"Not editable document fields: {sorted(unknown)}")


def _validate(document: Document) -> None:
    try:
        document.full_clean(exclude=NOT_VALIDATED)
    except ValidationError as exc:
        raise DocumentError(" ".join(exc.messages)) from exc


@transaction.atomic
def document_create(
    *,
    user: User | None,
    title: str,
    kind: str = DocumentKind.DOCUMENT,
    **fields: Any,
) -> Document:
    """A new draft document (no files yet: add them with `document_version_add`)."""
    _check_fields(fields)
    document = Document(title=title, kind=kind, **fields)
    _validate(document)
    CreateAction(document, user=user).execute(skip_permission_checks=True)
    return document


@transaction.atomic
def document_update(*, document: Document, user: User | None, **fields: Any) -> Document:
    """Save changed metadata as a new draft revision; a live document stays as published
    until `document_publish`."""
    _check_fields(fields)
    draft: Document = document.get_latest_revision_as_object()
    for name, value in fields.items():
        setattr(draft, name, value)
    _validate(draft)
    EditAction(draft, user=user).execute(skip_permission_checks=True)
    return draft


def _draft_kind(document: Document) -> str:
    return str(document.get_latest_revision_as_object().kind)


@transaction.atomic
def document_version_add(
    *,
    document: Document,
    files: Sequence[Any],
    change_note: str = "",
    change_note_en: str = "",
    created_by: User | None = None,
    created_at: datetime.datetime | None = None,
) -> DocumentVersion:
    """Add the next version with its files (uploaded files or `ContentFile`s with a name).

    Every file is checked here, whatever checked it before: ODF or text PDF only, within the
    size limit, and a form must come with an ODF file. `created_at` is for importing a
    document's earlier history, and only while the document is not live.
    """
    locked = Document.objects.select_for_update().get(pk=document.pk)
    try:
        checked = [filecheck.check_upload(item) for item in files]
        filecheck.check_version_files(checked, is_form=_draft_kind(locked) == DocumentKind.FORM)
    except filecheck.FileRejected as exc:
        raise DocumentError(str(exc)) from exc
    previous = locked.versions.order_by("-number").first()
    if previous is not None and not change_note.strip():
        raise DocumentError(_("Say what changed in this version; the public sees the note."))
    now = timezone.now()
    if created_at is None:
        created_at = now
    elif locked.live or created_at > now or (previous and created_at < previous.created_at):
        raise DocumentError(
            _("An earlier upload date can only be given, in order, before publication.")
        )
    version = DocumentVersion(
        document=locked,
        number=(previous.number + 1) if previous else 1,
        change_note=change_note.strip(),
        change_note_en=change_note_en.strip(),
        created_at=created_at,
        created_by=created_by,
    )
    version.save()
    for item in checked:
        _file_store(version=version, checked=item)
    log(
        instance=locked,
        action=VERSION_ADD_ACTION,
        user=created_by,
        data={
            "number": version.number,
            "files": [
                {"format": item.extension, "size": item.size, "sha256": item.sha256}
                for item in checked
            ],
        },
    )
    return version


def _file_store(*, version: DocumentVersion, checked: filecheck.CheckedFile) -> DocumentFile:
    # Named by content: the same bytes are stored once, and a stored file is never replaced.
    name = f"disclosure/{checked.sha256[:2]}/{checked.sha256}.{checked.extension}"
    if not default_storage.exists(name):
        name = default_storage.save(name, ContentFile(checked.data))
    record = DocumentFile(
        version=version,
        content_type=checked.content_type,
        extension=checked.extension,
        size=checked.size,
        sha256=checked.sha256,
        text=checked.text,
    )
    record.file.name = name
    record.save()
    return record


def document_publish_problems(*, document: Document) -> list[str]:
    """Why the document's latest draft may not be published; empty when it may."""
    return list(document.get_latest_revision_as_object().publish_problems())


@transaction.atomic
def document_publish(*, document: Document, user: User | None) -> Document:
    """Publish the latest draft with every version uploaded so far."""
    current = Document.objects.select_for_update().get(pk=document.pk)
    problems = document_publish_problems(document=current)
    if problems:
        raise DocumentError(" ".join(problems))
    revision = current.latest_revision
    if revision is None:
        revision = current.save_revision(user=user, log_action=True)
    with signal_reindex_muted():
        revision.publish(user=user, skip_permission_checks=True)
    document_reindex_later(current.pk)
    current.refresh_from_db()
    return current


@transaction.atomic
def document_unpublish(*, document: Document, user: User | None) -> Document:
    """Withdraw the document and all its files from the public site and the search."""
    current = Document.objects.select_for_update().get(pk=document.pk)
    if current.live:
        with signal_reindex_muted():
            UnpublishAction(current, user=user).execute(skip_permission_checks=True)
        document_reindex_later(current.pk)
    return current
