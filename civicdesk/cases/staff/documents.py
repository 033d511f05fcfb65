"""Staff downloads of a petition's files: the oral record, the reply letter, the attachments."""

from collections.abc import Callable

from django.contrib.auth.decorators import permission_required
from django.contrib.auth.models import User
from django.core.exceptions import ImproperlyConfigured
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from civicdesk.accounts.selectors import agency_get_current
from civicdesk.cases import documents
from civicdesk.cases.models import AccessPurpose, Attachment, Case, Reply
from civicdesk.cases.models.case import ORAL_CHANNELS
from civicdesk.cases.permissions import can_see_identity
from civicdesk.cases.selectors import (
    PetitionerView,
    case_get_for_staff,
    personal_data_access_log,
    petitioner_for_staff,
)

CONTENT_TYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "pdf": "application/pdf",
}
ORAL_RECORD_BUILDERS: dict[str, Callable[[Case, PetitionerView, User | None], bytes]] = {
    "odt": documents.oral_record_odt,
    "pdf": documents.oral_record_pdf,
}
REPLY_LETTER_BUILDERS = {
    "odt": documents.reply_letter_odt,
    "pdf": documents.reply_letter_pdf,
}


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _case(request: HttpRequest, pk: int, fmt: str) -> Case:
    if fmt not in CONTENT_TYPES:
        raise Http404(_("Documents are made as odt or pdf."))
    try:
        return case_get_for_staff(request.user, pk)
    except Case.DoesNotExist as exc:
        raise Http404 from exc


def _download(content: bytes, *, fmt: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = content_disposition_header(True, f"{name}.{fmt}") or ""
    return response


# never_cache sends `Cache-Control: no-store`: the documents carry personal data.
@never_cache
@permission_required("cases.view_case", raise_exception=True)
def oral_record(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    case = _case(request, pk, fmt)
    if case.channel not in ORAL_CHANNELS:
        raise Http404(_("Only petitions made by phone or at the counter have an oral record."))
    petitioner = petitioner_for_staff(_user(request), case, purpose=AccessPurpose.ORAL_RECORD)
    content = ORAL_RECORD_BUILDERS[fmt](case, petitioner, case.recorded_by)
    return _download(content, fmt=fmt, name=f"oral-record-{case.number or case.pk}")


@never_cache
@permission_required("cases.view_case", raise_exception=True)
def reply_letter(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    case = _case(request, pk, fmt)
    reply = (
        case.replies.filter(
            method=Reply.Method.LETTER, status__in=[Reply.Status.APPROVED, Reply.Status.SENT]
        )
        .select_related("drafted_by")
        .order_by("-drafted_at", "-pk")
        .first()
    )
    if reply is None:
        raise Http404(_("This case has no approved reply by letter."))
    agency = agency_get_current()
    if agency is None:
        raise ImproperlyConfigured("A reply letter needs the agency's letterhead: add the Agency.")
    petitioner = petitioner_for_staff(_user(request), case, purpose=AccessPurpose.REPLY_LETTER)
    content = REPLY_LETTER_BUILDERS[fmt](case, reply, petitioner, agency)
    return _download(content, fmt=fmt, name=f"reply-{case.number or case.pk}")


@never_cache
@permission_required("cases.view_case", raise_exception=True)
def attachment_download(request: HttpRequest, pk: int, attachment_id: int) -> FileResponse:
    """The file a petitioner attached, to staff who may see the case; every download is logged."""
    try:
        case = case_get_for_staff(request.user, pk)
        attachment = case.attachments.get(pk=attachment_id)
    except (Case.DoesNotExist, Attachment.DoesNotExist) as exc:
        raise Http404 from exc
    user = _user(request)
    personal_data_access_log(
        user, case, purpose=AccessPurpose.ATTACHMENT, was_redacted=not can_see_identity(user, case)
    )
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    # Never rendered by the browser as something else, whatever the file claims to be.
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
