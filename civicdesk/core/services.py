"""Writes to the working-day calendar: importing the DGPA office calendar, declaring closures."""

import csv
import datetime
import io
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civicdesk.core.models import OfficeDay, OfficeDaySource
from civicdesk.core.selectors import workday_calendar

# 政府行政機關辦公日曆表 (data.gov.tw dataset 14718), one row per day of the year.
DGPA_COLUMNS = ("西元日期", "星期", "是否放假", "備註")
DGPA_WORKDAY, DGPA_DAY_OFF = "0", "2"
WEEKDAY_NAMES = "一二三四五六日"
NOTE_MAX_LENGTH = 200
MAX_REPORTED_ERRORS = 20


class CalendarImportError(ValueError):
    """The file cannot be imported; the message names the line(s); `line` is the first bad one."""

    def __init__(self, message: str, *, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


class OfficeClosureError(ValueError):
    """A closure cannot be added or removed; the message (translated) is shown to staff."""


@dataclass
class CalendarImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    closures_kept: int = 0  # rows of the file not applied because staff closed that day
    years: tuple[int, ...] = ()


@dataclass(frozen=True)
class _CalendarRow:
    line: int
    date: datetime.date
    is_day_off: bool
    note: str


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    # data.gov.tw has published this calendar as UTF-8 (with and without BOM) and as Big5.
    for encoding in ("utf-8-sig", "cp950"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CalendarImportError(f"{path}: neither UTF-8 nor Big5.")


def _parse_row(cells: list[str]) -> tuple[datetime.date, bool, str]:
    """One data row → (date, is_day_off, note); ValueError with the problem otherwise."""
    if len(cells) not in (3, 4):
        raise ValueError(f"expected 4 columns, found {len(cells)}")
    date_text, weekday_text, day_off_text = cells[:3]
    note = cells[3] if len(cells) == 4 else ""
    if len(date_text) != 8 or not date_text.isdigit():
        raise ValueError(f"西元日期 {date_text!r} is not YYYYMMDD")
    try:
        day = datetime.date(int(date_text[:4]), int(date_text[4:6]), int(date_text[6:]))
    except ValueError:
        raise ValueError(f"西元日期 {date_text!r} is not a date") from None
    # The weekday column is redundant; checking it catches a file whose rows have shifted.
    expected = WEEKDAY_NAMES[day.weekday()]
    given = weekday_text[-1:].replace("天", "日")
    if given != expected:
        raise ValueError(f"星期 {weekday_text!r} does not match {day.isoformat()} ({expected})")
    if day_off_text not in (DGPA_WORKDAY, DGPA_DAY_OFF):
        raise ValueError(f"是否放假 {day_off_text!r} is neither 0 (workday) nor 2 (day off)")
    if len(note) > NOTE_MAX_LENGTH:
        raise ValueError(f"備註 is longer than {NOTE_MAX_LENGTH} characters")
    return day, day_off_text == DGPA_DAY_OFF, note


def _parse_calendar(path: Path) -> list[_CalendarRow]:
    reader = csv.reader(io.StringIO(_read_text(path)))
    rows: list[_CalendarRow] = []
    errors: list[tuple[int, str]] = []
    seen: dict[datetime.date, int] = {}
    header_seen = False
    for raw_cells in reader:
        line = reader.line_num
        cells = [cell.strip() for cell in raw_cells]
        while cells and not cells[-1] and len(cells) > 4:
            cells.pop()  # trailing empty columns from spreadsheet exports
        if not any(cells):
            continue
        if not header_seen:
            if tuple(cells[:4]) != DGPA_COLUMNS:
                raise CalendarImportError(
                    f"{path}: line {line}: expected the header {','.join(DGPA_COLUMNS)}",
                    line=line,
                )
            header_seen = True
            continue
        try:
            day, is_day_off, note = _parse_row(cells)
        except ValueError as exc:
            errors.append((line, str(exc)))
            continue
        if day in seen:
            errors.append((line, f"{day.isoformat()} already given on line {seen[day]}"))
            continue
        seen[day] = line
        rows.append(_CalendarRow(line=line, date=day, is_day_off=is_day_off, note=note))
    if errors:
        shown = "; ".join(
            f"line {line}: {problem}" for line, problem in errors[:MAX_REPORTED_ERRORS]
        )
        more = len(errors) - MAX_REPORTED_ERRORS
        suffix = f"; and {more} more" if more > 0 else ""
        raise CalendarImportError(f"{path}: {shown}{suffix}", line=errors[0][0])
    if not rows:
        raise CalendarImportError(f"{path}: no days in the file.")
    return rows


@transaction.atomic
def office_calendar_import_csv(*, path: Path) -> CalendarImportResult:
    """Create or update office days from a DGPA calendar CSV. Idempotent; all-or-nothing.

    A day staff have closed keeps its closure: the file's row for it is counted, not applied.
    """
    rows = _parse_calendar(path)
    first, last = min(row.date for row in rows), max(row.date for row in rows)
    existing = {
        day.date: day
        for day in OfficeDay.objects.select_for_update().filter(date__range=(first, last))
    }
    result = CalendarImportResult(years=tuple(sorted({row.date.year for row in rows})))
    to_create: list[OfficeDay] = []
    to_update: list[OfficeDay] = []
    now = timezone.now()
    for row in rows:
        current = existing.get(row.date)
        if current is None:
            to_create.append(
                OfficeDay(
                    date=row.date,
                    is_day_off=row.is_day_off,
                    note=row.note,
                    source=OfficeDaySource.DGPA,
                )
            )
        elif current.source == OfficeDaySource.CLOSURE:
            result.closures_kept += 1
        elif (current.is_day_off, current.note) == (row.is_day_off, row.note):
            result.unchanged += 1
        else:
            current.is_day_off, current.note, current.updated_at = row.is_day_off, row.note, now
            to_update.append(current)
    OfficeDay.objects.bulk_create(to_create)
    OfficeDay.objects.bulk_update(to_update, ["is_day_off", "note", "updated_at"])
    result.created, result.updated = len(to_create), len(to_update)
    return result


@transaction.atomic
def office_closure_add(
    *, day: datetime.date, reason: str, user: AbstractBaseUser | None
) -> OfficeDay:
    """Close the office on `day` (停止上班, e.g. a typhoon day), which must be a working day.

    A closure replaces an imported working-day row for that date (the date is unique) and is
    never overwritten by a later import.
    """
    reason = reason.strip()
    if not reason:
        raise OfficeClosureError(_("A closure needs a reason."))
    if len(reason) > NOTE_MAX_LENGTH:
        raise OfficeClosureError(
            _("The reason is longer than %(limit)d characters.") % {"limit": NOTE_MAX_LENGTH}
        )
    current = OfficeDay.objects.select_for_update().filter(date=day).first()
    if current is not None and current.source == OfficeDaySource.CLOSURE:
        raise OfficeClosureError(
            _("The office is already closed on %(day)s.") % {"day": day.isoformat()}
        )
    # Closing a day off would change nothing, and removing such a closure later could not
    # tell what the day was before; refuse it.
    if not workday_calendar(start=day, end=day).is_workday(day):
        raise OfficeClosureError(_("%(day)s is already a day off.") % {"day": day.isoformat()})
    closure = current or OfficeDay(date=day)
    closure.is_day_off = True
    closure.note = reason
    closure.source = OfficeDaySource.CLOSURE
    closure.created_by_id = user.pk if user is not None else None
    closure.save()
    return closure


@transaction.atomic
def office_closure_remove(*, day: datetime.date) -> None:
    """Reopen the office on `day`; only a closure can be removed.

    In a year with an imported DGPA calendar the date becomes an imported working day again
    (a closure is only ever put on a working day), so a closed 補行上班 Saturday is a working
    Saturday again; its note comes back with the next import. Elsewhere the row goes.
    """
    closure = OfficeDay.objects.select_for_update().closures().filter(date=day).first()
    if closure is None:
        raise OfficeClosureError(_("There is no closure on %(day)s.") % {"day": day.isoformat()})
    if OfficeDay.objects.imported().filter(date__year=day.year).exists():
        closure.is_day_off = False
        closure.note = ""
        closure.source = OfficeDaySource.DGPA
        closure.created_by_id = None
        closure.save()
    else:
        closure.delete()
