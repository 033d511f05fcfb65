"""Cases forwarded from the mayor's mailbox or the 1999 hotline, imported from their CSV export.

The Kaohsiung 1999 export names its columns `FileNo_, Cre_Date_, ZipName_, InformDesc_,
address_, BeforeDesc_` (case number, creation time, district, reported item, address,
description). The export carries no petitioner identity: the reply goes back through the
forwarding channel, which is why these cases need no contact of their own.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from civicdesk.cases.errors import CaseError
from civicdesk.cases.models import Case, Category, Channel
from civicdesk.cases.services.intake import PetitionInput, case_record
from civicdesk.core.rocdate import parse_roc_date

KAOHSIUNG_1999_COLUMNS = (
    "FileNo_",
    "Cre_Date_",
    "ZipName_",
    "InformDesc_",
    "address_",
    "BeforeDesc_",
)
FORWARDED_CHANNELS = frozenset({Channel.HOTLINE, Channel.MAYOR})


@dataclass
class ForwardedImportResult:
    created: list[str] = field(default_factory=list)  # our case numbers
    skipped: int = 0  # already imported (same channel and reference)


def parse_forwarded_date(text: str) -> datetime.date:
    """`2026-04-30 23:58:42`, `2026/4/30 下午 11:58:42`, `20260430`, `115/04/30`."""
    text = text.strip()
    head = re.split(r"[ T]", text, maxsplit=1)[0]
    if re.fullmatch(r"\d{8}", head):
        return datetime.date(int(head[:4]), int(head[4:6]), int(head[6:]))
    parts = re.split(r"[-/.]", head)
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        year, month, day = (int(p) for p in parts)
        if year < 1000:  # ROC year
            return parse_roc_date(head.replace("-", "/").replace(".", "/"))
        return datetime.date(year, month, day)
    raise ValueError(f"not a date: {text!r}")


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "cp950"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CaseError(_("The file is neither UTF-8 nor Big5."))


def _category_for(text: str, categories: list[Category], fallback: Category) -> Category:
    """The first category whose Chinese name appears in the reported item or description."""
    for category in categories:
        if category.name and category.name in text:
            return category
    return fallback


@transaction.atomic
def forwarded_import_csv(
    *, path: Path, channel: str, recorded_by: User, fallback_category: Category
) -> ForwardedImportResult:
    """Create a confirmed case for every row not imported before. All-or-nothing."""
    if channel not in FORWARDED_CHANNELS:
        raise CaseError(_("Only cases forwarded by the mayor's mailbox or 1999 are imported."))
    reader = csv.DictReader(io.StringIO(_decode(path.read_bytes())))
    missing = [c for c in KAOHSIUNG_1999_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise CaseError(_("Missing columns: %(columns)s") % {"columns": ", ".join(missing)})
    categories = list(Category.objects.active())
    result = ForwardedImportResult()
    seen: set[str] = set()
    for line, row in enumerate(reader, start=2):
        reference = (row["FileNo_"] or "").strip()
        content = (row["BeforeDesc_"] or "").strip()
        if not reference or not content:
            raise CaseError(
                _("Line %(line)d: a case number and a description are required.") % {"line": line}
            )
        if (
            reference in seen
            or Case.objects.filter(channel=channel, external_reference=reference).exists()
        ):
            result.skipped += 1
            continue
        seen.add(reference)
        try:
            received_on = parse_forwarded_date(row["Cre_Date_"] or "")
        except ValueError as exc:
            raise CaseError(_("Line %(line)d: unreadable date.") % {"line": line}) from exc
        item = (row["InformDesc_"] or "").strip()
        place = " ".join(
            p for p in ((row["ZipName_"] or "").strip(), (row["address_"] or "").strip()) if p
        )
        case, _credentials = case_record(
            data=PetitionInput(
                category=_category_for(f"{item} {content}", categories, fallback_category),
                subject=(item or content)[:200],
                content=content,
                location=place[:200],
                name=_("Citizen via %(channel)s") % {"channel": Channel(channel).label},
            ),
            channel=channel,
            recorded_by=recorded_by,
            received_on=received_on,
            external_reference=reference,
        )
        result.created.append(case.number or "")
    return result
