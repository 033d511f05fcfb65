"""Template tags of the public page chrome."""

from dataclasses import dataclass
from typing import Any

from django import template
from django.utils.translation import gettext as _

from civicdesk.metadata.dublincore import Metadata, meta_tags
from civicdesk.website.base import ClassifiedPage
from civicdesk.website.chrome import chrome_context, metadata_for_page, screen_metadata

register = template.Library()


@dataclass(frozen=True)
class PageMetadata:
    tags: list[tuple[str, str]]  # Dublin Core and classification `<meta>` pairs
    description: str  # `<meta name="description">`, never empty


@register.simple_tag(takes_context=True)
def site_chrome(context: template.Context) -> dict[str, Any]:
    """`{% site_chrome as chrome %}`: agency, menu, language links for the page being rendered."""
    return chrome_context(context["request"], context.get("page"))


@register.simple_tag(takes_context=True)
def page_metadata(
    context: template.Context, title: str = "", description: str = ""
) -> PageMetadata:
    """The `<meta>` tags of the page or screen being rendered; a screen that is not a page
    passes its title and description."""
    request = context["request"]
    page = context.get("page")
    if isinstance(page, ClassifiedPage):
        metadata: Metadata | None = metadata_for_page(page, request)
    else:
        metadata = screen_metadata(request, title, description)
    if metadata is None:  # no home page yet
        return PageMetadata([], description or _("Public information and online services."))
    fallback = _("Public information and online services of %(agency)s.") % {
        "agency": metadata.publisher
    }
    return PageMetadata(meta_tags(metadata), metadata.description or fallback)
