"""Progress reports on plan items, per period and unit, and their evidence."""

import datetime
import hashlib
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civicdesk.core import evidence, uploads
from civicdesk.quality.models import (
    EvidenceFile,
    EvidenceLink,
    PlanEvent,
    ProgressReport,
    WorkPlanItem,
)
from civicdesk.quality.periods import period_get
from civicdesk.quality.permissions import can_edit_report, item_role
from civicdesk.quality.services.trace import record_event


def _clean_figures(figures: list[dict[str, Any]]) -> list[dict[str, str]]:
    cleaned = []
    for row in figures:
        label = str(row.get("label", "")).strip()
        value = str(row.get("value", "")).strip()
        if not label and not value:
            continue
        if not label or not value:
            raise ValidationError(
                {"figures": _("Each figure needs both what is counted and its value.")}
            )
        cleaned.append({"label": label, "value": value, "unit": str(row.get("unit", "")).strip()})
    return cleaned


@transaction.atomic
def progress_save(
    *,
    item: WorkPlanItem,
    period: str,
    unit: Any,
    actor: Any,
    narrative: str,
    narrative_en: str = "",
    status: str = "",
    figures: list[dict[str, Any]] | None = None,
    today: datetime.date | None = None,
) -> ProgressReport:
    """Write the unit's draft for the item and period (created on first save)."""
    plan = item.plan
    today = today or timezone.localdate()
    if not plan.is_in_force:
        raise ValidationError(
            _("The plan is still a draft: progress is reported once it is adopted.")
        )
    found = period_get(plan.year, plan.period_set, period)
    if found is None:
        raise ValidationError(
            _("%(period)s is not a reporting period of this plan.") % {"period": period}
        )
    if found.start > today:
        raise ValidationError(
            _("The %(period)s has not started yet; report on it from %(date)s.")
            % {"period": found.label, "date": found.start.isoformat()}
        )
    role = item_role(item, unit)
    if role is None:
        raise ValidationError(_("Your unit is neither lead nor co-unit of this item."))
    errors: dict[str, str] = {}
    if not narrative.strip():
        errors["narrative"] = _("Say what was done in this period.")
    if role == ProgressReport.Role.LEAD and status not in ProgressReport.Status.values:
        errors["status"] = _("The lead unit gives the item's status.")
    if errors:
        raise ValidationError(errors)
    report = (
        ProgressReport.objects.select_for_update()
        .filter(item=item, period=period, unit=unit)
        .first()
    )
    if report is None:
        report = ProgressReport(item=item, period=period, unit=unit, role=role)
    elif not can_edit_report(actor, report):
        raise ValidationError(
            _("This report has been submitted; ask the coordinator to reopen it to change it.")
        )
    report.status = status if role == ProgressReport.Role.LEAD else ""
    report.narrative = narrative.strip()
    report.narrative_en = narrative_en.strip()
    report.figures = _clean_figures(figures or [])
    report.updated_by = actor
    report.updated_at = timezone.now()
    report.save()
    record_event(
        plan, PlanEvent.Kind.REPORT_SAVED, actor=actor, item=item, unit=unit, period=period
    )
    return report


@transaction.atomic
def progress_submit(*, report: ProgressReport, actor: Any) -> ProgressReport:
    report = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if not can_edit_report(actor, report):
        raise ValidationError(_("Only the unit's reporting staff submit its draft."))
    report.state = ProgressReport.State.SUBMITTED
    report.submitted_at = timezone.now()
    report.save(update_fields=["state", "submitted_at"])
    record_event(
        report.item.plan,
        PlanEvent.Kind.REPORT_SUBMITTED,
        actor=actor,
        item=report.item,
        unit=report.unit,
        period=report.period,
    )
    return report


@transaction.atomic
def progress_reopen(*, report: ProgressReport, actor: Any, reason: str) -> ProgressReport:
    report = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if not report.is_submitted:
        raise ValidationError(_("The report is still a draft."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say what the unit should change.")})
    report.state = ProgressReport.State.DRAFT
    report.submitted_at = None
    report.save(update_fields=["state", "submitted_at"])
    record_event(
        report.item.plan,
        PlanEvent.Kind.REPORT_REOPENED,
        actor=actor,
        item=report.item,
        unit=report.unit,
        period=report.period,
        reason=reason.strip(),
    )
    return report


def _require_editable(report: ProgressReport, actor: Any) -> None:
    if not can_edit_report(actor, report):
        raise ValidationError(_("Evidence is added to a draft by its unit's reporting staff."))


@transaction.atomic
def evidence_file_add(
    *, report: ProgressReport, upload: UploadedFile, title: str, actor: Any
) -> EvidenceFile:
    _require_editable(report, actor)
    try:
        data, content_type = uploads.validate_upload(
            upload, max_bytes=settings.QUALITY_EVIDENCE_MAX_BYTES
        )
    except uploads.UploadRejected as exc:
        raise ValidationError({"file": str(exc)}) from exc
    name = uploads.upload_name(upload, "evidence")
    stored = EvidenceFile(
        report=report,
        title=title.strip() or name,
        original_name=name,
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        uploaded_by=actor,
    )
    stored.file.save(stored.sha256[:16], ContentFile(data), save=False)
    stored.save()
    record_event(
        report.item.plan,
        PlanEvent.Kind.EVIDENCE_ADDED,
        actor=actor,
        item=report.item,
        unit=report.unit,
        period=report.period,
        file=stored.title,
    )
    return stored


@transaction.atomic
def evidence_file_remove(*, evidence_file: EvidenceFile, actor: Any) -> None:
    report = evidence_file.report
    _require_editable(report, actor)
    title = evidence_file.title
    evidence_file.file.delete(save=False)
    evidence_file.delete()
    record_event(
        report.item.plan,
        PlanEvent.Kind.EVIDENCE_REMOVED,
        actor=actor,
        item=report.item,
        unit=report.unit,
        period=report.period,
        file=title,
    )


@transaction.atomic
def evidence_link_add(
    *, report: ProgressReport, source: str, object_id: int, actor: Any
) -> EvidenceLink:
    _require_editable(report, actor)
    found = evidence.source_get(source)
    record = found.describe(actor, object_id) if found is not None else None
    if record is None:
        raise ValidationError(_("That record does not exist or you may not see it."))
    try:
        with transaction.atomic():
            link = EvidenceLink.objects.create(
                report=report,
                source=source,
                object_id=object_id,
                title=record.title[:300],
                record_date=record.date,
                url=record.url[:300],
                added_by=actor,
            )
    except IntegrityError as exc:
        raise ValidationError(_("That record is already linked to this report.")) from exc
    record_event(
        report.item.plan,
        PlanEvent.Kind.EVIDENCE_ADDED,
        actor=actor,
        item=report.item,
        unit=report.unit,
        period=report.period,
        link=f"{source}:{object_id}",
    )
    return link


@transaction.atomic
def evidence_link_remove(*, link: EvidenceLink, actor: Any) -> None:
    report = link.report
    _require_editable(report, actor)
    key = f"{link.source}:{link.object_id}"
    link.delete()
    record_event(
        report.item.plan,
        PlanEvent.Kind.EVIDENCE_REMOVED,
        actor=actor,
        item=report.item,
        unit=report.unit,
        period=report.period,
        link=key,
    )
