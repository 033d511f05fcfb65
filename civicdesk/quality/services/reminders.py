"""Daily reminders: lead units whose progress report for an ended period is missing, and
award applications whose deadline is near."""

import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction

from civicdesk.accounts.roles import COORDINATOR, UNIT_HEAD, group_name
from civicdesk.core.selectors import workday_calendar_around
from civicdesk.core.siteurl import site_base_url
from civicdesk.notifications.services import mail_queue
from civicdesk.quality.models import AwardApplication, PlanEvent, WorkPlan
from civicdesk.quality.selectors import missing_lead_reports
from civicdesk.quality.services.trace import record_event

AWARD_REMIND_WORKDAYS = 10


def _heads(unit: Any) -> list[User]:
    return list(
        User.objects.filter(
            groups__name=group_name(UNIT_HEAD), staff_profile__unit=unit, is_active=True
        ).distinct()
    )


def _coordinators() -> list[User]:
    return list(User.objects.filter(groups__name=group_name(COORDINATOR), is_active=True))


def _mail(users: list[User], template: str, context: dict[str, Any], reference: str) -> None:
    for user in users:
        if user.email:
            mail_queue(
                to=user.email,
                template=template,
                context={**context, "user": user, "site_url": site_base_url()},
                language=settings.LANGUAGE_CODE,
                reference=reference,
            )


@transaction.atomic
def progress_remind(*, on: datetime.date) -> int:
    """Mail the heads of lead units whose report for a period that ended at least
    QUALITY_REPORT_GRACE_WORKDAYS ago is not submitted; once per unit and period."""
    calendar = workday_calendar_around(on)
    reminded = 0
    for plan in WorkPlan.objects.filter(state=WorkPlan.State.IN_FORCE):
        done = {
            (e.unit_id, e.params.get("period"))
            for e in plan.events.filter(kind=PlanEvent.Kind.REMINDED)
        }
        for period, unit, items in missing_lead_reports(plan, on=on):
            due = calendar.add_workdays(period.end, settings.QUALITY_REPORT_GRACE_WORKDAYS)
            if due > on or (unit.pk, period.code) in done:
                continue
            context = {"plan": plan, "period": period, "unit": unit, "items": items, "due": due}
            _mail(
                _heads(unit), "quality_progress_due", context, f"quality-{plan.year}-{period.code}"
            )
            record_event(plan, PlanEvent.Kind.REMINDED, unit=unit, period=period.code)
            reminded += 1
    return reminded


@transaction.atomic
def award_remind(*, on: datetime.date) -> int:
    """Mail the lead unit's heads and the coordinators once when an application still being
    prepared is within AWARD_REMIND_WORKDAYS of its deadline."""
    until = workday_calendar_around(on).add_workdays(on, AWARD_REMIND_WORKDAYS)
    due = AwardApplication.objects.filter(
        state=AwardApplication.State.PREPARING,
        deadline__gte=on,
        deadline__lte=until,
        reminded_on__isnull=True,
    ).select_related("lead_unit")
    count = 0
    for application in due:
        users = {u.pk: u for u in _heads(application.lead_unit) + _coordinators()}
        _mail(
            list(users.values()),
            "quality_award_due",
            {"application": application, "unit": application.lead_unit},
            f"award-{application.pk}",
        )
        application.reminded_on = on
        application.save(update_fields=["reminded_on"])
        count += 1
    return count
