"""A plan's life: copied from last year's as a draft, adopted (version 1), in force."""

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from civicdesk.core.rocdate import roc_year
from civicdesk.quality.models import PlanEvent, WorkPlan, WorkPlanItem
from civicdesk.quality.services.plan import PLAN_TEXT_FIELDS
from civicdesk.quality.services.revisions import revision_record
from civicdesk.quality.services.trace import record_event


def _next_year_text(text: str, source_year: int, year: int) -> str:
    """Move the year named in a title: 105年度 → 106年度, 2016 → 2017, ROC Year 105 → 106."""
    old_roc, new_roc = roc_year(source_year), roc_year(year)
    text = re.sub(rf"(?<!\d){old_roc}(?=\s*年)", str(new_roc), text)
    text = re.sub(rf"(?<!\d){source_year}(?!\d)", str(year), text)
    return re.sub(rf"(ROC Year\s+){old_roc}(?!\d)", rf"\g<1>{new_roc}", text)


@transaction.atomic
def workplan_copy(*, source: WorkPlan, year: int, actor: Any = None) -> WorkPlan:
    """Next year's draft: last year's wording and items with their lead and co-units."""
    if year <= source.year:
        raise ValidationError(
            {"year": _("Copy to a later year than %(year)d.") % {"year": source.year}}
        )
    if WorkPlan.objects.filter(year=year).exists():
        raise ValidationError({"year": _("A plan for %(year)d already exists.") % {"year": year}})
    if hasattr(source, "copied_to"):
        raise ValidationError(
            _("This plan has already been copied, to %(year)d.") % {"year": source.copied_to.year}
        )
    fields = {name: getattr(source, name) for name in PLAN_TEXT_FIELDS}
    for name in ("title", "title_en"):
        fields[name] = _next_year_text(fields[name], source.year, year)
    plan = WorkPlan.objects.create(
        year=year, period_set=source.period_set, copied_from=source, **fields
    )
    for item in source.items.prefetch_related("co_units"):
        co_units = list(item.co_units.all())
        item.pk = None
        item.plan = plan
        item.save()
        item.co_units.set(co_units)
    record_event(plan, PlanEvent.Kind.COPIED, actor=actor, source_year=source.year)
    return plan


@transaction.atomic
def workplan_adopt(*, plan: WorkPlan, actor: Any = None, reason: str = "") -> WorkPlan:
    """The draft comes into force as version 1; from now on it changes only with a reason."""
    plan = WorkPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.is_in_force:
        raise ValidationError(_("The plan is already in force."))
    if not WorkPlanItem.objects.filter(plan=plan).exists():
        raise ValidationError(_("A plan needs at least one item before it is adopted."))
    plan.state = WorkPlan.State.IN_FORCE
    plan.save(update_fields=["state"])
    revision_record(plan=plan, reason=reason.strip() or _("Adopted"), actor=actor)
    return plan
