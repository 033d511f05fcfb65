"""Writes to the site search index: refresh one object's entries, bulk loads, rebuilds."""

from collections.abc import Callable, Iterable

from django.db import transaction

from civicdesk.core.text import token_string
from civicdesk.search.documents import SearchDocument
from civicdesk.search.models import SearchEntry
from civicdesk.search.registry import provider_get, provider_list

# Past this many characters a body (a long PDF's text) adds little but index size, and a
# PostgreSQL tsvector must stay under 1 MB.
BODY_LIMIT = 20_000


def entry_from_document(document: SearchDocument) -> SearchEntry:
    body = document.body[:BODY_LIMIT]
    return SearchEntry(
        source=document.source,
        object_id=document.object_id,
        language=document.language,
        kind=document.kind,
        title=document.title,
        body=body,
        url=document.url,
        updated_on=document.updated_on,
        keywords=document.keywords,
        theme=document.theme,
        cake=document.cake,
        service=document.service,
        unit=document.unit,
        disclosure_category=document.disclosure_category,
        title_tokens=token_string(f"{document.title}\n{document.keywords}"),
        body_tokens=token_string(body),
    )


def search_reindex_later(*, source: str, object_id: str | int) -> None:
    """After the caller's transaction commits, refresh the object's entries in the background.

    Publishing never waits for the index, and a rolled-back change never reaches it.
    """
    from civicdesk.search.tasks import search_index_object_task

    key = str(object_id)
    transaction.on_commit(lambda: search_index_object_task.enqueue(source, key), robust=True)


@transaction.atomic
def search_entries_replace(
    *, source: str, object_id: str, documents: list[SearchDocument], using: str = "default"
) -> int:
    SearchEntry.objects.using(using).filter(source=source, object_id=object_id).delete()
    entries = [entry_from_document(document) for document in documents]
    SearchEntry.objects.using(using).bulk_create(entries)
    return len(entries)


def search_index_object(*, source: str, object_id: str) -> int:
    """Replace the object's entries with what its provider says now; return how many."""
    documents = provider_get(source).documents_for(object_id)
    return search_entries_replace(source=source, object_id=object_id, documents=documents)


def search_index_bulk_load(
    documents: Iterable[SearchDocument], *, using: str = "default", batch_size: int = 1000
) -> int:
    """Append documents to an index known not to hold them (benchmarks, evaluation)."""
    count = 0
    batch: list[SearchEntry] = []
    for document in documents:
        batch.append(entry_from_document(document))
        if len(batch) >= batch_size:
            with transaction.atomic(using=using):
                SearchEntry.objects.using(using).bulk_create(batch)
            count += len(batch)
            batch = []
    if batch:
        with transaction.atomic(using=using):
            SearchEntry.objects.using(using).bulk_create(batch)
        count += len(batch)
    return count


def search_index_rebuild(*, progress: Callable[[int, int], None] | None = None) -> int:
    """Re-index every object of every provider; entries of vanished objects are removed."""
    work = [(provider, list(provider.all_ids())) for provider in provider_list()]
    total = sum(len(ids) for _, ids in work)
    done = 0
    written = 0
    for provider, ids in work:
        with transaction.atomic():
            SearchEntry.objects.filter(source=provider.source).exclude(object_id__in=ids).delete()
        for object_id in ids:
            written += search_entries_replace(
                source=provider.source,
                object_id=object_id,
                documents=provider.documents_for(object_id),
            )
            done += 1
            if progress is not None:
                progress(done, total)
    known = [provider.source for provider in provider_list()]
    SearchEntry.objects.exclude(source__in=known).delete()
    return written
