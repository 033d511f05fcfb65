"""Evidence a work-plan progress report can link to: records kept elsewhere in the system.

The work plan (quality) must point at petitions, surveys, courtesy-test rounds, inspections,
events and media items without importing the apps that own them. Each owning app registers an
`EvidenceSource` from its `AppConfig.ready()`; the work plan lists the sources, lets staff pick
records through them and stores a link as (source key, object id) with a title snapshot, so
that a link stays readable even if the record is later deleted.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class EvidenceRecord:
    """One record offered as evidence, as the picker and the report show it."""

    source: str  # the EvidenceSource key, e.g. "cases.case"
    object_id: int
    title: str
    date: date | None
    url: str  # the record's staff (admin) page, "" if it has none


@dataclass(frozen=True)
class EvidenceSource:
    """A kind of record, its label, and how to find and describe its records for a user.

    `search(user, query, year)` returns the records the user may see that match `query`
    (may be ""), newest first, at most ~20; `year` (Gregorian) narrows to that year's records.
    `describe(user, object_id)` returns the record if it exists and the user may see it.
    """

    key: str
    label: Any  # a lazy translated string
    search: Callable[[Any, str, int | None], Iterable[EvidenceRecord]]
    describe: Callable[[Any, int], EvidenceRecord | None]


_sources: dict[str, EvidenceSource] = {}


def register(source: EvidenceSource) -> None:
    _sources[source.key] = source


def unregister(key: str) -> None:
    _sources.pop(key, None)


def source_get(key: str) -> EvidenceSource | None:
    return _sources.get(key)


def source_list() -> list[EvidenceSource]:
    return sorted(_sources.values(), key=lambda source: source.key)
