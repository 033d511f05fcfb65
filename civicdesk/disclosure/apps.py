from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureConfig(AppConfig):
    name = "civicdesk.disclosure"
    verbose_name = _("Information disclosure")

    def ready(self) -> None:
        from django.db.models.signals import post_delete
        from wagtail.signals import published, unpublished

        from civicdesk.disclosure import search
        from civicdesk.disclosure.models import Document

        search.register_document_provider()
        # Signals only invalidate the search index (house style §8), never drive workflow.
        for signal, name in ((published, "published"), (unpublished, "unpublished")):
            signal.connect(
                search.reindex_document, sender=Document, dispatch_uid=f"search_document_{name}"
            )
        post_delete.connect(
            search.reindex_document, sender=Document, dispatch_uid="search_document_deleted"
        )
