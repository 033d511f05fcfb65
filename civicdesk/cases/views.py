"""Public petition screens: file, confirm, track, rate, reopen (thin: parse, call, render)."""

import re
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from civicdesk.cases.attachments import AttachmentRejected
from civicdesk.cases.errors import CaseError
from civicdesk.cases.forms import PetitionForm, ReopenForm, SurveyForm, TrackForm
from civicdesk.cases.hooks import petition_help_asked, petition_helpers
from civicdesk.cases.models import Case, Category, Channel
from civicdesk.cases.selectors import case_public_status
from civicdesk.cases.services.citizen import (
    case_authenticate,
    case_reopen,
    reopen_is_open,
    survey_is_open,
    survey_submit,
)
from civicdesk.cases.services.intake import case_confirm, case_submit, petition_input_from_form
from civicdesk.core.i18n import is_english
from civicdesk.core.ratelimit import count_hit, over_limit, rate_limited

SESSION_KEY = "cases_tracked"
SUBMIT_LIMIT = (5, 3600)  # petitions per client per hour
TRACK_LIMIT = (10, 900)  # failed look-ups per client per 15 minutes


def start(request: HttpRequest) -> HttpResponse:
    categories = Category.objects.active()
    return render(request, "cases/petition_start.html", {"categories": categories})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def new(request: HttpRequest, mailbox: bool = False) -> HttpResponse:
    category = _chosen_category(request)
    form = PetitionForm(request.POST or None, request.FILES or None, category=category)
    if petition_help_asked(request):
        # A helper's button ("Check the FAQ first"), without JavaScript: the same form with
        # everything typed kept, no error messages yet, and the help that was asked for.
        initial = {**request.POST.dict(), "questions_for": category.code if category else ""}
        form = PetitionForm(initial=initial, category=category)
    elif form.has_unseen_questions():
        # The category has its own questions: show them, keeping everything typed so far,
        # without error messages for questions the petitioner could not have seen.
        initial = {**request.POST.dict(), "questions_for": category.code if category else ""}
        form = PetitionForm(initial=initial, category=category)
        messages.info(
            request,
            _("This kind of matter has a few more questions. Please answer them and send again."),
        )
    elif request.method == "POST" and form.is_valid():
        # Only petitions that were accepted count: a rejected attachment or any other error
        # must not use up the citizen's budget.
        if over_limit(request, "petition", limit=SUBMIT_LIMIT[0]):
            form.add_error(
                None, _("Too many petitions from your connection. Please try again in an hour.")
            )
        else:
            data = form.cleaned_data
            try:
                case_submit(
                    data=petition_input_from_form(
                        data, language="en" if is_english() else "zh-hant", answers=form.answers()
                    ),
                    channel=Channel.MAILBOX if mailbox else Channel.WEB,
                    attachments=data["attachments"],
                )
            except AttachmentRejected as exc:
                form.add_error("attachments", str(exc))
            except CaseError as exc:
                form.add_error(None, str(exc))
            else:
                count_hit(request, "petition", window_seconds=SUBMIT_LIMIT[1])
                request.session["cases_sent_to"] = data["email"]
                return redirect("cases:sent")
    return render(
        request,
        "cases/petition_form.html",
        {
            "form": form,
            "mailbox": mailbox,
            "files_lost": request.method == "POST" and bool(request.FILES),
            "helpers": petition_helpers(request),
        },
    )


def _chosen_category(request: HttpRequest) -> Category | None:
    """The category picked on the form (POST) or by a link from the start page (GET); anything
    but an id or a code (a NUL, "²", a number past the column) is no choice, not an error."""
    value = request.POST.get("category") or request.GET.get("category") or ""
    if re.fullmatch(r"[0-9]{1,18}", value):
        lookup = {"pk": value}
    elif re.fullmatch(r"[-a-zA-Z0-9_]{1,40}", value):
        lookup = {"code": value}
    else:
        return None
    return Category.objects.active().filter(**lookup).first()


