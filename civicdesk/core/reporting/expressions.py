"""Database expressions for durations, the same on PostgreSQL and SQLite: whole days between
two dates, and working days counted on the office calendar by a lookup sent as a parameter."""

import datetime
from typing import Any

from django.db import NotSupportedError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Expression, Func, IntegerField
from django.db.models.sql.compiler import SQLCompiler

from civicdesk.core.workdays import WorkdayCalendar


class DaysBetween(Func):
    """Whole days from the second date to the first (PostgreSQL and SQLite)."""

    arity = 2
    output_field = IntegerField()

    def as_sql(  # type: ignore[override]
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> tuple[str, list[Any]]:
        raise NotSupportedError("DaysBetween supports PostgreSQL and SQLite.")

    def as_postgresql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> tuple[str, list[Any]]:
        sql, params = super().as_sql(
            compiler, connection, template="(%(expressions)s)", arg_joiner=" - ", **extra
        )
        return sql, list(params)

    def as_sqlite(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> tuple[str, list[Any]]:
        sql, params = super().as_sql(
            compiler,
            connection,
            template="CAST(julianday(%(expressions)s) AS INTEGER)",
            arg_joiner=") - julianday(",
            **extra,
        )
        return sql, list(params)


def workday_numbers(
    calendar: WorkdayCalendar, *, start: datetime.date, end: datetime.date
) -> list[int]:
    """For each date from `start` to `end`, the working days after `start` up to that date:
    the working days between two dates are the difference of their numbers."""
    numbers, worked, day = [], 0, start
    while day <= end:
        numbers.append(worked)
        day += datetime.timedelta(days=1)
        worked += int(calendar.is_workday(day))
    return numbers


class WorkdayNumber(Func):
    """How many working days lie after `first` up to the date: a lookup in a table of one
    number per day from `first` (`workday_numbers`), sent as one parameter. NULL outside it.

    PostgreSQL subscripts an integer array; SQLite cuts the number out of a fixed-width blob.
    Both are constant time per row, unlike joining a calendar table.
    """

    output_field = IntegerField()
    WIDTH = 6

    def __init__(
        self, expression: Expression | str, *, numbers: list[int], first: datetime.date
    ) -> None:
        super().__init__(expression)
        self.numbers, self.first = numbers, first

    def as_sql(  # type: ignore[override]
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> tuple[str, list[Any]]:
        raise NotSupportedError("WorkdayNumber supports PostgreSQL and SQLite.")

    def as_postgresql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> tuple[str, list[Any]]:
        day, params = compiler.compile(self.source_expressions[0])
        return f"(%s::integer[])[{day} - %s::date + 1]", [self.numbers, *params, self.first]

    def as_sqlite(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> tuple[str, list[Any]]:
        day, params = compiler.compile(self.source_expressions[0])
        blob = "".join(f"{n:0{self.WIDTH}d}" for n in self.numbers).encode("ascii")
        offset = f"CAST(julianday({day}) - julianday(%s) AS INTEGER)"
        return (
            f"CAST(NULLIF(substr(%s, {offset} * {self.WIDTH} + 1, {self.WIDTH}), '') AS INTEGER)",
            [blob, *params, self.first.isoformat()],
        )
