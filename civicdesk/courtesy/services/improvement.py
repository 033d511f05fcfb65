"""The improvement report of a unit under the threshold, and the reminder that it is due."""

import datetime
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from civicdesk.accounts.roles import UNIT_HEAD, group_name
from civicdesk.core.selectors import workday_calendar_around
from civicdesk.core.siteurl import site_base_url
from civicdesk.courtesy.models import CourtesyEvent, ImprovementReport, RoundUnit
from civicdesk.courtesy.permissions import can_file_improvement
from civicdesk.courtesy.services.trace import record_event
from civicdesk.notifications.services import mail_queue

FILEABLE = (
    RoundUnit.Status.BELOW,
    RoundUnit.Status.IMPROVEMENT_FILED,
    RoundUnit.Status.RETEST_FAILED,
)
REMIND_WORKDAYS = 3  # reminded this many working days before the report is due


@transaction.atomic
def improvement_file(
    *,
    round_unit: RoundUnit,
    actor: Any,
    problems: str,
    measures: str,
    responsible: str,
    complete_by: datetime.date,
) -> ImprovementReport:
    """The unit head files (or, before the retest, revises) the unit's improvement report."""
    if not can_file_improvement(actor, round_unit):
        raise ValidationError(_("Only the head of this unit files its improvement report."))
    if round_unit.status not in FILEABLE:
        raise ValidationError(
            _("Only a unit under the pass threshold files an improvement report.")
        )
    report = ImprovementReport.objects.filter(round_unit=round_unit).first() or ImprovementReport(
        round_unit=round_unit
    )
    report.problems = problems
    report.measures = measures
    report.responsible = responsible
    report.complete_by = complete_by
    report.filed_by = actor
    report.full_clean()
    report.save()
    round_unit.status = RoundUnit.Status.IMPROVEMENT_FILED
    round_unit.save(update_fields=["status"])
    record_event(
        round_unit.round, CourtesyEvent.Kind.IMPROVEMENT_FILED, actor=actor, unit=round_unit.unit
    )
    return report


def unit_heads(unit: Any) -> list[User]:
    return list(
        User.objects.filter(
            groups__name=group_name(UNIT_HEAD), staff_profile__unit=unit, is_active=True
        ).distinct()
    )


@transaction.atomic
def improvement_remind(*, on: datetime.date) -> int:
    """Mail the heads of units whose improvement report falls due within REMIND_WORKDAYS
    (or is overdue) and not yet reminded. Returns how many units were reminded."""
    from django.conf import settings

    remind_until = workday_calendar_around(on).add_workdays(on, REMIND_WORKDAYS)
    reminded = 0
    due = (
        RoundUnit.objects.improvement_due()
        .filter(improvement_due_on__lte=remind_until, reminded_on__isnull=True)
        .select_related("round", "unit")
        .select_for_update(of=("self",))
    )
    for result in due:
        for head in unit_heads(result.unit):
            if head.email:
                mail_queue(
                    to=head.email,
                    template="courtesy_improvement_due",
                    context={
                        "user": head,
                        "result": result,
                        "round": result.round,
                        "unit": result.unit,
                        "on": on,
                        "site_url": site_base_url(),
                    },
                    language=settings.LANGUAGE_CODE,
                    reference=f"courtesy-{result.round_id}-{result.unit.code}",
                )
        result.reminded_on = on
        result.save(update_fields=["reminded_on"])
        record_event(result.round, CourtesyEvent.Kind.REMINDED, unit=result.unit)
        reminded += 1
    return reminded
