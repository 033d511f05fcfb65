"""Staff screens of triage: ask for or decide a suggestion, recurring topics, the model."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from civicdesk.cases.fields import CategoryChoiceField
from civicdesk.cases.models import Case, Category
from civicdesk.cases.selectors import case_get_for_staff
from civicdesk.cases.statistics.figures import ReceivedPeriodForm
from civicdesk.core.reporting.periods import period_form
from civicdesk.faq.permissions import can_promote
from civicdesk.faq.selectors import faq_entries_for_matching
from civicdesk.triage.models import CategorySuggestion
from civicdesk.triage.selectors import (
    category_model_current,
    category_model_list,
    recurring_topics,
    suggestion_decision_counts,
    suggestion_get_for_staff,
)
from civicdesk.triage.services import (
    TriageError,
    case_category_suggest,
    suggestion_accept,
    suggestion_override,
)
from civicdesk.triage.tasks import category_model_train_task


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _suggestion_for(request: HttpRequest, pk: int) -> CategorySuggestion:
    suggestion = suggestion_get_for_staff(request.user, pk)
    if suggestion is None:
        raise Http404
    return suggestion


@require_POST
@permission_required("cases.view_case", raise_exception=True)
def case_suggest(request: HttpRequest, pk: int) -> HttpResponse:
    """Suggest now what the background task did not (its queue was down): an officer's
    explicit action, since reading the case page never writes."""
    try:
        case = case_get_for_staff(request.user, pk)
    except Case.DoesNotExist as exc:
        raise Http404 from exc
    if case_category_suggest(case_id=case.pk) is None:
        messages.error(request, _("No category could be suggested for this case."))
    else:
        messages.success(request, _("A category has been suggested."))
    return redirect("cases_admin:detail", pk=case.pk)


@require_POST
@permission_required("cases.assign_case", raise_exception=True)
def suggestion_decide(request: HttpRequest, pk: int) -> HttpResponse:
    suggestion = _suggestion_for(request, pk)
    try:
        if "accept" in request.POST:
            suggestion_accept(suggestion_id=suggestion.pk, user=_user(request))
            messages.success(request, _("Suggestion accepted."))
        else:
            field = CategoryChoiceField(queryset=Category.objects.active())
            try:
                category = field.clean(request.POST.get("category"))
            except ValidationError:
                messages.error(request, _("Choose the category the case belongs to."))
                return redirect("cases_admin:detail", pk=suggestion.case_id)
            suggestion_override(suggestion_id=suggestion.pk, user=_user(request), category=category)
            messages.success(request, _("Category changed; the next model will learn from it."))
    except TriageError as exc:
        messages.error(request, str(exc))
    except PermissionDenied:
        messages.error(request, _("You may not change the category of this case."))
    return redirect("cases_admin:detail", pk=suggestion.case_id)


@permission_required("cases.view_statistics", raise_exception=True)
def topics_view(request: HttpRequest) -> TemplateResponse:
    form = period_form(request, ReceivedPeriodForm)
    topics = None
    if form.is_valid():
        entries = faq_entries_for_matching(language=get_language() or "zh-hant")
        topics = recurring_topics(
            request.user,
            start=form.cleaned_data["start"],
            end=form.cleaned_data["end"],
            faq_entries=entries,
        )
    return TemplateResponse(
        request,
        "triage/admin/topics.html",
        {
            "form": form,
            "topics": topics,
            "without_faq": sum(1 for t in topics or [] if t.faq is None),
            "can_promote": can_promote(request.user),
        },
    )


@permission_required("cases.view_statistics", raise_exception=True)
def model_view(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        category_model_train_task.enqueue()
        messages.success(
            request, _("Training has been queued; the new model is used as soon as it is ready.")
        )
        return redirect("triage_admin:model")
    current = category_model_current()
    categories = Category.objects.in_bulk(field_name="code")
    counts = current.metrics.get("per_category", {}) if current else {}
    return TemplateResponse(
        request,
        "triage/admin/model.html",
        {
            "current": current,
            "history": category_model_list(),
            "decisions": suggestion_decision_counts(current) if current else None,
            "per_category": [(categories.get(code), code, n) for code, n in counts.items()],
        },
    )
