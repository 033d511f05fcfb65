"""Staff screens of calls (testers record and correct them) and of a unit in a round (its
calls, the improvement report its head files, the retest)."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from civicdesk.courtesy.models import RoundUnit
from civicdesk.courtesy.permissions import (
    RECORD_CALL,
    VIEW_RESULTS,
    can_file_improvement,
    can_record_call,
)
from civicdesk.courtesy.selectors import call_list_for_user, call_points, round_unit_get_for_user
from civicdesk.courtesy.services import call_record, call_update, improvement_file, item_field
from civicdesk.courtesy.services.calls import RETESTABLE
from civicdesk.courtesy.staff.forms import CallForm, ImprovementForm, apply_errors
from civicdesk.courtesy.staff.views import get_round


@permission_required(RECORD_CALL, raise_exception=True)
def call_create(request: HttpRequest, pk: int) -> HttpResponse:
    round = get_round(request, pk)
    if not can_record_call(request.user, round):
        raise PermissionDenied
    is_retest = request.GET.get("retest") == "1"
    initial = {"unit": request.GET.get("unit")} if request.GET.get("unit") else {}
    form = CallForm(request.POST or None, round=round, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            call = call_record(
                round=round,
                actor=request.user,
                unit=form.cleaned_data["unit"],
                points=form.points(),
                is_retest=is_retest,
                **form.details(),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Call recorded: %(total)s points.") % {"total": call.total})
            if "another" in request.POST:
                return redirect("courtesy_admin:call_add", pk=round.pk)
            return redirect("courtesy_admin:round", pk=round.pk)
    return TemplateResponse(
        request,
        "courtesy/admin/call_form.html",
        {"form": form, "round": round, "is_retest": is_retest, "call": None},
    )


@permission_required(RECORD_CALL, raise_exception=True)
def call_edit(request: HttpRequest, pk: int) -> HttpResponse:
    call = call_list_for_user(request.user).filter(pk=pk).first()
    if call is None:
        raise Http404
    round = call.round
    initial = {
        "unit": call.unit,
        "called_on": call.called_on,
        "called_at": call.called_at,
        "extension": call.extension,
        "scenario": call.scenario,
        "answered_by": call.answered_by,
        "notes": call.notes,
        **{item_field(item): value for item, value in call_points(call).items()},
    }
    form = CallForm(request.POST or None, round=round, call=call, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            call_update(call=call, actor=request.user, points=form.points(), **form.details())
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The call is corrected."))
            return redirect("courtesy_admin:round", pk=round.pk)
    return TemplateResponse(
        request,
        "courtesy/admin/call_form.html",
        {"form": form, "round": round, "is_retest": call.is_retest, "call": call},
    )


@permission_required(VIEW_RESULTS, raise_exception=True)
def round_unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        result = round_unit_get_for_user(request.user, pk)
    except RoundUnit.DoesNotExist as exc:
        raise Http404 from exc
    may_file = can_file_improvement(request.user, result)
    report = getattr(result, "improvement", None)
    initial = {}
    if report is not None:
        initial = {
            "problems": report.problems,
            "measures": report.measures,
            "responsible": report.responsible,
            "complete_by": report.complete_by,
        }
    form = ImprovementForm(request.POST or None, initial=initial) if may_file else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                improvement_file(round_unit=result, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The improvement report is filed."))
                return redirect("courtesy_admin:round_unit", pk=result.pk)
    calls = call_list_for_user(request.user, round=result.round, unit=result.unit)
    return TemplateResponse(
        request,
        "courtesy/admin/round_unit.html",
        {
            "result": result,
            "round": result.round,
            "report": report,
            "form": form,
            "may_file": may_file and result.status in (RoundUnit.Status.BELOW, *RETESTABLE),
            "calls": calls,
            "may_retest": result.status in RETESTABLE
            and can_record_call(request.user, result.round),
        },
    )