def sent(request: HttpRequest) -> HttpResponse:
    context = {
        "email": request.session.get("cases_sent_to", ""),
        "confirm_days": settings.CASES_CONFIRM_DAYS,
    }
    return render(request, "cases/petition_sent.html", context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    # GET and HEAD only show a button: mail scanners that follow links must not confirm petitions.
    if request.method != "POST":
        return render(request, "cases/petition_confirm.html", {"token": token})
    try:
        case, credentials = case_confirm(token=token)
    except CaseError as exc:
        return render(
            request, "cases/petition_confirm.html", {"token": token, "error": str(exc)}, status=400
        )
    _remember(request, case)
    return render(
        request, "cases/petition_confirmed.html", {"case": case, "credentials": credentials}
    )


def _remember(request: HttpRequest, case: Case) -> None:
    tracked = set(request.session.get(SESSION_KEY, []))
    tracked.add(case.pk)
    request.session[SESSION_KEY] = sorted(tracked)


def _tracked_case(request: HttpRequest, number: str) -> Case | None:
    if not re.fullmatch(r"[0-9]{1,20}", number):
        return None  # case numbers are digits; anything else is no case, whatever it holds
    return (
        Case.objects.select_related("category")
        .filter(pk__in=request.session.get(SESSION_KEY, []), number=number)
        .first()
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def track(request: HttpRequest) -> HttpResponse:
    form = TrackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # Only failed look-ups count, so people sharing a connection do not lock each other out.
        if over_limit(request, "track", limit=TRACK_LIMIT[0]):
            form.add_error(None, _("Too many attempts. Please wait 15 minutes and try again."))
        else:
            try:
                case = case_authenticate(**form.cleaned_data)
            except CaseError as exc:
                rate_limited(request, "track", limit=TRACK_LIMIT[0], window_seconds=TRACK_LIMIT[1])
                form.add_error(None, str(exc))
            else:
                request.session.cycle_key()
                _remember(request, case)
                return redirect("cases:status", number=case.number)
    return render(request, "cases/petition_track.html", {"form": form})


@never_cache
def status(request: HttpRequest, number: str) -> HttpResponse:
    case = _tracked_case(request, number)
    if case is None:
        return redirect("cases:track")
    context: dict[str, Any] = {
        "status": case_public_status(case),
        "survey_open": survey_is_open(case),
        "can_reopen": reopen_is_open(case),
        "reopen_form": ReopenForm(),
    }
    return render(request, "cases/petition_status.html", context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def survey(request: HttpRequest, number: str) -> HttpResponse:
    case = _tracked_case(request, number)
    if case is None:
        return redirect("cases:track")
    if not survey_is_open(case):
        messages.info(
            request, _("The survey for this case is closed or already answered. Thank you.")
        )
        return redirect("cases:status", number=number)
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            survey_submit(case=case, **form.cleaned_data)
        except CaseError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Thank you for rating our service."))
            return redirect("cases:status", number=number)
    return render(request, "cases/petition_survey.html", {"case": case, "form": form})


@require_POST
def reopen(request: HttpRequest, number: str) -> HttpResponse:
    case = _tracked_case(request, number)
    if case is None:
        return redirect("cases:track")
    form = ReopenForm(request.POST)
    if form.is_valid():
        try:
            case_reopen(case=case, reason=form.cleaned_data["reason"])
        except CaseError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Your case has been reopened and returned to its officer."))
        return HttpResponseRedirect(reverse("cases:status", kwargs={"number": number}))
    context = {
        "status": case_public_status(case),
        "survey_open": survey_is_open(case),
        "can_reopen": True,
        "reopen_form": form,
    }
    return render(request, "cases/petition_status.html", context, status=400)


def survey_entry(request: HttpRequest) -> HttpResponse:
    """The survey link in the closing mail: sign in with number + password first."""
    return redirect("cases:track")
