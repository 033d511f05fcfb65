"""Writes of triage: train the category model, suggest a case's category, record the decision."""

import logging
import threading

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civicdesk.cases.errors import CaseError
from civicdesk.cases.models import Case, Category, Channel
from civicdesk.cases.permissions import can
from civicdesk.cases.services.handling import case_recategorise
from civicdesk.cases.states import Action
from civicdesk.triage.classifier import CategoryClassifier
from civicdesk.triage.models import CategoryModel, CategorySuggestion
from civicdesk.triage.selectors import (
    case_text,
    category_model_current,
    suggestion_for_case,
    training_examples,
)
from civicdesk.triage.training import NotEnoughExamples, model_train

log = logging.getLogger(__name__)


class TriageError(Exception):
    """A triage step that cannot be done; the message is for the user."""


def category_model_train(*, user: User | None = None) -> CategoryModel:
    """Learn the categories from handled cases, measure out of fold, and make it current."""
    examples = training_examples()
    try:
        result = model_train(
            [text for text, _label in examples],
            [label for _text, label in examples],
            min_examples=settings.TRIAGE_MIN_CASES,
            target_precision=settings.TRIAGE_TARGET_PRECISION,
        )
    except NotEnoughExamples as exc:
        raise TriageError(
            _(
                "Too few handled cases to learn from (%(found)s). At least %(minimum)s are "
                "needed, in two or more categories."
            )
            % {"found": str(exc), "minimum": settings.TRIAGE_MIN_CASES}
        ) from exc
    metrics = {**result.metrics, "dropped": result.dropped}
    return CategoryModel.objects.create(
        trained_by=user,
        case_count=result.examples,
        labels=list(result.classifier.labels),
        metrics=metrics,
        auto_route_threshold=result.threshold,
        artifact=result.classifier.to_bytes(),
    )


_loaded: dict[int, CategoryClassifier] = {}
_loading = threading.Lock()


def _classifier(model: CategoryModel) -> CategoryClassifier:
    """The model's classifier, deserialised once per process (models are immutable)."""
    with _loading:
        if model.pk not in _loaded:
            _loaded.clear()
            raw = CategoryModel.objects.values_list("artifact", flat=True).get(pk=model.pk)
            _loaded[model.pk] = CategoryClassifier.from_bytes(bytes(raw))
        return _loaded[model.pk]


@transaction.atomic
def case_category_suggest(*, case_id: int) -> CategorySuggestion | None:
    """Suggest a category for a confirmed case from its text (once); None without a model.

    Run by the task after the case starts, or when an officer asks on the case page (the
    task queue was down): never by a page being read.
    """
    existing = suggestion_for_case(case_id=case_id)  # once per case
    if existing:
        return existing
    model = category_model_current()
    case = Case.objects.select_related("category", "recorded_by").filter(pk=case_id).first()
    if model is None or case is None or case.number is None:
        return None
    prediction = _classifier(model).predict([case_text(case)])[0]
    categories = Category.objects.in_bulk(
        [code for code, _p in prediction.ranked], field_name="code"
    )
    # A category retired since training is skipped for the next likely one still in use.
    usable = [
        (categories[code], probability)
        for code, probability in prediction.ranked
        if code in categories and categories[code].is_active
    ]
    if not usable:
        return None
    category, confidence = usable[0]
    suggestion = CategorySuggestion.objects.create(
        case=case,
        model=model,
        category=category,
        confidence=confidence,
        ranked=[[code, round(p, 4)] for code, p in prediction.ranked],
        category_at_intake=case.category,
    )
    if _may_route_automatically(suggestion, case):
        assert case.recorded_by is not None
        _decide(
            suggestion,
            user=case.recorded_by,
            category=category,
            decision=CategorySuggestion.Decision.AUTO,
        )
    return suggestion


FORWARDED = frozenset({Channel.HOTLINE, Channel.MAYOR})


def _may_route_automatically(suggestion: CategorySuggestion, case: Case) -> bool:
    """Only forwarded cases (whose category was guessed at import), only when switched on,
    only at or above the threshold measured for this model, and only on behalf of the
    person who imported them, if they may route cases."""
    threshold = suggestion.model.auto_route_threshold
    return (
        settings.TRIAGE_AUTO_ROUTE
        and case.channel in FORWARDED
        and threshold is not None
        and suggestion.confidence >= threshold
        and suggestion.category_id != case.category_id
        and case.recorded_by is not None
        and can(case.recorded_by, Action.RECATEGORISE, case)
    )


def case_triage_later(case_id: int) -> None:
    """Run after a case starts (`cases.hooks.case_started`): suggest in the background,
    never failing the intake."""
    from civicdesk.triage.tasks import case_triage_task

    try:
        case_triage_task.enqueue(case_id)
    except Exception:  # a queue outage must not lose the petition; an officer asks instead
        log.exception("could not enqueue triage of case %s", case_id)


def _decide(
    suggestion: CategorySuggestion, *, user: User, category: Category, decision: str
) -> CategorySuggestion:
    case = suggestion.case
    if not can(user, Action.RECATEGORISE, case):
        raise PermissionDenied("Deciding a category suggestion needs the right to recategorise.")
    if suggestion.decision != CategorySuggestion.Decision.PENDING:
        raise TriageError(_("This suggestion has already been decided."))
    if category.pk != case.category_id:
        try:
            case_recategorise(
                case=case,
                actor=user,
                category=category,
                message=_("Category suggestion %(decision)s.")
                % {"decision": CategorySuggestion.Decision(decision).label},
                data={
                    "suggested": suggestion.category.code,
                    "confidence": f"{suggestion.confidence:.2f}",
                },
            )
        except CaseError as exc:
            raise TriageError(str(exc)) from exc
    suggestion.decision = decision
    suggestion.decided_by = user
    suggestion.decided_at = timezone.now()
    suggestion.save(update_fields=["decision", "decided_by", "decided_at"])
    return suggestion


@transaction.atomic
def suggestion_accept(*, suggestion_id: int, user: User) -> CategorySuggestion:
    suggestion = (
        CategorySuggestion.objects.select_for_update()
        .select_related("case", "category")
        .get(pk=suggestion_id)
    )
    return _decide(
        suggestion,
        user=user,
        category=suggestion.category,
        decision=CategorySuggestion.Decision.ACCEPTED,
    )


@transaction.atomic
def suggestion_override(
    *, suggestion_id: int, user: User, category: Category
) -> CategorySuggestion:
    """The officer knows better: the case takes `category`, and the next model learns it."""
    suggestion = (
        CategorySuggestion.objects.select_for_update()
        .select_related("case", "category")
        .get(pk=suggestion_id)
    )
    if category.pk == suggestion.category_id:
        raise TriageError(_("That is the suggested category; accept the suggestion instead."))
    return _decide(
        suggestion, user=user, category=category, decision=CategorySuggestion.Decision.OVERRIDDEN
    )
