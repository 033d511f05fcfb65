"""Printable documents of the courtesy test, on the office kit."""

from typing import Any

from civicdesk.core.office import odt, pdf
from civicdesk.courtesy.documents.report import director_report
from civicdesk.courtesy.models import TestRound


def director_report_odt(round: TestRound, user: Any) -> bytes:
    return odt.render(director_report(round, user))


def director_report_pdf(round: TestRound, user: Any) -> bytes:
    return pdf.render(director_report(round, user))


__all__ = ["director_report", "director_report_odt", "director_report_pdf"]
