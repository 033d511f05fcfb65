import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from civicdesk.accounts.models import Unit
from civicdesk.cases.errors import CaseError
from civicdesk.cases.models import Outcome, PersonalDataAccess, Reply
from civicdesk.cases.selectors import case_public_status, petitioner_for_staff
from civicdesk.cases.services import handling
from civicdesk.cases.services.clock import calendar_around
from civicdesk.cases.states import State
from civicdesk.notifications.models import OutboundMail

pytestmark = pytest.mark.django_db


def test_full_journey_to_closure(assigned, users):
    case = handling.case_start(case=assigned, actor=users["officer"])
    assert case.state == State.IN_PROGRESS
    reply = handling.case_draft_reply(
        case=case,
        actor=users["officer"],
        body="已加強貯坑負壓管理。",
        legal_basis="廢棄物清理法",
        method="email",
    )
    assert reply.status == Reply.Status.DRAFT
    handling.case_approve_reply(case=case, actor=users["unithead"])
    sent = handling.case_send_reply(case=case, actor=users["officer"])
    case.refresh_from_db()
    assert case.state == State.CLOSED
    assert case.outcome == Outcome.REPLIED
    assert sent.status == Reply.Status.SENT and sent.approved_by == users["unithead"]
    mail = OutboundMail.objects.get(template="case_reply", reference=case.number)
    assert "已加強貯坑負壓管理。" in mail.body and "廢棄物清理法" in mail.body
    kinds = list(case.events.values_list("kind", flat=True))
    assert kinds == ["recorded", "assign", "start", "draft_reply", "approve_reply", "send_reply"]


def test_the_public_never_sees_internal_events_or_drafts(assigned, users):
    handling.case_add_note(case=assigned, actor=users["officer"], message="內部：請查監視器")
    handling.case_draft_reply(
        case=assigned, actor=users["officer"], body="草稿", legal_basis="法", method="email"
    )
    status = case_public_status(assigned)
    messages = [e.message for e in status.events]
    assert "內部：請查監視器" not in messages
    assert status.replies == []
    assert all(e.is_public for e in status.events)


def test_officers_of_another_unit_cannot_act(make_case, users):
    case = make_case(category="feedback-facilities")  # general-affairs
    with pytest.raises(PermissionDenied):
        handling.case_add_note(case=case, actor=users["officer"], message="x")


def test_officer_cannot_approve_own_reply(assigned, users):
    handling.case_start(case=assigned, actor=users["officer"])
    handling.case_draft_reply(
        case=assigned, actor=users["officer"], body="b", legal_basis="l", method="email"
    )
    with pytest.raises(PermissionDenied):
        handling.case_approve_reply(case=assigned, actor=users["officer"])


def test_a_reply_cannot_be_sent_unapproved(assigned, users):
    handling.case_draft_reply(
        case=assigned, actor=users["officer"], body="b", legal_basis="l", method="email"
    )
    with pytest.raises(CaseError):
        handling.case_send_reply(case=assigned, actor=users["officer"])


def test_returned_reply_goes_back_to_the_officer(assigned, users):
    handling.case_draft_reply(
        case=assigned, actor=users["officer"], body="b", legal_basis="l", method="email"
    )
    case = handling.case_return_reply(
        case=assigned, actor=users["unithead"], message="請補充法令依據"
    )
    assert case.state == State.IN_PROGRESS
    assert not case.replies.filter(status__in=["draft", "approved"]).exists()


@pytest.mark.parametrize(
    ("body", "basis", "method", "phone_log", "message"),
    [
        ("", "law", "email", "", "concrete answer"),
        ("answer", "", "email", "", "legal basis"),
        ("answer", "law", "phone", "", "phone"),
    ],
)
def test_reply_rules(assigned, users, body, basis, method, phone_log, message):
    with pytest.raises(CaseError, match=message):
        handling.case_draft_reply(
            case=assigned,
            actor=users["officer"],
            body=body,
            legal_basis=basis,
            method=method,
            phone_log=phone_log,
        )


def test_email_reply_needs_an_address(make_case, users):
    case = make_case(email="", phone="0912345678")
    with pytest.raises(CaseError, match="no e-mail"):
        handling.case_draft_reply(
            case=case, actor=users["coordinator"], body="b", legal_basis="l", method="email"
        )


def test_assignment_checks_the_officer_belongs_to_the_unit(make_case, users):
    with pytest.raises(CaseError, match="belong"):
        handling.case_assign(
            case=make_case(),
            actor=users["coordinator"],
            unit=Unit.objects.get(code="maintenance"),
            officer=users["officer"],
        )


def test_only_assigners_assign(make_case, users):
    with pytest.raises(PermissionDenied):
        handling.case_assign(
            case=make_case(),
            actor=users["officer"],
            unit=Unit.objects.get(code="operations"),
            officer=None,
        )


def test_supplement_pauses_and_resumes_the_clock(assigned, users, monkeypatch):
    from civicdesk.cases.services import handling as module

    handling.case_start(case=assigned, actor=users["officer"])
    paused_day = assigned.received_on
    monkeypatch.setattr(module, "today", lambda: paused_day)
    case = handling.case_request_supplement(
        case=assigned, actor=users["officer"], message="請提供照片"
    )
    assert case.state == State.WAITING_SUPPLEMENT and case.paused_on == paused_day
    assert OutboundMail.objects.filter(template="case_supplement", reference=case.number).exists()
    calendar = calendar_around(paused_day)
    resumed_day = calendar.add_workdays(paused_day, 3)
    monkeypatch.setattr(module, "today", lambda: resumed_day)
    before = case.deadline
    case = handling.case_receive_supplement(case=case, actor=users["officer"])
    assert case.state == State.IN_PROGRESS and case.paused_on is None
    assert case.deadline == calendar.add_workdays(before, 3)


