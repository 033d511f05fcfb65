"""Staff screens of the FAQ in the Wagtail admin: promote a petition, the helpfulness report."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.contrib.auth.models import User
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from civicdesk.cases.errors import CaseError
from civicdesk.core.reporting.export import csv_table, download
from civicdesk.faq.anonymise import KINDS
from civicdesk.faq.permissions import PROMOTE, VIEW_REPORT
from civicdesk.faq.selectors import PERIODS, SORTS, faq_promotion_for_case, faq_report
from civicdesk.faq.services import FaqError, faq_draft_from_case

KIND_LABELS = {
    "national_id": gettext_lazy("ID numbers"),
    "phone": gettext_lazy("phone numbers"),
    "email": gettext_lazy("e-mail addresses"),
    "address": gettext_lazy("addresses"),
    "name": gettext_lazy("names"),
}


def masked_summary(masked: dict[str, int]) -> str:
    """ "names 2, phone numbers 1", in the order of the anonymiser's kinds."""
    parts = [f"{KIND_LABELS[kind]} {masked[kind]}" for kind in KINDS if masked.get(kind)]
    return ", ".join(parts) if parts else _("nothing")


@require_POST
@permission_required(PROMOTE, raise_exception=True)
def promote(request: HttpRequest, case_id: int) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    case_url = reverse("cases_admin:detail", kwargs={"pk": case_id})
    existing = faq_promotion_for_case(case_id=case_id)
    try:
        page = faq_draft_from_case(case_id=case_id, user=user)
    except (CaseError, FaqError) as exc:
        messages.error(request, str(exc))
        return HttpResponseRedirect(case_url)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc
    promotion = faq_promotion_for_case(case_id=case_id)
    masked = promotion.masked if promotion else {}
    if existing is not None:
        messages.info(
            request,
            _("This petition was already promoted: here is its FAQ draft."),
        )
    else:
        messages.success(
            request,
            _(
                "FAQ draft created from the petition. Masked: %(summary)s. Check the question "
                "and answer for anything personal before publishing."
            )
            % {"summary": masked_summary(masked)},
        )
    if page.permissions_for_user(user).can_edit():
        return HttpResponseRedirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    messages.info(request, _("An editor reviews and publishes the draft."))
    return HttpResponseRedirect(case_url)


@require_safe
@permission_required(VIEW_REPORT, raise_exception=True)
def report(request: HttpRequest) -> HttpResponse:
    period = request.GET.get("period", "all")
    period = period if period in PERIODS else "all"
    sort = request.GET.get("sort", "views")
    sort = sort if sort in SORTS else "views"
    today = timezone.localdate()
    rows = faq_report(today=today, period=period, sort=sort)
    if request.GET.get("format") == "csv":
        return _csv(rows, period=period)
    return TemplateResponse(
        request,
        "faq/admin/report.html",
        {
            "rows": rows,
            "period": period,
            "sort": sort,
            "periods": [
                ("30", _("Last 30 days")),
                ("90", _("Last 90 days")),
                ("365", _("Last 365 days")),
                ("all", _("All time")),
            ],
            "sorts": [
                ("views", _("Most viewed")),
                ("helpful", _("Most “helpful”")),
                ("unhelpful", _("Most “not helpful”")),
                ("share", _("Lowest share helpful")),
                ("review_by", _("Review date")),
                ("title", _("Question")),
            ],
            "today": today,
        },
    )


def _csv(rows: list, *, period: str) -> HttpResponse:  # type: ignore[type-arg]
    header = [
        "language",
        "page_id",
        "question",
        "live",
        "views_30_days",
        "views_this_year",
        "views_total",
        "helpful",
        "not_helpful",
        "review_by",
    ]
    lines = [
        [
            figures.language,
            figures.page_id,
            figures.title,
            int(figures.live),
            figures.views_30,
            figures.views_year,
            figures.views_total,
            figures.helpful,
            figures.unhelpful,
            row.review_by,
        ]
        for row in rows
        for figures in row.languages
    ]
    return download(
        csv_table([header, *lines]), fmt="csv", filename=f"faq-helpfulness-{period}.csv"
    )
