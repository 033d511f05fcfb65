"""Award applications (一(五)): their record, documents and result."""

import hashlib
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from civicdesk.core import uploads
from civicdesk.core.records import record_save
from civicdesk.quality.models import AwardApplication, AwardDocument

RESULT_STATES = {
    AwardApplication.State.WON,
    AwardApplication.State.SHORTLISTED,
    AwardApplication.State.NOT_AWARDED,
}


def _check(fields: dict[str, Any]) -> None:
    errors: dict[str, str] = {}
    state = fields.get("state", AwardApplication.State.PREPARING)
    submitted_on, result_on = fields.get("submitted_on"), fields.get("result_on")
    if state in RESULT_STATES | {AwardApplication.State.SUBMITTED} and not submitted_on:
        errors["submitted_on"] = _("Give the day the application was submitted.")
    if state in RESULT_STATES and not result_on:
        errors["result_on"] = _("Give the day the result was announced.")
    if submitted_on and result_on and result_on < submitted_on:
        errors["result_on"] = _("The result cannot come before the application.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def award_save(
    *, instance: AwardApplication | None = None, actor: Any = None, **fields: Any
) -> AwardApplication:
    current = {}
    if instance is not None:
        current = {f: getattr(instance, f) for f in ("state", "submitted_on", "result_on")}
    _check({**current, **fields})
    return record_save(instance or AwardApplication(), **fields)


@transaction.atomic
def award_document_add(
    *, application: AwardApplication, upload: UploadedFile, title: str, actor: Any
) -> AwardDocument:
    try:
        data, content_type = uploads.validate_upload(
            upload, max_bytes=settings.QUALITY_EVIDENCE_MAX_BYTES
        )
    except uploads.UploadRejected as exc:
        raise ValidationError({"file": str(exc)}) from exc
    name = uploads.upload_name(upload, "document")
    document = AwardDocument(
        application=application,
        title=title.strip() or name,
        original_name=name,
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        uploaded_by=actor,
    )
    document.file.save(document.sha256[:16], ContentFile(data), save=False)
    document.save()
    return document


@transaction.atomic
def award_document_remove(*, document: AwardDocument, actor: Any) -> None:
    document.file.delete(save=False)
    document.delete()
