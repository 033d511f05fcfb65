"""Staff screens of the test rounds: list, plan or change, the round's page, start/complete."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from civicdesk.courtesy.models import TestRound
from civicdesk.courtesy.permissions import (
    RUN_ROUNDS,
    VIEW_RESULTS,
    can_record_call,
    can_run_rounds,
)
from civicdesk.courtesy.selectors import (
    call_list_for_user,
    round_get_for_user,
    round_list_for_user,
    round_unit_rows,
    rubric_list,
)
from civicdesk.courtesy.services import (
    round_complete,
    round_save,
    round_start,
    rubric_default_ensure,
    rubric_is_locked,
    rubric_revise,
)
from civicdesk.courtesy.staff.forms import RoundForm, apply_errors


def get_round(request: HttpRequest, pk: int) -> TestRound:
    try:
        return round_get_for_user(request.user, pk)
    except TestRound.DoesNotExist as exc:
        raise Http404 from exc


@permission_required(VIEW_RESULTS, raise_exception=True)
def round_index(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(
        request,
        "courtesy/admin/round_index.html",
        {"rounds": round_list_for_user(request.user), "can_run": can_run_rounds(request.user)},
    )


def _round_form(request: HttpRequest, round: TestRound | None) -> HttpResponse:
    initial: dict[str, Any] = {}
    if round is not None:
        initial = {
            "year": round.year,
            "half": round.half,
            "rubric": round.rubric,
            "starts_on": round.starts_on,
            "ends_on": round.ends_on,
            "units": round.units.all(),
            "testers": round.testers.all(),
            "notes": round.notes,
        }
    else:
        initial = {"rubric": rubric_list().first()}
    form = RoundForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            saved = round_save(
                instance=round,
                actor=request.user,
                units=list(data.pop("units")),
                testers=list(data.pop("testers")),
                **data,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The round is saved."))
            return redirect("courtesy_admin:round", pk=saved.pk)
    return TemplateResponse(
        request, "courtesy/admin/round_form.html", {"form": form, "round": round}
    )


@permission_required(RUN_ROUNDS, raise_exception=True)
def round_create(request: HttpRequest) -> HttpResponse:
    if not rubric_list().exists():
        rubric_default_ensure()
    return _round_form(request, None)


@permission_required(RUN_ROUNDS, raise_exception=True)
def round_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _round_form(request, get_round(request, pk))


@permission_required(VIEW_RESULTS, raise_exception=True)
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    round = get_round(request, pk)
    from civicdesk.courtesy.selectors import rubric_scoring_items

    sections = list(round.rubric.sections.all())
    return TemplateResponse(
        request,
        "courtesy/admin/round_detail.html",
        {
            "round": round,
            "rows": round_unit_rows(request.user, round),
            "sections": sections,
            "items": [row for row, _item in rubric_scoring_items(round.rubric)],
            "calls": call_list_for_user(request.user, round=round),
            "can_run": can_run_rounds(request.user),
            "can_record": can_record_call(request.user, round),
            "can_report": request.user.has_perm("courtesy.view_director_report"),
            "events": round.events.select_related("actor", "unit")
            if can_run_rounds(request.user)
            else [],
        },
    )


@require_POST
@permission_required(RUN_ROUNDS, raise_exception=True)
def round_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    round = get_round(request, pk)
    services = {"start": round_start, "complete": round_complete}
    if action not in services:
        raise Http404
    try:
        services[action](round=round, actor=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        done = {"start": _("Testing has started."), "complete": _("The round is completed.")}
        messages.success(request, done[action])
    return redirect("courtesy_admin:round", pk=round.pk)


@permission_required(RUN_ROUNDS, raise_exception=True)
def rubric_index(request: HttpRequest) -> HttpResponse:
    rubrics = [(rubric, rubric_is_locked(rubric)) for rubric in rubric_list()]
    return TemplateResponse(request, "courtesy/admin/rubric_index.html", {"rubrics": rubrics})


@require_POST
@permission_required(RUN_ROUNDS, raise_exception=True)
def rubric_action(request: HttpRequest, action: str) -> HttpResponse:
    if action == "default":
        rubric_default_ensure()
    elif action == "revise":
        raw = request.POST.get("rubric", "")
        source = rubric_list().filter(pk=int(raw)).first() if raw.isdigit() else None
        if source is None:
            raise Http404
        copy = rubric_revise(rubric=source)
        messages.success(
            request, _("Version %(version)s is ready to edit.") % {"version": copy.version}
        )
    else:
        raise Http404
    return redirect("courtesy_admin:rubrics")
