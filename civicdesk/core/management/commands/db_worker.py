"""`db_worker` of django-tasks-db, with a heartbeat that `/readyz` reports."""

import os
from typing import Any

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as TasksDbWorkerCommand

from civicdesk.core.workers import HeartbeatThread, worker_heartbeat_record


class Command(TasksDbWorkerCommand):
    help = "Run the background task worker (database queue), recording its heartbeat."

    def handle(self, **options: Any) -> None:
        # With --reload only the child process runs tasks; the watcher beats nothing.
        runs_tasks = not options.get("reload") or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true"
        heartbeat = HeartbeatThread(options["worker_id"]) if runs_tasks else None
        if heartbeat is not None:
            worker_heartbeat_record(worker_id=heartbeat.worker_id, started_at=heartbeat.started_at)
            heartbeat.start()
        try:
            super().handle(**options)
        finally:
            if heartbeat is not None:
                heartbeat.stop()
