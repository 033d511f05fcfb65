"""Petition attachments: size limit, a type whitelist checked by content, and a virus-scan hook."""

import hashlib
import io
import zipfile

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from civicdesk.cases.models import Attachment, Case
from civicdesk.core.virusscan import VirusScanRefused, scan_for_viruses

ODF_TYPES = {
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
}
OOXML_TYPES = {
    "word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
ALLOWED_TYPES = {
    "application/pdf",
    "image/jpeg",
    "image/png",
    *ODF_TYPES,
    *OOXML_TYPES.values(),
}


class AttachmentRejected(ValueError):
    """The file may not be attached; the message says why, in the active language."""


def sniff(data: bytes) -> str | None:
    """The content type from the bytes themselves, never from the name the sender gave."""
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = archive.namelist()
                if "mimetype" in names:
                    mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                    return mimetype if mimetype in ODF_TYPES else None
                if "[Content_Types].xml" in names:
                    for prefix, mimetype in OOXML_TYPES.items():
                        if any(name.startswith(prefix) for name in names):
                            return mimetype
        except zipfile.BadZipFile:
            return None
    return None


def validate_upload(upload: UploadedFile) -> tuple[bytes, str]:
    """Return (content, content type) or raise AttachmentRejected with a clear message."""
    limit = settings.CASES_ATTACHMENT_MAX_BYTES
    if upload.size is not None and upload.size > limit:
        raise AttachmentRejected(
            _("%(name)s is larger than %(limit)d MB.")
            % {"name": upload.name, "limit": limit // (1024 * 1024)}
        )
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise AttachmentRejected(
            _("%(name)s is larger than %(limit)d MB.")
            % {"name": upload.name, "limit": limit // (1024 * 1024)}
        )
    if not data:
        raise AttachmentRejected(_("%(name)s is empty.") % {"name": upload.name})
    content_type = sniff(data)
    if content_type not in ALLOWED_TYPES:
        raise AttachmentRejected(
            _("%(name)s is not a PDF, JPEG, PNG, ODF or Office document.") % {"name": upload.name}
        )
    try:
        scan_for_viruses(data)
    except VirusScanRefused as exc:
        raise AttachmentRejected(str(exc)) from exc
    return data, content_type


def attachment_store(*, case: Case, upload: UploadedFile) -> Attachment:
    from django.core.files.base import ContentFile

    data, content_type = validate_upload(upload)
    name = (upload.name or "attachment").rsplit("/", 1)[-1][:200]
    attachment = Attachment(
        case=case,
        original_name=name,
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    attachment.file.save(f"{attachment.sha256[:16]}", ContentFile(data), save=False)
    attachment.save()
    return attachment
