"""Writes to the work plan: the admin screens' saves and deletes, and loading a plan from its
structured JSON form."""

import json
from pathlib import Path
from typing import Any

from django.db import transaction

from civicdesk.accounts.models import Unit
from civicdesk.core.records import record_save
from civicdesk.quality.models import WorkPlan, WorkPlanItem

ALL_UNITS = "all"  # 各組室 in the plan's 承辦單位 column


class WorkPlanError(ValueError):
    pass


def _unit(code: str) -> Unit:
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        raise WorkPlanError(f"Unknown unit code {code!r}: create the unit first.")
    return unit


@transaction.atomic
def workplan_import(*, data: dict[str, Any]) -> WorkPlan:
    """Create or replace the plan of `data['year']` with its items. Idempotent."""
    try:
        year = int(data["year"])
        items = data["items"]
    except (KeyError, TypeError, ValueError) as exc:
        raise WorkPlanError("A work plan needs a year and a list of items.") from exc
    plan_fields = {
        name: data.get(name, "")
        for name in (
            "title",
            "title_en",
            "basis",
            "basis_en",
            "goal",
            "goal_en",
            "scope",
            "scope_en",
            "review",
            "review_en",
            "amendment",
            "amendment_en",
        )
    }
    plan, _created = WorkPlan.objects.update_or_create(year=year, defaults=plan_fields)
    kept = []
    for raw in items:
        lead = raw.get("lead", "")
        co = list(raw.get("co", []))
        item, _ = WorkPlanItem.objects.update_or_create(
            plan=plan,
            area_no=int(raw["area_no"]),
            seq=int(raw["seq"]),
            defaults={
                "area": raw["area"],
                "area_en": raw.get("area_en", ""),
                "focus": raw["focus"],
                "focus_en": raw.get("focus_en", ""),
                "details": list(raw.get("details", [])),
                "details_en": list(raw.get("details_en", [])),
                "lead_unit": None if lead == ALL_UNITS else _unit(lead),
                "lead_is_all_units": lead == ALL_UNITS,
                "co_is_all_units": ALL_UNITS in co,
            },
        )
        item.co_units.set([_unit(code) for code in co if code != ALL_UNITS])
        kept.append(item.pk)
    plan.items.exclude(pk__in=kept).delete()
    return plan


@transaction.atomic
def workplan_save(*, instance: WorkPlan | None = None, **fields: Any) -> WorkPlan:
    return record_save(instance or WorkPlan(), **fields)


@transaction.atomic
def workplan_delete(*, instance: WorkPlan) -> None:
    instance.delete()


@transaction.atomic
def workplan_item_save(*, instance: WorkPlanItem | None = None, **fields: Any) -> WorkPlanItem:
    return record_save(instance or WorkPlanItem(), **fields)


@transaction.atomic
def workplan_item_delete(*, instance: WorkPlanItem) -> None:
    instance.delete()


def workplan_import_file(*, path: Path) -> WorkPlan:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise WorkPlanError(f"{path}: {exc}") from exc
    return workplan_import(data=data)
