"""Reads of the classification code lists for public browsing and facets."""

from django.db.models import QuerySet

from civicdesk.core.i18n import localized
from civicdesk.metadata.models import ClassificationCode


def code_names(scheme: str) -> dict[str, str]:
    """Code → name in the active language, for one scheme (inactive codes included, so old
    items still show a label)."""
    return {code.code: localized(code, "name") for code in ClassificationCode.objects.of(scheme)}


def code_list_for_browsing(scheme: str) -> QuerySet[ClassificationCode]:
    """The active codes of a scheme in code order, each with its parent for indentation."""
    return ClassificationCode.objects.of(scheme).active().select_related("parent").order_by("code")
