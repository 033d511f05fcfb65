import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from civicdesk.accounts.selectors import user_unit
from civicdesk.quality.models import PlanEvent, ProgressReport, WorkPlan
from civicdesk.quality.selectors import missing_lead_reports, revision_list_with_diffs
from civicdesk.quality.services import (
    progress_reopen,
    progress_save,
    progress_submit,
    workplan_adopt,
    workplan_copy,
    workplan_item_save,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2017, 8, 1)


def user(username):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def plan_2017():
    source = WorkPlan.objects.get(year=2016)
    plan = workplan_copy(source=source, year=2017, actor=user("coordinator"))
    return workplan_adopt(plan=plan, actor=user("coordinator"))


def test_copy_moves_the_year_in_the_title_and_keeps_items_and_units():
    source = WorkPlan.objects.get(year=2016)
    plan = workplan_copy(source=source, year=2017, actor=user("coordinator"))
    assert plan.state == WorkPlan.State.DRAFT
    assert "106年度" in plan.title and "105" not in plan.title
    assert "2017" in plan.title_en and "ROC Year 106" in plan.title_en
    assert plan.items.count() == source.items.count()
    first = plan.items.get(area_no=1, seq=1)
    assert first.lead_unit.code == "general-affairs" and first.co_is_all_units
    assert plan.events.filter(kind=PlanEvent.Kind.COPIED).exists()
    with pytest.raises(ValidationError, match="already exists"):
        workplan_copy(source=source, year=2017)


def test_adopted_plan_changes_only_with_a_reason_and_each_change_is_a_version(plan_2017):
    item = plan_2017.items.get(area_no=1, seq=2)
    assert plan_2017.revision_number == 1
    with pytest.raises(ValidationError) as raised:
        workplan_item_save(instance=item, focus="新的工作重點")
    assert "revision_reason" in raised.value.message_dict
    workplan_item_save(
        instance=item,
        actor=user("coordinator"),
        revision_reason="市府來函修正",
        focus="新的工作重點",
    )
    plan_2017.refresh_from_db()
    assert plan_2017.revision_number == 2
    latest, diff = revision_list_with_diffs(plan_2017)[0]
    assert latest.reason == "市府來函修正"
    assert [(changed["code"], fields) for changed, fields in diff.changed] == [("1.2", ["focus"])]


def test_lead_unit_reports_submits_and_the_report_locks(plan_2017):
    officer = user("officer")
    unit = user_unit(officer)
    item = plan_2017.items.get(area_no=1, seq=3)  # every unit leads
    with pytest.raises(ValidationError) as raised:
        progress_save(item=item, period="H1", unit=unit, actor=officer, narrative="", today=TODAY)
    assert {"narrative", "status"} <= set(raised.value.message_dict)
    report = progress_save(
        item=item,
        period="H1",
        unit=unit,
        actor=officer,
        narrative="辦理電話禮貌測試2次",
        status=ProgressReport.Status.DONE,
        figures=[{"label": "測試通數", "value": "20", "unit": "通"}, {"label": "", "value": ""}],
        today=TODAY,
    )
    assert report.role == ProgressReport.Role.LEAD
    assert report.figures == [{"label": "測試通數", "value": "20", "unit": "通"}]
    progress_submit(report=report, actor=officer)
    with pytest.raises(ValidationError, match="submitted"):
        progress_save(
            item=item,
            period="H1",
            unit=unit,
            actor=officer,
            narrative="改",
            status="done",
            today=TODAY,
        )
    progress_reopen(report=report, actor=user("coordinator"), reason="請補充數據")
    report.refresh_from_db()
    assert report.state == ProgressReport.State.DRAFT


def test_future_periods_and_draft_plans_take_no_report(plan_2017):
    officer = user("officer")
    item = plan_2017.items.get(area_no=1, seq=3)
    with pytest.raises(ValidationError, match="not started"):
        progress_save(
            item=item,
            period="H2",
            unit=user_unit(officer),
            actor=officer,
            narrative="x",
            status="on_track",
            today=datetime.date(2017, 3, 1),
        )
    draft = workplan_copy(source=plan_2017, year=2018)
    with pytest.raises(ValidationError, match="draft"):
        progress_save(
            item=draft.items.first(),
            period="H1",
            unit=user_unit(officer),
            actor=officer,
            narrative="x",
            status="on_track",
            today=datetime.date(2018, 3, 1),
        )


def test_missing_lead_reports_after_the_period_ends(plan_2017):
    missing = missing_lead_reports(plan_2017, on=TODAY)
    assert missing and all(period.code == "H1" for period, _unit, _items in missing)
    assert missing_lead_reports(plan_2017, on=datetime.date(2017, 6, 30)) == []


def test_lead_units_missing_reports_are_reminded_once(plan_2017):
    from civicdesk.notifications.models import OutboundMail
    from civicdesk.quality.services import progress_remind

    late = datetime.date(2017, 8, 31)
    before = OutboundMail.objects.filter(reference="quality-2017-H1").count()
    reminded = progress_remind(on=late)
    assert OutboundMail.objects.filter(reference="quality-2017-H1").count() > before
    assert reminded >= 1
    assert progress_remind(on=late) == 0
    assert plan_2017.events.filter(kind=PlanEvent.Kind.REMINDED).count() == reminded
