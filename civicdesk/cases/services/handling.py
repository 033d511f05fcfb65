"""How staff handle a petition: assign, supplement, extend, reply, transfer, file, merge."""

import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civicdesk.accounts.models import Unit
from civicdesk.accounts.selectors import user_unit
from civicdesk.cases import deadlines
from civicdesk.cases.errors import CaseError
from civicdesk.cases.models import Case, Category, Outcome, Reply
from civicdesk.cases.permissions import require
from civicdesk.cases.services.clock import calendar_around, today
from civicdesk.cases.services.notify import notify_petitioner, notify_staff
from civicdesk.cases.services.timeline import lock, record_event, transition
from civicdesk.cases.states import Action, State

FILE_REASONS = {
    # 行政程序法 art. 173: the three grounds for not handling a petition.
    "no_content": Outcome.FILED_NO_CONTENT,
    "repeat": Outcome.FILED_REPEAT,
    "multiple": Outcome.FILED_MULTIPLE,
}


@transaction.atomic
def case_assign(*, case: Case, actor: User, unit: Unit, officer: User | None) -> Case:
    case = lock(case)
    require(actor, Action.ASSIGN, case)
    if officer is not None:
        officer_unit = user_unit(officer)
        if officer_unit is None or officer_unit.pk != unit.pk:
            raise CaseError(_("The officer must belong to the unit the case is assigned to."))
        if not officer.has_perm("cases.change_case"):
            raise CaseError(_("This person cannot handle petitions."))
    previous = (case.unit_id, case.officer_id)
    case.unit, case.officer = unit, officer
    transition(
        case,
        Action.ASSIGN,
        actor=actor,
        data={
            "unit": unit.code,
            "officer": officer.get_username() if officer else None,
            "previous_unit_id": previous[0],
            "previous_officer_id": previous[1],
        },
        is_public=False,
        update_fields=("unit", "officer"),
    )
    notify_staff(officer, case, "case_assigned")
    return case


@transaction.atomic
def case_start(*, case: Case, actor: User) -> Case:
    case = lock(case)
    require(actor, Action.START, case)
    transition(case, Action.START, actor=actor)
    return case


@transaction.atomic
def case_request_supplement(*, case: Case, actor: User, message: str) -> Case:
    """補陳: the clock stops until the petitioner's supplement arrives."""
    if not message.strip():
        raise CaseError(_("Say what the petitioner should supplement."))
    case = lock(case)
    require(actor, Action.REQUEST_SUPPLEMENT, case)
    case.paused_on = today()
    transition(
        case, Action.REQUEST_SUPPLEMENT, actor=actor, message=message, update_fields=("paused_on",)
    )
    notify_petitioner(case, "case_supplement", {"message": message})
    return case


@transaction.atomic
def case_receive_supplement(*, case: Case, actor: User, message: str = "") -> Case:
    case = lock(case)
    require(actor, Action.RECEIVE_SUPPLEMENT, case)
    resumed = today()
    assert case.paused_on is not None and case.deadline is not None
    old_deadline = case.deadline
    case.deadline = deadlines.deadline_after_pause(
        deadline=case.deadline,
        paused_on=case.paused_on,
        resumed_on=resumed,
        calendar=calendar_around(case.deadline),
    )
    paused_on, case.paused_on = case.paused_on, None
    transition(
        case,
        Action.RECEIVE_SUPPLEMENT,
        actor=actor,
        message=message,
        data={
            "paused_on": paused_on.isoformat(),
            "old_deadline": old_deadline.isoformat(),
            "new_deadline": case.deadline.isoformat(),
        },
        update_fields=("deadline", "paused_on"),
    )
    return case


@transaction.atomic
def case_extend(*, case: Case, actor: User, new_deadline: datetime.date, reason: str) -> Case:
    """展期: approved by the unit head, with a written notice of the reason and the new date."""
    if not reason.strip():
        raise CaseError(_("An extension needs a reason; the petitioner is told it."))
    case = lock(case)
    require(actor, Action.EXTEND, case)
    if case.deadline is None or new_deadline <= case.deadline:
        raise CaseError(_("The new deadline must be later than the current one."))
    calendar = calendar_around(new_deadline)
    if not calendar.is_workday(new_deadline):
        raise CaseError(_("The new deadline must be a working day."))
    old = case.deadline
    case.deadline = new_deadline
    case.extension_count += 1
    transition(
        case,
        Action.EXTEND,
        actor=actor,
        message=reason,
        data={"old_deadline": old.isoformat(), "new_deadline": new_deadline.isoformat()},
        update_fields=("deadline", "extension_count"),
    )
    notify_petitioner(case, "case_extended", {"reason": reason, "old_deadline": old})
    return case