def test_extension_by_unit_head_with_notice(assigned, users):
    calendar = calendar_around(assigned.deadline)
    new = calendar.add_workdays(assigned.deadline, 5)
    case = handling.case_extend(
        case=assigned, actor=users["unithead"], new_deadline=new, reason="需會同環保局現勘"
    )
    assert case.deadline == new and case.extension_count == 1
    assert case.original_deadline != new
    mail = OutboundMail.objects.get(template="case_extended", reference=case.number)
    assert "需會同環保局現勘" in mail.body


def test_extension_rules(assigned, users):
    with pytest.raises(PermissionDenied):
        handling.case_extend(
            case=assigned,
            actor=users["officer"],
            new_deadline=assigned.deadline + datetime.timedelta(days=7),
            reason="r",
        )
    with pytest.raises(CaseError, match="later"):
        handling.case_extend(
            case=assigned, actor=users["unithead"], new_deadline=assigned.deadline, reason="r"
        )
    with pytest.raises(CaseError, match="reason"):
        handling.case_extend(
            case=assigned,
            actor=users["unithead"],
            new_deadline=assigned.deadline + datetime.timedelta(days=7),
            reason=" ",
        )
    saturday = assigned.deadline + datetime.timedelta(
        days=(5 - assigned.deadline.weekday()) % 7 or 7
    )
    calendar = calendar_around(saturday)
    if not calendar.is_workday(saturday):
        with pytest.raises(CaseError, match="working day"):
            handling.case_extend(
                case=assigned, actor=users["unithead"], new_deadline=saturday, reason="r"
            )


def test_transfer_closes_and_notifies(make_case, users):
    case = handling.case_transfer(
        case=make_case(),
        actor=users["coordinator"],
        agency="高雄市政府交通局",
        document_number="高市環中字第1150000001號",
        transferred_on=timezone.localdate(),
    )
    assert case.state == State.TRANSFERRED and case.outcome == Outcome.TRANSFERRED
    mail = OutboundMail.objects.get(template="case_transferred", reference=case.number)
    assert "高雄市政府交通局" in mail.body


def test_repeat_must_cite_an_answered_case(assigned, make_case, users):
    new = make_case()
    with pytest.raises(CaseError, match="cite"):
        handling.case_file(case=new, actor=users["coordinator"], reason="repeat", note="")
    with pytest.raises(CaseError, match="no reply"):
        handling.case_file(
            case=new, actor=users["coordinator"], reason="repeat", note="", earlier_case=assigned
        )
    handling.case_draft_reply(
        case=assigned, actor=users["officer"], body="b", legal_basis="l", method="email"
    )
    handling.case_approve_reply(case=assigned, actor=users["unithead"])
    handling.case_send_reply(case=assigned, actor=users["officer"])
    filed = handling.case_file(
        case=new,
        actor=users["coordinator"],
        reason="repeat",
        note="同一事項",
        earlier_case=assigned,
    )
    assert filed.state == State.FILED and filed.outcome == Outcome.FILED_REPEAT
    assert filed.repeat_of == assigned
    assert OutboundMail.objects.filter(
        template="case_filed_repeat", reference=filed.number
    ).exists()


@pytest.mark.parametrize(
    ("reason", "outcome"),
    [("no_content", Outcome.FILED_NO_CONTENT), ("multiple", Outcome.FILED_MULTIPLE)],
)
def test_other_art_173_grounds(make_case, users, reason, outcome):
    case = handling.case_file(case=make_case(), actor=users["coordinator"], reason=reason, note="n")
    assert case.outcome == outcome


def test_unknown_art_173_ground(make_case, users):
    with pytest.raises(CaseError):
        handling.case_file(case=make_case(), actor=users["coordinator"], reason="boring", note="")


def test_merge_duplicates(make_case, users):
    first, duplicate = make_case(), make_case()
    merged = handling.case_merge(case=duplicate, actor=users["coordinator"], into=first)
    assert merged.state == State.MERGED and merged.merged_into == first
    assert first.events.filter(kind="note", message__contains=duplicate.number).exists()
    with pytest.raises(CaseError):
        handling.case_merge(case=first, actor=users["coordinator"], into=first)


def test_confidential_identity_only_for_the_privacy_officer(make_case, users):
    case = make_case(is_confidential=True)
    for role in ("coordinator", "director", "admin"):
        view = petitioner_for_staff(users[role], case, purpose="test")
        assert view.is_redacted and "林美華" not in view.name, role
    view = petitioner_for_staff(users["privacy"], case, purpose="test")
    assert view.name == "林美華" and not view.is_redacted
    assert PersonalDataAccess.objects.filter(case=case).count() == 4
    assert PersonalDataAccess.objects.filter(case=case, was_redacted=True).count() == 3


def test_ordinary_cases_show_identity_to_their_handlers(make_case, users):
    case = make_case()
    assert petitioner_for_staff(users["officer"], case, purpose="t").name == "林美華"
    assert petitioner_for_staff(
        users["editor"], case, purpose="t"
    ).is_redacted  # cannot see the case


def test_the_timeline_is_append_only(assigned):
    event = assigned.events.first()
    event.message = "rewritten"
    with pytest.raises(ValueError, match="append-only"):
        event.save()
    with pytest.raises(ValueError, match="append-only"):
        event.delete()
