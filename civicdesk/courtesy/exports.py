"""The calls of a round as rows of typed values, for CSV and ODS: one row per call, one
column per rubric item, the call's total."""

from typing import Any

from django.utils.translation import gettext as _

from civicdesk.core.i18n import localized
from civicdesk.core.office.ods import Value
from civicdesk.courtesy.models import TestRound
from civicdesk.courtesy.selectors import call_list_for_user, call_points, rubric_scoring_items


def call_rows(user: Any, round: TestRound) -> list[list[Value]]:
    items = [row for row, _item in rubric_scoring_items(round.rubric)]
    header: list[Value] = [
        _("Date of the call"),
        _("Time of the call"),
        _("Unit"),
        _("Extension"),
        _("Question or scenario tested"),
        _("Answered by (as they introduced themselves)"),
        _("Retest"),
        *(f"{localized(item, 'text')} ({item.max_points})" for item in items),
        _("Total score"),
        _("Notes"),
    ]
    rows: list[list[Value]] = [header]
    for call in call_list_for_user(user, round=round):
        points = call_points(call)
        rows.append(
            [
                call.called_on,
                call.called_at.strftime("%H:%M"),
                call.unit.display_name,
                call.extension,
                call.scenario,
                call.answered_by,
                _("yes") if call.is_retest else _("no"),
                *(float(points[item.pk]) if item.pk in points else None for item in items),
                float(call.total),
                call.notes,
            ]
        )
    return rows
