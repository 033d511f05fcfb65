"""The petition side of promoting an answered case to the FAQ: what the FAQ may take from
the case (read with the personal-data access logged), and the trace left on its timeline.

The FAQ calls these; the permission it needs is the one it registered as an answer reuse
(`cases.hooks.answer_reuses`), so the petition module checks it without importing the FAQ."""

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from civicdesk.cases.errors import CaseError
from civicdesk.cases.hooks import may_reuse_answer
from civicdesk.cases.models import AccessPurpose, Case, CaseEvent, Reply
from civicdesk.cases.selectors import petitioner_for_staff
from civicdesk.cases.services.timeline import record_event

FAQ_PURPOSE = AccessPurpose.FAQ_PROMOTION


@dataclass(frozen=True)
class FaqSource:
    """A case's question and answer, and the personal data to mask in them.

    `names` and `known` exist only to be masked: they are never shown or stored by the FAQ.
    """

    case_id: int
    number: str
    language: str
    category_id: int
    subject: str
    content: str
    reply_body: str
    legal_basis: str
    names: tuple[str, ...] = ()
    known: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _staff_names(user: Any) -> list[str]:
    if user is None:
        return []
    names = [f"{user.last_name}{user.first_name}".strip()]
    profile = getattr(user, "staff_profile", None)
    if profile is not None and profile.display_name_en:
        names.append(profile.display_name_en)
    return [name for name in names if name]


def case_faq_source(*, case_id: int, user: User) -> FaqSource:
    """The case's subject, content and last sent reply, with the names to mask.

    Raises Case.DoesNotExist, PermissionDenied, or CaseError when nothing was answered yet.
    The petitioner's identity is read for masking only, and the read is logged (個資法).
    """
    if not may_reuse_answer(user, FAQ_PURPOSE):
        raise PermissionDenied(f"{user} may not promote cases to the FAQ")
    case = Case.objects.select_related(
        "category", "officer__staff_profile", "recorded_by__staff_profile", "petitioner"
    ).get(pk=case_id)
    reply = (
        case.replies.filter(status=Reply.Status.SENT)
        .select_related("drafted_by__staff_profile", "approved_by__staff_profile")
        .order_by("-sent_at", "-pk")
        .first()
    )
    if reply is None:
        raise CaseError(_("Only a petition with a sent reply can become an FAQ entry."))
    names: list[str] = []
    known: dict[str, tuple[str, ...]] = {}
    petitioner = getattr(case, "petitioner", None)
    if petitioner is not None:
        # Logged like any other read; a confidential identity is not shown to the user either,
        # it only tells the anonymiser what to remove.
        petitioner_for_staff(user, case, purpose=FAQ_PURPOSE)
        names.append(petitioner.name)
        known = {
            "phone": tuple(v for v in [petitioner.phone] if v),
            "email": tuple(v for v in [petitioner.email] if v),
            "address": tuple(v for v in [petitioner.address] if v),
        }
    for staff in (case.officer, case.recorded_by, reply.drafted_by, reply.approved_by):
        names += _staff_names(staff)
    return FaqSource(
        case_id=case.pk,
        number=case.number or "",
        language=case.language,
        category_id=case.category_id,
        subject=case.subject,
        content=case.content,
        reply_body=reply.body,
        legal_basis=reply.legal_basis,
        names=tuple(dict.fromkeys(names)),
        known=known,
    )


@transaction.atomic
def case_faq_promoted(
    *, case_id: int, user: User, page_id: int, masked: dict[str, int]
) -> CaseEvent:
    """The timeline entry: this case became FAQ draft `page_id`, with what was masked."""
    case = Case.objects.get(pk=case_id)
    summary = ", ".join(f"{kind} {count}" for kind, count in masked.items()) or "-"
    return record_event(
        case,
        CaseEvent.Kind.FAQ_PROMOTED,
        actor=user,
        message=_("FAQ draft created (page %(page)s); masked: %(summary)s")
        % {"page": page_id, "summary": summary},
        data={"page_id": page_id, "masked": masked},
        is_public=False,
    )
