"""Reading a CSV of citizens' reports: encodings, BOM, and clear errors on missing columns."""

import csv
import io
from collections.abc import Sequence
from pathlib import Path

ENCODINGS = ("utf-8-sig", "cp950")


class DataError(ValueError):
    """The file cannot be read as asked (missing column, unknown encoding, empty)."""


def read_rows(path: Path, columns: Sequence[str]) -> list[dict[str, str]]:
    """Rows of a CSV as dicts, after checking that every column in `columns` exists.

    UTF-8 with or without a BOM is read first; Big5 (cp950), which older Taiwanese exports
    use, second.
    """
    raw = path.read_bytes()
    for encoding in ENCODINGS:
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise DataError(f"{path}: neither UTF-8 nor Big5 (cp950)")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    available = [name.strip() for name in reader.fieldnames or []]
    reader.fieldnames = available
    missing = [column for column in dict.fromkeys(columns) if column not in available]
    if missing:
        raise DataError(
            f"{path}: no column {', '.join(repr(m) for m in missing)}; "
            f"columns available: {', '.join(repr(a) for a in available) or '(none)'}"
        )
    rows = [{key: value or "" for key, value in row.items() if key is not None} for row in reader]
    if not rows:
        raise DataError(f"{path}: no rows")
    return rows