@transaction.atomic
def case_draft_reply(
    *, case: Case, actor: User, body: str, legal_basis: str, method: str, phone_log: str = ""
) -> Reply:
    """Replies give a concrete opinion and the legal basis (處理人民陳情案件要點)."""
    if not body.strip() or not legal_basis.strip():
        raise CaseError(_("A reply needs a concrete answer and its legal basis."))
    if method == Reply.Method.EMAIL and not getattr(case.petitioner, "email", ""):
        raise CaseError(_("The petitioner gave no e-mail address; reply by letter or phone."))
    if method == Reply.Method.PHONE and not phone_log.strip():
        raise CaseError(_("Record what was said on the phone."))
    case = lock(case)
    require(actor, Action.DRAFT_REPLY, case)
    case.replies.filter(status=Reply.Status.DRAFT).update(status=Reply.Status.RETURNED)
    reply = Reply.objects.create(
        case=case,
        body=body.strip(),
        legal_basis=legal_basis.strip(),
        language=case.language,
        method=method,
        status=Reply.Status.DRAFT,
        drafted_by=actor,
        phone_log=phone_log.strip(),
    )
    transition(case, Action.DRAFT_REPLY, actor=actor, data={"reply": reply.pk}, is_public=False)
    return reply


def _current_reply(case: Case, status: str) -> Reply:
    reply = case.replies.filter(status=status).order_by("-drafted_at", "-pk").first()
    if reply is None:
        raise CaseError(_("There is no reply in that state."))
    return reply


@transaction.atomic
def case_approve_reply(*, case: Case, actor: User) -> Reply:
    case = lock(case)
    require(actor, Action.APPROVE_REPLY, case)
    reply = _current_reply(case, Reply.Status.DRAFT)
    reply.status, reply.approved_by, reply.approved_at = (
        Reply.Status.APPROVED,
        actor,
        timezone.now(),
    )
    reply.save(update_fields=["status", "approved_by", "approved_at"])
    transition(case, Action.APPROVE_REPLY, actor=actor, data={"reply": reply.pk}, is_public=False)
    return reply


@transaction.atomic
def case_return_reply(*, case: Case, actor: User, message: str) -> Case:
    if not message.strip():
        raise CaseError(_("Say what should change in the reply."))
    case = lock(case)
    require(actor, Action.RETURN_REPLY, case)
    case.replies.filter(status__in=[Reply.Status.DRAFT, Reply.Status.APPROVED]).update(
        status=Reply.Status.RETURNED
    )
    transition(case, Action.RETURN_REPLY, actor=actor, message=message, is_public=False)
    notify_staff(case.officer, case, "case_reply_returned", message=message)
    return case


@transaction.atomic
def case_send_reply(*, case: Case, actor: User) -> Reply:
    """Send the approved reply (e-mail is queued; a letter is printed; a call was logged) and
    close the case. The closing mail invites the petitioner to rate the handling."""
    case = lock(case)
    require(actor, Action.SEND_REPLY, case)
    reply = _current_reply(case, Reply.Status.APPROVED)
    now = timezone.now()
    reply.status, reply.sent_at = Reply.Status.SENT, now
    reply.save(update_fields=["status", "sent_at"])
    case.outcome, case.closed_at = Outcome.REPLIED, now
    transition(
        case,
        Action.SEND_REPLY,
        actor=actor,
        data={"reply": reply.pk, "method": reply.method},
        update_fields=("outcome", "closed_at"),
    )
    if reply.method == Reply.Method.EMAIL:
        notify_petitioner(case, "case_reply", {"reply": reply})
    else:
        notify_petitioner(case, "case_closed", {"reply": reply})
    return reply


@transaction.atomic
def case_transfer(
    *, case: Case, actor: User, agency: str, document_number: str, transferred_on: datetime.date
) -> Case:
    """移文: send the case to the competent agency; tell the petitioner (行政程序法 art. 172 §1)."""
    if not agency.strip() or not document_number.strip():
        raise CaseError(_("Name the receiving agency and the transfer document number."))
    case = lock(case)
    require(actor, Action.TRANSFER, case)
    case.transfer_agency, case.transfer_document, case.transfer_date = (
        agency.strip(),
        document_number.strip(),
        transferred_on,
    )
    case.outcome, case.closed_at = Outcome.TRANSFERRED, timezone.now()
    transition(
        case,
        Action.TRANSFER,
        actor=actor,
        data={"agency": case.transfer_agency, "document": case.transfer_document},
        update_fields=(
            "transfer_agency",
            "transfer_document",
            "transfer_date",
            "outcome",
            "closed_at",
        ),
    )
    notify_petitioner(case, "case_transferred")
    return case


