"""Printable petition documents, the oral petition record and the reply letter, each as ODF
(editable) and as PDF/A (archivable), drawn by the office kit (`civicdesk.core.office`)."""

from collections.abc import Callable

from django.contrib.auth.models import User
from django.utils import translation

from civicdesk.accounts.models import Agency
from civicdesk.cases.documents.letter import reply_letter
from civicdesk.cases.documents.record import oral_record
from civicdesk.cases.models import Case, Reply
from civicdesk.cases.selectors import PetitionerView
from civicdesk.core.office import odt, pdf
from civicdesk.core.office.blocks import Document


def _in_language(language: str, build: Callable[[], Document]) -> Document:
    with translation.override(language):
        return build()


def oral_record_odt(case: Case, petitioner_view: PetitionerView, officer: User | None) -> bytes:
    """言詞陳情紀錄 (行政程序法 art. 169): made by staff, read back and signed by the petitioner."""
    return odt.render(
        _in_language(case.language, lambda: oral_record(case, petitioner_view, officer))
    )


def oral_record_pdf(case: Case, petitioner_view: PetitionerView, officer: User | None) -> bytes:
    return pdf.render(
        _in_language(case.language, lambda: oral_record(case, petitioner_view, officer))
    )


def reply_letter_odt(
    case: Case, reply: Reply, petitioner_view: PetitionerView, agency: Agency
) -> bytes:
    """函復: the approved reply as the agency's letter, in the case's language."""
    document = _in_language(
        case.language, lambda: reply_letter(case, reply, petitioner_view, agency)
    )
    return odt.render(document)


def reply_letter_pdf(
    case: Case, reply: Reply, petitioner_view: PetitionerView, agency: Agency
) -> bytes:
    document = _in_language(
        case.language, lambda: reply_letter(case, reply, petitioner_view, agency)
    )
    return pdf.render(document)
