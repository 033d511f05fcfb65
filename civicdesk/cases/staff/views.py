"""Staff screens for petitions in the Wagtail admin: list, detail with actions, record."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from civicdesk.cases import permissions
from civicdesk.cases.attachments import AttachmentRejected
from civicdesk.cases.errors import CaseError
from civicdesk.cases.hooks import case_panels, case_recorded_warnings
from civicdesk.cases.models import AccessPurpose, Case, Category, Reply, ReplyTemplate
from civicdesk.cases.selectors import (
    CaseFilters,
    case_count_for_staff,
    case_get_for_staff,
    case_list_for_staff,
    case_timeline,
    petitioner_for_staff,
)
from civicdesk.cases.services import handling
from civicdesk.cases.services.clock import today
from civicdesk.cases.services.intake import case_record, petition_input_from_form
from civicdesk.cases.staff.forms import ACTION_FORMS, RecordForm
from civicdesk.cases.states import Action, State

PAGE_SIZE = 50


class CountedPaginator(Paginator):  # type: ignore[type-arg]
    """A paginator told its total, counted by the selector the fast way."""

    def __init__(self, object_list: Any, per_page: int, *, total: int) -> None:
        super().__init__(object_list, per_page)
        self.total = total

    @cached_property
    def count(self) -> int:
        return self.total


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@permission_required("cases.view_case", raise_exception=True)
def case_index(request: HttpRequest) -> TemplateResponse:
    params = request.GET
    # The working list: open cases unless the officer asks for another state or "all".
    state = params.get("state", "open")
    filters = CaseFilters(
        state="" if state == "all" else state,
        category=params.get("category", ""),
        overdue_on=today() if params.get("overdue") else None,
        mine=bool(params.get("mine")),
    )
    cases = case_list_for_staff(request.user, filters).select_related("petitioner")
    total = case_count_for_staff(request.user, filters)
    page = CountedPaginator(cases, PAGE_SIZE, total=total).get_page(params.get("page"))
    return TemplateResponse(
        request,
        "cases/admin/case_index.html",
        {
            "page_obj": page,
            "states": State.choices,
            "current_state": state,
            "categories": Category.objects.all(),
            "params": params,
            "today": today(),
            "can_record": request.user.has_perm("cases.add_case"),
            "can_see_statistics": request.user.has_perm("cases.view_statistics"),
        },
    )


@permission_required("cases.view_case", raise_exception=True)
def case_detail(request: HttpRequest, pk: int) -> TemplateResponse:
    """A read: nothing is written but the personal-data access log (the read's own trace);
    panels of other apps only read too, and offer their writes as POST buttons."""
    try:
        case = case_get_for_staff(request.user, pk)
    except Case.DoesNotExist as exc:
        raise Http404 from exc
    user = _user(request)
    action_forms = {
        action.value: (
            action.label,
            ACTION_FORMS[action](prefix=action.value, initial=_initial(case, action)),
        )
        for action in ACTION_FORMS
        if permissions.can(user, action, case)
    }
    return TemplateResponse(
        request,
        "cases/admin/case_detail.html",
        {
            "case": case,
            "petitioner": petitioner_for_staff(user, case, purpose=AccessPurpose.CASE_DETAIL),
            "timeline": case_timeline(case, public_only=False),
            "replies": case.replies.select_related("drafted_by", "approved_by"),
            "attachments": case.attachments.all(),
            "action_forms": action_forms,
            "panels": case_panels(request, case),
            "today": today(),
        },
    )


def _initial(case: Case, action: Action) -> dict[str, Any]:
    if action == Action.ASSIGN:
        return {"unit": case.unit_id, "officer": case.officer_id}
    if action == Action.RECATEGORISE:
        return {"category": case.category_id}
    if action == Action.DRAFT_REPLY:
        draft = case.replies.filter(status=Reply.Status.DRAFT).last()
        if draft:
            return {"body": draft.body, "legal_basis": draft.legal_basis, "method": draft.method}
        template = (
            ReplyTemplate.objects.filter(
                kind="reply", language=case.language, category=case.category
            ).first()
            or ReplyTemplate.objects.filter(
                kind="reply", language=case.language, category=None
            ).first()
        )
        method = (
            Reply.Method.EMAIL if getattr(case.petitioner, "email", "") else Reply.Method.LETTER
        )
        if template:
            return {"body": template.body, "legal_basis": template.legal_basis, "method": method}
        return {"method": method}
    return {}


Runner = Callable[[Case, User, dict[str, Any]], object]

RUNNERS: dict[Action, Runner] = {
    Action.ASSIGN: lambda c, u, d: handling.case_assign(
        case=c, actor=u, unit=d["unit"], officer=d["officer"]
    ),
    Action.START: lambda c, u, d: handling.case_start(case=c, actor=u),
    Action.REQUEST_SUPPLEMENT: lambda c, u, d: handling.case_request_supplement(
        case=c, actor=u, message=d["message"]
    ),
    Action.RECEIVE_SUPPLEMENT: lambda c, u, d: handling.case_receive_supplement(
        case=c, actor=u, message=d["message"]
    ),
    Action.EXTEND: lambda c, u, d: handling.case_extend(
        case=c, actor=u, new_deadline=d["new_deadline"], reason=d["reason"]
    ),
    Action.DRAFT_REPLY: lambda c, u, d: handling.case_draft_reply(case=c, actor=u, **d),
    Action.APPROVE_REPLY: lambda c, u, d: handling.case_approve_reply(case=c, actor=u),
    Action.RETURN_REPLY: lambda c, u, d: handling.case_return_reply(
        case=c, actor=u, message=d["message"]
    ),
    Action.SEND_REPLY: lambda c, u, d: handling.case_send_reply(case=c, actor=u),
    Action.TRANSFER: lambda c, u, d: handling.case_transfer(case=c, actor=u, **d),
    Action.FILE: lambda c, u, d: handling.case_file(case=c, actor=u, **d),
    Action.MERGE: lambda c, u, d: handling.case_merge(case=c, actor=u, into=d["into"]),
    Action.RECATEGORISE: lambda c, u, d: handling.case_recategorise(
        case=c, actor=u, category=d["category"]
    ),
    Action.NOTE: lambda c, u, d: handling.case_add_note(case=c, actor=u, message=d["message"]),
}


@require_POST
@permission_required("cases.change_case", raise_exception=True)
def case_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    try:
        chosen = Action(action)
        runner = RUNNERS[chosen]
    except (ValueError, KeyError) as exc:
        raise Http404 from exc
    try:
        case = case_get_for_staff(request.user, pk)
    except Case.DoesNotExist as exc:
        raise Http404 from exc
    form = ACTION_FORMS[chosen](request.POST, prefix=chosen.value)
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            text = " ".join(str(error) for error in errors)
            messages.error(request, f"{label}: {text}" if label else text)
        return redirect("cases_admin:detail", pk=pk)
    try:
        runner(case, _user(request), form.cleaned_data)
    except CaseError as exc:
        messages.error(request, str(exc))
    except PermissionDenied:
        messages.error(request, _("You may not do that on this case."))
    else:
        messages.success(request, _("Done: %(action)s.") % {"action": chosen.label})
    return redirect("cases_admin:detail", pk=pk)


@permission_required("cases.add_case", raise_exception=True)
def case_record_view(request: HttpRequest) -> HttpResponse:
    form = RecordForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case, credentials = case_record(
                data=petition_input_from_form(data, language=data["language"]),
                channel=data["channel"],
                recorded_by=_user(request),
                received_on=data["received_on"],
                external_reference=data["external_reference"],
            )
        except (CaseError, AttachmentRejected) as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("Recorded as case %(number)s. Query password for the petitioner: %(password)s")
                % {"number": credentials.number, "password": credentials.password},
            )
            for warning in case_recorded_warnings(_user(request), case):
                messages.warning(request, warning)
            return redirect("cases_admin:detail", pk=case.pk)
    return TemplateResponse(request, "cases/admin/case_record.html", {"form": form})
