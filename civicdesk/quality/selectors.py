"""Reads of the work plan for its screens: the progress matrix, what is missing, versions."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, QuerySet

from civicdesk.accounts.models import Unit
from civicdesk.quality.diffs import PlanDiff, snapshot_diff
from civicdesk.quality.models import (
    AwardApplication,
    PlanRevision,
    ProgressReport,
    WorkPlan,
    WorkPlanItem,
)
from civicdesk.quality.periods import Period, periods_of


def plan_list() -> QuerySet[WorkPlan]:
    return WorkPlan.objects.annotate(item_count=Count("items", distinct=True)).order_by("-year")


def plan_periods(plan: WorkPlan) -> list[Period]:
    return periods_of(plan.year, plan.period_set)


@dataclass
class Cell:
    period: Period
    lead: list[ProgressReport] = field(default_factory=list)
    contributions: list[ProgressReport] = field(default_factory=list)
    is_missing: bool = False  # the period has ended and no lead report is submitted


@dataclass
class ItemRow:
    item: WorkPlanItem
    cells: list[Cell]


def _lead_units(item: WorkPlanItem, units: list[Unit]) -> list[Unit]:
    if item.lead_is_all_units:
        return units
    return [item.lead_unit] if item.lead_unit is not None else []


def plan_progress_rows(user: Any, plan: WorkPlan, *, on: datetime.date) -> list[ItemRow]:
    """Every item the user sees, with each period's lead reports and contributions."""
    periods = plan_periods(plan)
    units = list(Unit.objects.order_by("pk"))
    reports = ProgressReport.objects.select_related("unit").annotate(
        file_count=Count("files", distinct=True), link_count=Count("links", distinct=True)
    )
    items = (
        WorkPlanItem.objects.visible_to(user)
        .filter(plan=plan)
        .select_related("lead_unit")
        .prefetch_related("co_units", Prefetch("progress_reports", queryset=reports))
    )
    rows = []
    for item in items:
        cells = []
        for period in periods:
            cell = Cell(period=period)
            for report in item.progress_reports.all():
                if report.period == period.code:
                    target = (
                        cell.lead if report.role == ProgressReport.Role.LEAD else cell.contributions
                    )
                    target.append(report)
            submitted = {r.unit_id for r in cell.lead if r.is_submitted}
            expected = {u.pk for u in _lead_units(item, units)}
            cell.is_missing = (
                period.has_ended(on) and plan.is_in_force and not expected <= submitted
            )
            cells.append(cell)
        rows.append(ItemRow(item=item, cells=cells))
    return rows


def missing_lead_reports(
    plan: WorkPlan, *, on: datetime.date
) -> list[tuple[Period, Unit, list[WorkPlanItem]]]:
    """For each ended period, each lead unit and the items it has not submitted a report on."""
    units = list(Unit.objects.order_by("pk"))
    submitted = set(
        ProgressReport.objects.filter(item__plan=plan, role=ProgressReport.Role.LEAD)
        .submitted()
        .values_list("item_id", "period", "unit_id")
    )
    items = list(plan.items.select_related("lead_unit"))
    found = []
    for period in plan_periods(plan):
        if not period.has_ended(on):
            continue
        by_unit: dict[int, tuple[Unit, list[WorkPlanItem]]] = {}
        for item in items:
            for unit in _lead_units(item, units):
                if (item.pk, period.code, unit.pk) not in submitted:
                    by_unit.setdefault(unit.pk, (unit, []))[1].append(item)
        found += [(period, unit, missing) for unit, missing in by_unit.values()]
    return found


def report_get_for_user(user: Any, pk: int) -> ProgressReport:
    return (
        ProgressReport.objects.visible_to(user)
        .select_related("item__plan", "unit", "updated_by")
        .prefetch_related("files", "links")
        .get(pk=pk)
    )


def item_get_for_user(user: Any, pk: int) -> WorkPlanItem:
    return (
        WorkPlanItem.objects.visible_to(user)
        .select_related("plan", "lead_unit")
        .prefetch_related("co_units")
        .get(pk=pk)
    )


def item_reports(item: WorkPlanItem, period: str) -> QuerySet[ProgressReport]:
    return (
        item.progress_reports.filter(period=period)
        .select_related("unit", "updated_by")
        .prefetch_related("files", "links")
        .order_by("role", "unit__pk")
    )


def revision_list_with_diffs(plan: WorkPlan) -> list[tuple[PlanRevision, PlanDiff]]:
    revisions = list(PlanRevision.objects.filter(plan=plan).select_related("made_by"))
    found = []
    previous: dict[str, Any] | None = None
    for revision in revisions:
        found.append((revision, snapshot_diff(previous, revision.snapshot)))
        previous = revision.snapshot
    return list(reversed(found))


def progress_export_rows(user: Any, plan: WorkPlan) -> list[list[Any]]:
    """One row per report the user sees, for the CSV/ODS export."""
    rows = []
    reports = (
        ProgressReport.objects.visible_to(user)
        .filter(item__plan=plan)
        .select_related("item", "unit")
        .prefetch_related("files", "links")
        .order_by("item__area_no", "item__seq", "period", "role", "unit__pk")
    )
    for r in reports:
        figures = "; ".join(f"{f['label']} {f['value']}{f.get('unit', '')}" for f in r.figures)
        evidence = "; ".join(
            [f.title for f in r.files.all()] + [link.title for link in r.links.all()]
        )
        rows.append(
            [
                r.item.code,
                r.item.focus,
                r.period,
                r.unit.display_name,
                r.get_role_display(),
                r.get_status_display() if r.status else "",
                r.get_state_display(),
                r.narrative,
                figures,
                evidence,
            ]
        )
    return rows


def award_list(*, year: int | None = None) -> QuerySet[AwardApplication]:
    awards = AwardApplication.objects.select_related("lead_unit").annotate(
        document_count=Count("documents")
    )
    return awards.filter(year=year) if year else awards
