"""Petition statistics on the reporting kit (`civicdesk.core.reporting`): the figures of a
period (`queries`, `results`) and their tables, charts and exports (`figures`)."""

from civicdesk.cases.statistics.queries import case_statistics
from civicdesk.cases.statistics.results import CaseStatistics, Tally

__all__ = ["CaseStatistics", "Tally", "case_statistics"]
