"""Operational endpoints for load balancers and orchestrators."""

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """The process is alive; touches nothing else."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    """Ready to serve: the database answers and every migration is applied."""
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
    return JsonResponse({"status": "ok"})
