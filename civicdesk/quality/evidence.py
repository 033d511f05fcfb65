"""Award applications as evidence a progress report can link to (`core.evidence`)."""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from civicdesk.core.evidence import EvidenceRecord, EvidenceSource
from civicdesk.quality.models import AwardApplication
from civicdesk.quality.permissions import VIEW_AWARDS

KEY = "quality.award"


def _record(application: AwardApplication) -> EvidenceRecord:
    return EvidenceRecord(
        source=KEY,
        object_id=application.pk,
        title=f"{application} ({application.get_state_display()})",
        date=application.result_on or application.submitted_on or application.deadline,
        url=reverse("quality_admin:award", args=[application.pk]),
    )


def _search(user: Any, query: str, year: int | None) -> list[EvidenceRecord]:
    if not user.has_perm(VIEW_AWARDS):
        return []
    found = AwardApplication.objects.all()
    if year is not None:
        found = found.filter(year=year)
    if query.strip():
        found = found.filter(award__icontains=query.strip()) | found.filter(
            award_en__icontains=query.strip()
        )
    return [_record(a) for a in found.order_by("-year", "-deadline")[:20]]


def _describe(user: Any, object_id: int) -> EvidenceRecord | None:
    if not user.has_perm(VIEW_AWARDS):
        return None
    application = AwardApplication.objects.filter(pk=object_id).first()
    return _record(application) if application is not None else None


SOURCE = EvidenceSource(key=KEY, label=_("Award applications"), search=_search, describe=_describe)
