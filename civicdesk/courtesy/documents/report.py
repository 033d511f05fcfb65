"""The round's report to the director (簽陳廠長, seed plan 一(三)4) in the 簽 format:
主旨、說明、擬辦, the per-unit scores, the units under the threshold, their improvement and
retest, and the trend against the previous round."""

from decimal import Decimal
from typing import Any

from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from civicdesk.accounts.selectors import agency_get_current
from civicdesk.core.i18n import is_english, localized
from civicdesk.core.office.blocks import DataTable, Document, Heading, Labelled, Signatures
from civicdesk.core.rocdate import format_roc_date
from civicdesk.courtesy import scoring
from civicdesk.courtesy.models import RoundUnit, TestRound
from civicdesk.courtesy.selectors import round_unit_rows


def _date(value: Any) -> str:
    if value is None:
        return ""
    return formats.date_format(value, "j F Y") if is_english() else format_roc_date(value)


def _sep() -> str:
    return ", " if is_english() else "、"


def _semi() -> str:
    return "; " if is_english() else "；"


def _points(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _mean(rows: list[Any]) -> Decimal | None:
    return scoring.mean(r.result.score for r in rows if r.result.score is not None)


def _previous(round: TestRound) -> TestRound | None:
    earlier = [
        r
        for r in TestRound.objects.filter(state=TestRound.State.COMPLETED).exclude(pk=round.pk)
        if r.sort_key < round.sort_key
    ]
    return max(earlier, key=lambda r: r.sort_key, default=None)


def _weighting(round: TestRound) -> str:
    parts = []
    for part, label in RoundUnit._meta.apps.get_model("courtesy", "RubricSection").Part.choices:
        sections = [s for s in round.rubric.sections.prefetch_related("items") if s.part == part]
        if not sections:
            continue
        inner = _sep().join(
            f"{localized(s, 'name')} {sum(i.max_points for i in s.items.all())}" for s in sections
        )
        total = sum(i.max_points for s in sections for i in s.items.all())
        parts.append(
            _("%(part)s %(points)s points (%(sections)s)")
            % {"part": label, "points": total, "sections": inner}
        )
    return _semi().join(parts)


def _part_score(row: Any, round: TestRound, part: str) -> str:
    ids = [s.pk for s in round.rubric.sections.all() if s.part == part]
    values = [row.by_section.get(i) for i in ids]
    if not values or any(v is None for v in values):
        return "—"
    return _points(sum((v for v in values if v is not None), Decimal(0)))


def _status_text(result: RoundUnit) -> str:
    report = getattr(result, "improvement", None)
    text = str(result.get_status_display())
    if report is not None:
        text += _(" (report filed %(date)s)") % {"date": _date(report.filed_at.date())}
    return text


def director_report(round: TestRound, user: Any) -> Document:
    agency = agency_get_current()
    rows = round_unit_rows(user, round)
    threshold = round.rubric.pass_threshold
    calls = round.calls.filter(is_retest=False).count()
    mean = _mean(rows)
    below = [r for r in rows if r.result.score is not None and r.result.score < threshold]
    previous = _previous(round)
    explanation = [
        _(
            "Under item 1(3)4 of the plant's service-quality work plan, a telephone service "
            "quality and courtesy test is held in each half of the year and its results are "
            "reported to the director."
        ),
        _(
            "Testing ran from %(start)s to %(end)s: %(calls)s calls to %(units)s units. Scoring: "
            "%(weighting)s; pass threshold %(threshold)s points."
        )
        % {
            "start": _date(round.starts_on),
            "end": _date(round.ends_on),
            "calls": calls,
            "units": len(rows),
            "weighting": _weighting(round),
            "threshold": threshold,
        },
        _("The units' mean score is %(mean)s points; each unit's score is in the table below.")
        % {"mean": _points(mean)},
    ]
    if below:
        names = _sep().join(r.result.unit.display_name for r in below)
        explanation.append(
            _("Under the pass threshold: %(units)s. Improvement and retest: %(status)s.")
            % {
                "units": names,
                "status": _semi().join(
                    f"{r.result.unit.display_name} {_status_text(r.result)}"
                    + (
                        _(", retest %(score)s points") % {"score": _points(r.result.retest_score)}
                        if r.result.retest_score is not None
                        else ""
                    )
                    for r in below
                ),
            }
        )
    else:
        explanation.append(_("Every tested unit reached the pass threshold."))
    if previous is not None:
        before = _mean(round_unit_rows(user, previous))
        explanation.append(
            _(
                "Compared with the previous round (%(previous)s, mean %(before)s points), the "
                "mean changed by %(change)s points."
            )
            % {
                "previous": previous.title,
                "before": _points(before),
                "change": "—" if before is None or mean is None else f"{mean - before:+.2f}",
            }
        )
    proposal = [
        _(
            "Units under the threshold carry out the measures of their improvement reports; "
            "the coordinator follows them up at the next round."
        ),
        _("After your review, the results are sent to every unit for reference and filed."),
    ]
    table = DataTable(
        columns=(
            _("Unit"),
            _("Calls"),
            _("Switchboard"),
            _("Unit part"),
            _("Round score"),
            _("Retest score"),
            _("Status"),
        ),
        rows=tuple(
            (
                r.result.unit.display_name,
                str(r.calls),
                _part_score(r, round, "switchboard"),
                _part_score(r, round, "unit"),
                _points(r.result.score),
                _points(r.result.retest_score),
                _status_text(r.result),
            )
            for r in rows
        ),
    )
    agency_name = agency.display_name if agency else ""
    return Document(
        title=_("%(round)s: report to the director") % {"round": round.title},
        language=get_language() or "zh-hant",
        author=agency_name,
        subject=round.title,
        footer=round.title,
        blocks=(
            Heading(_("Memo (簽)"), 18),
            Labelled(_("Date:"), _date(round.completed_on or round.ends_on)),
            Labelled(
                _("Subject:"),
                _("Report of the results of the %(round)s, for your review.")
                % {"round": round.title},
            ),
            Labelled(_("Explanation:"), items=tuple(explanation)),
            table,
            Labelled(_("Proposal:"), items=tuple(proposal)),
            Signatures((_("Officer"), _("Unit head"), _("Director")), _("Date:")),
        ),
    )
