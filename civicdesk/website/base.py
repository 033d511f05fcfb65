"""The page kit: the thin base page every public page type subclasses, the content blocks
pages share, and what a page gives the site search.

Domain apps (disclosure, faq, later outreach and media) build their page types from this
module alone; the rest of `website` (its page types, chrome, search provider, link checks) is
the site's own and may change without them.
"""

import datetime
from typing import Any

from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page, PageManager, PageQuerySet

from civicdesk.metadata.published import PublishedItem, PublishedItemQuerySet
from civicdesk.search.documents import Kind
from civicdesk.website.forms import ClassifiedPageForm

# The site search's name for entries that are pages, whatever app the page type comes from.
PAGE_SEARCH_SOURCE = "page"


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("file"))
    title = blocks.CharBlock(label=_("link text"), required=False)

    class Meta:
        icon = "doc-full"
        template = "website/blocks/download.html"
        label = _("Download")


class ContentBlocks(blocks.StreamBlock):
    """The body editors compose a page of text from."""

    heading = blocks.CharBlock(
        label=_("Heading"), form_classname="title", template="website/blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "ol", "ul", "link", "document-link", "h3", "h4"],
    )
    image = ImageBlock(label=_("Image"))
    download = DownloadBlock()


def streamfield_text(value: Any) -> list[str]:
    """The searchable strings of a StreamField value (headings, paragraphs, link texts)."""
    if not value:
        return []
    return [str(part) for part in value.stream_block.get_searchable_content(value) if part]


class ClassifiedPageQuerySet(PublishedItemQuerySet[Page], PageQuerySet):
    def published(self) -> "ClassifiedPageQuerySet":
        # A page behind a view restriction is live but not public.
        return self.live().public()


class ClassifiedPage(PublishedItem, Page):
    """Abstract base of every public page: the published item's codes, owner and review date,
    with keywords, the admin panels for them and the page's text for the search.

    A page may be drafted unclassified but never published unclassified (分類檢索規範).
    """

    keywords = models.CharField(
        _("keywords"), max_length=255, blank=True, help_text=_("Comma-separated; DC.Keywords.")
    )

    # Annotated because Wagtail ships no types and django-stubs cannot resolve its managers.
    objects: Any = PageManager.from_queryset(ClassifiedPageQuerySet)()

    unclassified_message = _(
        "A page must have its theme, administration and service codes to be published."
    )
    base_form_class = ClassifiedPageForm

    metadata_panels = [
        MultiFieldPanel(
            [
                FieldPanel("theme_code"),
                FieldPanel("cake_code"),
                FieldPanel("service_code"),
                FieldPanel("keywords"),
            ],
            heading=_("Classification (required to publish)"),
        ),
        MultiFieldPanel(
            [FieldPanel("owner_unit"), FieldPanel("review_by")], heading=_("Ownership")
        ),
    ]
    promote_panels = Page.promote_panels + metadata_panels

    class Meta:
        abstract = True

    def summary(self, length: int = 150) -> str:
        """The page's opening words, for a description its editor did not write."""
        return Truncator(" ".join(self.search_body().split())).chars(length)

    @property
    def updated_on(self) -> datetime.datetime | None:
        return self.last_published_at or self.latest_revision_created_at

    # Site search (civicdesk.search): what a page type contributes to the index.
    search_kind = Kind.PAGE

    def search_body(self) -> str:
        """The page's text for the site search; page types with more fields extend it."""
        parts = [self.search_description, getattr(self, "intro", "") or ""]
        body = getattr(self, "body", None)
        if body is not None:
            parts.extend(streamfield_text(body))
        return "\n".join(strip_tags(str(part)) for part in parts if part)

    def search_facets(self) -> dict[str, str]:
        """Extra facet values (e.g. the §7 category) beyond codes, unit and kind."""
        return {}
