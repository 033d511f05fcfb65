"""What a printable document says, as a short list of layout blocks, independent of the file
format: `odt.render` and `pdf.render` turn the same `Document` into an editable ODF text and
an archivable PDF, so both always hold the same words in the same order."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from civicdesk.core.i18n import is_english

T = TypeVar("T")
BODY_SIZE = 12.0
SMALL_SIZE = 10.0


@dataclass(frozen=True)
class Heading:
    """A centred title (`level` 0, as letterheads are), or a document heading at outline
    `level` 1, 2, … (left-aligned, listed in the ODF navigator and the PDF's structure)."""

    text: str
    size: int  # points
    level: int = 0


@dataclass(frozen=True)
class Lines:
    """Short lines set together: an addressee, or (inset into the right half of the page, as
    official letters place it) the letterhead's contact block."""

    lines: tuple[str, ...]
    inset: bool = False
    small: bool = False


@dataclass(frozen=True)
class FieldTable:
    """A ruled form of label and value rows, the labels shaded."""

    rows: tuple[tuple[str, str], ...]
    label_width_cm: float = 4.0


@dataclass(frozen=True)
class DataTable:
    """A ruled table with a shaded header row, repeated on every page it runs over."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Labelled:
    """`主旨：text…`, the text hanging after the label; numbered `items` hang below it."""

    label: str
    text: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Text:
    text: str
    small: bool = False


@dataclass(frozen=True)
class Signatures:
    """Signature lines side by side: each label above a line to sign on and a date line."""

    labels: tuple[str, ...]
    date_label: str


Block = Heading | Lines | FieldTable | DataTable | Labelled | Text | Signatures


@dataclass(frozen=True)
class Document:
    title: str
    language: str
    author: str
    blocks: tuple[Block, ...]
    footer: str = ""  # with the page number, on every page
    subject: str = ""

    @property
    def is_english(self) -> bool:
        return is_english(self.language)


_CHINESE_NUMERALS = "一二三四五六七八九十"


def item_number(document: Document, index: int) -> str:
    """一、二、… in Chinese official letters (文書處理手冊), `1.` in English."""
    if not document.is_english and index < len(_CHINESE_NUMERALS):
        return f"{_CHINESE_NUMERALS[index]}、"
    return f"{index + 1}."


def label_text(label: str, *, english: bool) -> str:
    # A space after a Latin label; Chinese labels end in a full-width colon or 、 already.
    return f"{label} " if english else label


def with_gaps(items: Sequence[T], gap: Callable[[], T]) -> list[T]:
    """`a, b` → `a, gap, b`: columns of signatures with space between them."""
    out: list[T] = []
    for index, item in enumerate(items):
        out += [gap(), item] if index else [item]
    return out
