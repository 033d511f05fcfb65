"""A handful of demo petitions in every state, made through the petition services."""

import datetime
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from civicdesk.accounts.roles import CASE_OFFICER, group_name
from civicdesk.cases.models import Case, CaseEvent, Category, SatisfactionResponse
from civicdesk.cases.services import citizen, handling
from civicdesk.cases.services.intake import PetitionInput, case_record

REPLY = "您好：本廠已派員查明並改善，詳如說明。感謝您的寶貴意見。"
BASIS = "行政程序法第168條；高雄市政府及所屬機關處理人民陳情案件要點。"


@transaction.atomic
def demo_cases_load(*, cases: list[dict[str, Any]]) -> int:
    """Create the demo petitions that do not exist yet (by reference); return how many."""
    staff = _staff()
    created = 0
    for spec in cases:
        if Case.objects.filter(external_reference=spec["reference"]).exists():
            continue
        _advance(spec, staff)
        created += 1
    return created


@transaction.atomic
def demo_history_load(*, cases: list[dict[str, Any]]) -> int:
    """A year of handled petitions, so statistics, topics and category suggestions have data.

    Each is recorded, handled and answered through the services, which stamp "now"; the demo
    then moves its dates back to when it happened (a demo-only step: real history is never
    rewritten).
    """
    staff = _staff()
    created = 0
    for spec in cases:
        if Case.objects.filter(external_reference=spec["reference"]).exists():
            continue
        case = _advance({**spec, "final": "closed", "confidential": False, "name": "王○○"}, staff)
        received = timezone.localdate() - datetime.timedelta(days=spec["days_ago"])
        closed = timezone.make_aware(
            datetime.datetime.combine(
                received + datetime.timedelta(days=spec["handling_days"]), datetime.time(15, 30)
            )
        )
        submitted = closed - datetime.timedelta(days=spec["handling_days"], hours=6)
        Case.objects.filter(pk=case.pk).update(submitted_at=submitted, closed_at=closed)
        case.events.update(at=closed)
        case.events.filter(kind=CaseEvent.Kind.RECORDED).update(at=submitted)
        case.replies.update(drafted_at=closed, approved_at=closed, sent_at=closed)
        SatisfactionResponse.objects.filter(case=case).update(submitted_at=closed)
        created += 1
    return created


def _advance(spec: dict[str, Any], staff: dict[str, User]) -> Case:
    """Record the petition, then take it as far as `final` says, as the staff would."""
    category = Category.objects.get(code=spec["category"])
    case, _credentials = case_record(
        data=PetitionInput(
            category=category,
            subject=spec["subject"],
            content=spec["content"],
            location=spec.get("location", ""),
            language=spec.get("language", "zh-hant"),
            name=spec["name"],
            phone="07-000-9999",
            email=f"{spec['reference'].lower()}@example.com",
            is_confidential=spec["confidential"],
        ),
        channel=spec["channel"],
        recorded_by=staff["coordinator"],
        received_on=timezone.localdate() - datetime.timedelta(days=spec["days_ago"]),
        external_reference=spec["reference"],
    )
    final = spec["final"]
    if final == "confirmed":
        return case
    if final == "transferred":
        handling.case_transfer(
            case=case,
            actor=staff["coordinator"],
            agency="高雄市政府工務局養護工程處",
            document_number=f"高市環中字第{case.number}號",
            transferred_on=timezone.localdate(),
        )
        return case
    operations = category.unit.code == "operations"
    officer = staff["officer"] if operations else _officer_of(category)
    handling.case_assign(case=case, actor=staff["admin"], unit=category.unit, officer=officer)
    if final == "assigned":
        return case
    handling.case_start(case=case, actor=officer)
    if final == "waiting":
        handling.case_request_supplement(case=case, actor=officer, message="請提供拍攝時間與地點。")
        return case
    if final == "in_progress":
        return case
    handling.case_draft_reply(
        case=case, actor=officer, body=REPLY, legal_basis=BASIS, method="email"
    )
    if final == "drafted":
        return case
    handling.case_approve_reply(
        case=case, actor=staff["unithead"] if operations else staff["admin"]
    )
    handling.case_send_reply(case=case, actor=officer)
    citizen.survey_submit(case=case, speed=5, attitude=5, clarity=4, overall=5)
    return case


def _staff() -> dict[str, User]:
    """The demo staff who record, assign, approve and answer the demo petitions."""
    return {
        u.username: u
        for u in User.objects.filter(username__in=["coordinator", "officer", "unithead", "admin"])
    }


def _officer_of(category: Category) -> User:
    """A case officer of the category's unit (the demo has one in every unit)."""
    return User.objects.filter(
        staff_profile__unit=category.unit, groups__name=group_name(CASE_OFFICER)
    ).order_by("username").first() or User.objects.get(username="admin")
