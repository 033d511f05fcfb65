"""What a domain hands to the site search: one `SearchDocument` per object and language."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


class Kind:
    """Result types shown as a facet; each domain indexes under its own kind."""

    PAGE = "page"
    DISCLOSURE = "disclosure"
    DOCUMENT = "document"
    PROCEDURE = "procedure"
    NEWS = "news"
    FAQ = "faq"


KIND_LABELS = {
    Kind.PAGE: _("Web page"),
    Kind.DISCLOSURE: _("Disclosed information"),
    Kind.DOCUMENT: _("Document or form"),
    Kind.PROCEDURE: _("Service procedure"),
    Kind.NEWS: _("News"),
    Kind.FAQ: _("FAQ"),
}


@dataclass(frozen=True)
class SearchDocument:
    """One indexable text in one language.

    `source` and `object_id` name the object (a provider owns a source); facets are plain
    codes so the index has no foreign keys and can be rebuilt or thrown away freely.
    """

    source: str
    object_id: str
    language: str
    kind: str
    title: str
    body: str
    url: str
    updated_on: datetime.date | None = None
    keywords: str = ""
    theme: str = ""
    cake: str = ""
    service: str = ""
    unit: str = ""
    disclosure_category: str = ""
