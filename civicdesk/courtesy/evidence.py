"""Test rounds as evidence a work-plan progress report can link to (`core.evidence`)."""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from civicdesk.core.evidence import EvidenceRecord, EvidenceSource
from civicdesk.courtesy.models import TestRound

KEY = "courtesy.testround"


def _record(round: TestRound) -> EvidenceRecord:
    return EvidenceRecord(
        source=KEY,
        object_id=round.pk,
        title=round.title,
        date=round.completed_on or round.ends_on,
        url=reverse("courtesy_admin:round", args=[round.pk]),
    )


def _search(user: Any, query: str, year: int | None) -> list[EvidenceRecord]:
    rounds = TestRound.objects.visible_to(user).select_related("rubric")
    if year is not None:
        rounds = rounds.filter(year=year)
    found = [_record(r) for r in rounds.order_by("-year", "-half")[:40]]
    if query:
        found = [r for r in found if query.strip().lower() in r.title.lower()]
    return found[:20]


def _describe(user: Any, object_id: int) -> EvidenceRecord | None:
    round = TestRound.objects.visible_to(user).filter(pk=object_id).first()
    return _record(round) if round is not None else None


SOURCE = EvidenceSource(
    key=KEY, label=_("Courtesy-test rounds"), search=_search, describe=_describe
)
