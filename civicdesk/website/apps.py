from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "civicdesk.website"
    label = "website"
    verbose_name = _("Public website")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import PageViewRestriction
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from civicdesk.website import search

        search.register_page_provider()
        # Signals only invalidate the search index (house style §8), never drive workflow.
        page_published.connect(search.reindex_page, dispatch_uid="search_page_published")
        page_published.connect(search.check_links_later, dispatch_uid="links_page_published")
        page_unpublished.connect(search.reindex_page, dispatch_uid="search_page_unpublished")
        post_page_move.connect(search.reindex_moved_pages, dispatch_uid="search_page_moved")
        post_delete.connect(search.forget_deleted_page, dispatch_uid="search_page_deleted")
        for signal in (post_save, post_delete):
            signal.connect(
                search.reindex_restricted_pages,
                sender=PageViewRestriction,
                dispatch_uid=f"search_restriction_{signal is post_save}",
            )
