"""Public FAQ endpoints, served as routes of the FAQ pages: views counted, "was this helpful?",
and the suggestions fragment the petition form asks for while a citizen types."""

import re

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from civicdesk.core.ratelimit import rate_limited
from civicdesk.faq.forms import FeedbackForm
from civicdesk.faq.models import FaqIndexPage, FaqPage
from civicdesk.faq.selectors import faq_suggestions
from civicdesk.faq.services import FaqError, faq_feedback_submit, faq_view_record

FEEDBACK_LIMIT = (10, 3600)  # answers per client per hour
SUGGEST_LIMIT = (120, 600)  # look-ups per client per 10 minutes (the form asks as people type)
SUGGEST_MAX_TEXT = 3000
_BOTS = re.compile(r"bot|crawl|spider|slurp|archiver|facebookexternalhit|monitor", re.IGNORECASE)


def count_view(request: HttpRequest, *, page: FaqPage) -> None:
    """Count public reads: not previews, not staff signed in, not self-declared robots."""
    if request.method != "GET" or getattr(request, "is_preview", False):
        return
    if request.user.is_authenticated or _BOTS.search(request.headers.get("User-Agent", "")):
        return
    faq_view_record(page_id=page.pk)


@require_POST
def feedback_submit(request: HttpRequest, *, page: FaqPage) -> HttpResponse:
    form = FeedbackForm(request.POST)
    status = 400
    if form.is_valid():
        if rate_limited(
            request, "faq_feedback", limit=FEEDBACK_LIMIT[0], window_seconds=FEEDBACK_LIMIT[1]
        ):
            status = 429
            form.add_error(None, _("Too many answers from your connection. Please try later."))
        else:
            try:
                faq_feedback_submit(
                    page=page,
                    is_helpful=form.cleaned_data["is_helpful"],
                    comment=form.cleaned_data["comment"],
                )
            except FaqError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Thank you: your answer helps us improve the FAQ."))
                return HttpResponseRedirect((page.url or "/") + "#feedback")
    response: HttpResponse = page.render(request, context_overrides={"feedback_form": form})
    response.status_code = status
    return response


@require_safe
def suggestions_fragment(request: HttpRequest, *, index: FaqIndexPage) -> HttpResponse:
    """An HTML fragment (the contents of the form's live region): entries that may answer."""
    if rate_limited(
        request, "faq_suggest", limit=SUGGEST_LIMIT[0], window_seconds=SUGGEST_LIMIT[1]
    ):
        response = HttpResponse(status=429)
    else:
        text = request.GET.get("text", "")[:SUGGEST_MAX_TEXT]
        suggestions = faq_suggestions(
            text=text,
            language=index.locale.language_code,
            category_code=request.GET.get("category", "")[:40],
        )
        response = TemplateResponse(
            request,
            "faq/includes/suggestions.html",
            {"suggestions": suggestions, "faq_index": index},
        )
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
