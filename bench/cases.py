"""Petition scale benchmark: the dashboard and the officer's case list at 10k and 1M cases.

Run: `make bench` (or `.venv/bin/python bench/cases.py [--cases 1000000]`). Needs the
PostgreSQL server of PG_BENCH_URL (default postgres://postgres@127.0.0.1:5432/civicdesk_bench);
the database is dropped and recreated. Targets (issue 3): dashboard < 1 s and officer list
< 200 ms at 1,000,000 cases. Prints the figures and the ratio to the same queries at 10,000
cases measured in the same run.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_URL = os.environ.get("PG_BENCH_URL", "postgres://postgres@127.0.0.1:5432/civicdesk_bench")


def recreate_database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def setup_django() -> None:
    os.environ["DATABASE_URL"] = BENCH_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()


def grow_to(target: int, rng: random.Random) -> None:
    """Bulk-insert cases (and their petitioners) until there are `target` confirmed cases,
    spread over three years, every category, channel and state, like a city's workload."""
    from django.contrib.auth.models import User
    from django.utils import timezone

    from civicdesk.cases.models import Case, Category, Petitioner
    from civicdesk.cases.states import State

    categories = list(Category.objects.select_related("unit"))
    officers: dict[int, list[int]] = {}
    for user in User.objects.filter(staff_profile__isnull=False).select_related("staff_profile"):
        officers.setdefault(user.staff_profile.unit_id, []).append(user.pk)
    channels = ["web", "mailbox", "email", "phone", "letter", "counter", "hotline", "mayor"]
    states = [
        (State.CLOSED, 70),
        (State.IN_PROGRESS, 8),
        (State.ASSIGNED, 5),
        (State.CONFIRMED, 3),
        (State.WAITING_SUPPLEMENT, 2),
        (State.REPLY_DRAFTED, 2),
        (State.TRANSFERRED, 5),
        (State.FILED, 3),
        (State.MERGED, 2),
    ]
    state_pool = [s for s, weight in states for _ in range(weight)]
    today = timezone.localdate()
    now = timezone.now()
    have = Case.objects.count()
    batch = 5000
    while have < target:
        size = min(batch, target - have)
        cases = []
        for i in range(size):
            category = rng.choice(categories)
            received = today - datetime.timedelta(days=rng.randrange(3 * 365))
            deadline = received + datetime.timedelta(days=8 + rng.randrange(4))
            state = rng.choice(state_pool)
            closed = state in (State.CLOSED, State.TRANSFERRED, State.FILED, State.MERGED)
            closed_on = received + datetime.timedelta(days=rng.randrange(1, 16))
            unit_officers = officers.get(category.unit_id) or [None]
            cases.append(
                Case(
                    number=f"B{have + i:011d}",
                    channel=rng.choice(channels),
                    category=category,
                    unit_id=category.unit_id,
                    officer_id=rng.choice(unit_officers) if state != State.CONFIRMED else None,
                    subject="焚化廠附近臭味",
                    content="每天傍晚聞到垃圾臭味，請改善。",
                    language="zh-hant",
                    state=state,
                    outcome="replied" if state == State.CLOSED else "",
                    submitted_at=now,
                    received_on=received,
                    deadline=deadline,
                    original_deadline=deadline,
                    extension_count=1 if rng.random() < 0.04 else 0,
                    closed_at=datetime.datetime.combine(
                        closed_on, datetime.time(15), tzinfo=datetime.UTC
                    )
                    if closed
                    else None,
                )
            )
        created = Case.objects.bulk_create(cases, batch_size=batch)
        Petitioner.objects.bulk_create(
            [Petitioner(case=c, name="王○○", email="p@example.com") for c in created],
            batch_size=batch,
        )
        have += size
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def timed(fn, repeat: int = 7) -> tuple[float, float]:
    """Median and worst of `repeat` runs, in milliseconds (one warm-up run first)."""
    fn()
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs), max(runs)


def measure() -> dict[str, tuple[float, float]]:
    from django.contrib.auth.models import User
    from django.utils import timezone

    from civicdesk.cases.selectors import CaseFilters, case_count_for_staff, case_list_for_staff
    from civicdesk.cases.statistics import case_statistics

    coordinator = User.objects.get(username="coordinator")
    officer = User.objects.get(username="officer")
    today = timezone.localdate()
    year_ago = today - datetime.timedelta(days=365)

    def dashboard() -> None:
        case_statistics(user=coordinator, start=year_ago, end=today)

    def officer_list(state: str) -> None:
        # What the admin list does: one page of rows, and the total from the selector.
        filters = CaseFilters(state=state)
        cases = case_list_for_staff(officer, filters).select_related("petitioner")
        list(cases[:50])
        case_count_for_staff(officer, filters)

    def officer_overdue() -> None:
        list(case_list_for_staff(officer, CaseFilters(overdue_on=today))[:50])

    return {
        "dashboard (coordinator, 1 year)": timed(dashboard),
        "officer case list (open, page 1 + count)": timed(lambda: officer_list("open")),
        "officer case list (all states)": timed(lambda: officer_list("")),
        "officer overdue list": timed(officer_overdue),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--baseline", type=int, default=10_000)
    args = parser.parse_args()
    recreate_database(BENCH_URL)
    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    rng = random.Random(42)
    started = time.perf_counter()
    grow_to(args.baseline, rng)
    small = measure()
    grow_to(args.cases, rng)
    load_seconds = time.perf_counter() - started
    large = measure()
    print(
        f"PostgreSQL, {args.cases:,} cases (loaded in {load_seconds:.0f} s); "
        f"baseline {args.baseline:,}"
    )
    print(f"{'query':42} {'median@base':>12} {'median@N':>10} {'worst@N':>9} {'ratio':>6}")
    for name, (median_large, worst_large) in large.items():
        median_small = small[name][0]
        print(
            f"{name:42} {median_small:10.1f}ms {median_large:8.1f}ms {worst_large:7.1f}ms "
            f"{median_large / median_small:6.1f}"
        )
    targets = {
        "dashboard (coordinator, 1 year)": 1000,
        "officer case list (open, page 1 + count)": 200,
        "officer case list (all states)": 200,
    }
    for name, limit in targets.items():
        median, worst = large[name]
        print(
            f"target: {name} < {limit} ms at {args.cases:,}: "
            f"median {'meets' if median < limit else 'MISSES'}, "
            f"worst run {'meets' if worst < limit else 'MISSES'}"
        )


if __name__ == "__main__":
    main()
