"""The demo plant's downloadable files, written at load time as an office suite would:
forms as ODF text or spreadsheets, documents to read as archivable text PDF.

A file is described once as a small dict (heading, paragraphs, sections, a table of fields or
data), turned into the office kit's layout blocks, and rendered to each format it offers.
"""

from collections.abc import Iterable
from typing import Any

from civicdesk.core.office import odt, pdf
from civicdesk.core.office.blocks import Block, DataTable, Document, FieldTable, Heading, Text
from civicdesk.core.office.ods import Sheet, spreadsheet

AUTHOR = "高雄市政府環境保護局中區資源回收廠"

Spec = dict[str, Any]


def render(spec: Spec, extension: str) -> bytes:
    if extension == "odt":
        return odt.render(document(spec))
    if extension == "ods":
        return ods(spec)
    if extension == "pdf":
        return pdf.render(document(spec))
    raise ValueError(f"No demo renderer for .{extension}")


def variant(spec: Spec, *, replace: dict[str, str], drop: list[str]) -> Spec:
    """An earlier version of a file: strings replaced, and list entries (paragraphs, fields,
    rows) that mention any of `drop` left out."""

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            for old, new in replace.items():
                value = value.replace(old, new)
            return value
        if isinstance(value, list):
            kept = [item for item in value if not any(word in _flat(item) for word in drop)]
            return [walk(item) for item in kept]
        if isinstance(value, dict):
            return {key: walk(item) for key, item in value.items()}
        return value

    result: Spec = walk(spec)
    return result


def _flat(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return " ".join(_flat(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_flat(item) for item in value.values())
    return ""


def _sections(spec: Spec) -> Iterable[tuple[str, list[str]]]:
    yield "", list(spec.get("paragraphs", []))
    for section in spec.get("sections", []):
        yield section["heading"], list(section.get("paragraphs", []))


def document(spec: Spec) -> Document:
    blocks: list[Block] = [Heading(spec["heading"], 16, level=1)]
    for heading, paragraphs in _sections(spec):
        if heading:
            blocks.append(Heading(heading, 13, level=2))
        blocks.extend(Text(text) for text in paragraphs)
    fields = spec.get("fields", [])
    if fields:
        blocks.append(
            FieldTable(tuple((label, hint) for label, hint in fields), label_width_cm=4.5)
        )
    data = spec.get("table")
    if data:
        rows = tuple(tuple(str(value) for value in row) for row in data["rows"])
        blocks.append(DataTable(tuple(data["columns"]), rows))
    blocks.extend(Text(text) for text in spec.get("footer", []))
    return Document(title=spec["heading"], language="zh-hant", author=AUTHOR, blocks=tuple(blocks))


def ods(spec: Spec) -> bytes:
    data = spec.get("table") or {
        "columns": ["項目", "填寫內容"],
        "rows": [[label, ""] for label, _hint in spec.get("fields", [])],
    }
    lead = [[spec["heading"]], *([text] for text in spec.get("paragraphs", []))]
    rows = [*lead, data["columns"], *data["rows"]]
    return spreadsheet([Sheet(spec.get("sheet", "工作表1"), rows, header_row=len(lead))])
