"""Staff screen: the freshness report (items past their review date, broken links)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
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


def freshness_report(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm(FRESHNESS_PERMISSION):
        raise PermissionDenied
    report = freshness_report_get(today=timezone.localdate())
    return render(request, "reports/admin/freshness_report.html", {"report": report})


@require_POST
def freshness_check_links(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm(FRESHNESS_PERMISSION):
        raise PermissionDenied
    links_check_all_later()
    messages.success(request, _("The link check has started; reload this report in a few minutes."))
    return HttpResponseRedirect(reverse("reports_admin:freshness"))
