"""Operational endpoints for load balancers and orchestrators."""

from typing import Any

from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_tasks import task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from civicdesk.core.cache import ResilientRedisCache
from civicdesk.core.workers import heartbeat_interval, worker_heartbeat_latest

# A worker that missed this many heartbeats in a row is reported stale.
STALE_AFTER_BEATS = 3


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """The process is alive; touches nothing else."""
    return JsonResponse({"status": "ok"})


def _cache_state() -> dict[str, str]:
    cache = caches["default"]
    if isinstance(cache, ResilientRedisCache):
        return {"backend": "redis", "status": "ok" if cache.ping() else "unreachable"}
    # A per-process cache (the embedded default) cannot be down.
    return {"backend": "local", "status": "ok"}


def _worker_state() -> dict[str, Any]:
    if not isinstance(task_backends["default"], DatabaseBackend):
        return {"status": "not needed"}  # tasks run in the web process itself
    now = timezone.now()
    state: dict[str, Any] = {"status": "none"}
    heartbeat = worker_heartbeat_latest()
    if heartbeat is not None:
        age = (now - heartbeat.seen_at).total_seconds()
        state = {
            "status": "ok" if age <= STALE_AFTER_BEATS * heartbeat_interval() else "stale",
            "last_heartbeat": heartbeat.seen_at.isoformat(timespec="seconds"),
            "age_seconds": round(age),
        }
    oldest = (
        DBTaskResult.objects.ready()
        .order_by("enqueued_at")
        .values_list("enqueued_at", flat=True)[:1]
    )
    state["oldest_waiting_seconds"] = round((now - oldest[0]).total_seconds()) if oldest else 0
    return state


@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    """Ready to serve: the database answers and every migration is applied (else 503).

    The shared cache and the background worker are reported too; either failing makes the
    answer "degraded", still 200: pages are served (rate limits count per process, mail and
    reminders wait in their queues), and a balancer should not take every server out for it.
    """
    connection = connections[DEFAULT_DB_ALIAS]
    try:
        connection.ensure_connection()
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception as exc:  # any database failure means "not ready"
        return JsonResponse(
            {"status": "unavailable", "database": str(exc.__class__.__name__)}, status=503
        )
    if pending:
        return JsonResponse(
            {"status": "unavailable", "pending_migrations": len(pending)}, status=503
        )
    cache_state, worker_state = _cache_state(), _worker_state()
    healthy = cache_state["status"] == "ok" and worker_state["status"] in ("ok", "not needed")
    return JsonResponse(
        {
            "status": "ok" if healthy else "degraded",
            "database": "ok",
            "cache": cache_state,
            "worker": worker_state,
        }
    )
