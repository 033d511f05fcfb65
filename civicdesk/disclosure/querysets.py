"""Who sees what in the document library: the public sees published documents, and of those
only the versions that existed when the document was last published."""

from typing import TYPE_CHECKING

from django.db import models

from civicdesk.metadata.published import PublishedItemQuerySet

if TYPE_CHECKING:
    from civicdesk.disclosure.models import Document, DocumentFile, DocumentVersion  # noqa: F401


class DocumentQuerySet(PublishedItemQuerySet["Document"]):
    """`published()`, `due_for_review(on=…)` and `unscheduled()` of every published item."""


class DocumentVersionQuerySet(models.QuerySet["DocumentVersion"]):
    def public(self) -> "DocumentVersionQuerySet":
        # A version uploaded with "save draft" waits for the next publication of its document.
        return self.filter(
            document__live=True, created_at__lte=models.F("document__last_published_at")
        )


class DocumentFileQuerySet(models.QuerySet["DocumentFile"]):
    def public(self) -> "DocumentFileQuerySet":
        return self.filter(
            version__document__live=True,
            version__created_at__lte=models.F("version__document__last_published_at"),
        )
