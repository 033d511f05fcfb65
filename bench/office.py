"""Office kit benchmark: milliseconds to build a reply letter as PDF/A (TW-Kai and DejaVu Sans
embedded as subsets) and as ODT, with a same-run baseline: the same letter and layout as a
PDF that only names reportlab's CID font MSung-Light (not embedded, not PDF/A), as petition
PDFs were made before the office kit.

Run: `.venv/bin/python bench/office.py [--repeat 50]`. No database: the letter is built from
unsaved records. Prints ms per document (median of the repeats, after one warm-up that loads
the fonts) and each figure's ratio to the baseline.
"""

import argparse
import contextlib
import datetime
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()


def letter():  # type: ignore[no-untyped-def]  # a Document; Django is set up at run time
    from django.contrib.auth.models import User
    from django.utils import timezone, translation

    from civicdesk.accounts.models import Agency, Unit
    from civicdesk.cases.documents.letter import reply_letter
    from civicdesk.cases.models import Case, Reply
    from civicdesk.cases.selectors import PetitionerView

    agency = Agency(
        name="高雄市政府環境保護局中區資源回收廠",
        address="高雄市三民區示範路1號",
        postcode="807",
        phone="07-000-0100",
        email="service@example.tw",
    )
    unit = Unit(agency=agency, code="operations", name="操作課", phone="07-000-0132")
    case = Case(
        unit=unit,
        number="1150001234",
        subject="焚化廠附近臭味",
        content="每天傍晚在大中一路聞到很重的垃圾臭味。" * 10,
        language="zh-hant",
        submitted_at=timezone.now(),
        received_on=datetime.date(2026, 3, 2),
    )
    reply = Reply(
        case=case,
        body="已加強貯坑負壓管理，並增加巡查頻率。" * 8,
        legal_basis="廢棄物清理法",
        method="letter",
        drafted_by=User(username="officer", last_name="王", first_name="大明"),
    )
    view = PetitionerView("林堃𥕢", "0912345678", "", "807高雄市三民區大中一路100號", False, False)
    with translation.override("zh-hant"):
        return reply_letter(case, reply, view, agency)


@contextlib.contextmanager
def cid_font_baseline() -> Iterator[None]:
    """The kit's PDF renderer with the fonts of before: MSung-Light named with its CNS CMap,
    Latin in Helvetica, neither embedded, and no PDF/A metadata."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    from civicdesk.core.office import fonts, pdf

    class TraditionalChineseCIDFont(UnicodeCIDFont):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__("MSung-Light")
            self.encodingName = "UniCNS-UTF16-H"

    if "MSung-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TraditionalChineseCIDFont())
    saved = (fonts.font_for, pdf.CJK_FONT, pdf.LATIN_FONT, pdf.make_archivable)
    fonts.font_for = lambda c: "Helvetica" if c == "\n" or fonts.is_latin(c) else "MSung-Light"
    pdf.CJK_FONT, pdf.LATIN_FONT = "MSung-Light", "Helvetica"
    pdf.make_archivable = lambda canvas, language: None
    try:
        yield
    finally:
        fonts.font_for, pdf.CJK_FONT, pdf.LATIN_FONT, pdf.make_archivable = saved


def measure(build: Callable[[], bytes], repeat: int) -> tuple[float, int]:
    size = len(build())  # warm-up: fonts registered, glyph metrics cached
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        build()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    setup_django()
    from civicdesk.core.office import odt, pdf

    document = letter()
    start = time.perf_counter()
    pdf.render(document)
    first = (time.perf_counter() - start) * 1000
    with cid_font_baseline():
        baseline, baseline_size = measure(lambda: pdf.render(document), args.repeat)
    pdfa, pdfa_size = measure(lambda: pdf.render(document), args.repeat)
    text, text_size = measure(lambda: odt.render(document), args.repeat)
    print(f"reply letter, median of {args.repeat}")
    print(f"  baseline PDF, CID font not embedded: {baseline:7.1f} ms  {baseline_size:7d} bytes")
    print(
        f"  PDF/A-2b, fonts embedded:            {pdfa:7.1f} ms  {pdfa_size:7d} bytes"
        f"  ratio {pdfa / baseline:.2f}"
    )
    print(
        f"  ODT:                                 {text:7.1f} ms  {text_size:7d} bytes"
        f"  ratio {text / baseline:.2f}"
    )
    print(f"  first PDF/A in a process (loads the fonts): {first:.0f} ms")


if __name__ == "__main__":
    main()
