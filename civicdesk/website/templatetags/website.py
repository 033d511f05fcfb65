"""Template tags of the public page chrome."""

from typing import Any

from django import template

from civicdesk.metadata.dublincore import meta_tags
from civicdesk.website.chrome import chrome_context, screen_metadata

register = template.Library()


@register.simple_tag(takes_context=True)
def site_chrome(context: template.Context) -> dict[str, Any]:
    """`{% site_chrome as chrome %}`: agency, menu, language links for the page being rendered."""
    return chrome_context(context["request"], context.get("page"))


@register.simple_tag(takes_context=True)
def page_metadata(context: template.Context, title: str = "") -> list[tuple[str, str]]:
    """The Dublin Core and classification `<meta>` pairs for the page or screen being rendered."""
    request = context["request"]
    page = context.get("page")
    if page is not None and hasattr(page, "get_metadata"):
        return meta_tags(page.get_metadata(request))
    metadata = screen_metadata(request, title)
    return meta_tags(metadata) if metadata else []
