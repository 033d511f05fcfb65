"""Figure groups as downloads: CSV (one section per group) and ODS (one sheet per group),
and plain tables as CSV, all in UTF-8 with a byte order mark so that Excel reads Chinese."""

import csv
import datetime
import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from django.utils.http import content_disposition_header

from civicdesk.core.office.ods import Sheet, Value, spreadsheet
from civicdesk.core.reporting.figures import FigureGroup

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}


def _csv_value(value: Value) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def csv_table(rows: Iterable[Sequence[Value]]) -> bytes:
    """Rows as CSV; dates in ISO 8601, None as an empty field."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows([_csv_value(value) for value in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def export_csv(groups: Iterable[FigureGroup]) -> bytes:
    """One section per group: title, header row, rows, a blank line."""
    rows: list[Sequence[Value]] = []
    for group in groups:
        rows += [[group.title], group.columns]
        rows += [[cell.value for cell in row] for row in group.rows]
        rows.append([])
    return csv_table(rows)


def export_ods(groups: Iterable[FigureGroup]) -> bytes:
    """One sheet per group, with a bold header row; numbers and dates as typed cells."""
    return spreadsheet(
        Sheet(group.title, [group.columns, *([c.value for c in row] for row in group.rows)])
        for group in groups
    )


def download(content: bytes, *, fmt: str, filename: str) -> HttpResponse:
    """An export as an attachment (`fmt` one of CONTENT_TYPES)."""
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = content_disposition_header(True, filename) or ""
    return response


def export_groups_response(
    groups: Sequence[FigureGroup], *, fmt: str, filename: str
) -> HttpResponse:
    content = export_csv(groups) if fmt == "csv" else export_ods(groups)
    return download(content, fmt=fmt, filename=filename)