@transaction.atomic
def case_file(
    *, case: Case, actor: User, reason: str, note: str, earlier_case: Case | None = None
) -> Case:
    """存查: registered but not handled, for one of the three art. 173 reasons. A repeat must
    cite the earlier case whose reply already answered the matter."""
    if reason not in FILE_REASONS:
        raise CaseError(_("Choose one of the three grounds of art. 173."))
    if reason == "repeat":
        if earlier_case is None or earlier_case.pk == case.pk:
            raise CaseError(_("A repeat must cite the earlier case that was answered."))
        if not earlier_case.replies.filter(status="sent").exists():
            raise CaseError(_("The earlier case has no reply yet; it cannot be cited."))
    case = lock(case)
    require(actor, Action.FILE, case)
    case.outcome, case.closed_at = FILE_REASONS[reason], timezone.now()
    case.repeat_of = earlier_case if reason == "repeat" else None
    transition(
        case,
        Action.FILE,
        actor=actor,
        message=note,
        data={"reason": reason, "earlier_case": earlier_case.number if earlier_case else None},
        update_fields=("outcome", "closed_at", "repeat_of"),
    )
    if reason == "repeat" and earlier_case is not None:
        notify_petitioner(case, "case_filed_repeat", {"earlier": earlier_case})
    return case


@transaction.atomic
def case_merge(*, case: Case, actor: User, into: Case) -> Case:
    """併案: the duplicate follows the surviving case; its petitioner gets that case's reply."""
    if into.pk == case.pk:
        raise CaseError(_("A case cannot be merged into itself."))
    if into.state in {State.MERGED, State.EXPIRED, State.RECEIVED}:
        raise CaseError(_("Merge into a confirmed case that has not itself been merged."))
    case = lock(case)
    require(actor, Action.MERGE, case)
    require(actor, Action.NOTE, into)
    case.merged_into, case.outcome, case.closed_at = into, Outcome.MERGED, timezone.now()
    transition(
        case,
        Action.MERGE,
        actor=actor,
        data={"into": into.number},
        update_fields=("merged_into", "outcome", "closed_at"),
    )
    record_event(
        into, Action.NOTE, actor=actor, message=f"Merged case {case.number} into this case."
    )
    notify_petitioner(case, "case_merged", {"into": into})
    return case


@transaction.atomic
def case_recategorise(
    *,
    case: Case,
    actor: User,
    category: Category,
    message: str = "",
    data: dict[str, str] | None = None,
) -> Case:
    """Correct the category, which routes the case: its unit (if not yet assigned) and deadline.

    The deadline is recomputed from the receipt date with the new category's working days,
    unless it was already extended or the clock is paused: those dates were set by a person.
    """
    case = lock(case)
    require(actor, Action.RECATEGORISE, case)
    if category.pk == case.category_id:
        raise CaseError(_("The case is already in that category."))
    if not category.is_active:
        raise CaseError(_("That category is no longer in use."))
    before = case.category
    case.category = category
    changed = ["category"]
    if case.state == State.CONFIRMED:
        case.unit = category.unit
        changed.append("unit")
    if case.received_on and not case.extension_count and not case.paused_on:
        case.deadline = deadlines.initial_deadline(
            received_on=case.received_on,
            workdays=category.deadline_workdays,
            calendar=calendar_around(case.received_on),
        )
        case.original_deadline = case.deadline
        changed += ["deadline", "original_deadline"]
    transition(
        case,
        Action.RECATEGORISE,
        actor=actor,
        message=message,
        data={"from": before.code, "to": category.code, **(data or {})},
        is_public=False,
        update_fields=tuple(changed),
    )
    return case


@transaction.atomic
def case_add_note(*, case: Case, actor: User, message: str) -> None:
    """An internal note: part of the timeline, never shown to the petitioner."""
    if not message.strip():
        raise CaseError(_("A note cannot be empty."))
    case = lock(case)
    require(actor, Action.NOTE, case)
    record_event(case, Action.NOTE, actor=actor, message=message.strip(), is_public=False)
