"""Background task workers' heartbeats: each `db_worker` says it is alive every few seconds,
so `/readyz` can tell a stopped worker (mail, reminders, index updates stall) from an idle one."""

import datetime
import logging
import os
import socket
import threading

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone

from civicdesk.core.models import WorkerHeartbeat

logger = logging.getLogger(__name__)

DEFAULT_INTERVAL_SECONDS = 30
# Heartbeats older than this are forgotten: a worker that stopped for good is not listed.
FORGET_AFTER = datetime.timedelta(days=7)


def heartbeat_interval() -> float:
    return float(getattr(settings, "CORE_WORKER_HEARTBEAT_SECONDS", DEFAULT_INTERVAL_SECONDS))


def worker_heartbeat_record(
    *, worker_id: str, started_at: datetime.datetime, now: datetime.datetime | None = None
) -> WorkerHeartbeat:
    now = now or timezone.now()
    heartbeat, _created = WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
            "started_at": started_at,
            "seen_at": now,
        },
    )
    WorkerHeartbeat.objects.filter(seen_at__lt=now - FORGET_AFTER).delete()
    return heartbeat


def worker_heartbeat_latest() -> WorkerHeartbeat | None:
    return WorkerHeartbeat.objects.order_by("-seen_at").first()


class HeartbeatThread(threading.Thread):
    """Records the worker's heartbeat until stopped; never lets a database error kill it."""

    def __init__(self, worker_id: str) -> None:
        super().__init__(name=f"heartbeat-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.started_at = timezone.now()
        self.stopped = threading.Event()

    def run(self) -> None:
        # The first beat is recorded by whoever starts the thread, before any task runs.
        while not self.stopped.wait(heartbeat_interval()):
            try:
                close_old_connections()
                worker_heartbeat_record(worker_id=self.worker_id, started_at=self.started_at)
            except Exception:
                logger.exception("Could not record the heartbeat of worker %s", self.worker_id)
            finally:
                # Hold no connection (and on SQLite no lock) between beats.
                connection.close()

    def stop(self) -> None:
        self.stopped.set()
