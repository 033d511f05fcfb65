"""Background tasks that keep the site search index current; each calls one service."""

from django_tasks import task

from civicdesk.search import services


@task()
def search_index_object_task(source: str, object_id: str) -> int:
    return services.search_index_object(source=source, object_id=object_id)
