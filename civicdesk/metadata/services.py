"""Importing classification code lists from CSV (format: docs/reference/classification-codes.md)."""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from civicdesk.metadata.models import ClassificationCode, Scheme

CSV_COLUMNS = ("scheme", "code", "name", "name_en", "parent_code", "version")


class CodeListError(ValueError):
    """The CSV cannot be imported; the message names the line and the problem."""


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deactivated: int = 0
    errors: list[str] = field(default_factory=list)


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "big5"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CodeListError(f"{path}: neither UTF-8 nor Big5.")


@transaction.atomic
def codes_import_csv(
    *, path: Path, is_demo: bool = False, deactivate_missing: bool = False
) -> ImportResult:
    """Create or update codes from a CSV; idempotent. All-or-nothing: any bad line aborts."""
    reader = csv.DictReader(io.StringIO(_read_text(path)))
    missing = [c for c in CSV_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise CodeListError(f"{path}: missing columns {', '.join(missing)}.")
    rows = list(reader)
    result = ImportResult()
    valid_schemes = set(Scheme.values)
    seen: dict[str, set[str]] = {scheme: set() for scheme in valid_schemes}
    for line_no, row in enumerate(rows, start=2):
        scheme, code = row["scheme"].strip(), row["code"].strip()
        if scheme not in valid_schemes:
            result.errors.append(f"line {line_no}: unknown scheme {scheme!r}")
        elif not code or not row["name"].strip():
            result.errors.append(f"line {line_no}: code and name are required")
        elif code in seen[scheme]:
            result.errors.append(f"line {line_no}: {scheme} code {code} appears twice")
        else:
            seen[scheme].add(code)
    if result.errors:
        raise CodeListError("; ".join(result.errors))

    # Parents first, so a child can point at a parent defined later in the file.
    by_key: dict[tuple[str, str], ClassificationCode] = {}
    for row in rows:
        scheme, code = row["scheme"].strip(), row["code"].strip()
        values = {
            "name": row["name"].strip(),
            "name_en": row["name_en"].strip(),
            "version": row["version"].strip(),
            "is_active": True,
            "is_demo": is_demo,
        }
        obj = ClassificationCode.objects.filter(scheme=scheme, code=code).first()
        if obj is None:
            obj = ClassificationCode.objects.create(scheme=scheme, code=code, **values)
            result.created += 1
        elif any(getattr(obj, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(obj, k, v)
            obj.save()
            result.updated += 1
        else:
            result.unchanged += 1
        by_key[(scheme, code)] = obj
    for line_no, row in enumerate(rows, start=2):
        scheme, code, parent_code = (
            row["scheme"].strip(),
            row["code"].strip(),
            row["parent_code"].strip(),
        )
        parent = None
        if parent_code:
            parent = (
                by_key.get((scheme, parent_code))
                or ClassificationCode.objects.filter(scheme=scheme, code=parent_code).first()
            )
            if parent is None:
                raise CodeListError(f"line {line_no}: parent {parent_code} not found in {scheme}")
        obj = by_key[(scheme, code)]
        if obj.parent_id != (parent.pk if parent else None):
            obj.parent = parent
            obj.save(update_fields=["parent"])
    if deactivate_missing:
        for scheme, codes in seen.items():
            if codes:
                result.deactivated += (
                    ClassificationCode.objects.of(scheme)
                    .active()
                    .exclude(code__in=codes)
                    .update(is_active=False)
                )
    return result
