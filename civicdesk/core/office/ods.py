"""Spreadsheets as ODF (odfpy): sheets of rows whose cells keep their type, numbers as numbers
and dates as dates, so a spreadsheet program sums and sorts them without retyping."""

import datetime
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import Style, TextProperties
from odf.table import Table, TableCell, TableRow
from odf.text import P

Value = str | int | float | datetime.date | None
_FORBIDDEN = "[]*?:/\\"


@dataclass(frozen=True)
class Sheet:
    """A named sheet; the row at `header_row` (if any) is set in bold."""

    name: str
    rows: Sequence[Sequence[Value]]
    header_row: int | None = 0


def cell(value: Value, *, style: object = None) -> Any:
    """A typed cell: float for numbers (booleans are text), date for dates, empty for None."""
    extra = {"stylename": style} if style is not None else {}
    if value is None:
        return TableCell(**extra)
    if isinstance(value, datetime.date):
        text = value.isoformat()
        element = TableCell(valuetype="date", datevalue=text, **extra)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        text = str(value)
        element = TableCell(valuetype="float", value=value, **extra)
    else:
        text = str(value)
        element = TableCell(valuetype="string", **extra)
    element.addElement(P(text=text))
    return element


def sheet_name(title: str, taken: set[str]) -> str:
    """A sheet name spreadsheet programs accept (no []*?:/\\, at most 31 characters), unique
    among `taken`, which it joins."""
    cleaned = "".join(" " if char in _FORBIDDEN else char for char in title)
    name = " ".join(cleaned.split())[:31] or "Sheet"
    candidate, number = name, 2
    while candidate in taken:
        candidate = f"{name[:28]} {number}"
        number += 1
    taken.add(candidate)
    return candidate


def spreadsheet(sheets: Iterable[Sheet]) -> bytes:
    document = OpenDocumentSpreadsheet()
    bold = Style(name="header", family="table-cell")
    bold.addElement(TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(bold)
    names: set[str] = set()
    for sheet in sheets:
        table = Table(name=sheet_name(sheet.name, names))
        for index, values in enumerate(sheet.rows):
            style = bold if index == sheet.header_row else None
            row = TableRow()
            for value in values:
                row.addElement(cell(value, style=style))
            table.addElement(row)
        document.spreadsheet.addElement(table)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()
