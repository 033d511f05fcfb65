"""`/readyz` tells the balancer whether to send traffic (database and migrations) and tells the
operator what is degraded: the shared cache and the background task worker."""

import datetime
import threading

import pytest
from django.core.management import call_command
from django.utils import timezone

from civicdesk.core import workers
from civicdesk.core.models import WorkerHeartbeat
from civicdesk.core.tests.test_ratelimit import DEAD_REDIS
from civicdesk.core.workers import HeartbeatThread, worker_heartbeat_record

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_ready_with_the_embedded_defaults(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": {"backend": "local", "status": "ok"},
        "worker": {"status": "not needed"},
    }


def test_redis_down_is_reported_as_degraded_but_still_serves(client, settings):
    settings.CACHES = DEAD_REDIS
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["cache"] == {"backend": "redis", "status": "unreachable"}


def test_a_queue_without_a_worker_is_degraded(client, settings):
    settings.TASKS = DATABASE_TASKS
    WorkerHeartbeat.objects.all().delete()
    body = client.get("/readyz").json()
    assert body["status"] == "degraded"
    assert body["worker"]["status"] == "none"


def test_a_worker_that_stopped_beating_is_stale(client, settings):
    settings.TASKS = DATABASE_TASKS
    long_ago = timezone.now() - datetime.timedelta(minutes=10)
    worker_heartbeat_record(worker_id="w-old", started_at=long_ago, now=long_ago)
    body = client.get("/readyz").json()
    assert body["status"] == "degraded"
    assert body["worker"]["status"] == "stale"
    assert body["worker"]["age_seconds"] >= 600


def test_db_worker_records_its_heartbeat_and_readyz_reports_it(client, settings, monkeypatch):
    settings.TASKS = DATABASE_TASKS
    WorkerHeartbeat.objects.all().delete()
    # The worker closes "old" connections between tasks; inside the test's transaction that
    # would close the test's own connection (PostgreSQL), which a real worker never shares.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    call_command("db_worker", "--batch", "--no-startup-delay", "--worker-id", "w-test", "-v0")
    heartbeat = WorkerHeartbeat.objects.get(worker_id="w-test")
    assert (timezone.now() - heartbeat.seen_at).total_seconds() < 60
    body = client.get("/readyz").json()
    assert body["status"] == "ok"
    assert body["worker"]["status"] == "ok"
    assert body["worker"]["oldest_waiting_seconds"] == 0  # the batch ran everything


def test_the_heartbeat_thread_keeps_beating_through_database_errors(monkeypatch, settings):
    settings.CORE_WORKER_HEARTBEAT_SECONDS = 0.01
    beats = []
    enough = threading.Event()

    def record(**kwargs):
        beats.append(kwargs["worker_id"])
        if len(beats) == 1:
            raise OSError("database restarting")
        if len(beats) >= 3:
            enough.set()

    monkeypatch.setattr(workers, "worker_heartbeat_record", record)
    thread = HeartbeatThread("w-thread")
    thread.start()
    assert enough.wait(5)
    thread.stop()
    thread.join(5)
    assert not thread.is_alive()
    assert beats[:3] == ["w-thread"] * 3
