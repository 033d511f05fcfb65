"""Staff screens of petition statistics: the period form, charts beside their tables, and
the CSV and ODS exports, all from the same figure groups (`statistics.figures`)."""

from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.template.response import TemplateResponse

from civicdesk.cases.statistics import case_statistics
from civicdesk.cases.statistics.figures import (
    ReceivedPeriodForm,
    export_groups,
    figure_groups,
    key_figures,
)
from civicdesk.core.reporting.export import CONTENT_TYPES, export_groups_response
from civicdesk.core.reporting.periods import period_form


@permission_required("cases.view_statistics", raise_exception=True)
def statistics_view(request: HttpRequest) -> HttpResponse:
    form = period_form(request, ReceivedPeriodForm)
    context: dict[str, object] = {"form": form, "stats": None}
    if form.is_valid():
        stats = case_statistics(
            user=request.user, start=form.cleaned_data["start"], end=form.cleaned_data["end"]
        )
        context.update(stats=stats, groups=figure_groups(stats), key_figures=key_figures(stats))
    return TemplateResponse(request, "cases/admin/case_statistics.html", context)


@permission_required("cases.view_statistics", raise_exception=True)
def statistics_export(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in CONTENT_TYPES:
        raise Http404
    form = period_form(request, ReceivedPeriodForm)
    if not form.is_valid():
        return HttpResponseBadRequest(
            " ".join(str(error) for errors in form.errors.values() for error in errors),
            content_type="text/plain; charset=utf-8",
        )
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    stats = case_statistics(user=request.user, start=start, end=end)
    filename = f"petition-statistics-{start.isoformat()}-{end.isoformat()}.{fmt}"
    return export_groups_response(export_groups(stats), fmt=fmt, filename=filename)
