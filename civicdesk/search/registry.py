"""Search providers: each domain app registers how to turn its objects into SearchDocuments."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from civicdesk.search.documents import SearchDocument


@dataclass(frozen=True)
class SearchProvider:
    """`documents_for(object_id)` returns the object's documents, or [] when it must not be
    found (unpublished, deleted, private); `all_ids()` lists every object to index on rebuild."""

    source: str
    documents_for: Callable[[str], list[SearchDocument]]
    all_ids: Callable[[], Iterable[str]]


_providers: dict[str, SearchProvider] = {}


def register(provider: SearchProvider) -> None:
    _providers[provider.source] = provider


def provider_get(source: str) -> SearchProvider:
    return _providers[source]


def provider_list() -> list[SearchProvider]:
    return list(_providers.values())


# Labels of facet values that only a domain app knows (e.g. the §7 categories):
# facet name → (value → label).
_facet_labels: dict[str, Callable[[], dict[str, str]]] = {}


def register_facet_labels(facet: str, labels: Callable[[], dict[str, str]]) -> None:
    _facet_labels[facet] = labels


def facet_labels(facet: str) -> dict[str, str]:
    labels = _facet_labels.get(facet)
    return labels() if labels is not None else {}
