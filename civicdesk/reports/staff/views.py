"""Staff screen: the freshness report (items past their review date, broken links)."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from civicdesk.reports.selectors import freshness_report_get
from civicdesk.website.services import links_check_all_later

# The report reads the website's link checks; whoever may read those may read the report.
FRESHNESS_PERMISSION = "website.view_linkcheck"


@permission_required(FRESHNESS_PERMISSION, raise_exception=True)
def freshness_report(request: HttpRequest) -> HttpResponse:
    report = freshness_report_get(today=timezone.localdate())
    return render(request, "reports/admin/freshness_report.html", {"report": report})


@require_POST
@permission_required(FRESHNESS_PERMISSION, raise_exception=True)
def freshness_check_links(request: HttpRequest) -> HttpResponse:
    links_check_all_later()
    messages.success(request, _("The link check has started; reload this report in a few minutes."))
    return HttpResponseRedirect(reverse("reports_admin:freshness"))
