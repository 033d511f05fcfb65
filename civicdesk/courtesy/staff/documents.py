"""Staff downloads: the round's report to the director (ODT, PDF), per-unit trends, and the
calls and scores as CSV or ODS."""

from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from civicdesk.core.office.ods import Sheet, spreadsheet
from civicdesk.core.reporting.export import (
    CONTENT_TYPES,
    csv_table,
    download,
    export_groups_response,
)
from civicdesk.courtesy import documents
from civicdesk.courtesy.exports import call_rows
from civicdesk.courtesy.permissions import VIEW_REPORT, VIEW_RESULTS
from civicdesk.courtesy.staff.views import get_round
from civicdesk.courtesy.statistics import figure_groups, trends_for_user

REPORT_TYPES = {"odt": documents.director_report_odt, "pdf": documents.director_report_pdf}


@permission_required(VIEW_REPORT, raise_exception=True)
def director_report(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in REPORT_TYPES:
        raise Http404
    round = get_round(request, pk)
    content = REPORT_TYPES[fmt](round, request.user)
    response = HttpResponse(
        content,
        content_type={"odt": "application/vnd.oasis.opendocument.text", "pdf": "application/pdf"}[
            fmt
        ],
    )
    response["Content-Disposition"] = (
        f'attachment; filename="courtesy-test-{round.year}-{round.half}-report.{fmt}"'
    )
    return response


@permission_required(VIEW_RESULTS, raise_exception=True)
def calls_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in CONTENT_TYPES:
        raise Http404
    round = get_round(request, pk)
    rows = call_rows(request.user, round)
    filename = f"courtesy-test-{round.year}-{round.half}-calls.{fmt}"
    if fmt == "csv":
        return download(csv_table(rows), fmt=fmt, filename=filename)
    return download(spreadsheet([Sheet(round.title, rows)]), fmt=fmt, filename=filename)


@permission_required(VIEW_RESULTS, raise_exception=True)
def results_view(request: HttpRequest) -> HttpResponse:
    trends = trends_for_user(request.user)
    return TemplateResponse(
        request,
        "courtesy/admin/results.html",
        {"trends": trends, "groups": figure_groups(trends)},
    )


@permission_required(VIEW_RESULTS, raise_exception=True)
def results_export(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in CONTENT_TYPES:
        raise Http404
    groups = figure_groups(trends_for_user(request.user))
    return export_groups_response(groups, fmt=fmt, filename=f"courtesy-test-results.{fmt}")
