"""Writes to the work plan and its items: the admin screens' saves and deletes, and loading a
plan from its structured JSON form. A plan in force changes only with a reason, and each change
makes a new numbered version (陸、實施與修正)."""

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from civicdesk.accounts.models import Unit
from civicdesk.core.records import record_save
from civicdesk.quality.models import WorkPlan, WorkPlanItem
from civicdesk.quality.services.revisions import revision_record

ALL_UNITS = "all"  # 各組室 in the plan's 承辦單位 column
PLAN_TEXT_FIELDS = (
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
    plan_fields: dict[str, Any] = {name: data.get(name, "") for name in PLAN_TEXT_FIELDS}
    if data.get("period_set"):
        plan_fields["period_set"] = data["period_set"]
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


def _require_reason(plan: WorkPlan, reason: str) -> str:
    reason = (reason or "").strip()
    if plan.is_in_force and not reason:
        raise ValidationError(
            {
                "revision_reason": _(
                    "The plan is in force: say why it changes; the change becomes version "
                    "%(number)d."
                )
                % {"number": plan.revision_number + 1}
            }
        )
    return reason


@transaction.atomic
def workplan_save(
    *,
    instance: WorkPlan | None = None,
    actor: Any = None,
    revision_reason: str = "",
    **fields: Any,
) -> WorkPlan:
    if instance is not None and instance.pk:
        instance = WorkPlan.objects.select_for_update().get(pk=instance.pk)
        reason = _require_reason(instance, revision_reason)
        saved = record_save(instance, **fields)
        if saved.is_in_force:
            revision_record(plan=saved, reason=reason, actor=actor)
        return saved
    fields.pop("state", None)  # a new plan is always a draft
    return record_save(WorkPlan(), **fields)


@transaction.atomic
def workplan_delete(*, instance: WorkPlan, **_ignored: Any) -> None:
    if instance.is_in_force:
        raise ValidationError(_("A plan in force is kept: revise it instead of deleting it."))
    instance.delete()


@transaction.atomic
def workplan_item_save(
    *,
    instance: WorkPlanItem | None = None,
    actor: Any = None,
    revision_reason: str = "",
    **fields: Any,
) -> WorkPlanItem:
    plan: WorkPlan | None = fields.get("plan") or (instance.plan if instance else None)
    if instance is not None and instance.pk and plan is not None and plan.pk != instance.plan_id:
        raise ValidationError({"plan": _("An item stays in its plan; add it to the other plan.")})
    if plan is None:
        raise ValidationError({"plan": _("Choose the plan.")})
    plan = WorkPlan.objects.select_for_update().get(pk=plan.pk)
    reason = _require_reason(plan, revision_reason)
    saved = record_save(instance or WorkPlanItem(), **fields)
    if plan.is_in_force:
        revision_record(plan=plan, reason=reason, actor=actor)
    return saved


@transaction.atomic
def workplan_item_delete(
    *, instance: WorkPlanItem, actor: Any = None, revision_reason: str = ""
) -> None:
    plan = WorkPlan.objects.select_for_update().get(pk=instance.plan_id)
    reason = _require_reason(plan, revision_reason)
    if instance.progress_reports.exists():
        raise ValidationError(
            _("Progress has been reported on this item, so it is kept; change its wording.")
        )
    instance.delete()
    if plan.is_in_force:
        revision_record(plan=plan, reason=reason, actor=actor)


def workplan_import_file(*, path: Path) -> WorkPlan:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise WorkPlanError(f"{path}: {exc}") from exc
    return workplan_import(data=data)
