"""The demo plant loads through the real task queue with no failed background task."""

from tests.e2e.conftest import manage

COUNT_TASKS = (
    "from collections import Counter; from django_tasks_db.models import DBTaskResult; "
    "counts = Counter(DBTaskResult.objects.values_list('status', flat=True)); "
    "print(counts['SUCCESSFUL'], counts['FAILED'], counts['READY'] + counts['RUNNING']); "
    "[print(r.task_path, r.exception_class_path) for r in DBTaskResult.objects.filter("
    "status='FAILED')[:5]]"
)


def test_the_demo_loads_with_no_failed_task(server, server_env):
    lines = manage(server_env, "shell", "-v0", "-c", COUNT_TASKS).strip().split("\n")
    succeeded, failed, waiting = (int(n) for n in lines[0].split())
    assert failed == 0, lines[1:]
    assert waiting == 0
    assert succeeded > 100  # mail, search index, reference index, triage, link checks ran
