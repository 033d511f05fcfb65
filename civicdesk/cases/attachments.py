"""Petition attachments: validated by `core.uploads` (size, type by content, virus scan), stored
in private storage under their hash."""

import hashlib

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile

from civicdesk.cases.models import Attachment, Case
from civicdesk.core import uploads
from civicdesk.core.uploads import UploadRejected as AttachmentRejected
from civicdesk.core.uploads import sniff

__all__ = ["AttachmentRejected", "attachment_store", "sniff", "validate_upload"]


def validate_upload(upload: UploadedFile) -> tuple[bytes, str]:
    """Return (content, content type) or raise AttachmentRejected with a clear message."""
    return uploads.validate_upload(upload, max_bytes=settings.CASES_ATTACHMENT_MAX_BYTES)


def attachment_store(*, case: Case, upload: UploadedFile) -> Attachment:
    data, content_type = validate_upload(upload)
    attachment = Attachment(
        case=case,
        original_name=uploads.upload_name(upload),
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    attachment.file.save(f"{attachment.sha256[:16]}", ContentFile(data), save=False)
    attachment.save()
    return attachment
