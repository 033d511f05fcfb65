import datetime

import pytest

from civicdesk.search.documents import Kind, SearchDocument
from civicdesk.search.services import search_entries_replace


@pytest.fixture
def index_docs(db):
    """Index (object_id, title, body, **facets) tuples as zh-Hant test documents."""

    def load(*docs: tuple, language: str = "zh-hant", source: str = "test") -> None:
        for object_id, title, body, *rest in docs:
            facets = rest[0] if rest else {}
            search_entries_replace(
                source=source,
                object_id=object_id,
                documents=[
                    SearchDocument(
                        source=source,
                        object_id=object_id,
                        language=language,
                        kind=facets.get("kind", Kind.PAGE),
                        title=title,
                        body=body,
                        url=f"/test/{object_id}/",
                        updated_on=facets.get("updated_on", datetime.date(2026, 1, 1)),
                        theme=facets.get("theme", ""),
                        unit=facets.get("unit", ""),
                        disclosure_category=facets.get("disclosure_category", ""),
                    )
                ],
            )

    return load
