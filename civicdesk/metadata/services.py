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


def _validate_rows(rows: list[dict[str, str]]) -> dict[str, set[str]]:
    """Every line checked before anything is written; returns the codes per scheme."""
    errors = []
    valid_schemes = set(Scheme.values)
    seen: dict[str, set[str]] = {scheme: set() for scheme in valid_schemes}
    for line_no, row in enumerate(rows, start=2):
        scheme, code = row["scheme"].strip(), row["code"].strip()
        if scheme not in valid_schemes:
            errors.append(f"line {line_no}: unknown scheme {scheme!r}")
        elif not code or not row["name"].strip():
            errors.append(f"line {line_no}: code and name are required")
        elif code in seen[scheme]:
            errors.append(f"line {line_no}: {scheme} code {code} appears twice")
        else:
            seen[scheme].add(code)
    if errors:
        raise CodeListError("; ".join(errors))
    return seen


def _code_upsert(row: dict[str, str], *, is_demo: bool, result: ImportResult) -> ClassificationCode:
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
        result.created += 1
        return ClassificationCode.objects.create(scheme=scheme, code=code, **values)
    if any(getattr(obj, k) != v for k, v in values.items()):
        for k, v in values.items():
            setattr(obj, k, v)
        obj.save()
        result.updated += 1
    else:
        result.unchanged += 1
    return obj


def _parents_link(
    rows: list[dict[str, str]], by_key: dict[tuple[str, str], ClassificationCode]
) -> None:
    for line_no, row in enumerate(rows, start=2):
        scheme, code = row["scheme"].strip(), row["code"].strip()
        parent_code = row["parent_code"].strip()
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
    seen = _validate_rows(rows)
    result = ImportResult()
    # Every code first, then the parents, so a child can point at a parent defined later.
    by_key = {
        (row["scheme"].strip(), row["code"].strip()): _code_upsert(
            row, is_demo=is_demo, result=result
        )
        for row in rows
    }
    _parents_link(rows, by_key)
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
