"""Category suggestion benchmark: latency to classify one case, on one core.

Run: `.venv/bin/python bench/routing.py [--csv FILE --text-col C --label-col L] [--cases 500]`.
Default data: the Taipei street-light reports in ../shared/realdata (fault type on the first
line of 故障情形, removed from the text), or the committed test sample when that is absent.
Fits the production classifier and the character-bigram baseline on every labelled row, then
times `predict([text])` one case at a time, with BLAS limited to one thread (threadpoolctl).
Baseline, measured in the same run: the char-bigram TF-IDF + logistic regression classifier.
Target (issue): under 50 ms per case on one core.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TARGET_MS = 50.0
SHARED = ROOT.parent / "shared" / "realdata" / "taipei_streetlight_repairs_2024.csv"
SAMPLE = ROOT / "civicdesk" / "triage" / "tests" / "data" / "streetlight_sample.csv"


def percentile(values: list[float], p: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=SHARED if SHARED.exists() else SAMPLE)
    parser.add_argument("--text-col", default="故障情形")
    parser.add_argument("--label-col", default="故障情形")
    parser.add_argument("--cases", type=int, default=500)
    args = parser.parse_args()

    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from threadpoolctl import threadpool_limits

    from civicdesk.triage.classifier import BaselineClassifier, CategoryClassifier
    from civicdesk.triage.evaluation.data import read_rows
    from civicdesk.triage.evaluation.labels import labelled_texts

    rows = read_rows(args.csv, [args.text_col, args.label_col])
    data = labelled_texts(rows, text_col=args.text_col, label_col=args.label_col, min_class=5)
    cases = data.texts[: args.cases]
    print(
        f"data                   {args.csv.name}: {len(data.texts):,} labelled rows, "
        f"{len(data.classes)} classes; timing {len(cases)} cases one at a time, one thread"
    )
    results: dict[str, list[float]] = {}
    with threadpool_limits(limits=1):
        for name, fit in (
            ("production", CategoryClassifier.fit),
            ("baseline", BaselineClassifier.fit),
        ):
            started = time.perf_counter()
            model = fit(data.texts, data.labels)
            fit_seconds = time.perf_counter() - started
            model.predict(cases[:5])  # warm caches
            timings: list[float] = []
            for text in cases:
                started = time.perf_counter()
                model.predict([text])
                timings.append(1000 * (time.perf_counter() - started))
            results[name] = timings
            p50, p95 = percentile(timings, 50), percentile(timings, 95)
            mean = statistics.fmean(timings)
            print(
                f"{name:22} fit {fit_seconds:6.2f} s   p50 {p50:7.3f} ms"
                f"   p95 {p95:7.3f} ms   mean {mean:7.3f} ms"
            )
        production = CategoryClassifier.fit(data.texts, data.labels)
        stored = production.to_bytes()
        started = time.perf_counter()
        CategoryClassifier.from_bytes(stored)
        load_ms = 1000 * (time.perf_counter() - started)
    p95 = percentile(results["production"], 95)
    ratio = p95 / percentile(results["baseline"], 95)
    print(f"stored model           {len(stored) / 1024:,.0f} KiB, loads in {load_ms:.1f} ms")
    print(f"p95 production/baseline {ratio:.2f}x")
    print(f"target p95 < {TARGET_MS:g} ms: {'met' if p95 < TARGET_MS else 'NOT met'}")


if __name__ == "__main__":
    main()
