"""The three classification-code fields every published item carries (分類檢索規範).

Pages and documents declare them with `classification_code_field`, and the publish guards
ask `missing_classification`: one definition of "classified" for the whole site.
"""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from civicdesk.metadata.models import Scheme

CLASSIFICATION_FIELDS = ("theme_code", "cake_code", "service_code")
_LABELS = {
    Scheme.THEME: _("theme (主題分類)"),
    Scheme.CAKE: _("administration (施政分類)"),
    Scheme.SERVICE: _("service (服務分類)"),
}


def classification_code_field(scheme: Scheme) -> Any:
    """An optional code of one scheme: drafts may be unclassified, published items never."""
    return models.ForeignKey(
        "metadata.ClassificationCode",
        verbose_name=_LABELS[scheme],
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"scheme": scheme, "is_active": True},
    )


def missing_classification(item: Any) -> list[str]:
    """The names of the classification fields `item` has not filled in."""
    return [name for name in CLASSIFICATION_FIELDS if getattr(item, f"{name}_id") is None]
