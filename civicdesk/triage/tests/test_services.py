"""Category suggestions: training, suggesting at intake, accepting and overriding; recategorise."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import timezone

from civicdesk.accounts.models import Unit
from civicdesk.cases.errors import CaseError
from civicdesk.cases.models import Case, CaseEvent, Category
from civicdesk.cases.services import handling
from civicdesk.cases.services.clock import calendar_around
from civicdesk.cases.services.intake import case_confirm, case_submit
from civicdesk.cases.states import Action, State
from civicdesk.cases.tests.conftest import petition
from civicdesk.triage.models import CategoryModel, CategorySuggestion
from civicdesk.triage.selectors import training_examples
from civicdesk.triage.services import (
    TriageError,
    case_category_suggest,
    category_model_train,
    suggestion_accept,
    suggestion_override,
)

pytestmark = pytest.mark.django_db

POOL = {
    "subject": "游泳池開放時間",
    "content": "希望回饋游泳池週一也能開放，現在週一休館很不方便。",
}


def test_the_demo_trains_a_measured_model_on_its_handled_cases():
    model = CategoryModel.objects.first()
    assert model is not None
    assert set(model.labels) == set(Category.objects.values_list("code", flat=True))
    assert model.case_count >= 100
    assert 0.5 < model.metrics["accuracy"] <= 1
    assert 0 < model.metrics["macro_f1"] <= 1
    assert model.metrics["folds"] >= 2


def test_training_refuses_too_few_cases(settings):
    settings.TRIAGE_MIN_CASES = 100_000
    before = CategoryModel.objects.count()
    with pytest.raises(TriageError, match="Too few handled cases"):
        category_model_train()
    assert CategoryModel.objects.count() == before


def test_train_command_reports_the_measured_figures(capsys):
    before = CategoryModel.objects.count()
    call_command("train_case_classifier")
    out = capsys.readouterr().out
    assert CategoryModel.objects.count() == before + 1
    assert "accuracy" in out and "macro-F1" in out and "categories" in out


def test_a_recorded_case_gets_a_suggestion_at_intake(recorded):
    case = recorded(subject="傍晚臭味", content="每天傍晚大中一路一帶垃圾臭味很重，窗戶都不敢開。")
    suggestion = CategorySuggestion.objects.get(case=case)
    assert suggestion.category.code == "odour"
    assert 0 < suggestion.confidence <= 1
    assert suggestion.ranked[0][0] == "odour"
    assert suggestion.decision == CategorySuggestion.Decision.PENDING
    assert suggestion.agrees_with_intake


def test_a_web_petition_is_suggested_only_once_confirmed(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        case, token = case_submit(data=petition(**POOL, category="other"), channel="web")
    assert not CategorySuggestion.objects.filter(case=case).exists()
    with django_capture_on_commit_callbacks(execute=True):
        case, _credentials = case_confirm(token=token)
    suggestion = CategorySuggestion.objects.get(case=case)
    assert suggestion.category.code == "feedback-facilities"
    assert not suggestion.agrees_with_intake


def test_suggesting_again_keeps_the_first_suggestion(recorded):
    case = recorded(**POOL)
    first = CategorySuggestion.objects.get(case=case)
    assert case_category_suggest(case_id=case.pk) == first
    assert CategorySuggestion.objects.filter(case=case).count() == 1


def test_accepting_moves_the_case_and_logs_an_internal_event(recorded, users):
    case = recorded(category="other", **POOL)
    suggestion = CategorySuggestion.objects.get(case=case)
    assert suggestion.category.code == "feedback-facilities"
    suggestion_accept(suggestion_id=suggestion.pk, user=users["coordinator"])
    case.refresh_from_db()
    suggestion.refresh_from_db()
    assert case.category.code == "feedback-facilities"
    assert case.unit == Category.objects.get(code="feedback-facilities").unit
    assert suggestion.decision == CategorySuggestion.Decision.ACCEPTED
    assert suggestion.decided_by == users["coordinator"]
    event = case.events.get(kind=Action.RECATEGORISE)
    assert event.data["from"] == "other" and event.data["to"] == "feedback-facilities"
    assert event.data["suggested"] == "feedback-facilities"
    assert not event.is_public
    with pytest.raises(TriageError, match="already been decided"):
        suggestion_accept(suggestion_id=suggestion.pk, user=users["coordinator"])


def test_an_override_teaches_the_next_model(recorded, users):
    case = recorded(category="other", **POOL)
    suggestion = CategorySuggestion.objects.get(case=case)
    visits = Category.objects.get(code="visits")
    with pytest.raises(TriageError, match="accept the suggestion instead"):
        suggestion_override(
            suggestion_id=suggestion.pk, user=users["coordinator"], category=suggestion.category
        )
    suggestion_override(suggestion_id=suggestion.pk, user=users["coordinator"], category=visits)
    case.refresh_from_db()
    assert case.category == visits
    assert CategorySuggestion.objects.get(pk=suggestion.pk).decision == "overridden"
    # Still open, yet already a training example, with the officer's category.
    assert case.is_open
    assert (f"{case.subject}\n{case.content}", "visits") in training_examples()


def test_an_officer_without_routing_rights_cannot_decide(recorded, users):
    case = recorded(category="other", **POOL)
    suggestion = CategorySuggestion.objects.get(case=case)
    with pytest.raises(PermissionDenied):
        suggestion_accept(suggestion_id=suggestion.pk, user=users["officer"])
    case.refresh_from_db()
    assert case.category.code == "other"


def test_recategorise_recomputes_the_deadline_and_keeps_an_assigned_unit(recorded, users):
    case = recorded(category="odour")
    noise = Category.objects.get(code="noise")
    noise.deadline_workdays = 12
    noise.save()
    operations = Unit.objects.get(code="operations")
    handling.case_assign(
        case=case, actor=users["coordinator"], unit=operations, officer=users["officer"]
    )
    before = Case.objects.get(pk=case.pk).deadline
    case = handling.case_recategorise(case=case, actor=users["coordinator"], category=noise)
    assert case.category == noise
    assert case.unit == operations  # already assigned: the assignment stands
    assert case.deadline > before
    assert case.original_deadline == case.deadline
    assert case.state == State.ASSIGNED


def test_recategorise_keeps_a_deadline_a_person_set(recorded, users):
    case = recorded(category="odour")
    handling.case_assign(
        case=case, actor=users["coordinator"], unit=case.unit, officer=users["officer"]
    )
    later = calendar_around(case.deadline).add_workdays(case.deadline, 5)
    handling.case_extend(case=case, actor=users["unithead"], new_deadline=later, reason="需會勘")
    case = handling.case_recategorise(
        case=case, actor=users["coordinator"], category=Category.objects.get(code="noise")
    )
    assert case.deadline == later


def test_recategorise_refusals(recorded, users):
    case = recorded(category="odour")
    with pytest.raises(CaseError, match="already in that category"):
        handling.case_recategorise(case=case, actor=users["coordinator"], category=case.category)
    with pytest.raises(PermissionDenied):
        handling.case_recategorise(
            case=case, actor=users["officer"], category=Category.objects.get(code="noise")
        )
    handling.case_transfer(
        case=case,
        actor=users["coordinator"],
        agency="高雄市政府工務局",
        document_number="高市環中字第1號",
        transferred_on=timezone.localdate(),
    )
    with pytest.raises(CaseError, match="not possible"):
        handling.case_recategorise(
            case=case, actor=users["coordinator"], category=Category.objects.get(code="noise")
        )
    assert not CaseEvent.objects.filter(case=case, kind=Action.RECATEGORISE).exists()


def _forwarded(users, django_capture_on_commit_callbacks):
    from civicdesk.cases.models import Channel
    from civicdesk.cases.services.intake import case_record

    with django_capture_on_commit_callbacks(execute=True):
        case, _credentials = case_record(
            data=petition(category="other", **POOL),
            channel=Channel.HOTLINE,
            recorded_by=users["coordinator"],
            external_reference="KH-1999-0001",
        )
    case.refresh_from_db()
    return case


@pytest.mark.parametrize(
    ("switched_on", "threshold", "routed"),
    [(True, 0.0, True), (True, 0.9999, False), (True, None, False), (False, 0.0, False)],
)
def test_forwarded_cases_are_routed_automatically_only_above_the_threshold(
    settings, users, django_capture_on_commit_callbacks, switched_on, threshold, routed
):
    settings.TRIAGE_AUTO_ROUTE = switched_on
    CategoryModel.objects.filter(pk=CategoryModel.objects.first().pk).update(
        auto_route_threshold=threshold
    )
    case = _forwarded(users, django_capture_on_commit_callbacks)
    suggestion = CategorySuggestion.objects.get(case=case)
    assert suggestion.category.code == "feedback-facilities"
    if routed:
        assert case.category.code == "feedback-facilities"
        assert suggestion.decision == CategorySuggestion.Decision.AUTO
        assert case.events.get(kind=Action.RECATEGORISE).actor == users["coordinator"]
    else:
        assert case.category.code == "other"
        assert suggestion.decision == CategorySuggestion.Decision.PENDING


def test_a_retired_category_is_skipped_for_the_next_likely_one(recorded):
    odour = Category.objects.get(code="odour")
    odour.is_active = False
    odour.save()
    case = recorded(
        category="noise",
        subject="傍晚臭味",
        content="每天傍晚大中一路一帶垃圾臭味很重，窗戶都不敢開。",
    )
    suggestion = CategorySuggestion.objects.get(case=case)
    assert suggestion.category.code != "odour"
    assert suggestion.category.is_active
    assert suggestion.ranked[0][0] == "odour"  # what the model said is kept for the record
    assert suggestion.confidence == pytest.approx(
        dict(suggestion.ranked)[suggestion.category.code], abs=1e-3
    )
