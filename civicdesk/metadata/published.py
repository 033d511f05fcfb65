"""What every published item carries (分類檢索規範): the three classification codes, the unit
that owns it and the date by which the owner checks it, with the guard that refuses to publish
it unclassified, and the visibility rules over them.

Pages (`website.base.ClassifiedPage`) and the document library (`disclosure.Document`) are
published items; a later module's records (news, reports) become one by subclassing
`PublishedItem` and giving their queryset `PublishedItemQuerySet`.
"""

import datetime
from collections.abc import Container, Mapping
from typing import Any, ClassVar, Self, TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import Promise
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


def unclassified_fields(cleaned_data: Mapping[str, Any], shown: Container[str]) -> list[str]:
    """The classification fields an admin form shows but left empty: publishing from that form
    must name each of them, so the editor sees the refusal beside the field."""
    return [name for name in CLASSIFICATION_FIELDS if name in shown and not cleaned_data.get(name)]


_Item = TypeVar("_Item", bound=models.Model)


class PublishedItemQuerySet(models.QuerySet[_Item]):
    """Who sees which published items, and which ones their owners should check.

    `published()` is what the public sees; a model whose publication means more than `live`
    (pages: also no view restriction) overrides it, and the other rules follow.
    """

    def published(self) -> Self:
        return self.filter(live=True)

    def due_for_review(self, *, on: datetime.date) -> Self:
        """Published items whose review-by date has passed on `on`."""
        return self.published().filter(review_by__lt=on)

    def unscheduled(self) -> Self:
        """Published items nobody has set a review-by date for."""
        return self.published().filter(review_by__isnull=True)


class PublishedItem(models.Model):
    """The fields and the publish guard of a published item; the model adds `live` (Wagtail's
    `Page` or `DraftStateMixin`) and may refuse publication for reasons of its own by
    extending `publish_problems`."""

    theme_code = classification_code_field(Scheme.THEME)
    cake_code = classification_code_field(Scheme.CAKE)
    service_code = classification_code_field(Scheme.SERVICE)
    owner_unit = models.ForeignKey(
        "accounts.Unit",
        verbose_name=_("publishing unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The unit that publishes it and keeps it current (發布單位)."),
    )
    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_("The owner checks it by this date."),
    )

    # Said when publishing is refused for want of codes; each kind of item names itself.
    unclassified_message: ClassVar[Promise] = _(
        "An item must have its theme, administration and service codes to be published."
    )

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The last guard, whoever publishes (admin, service, scheduled publishing); a save
        # that leaves `live` alone (a counter, a revision pointer) is not a publication.
        update_fields = kwargs.get("update_fields")
        touches_live = update_fields is None or "live" in update_fields
        if getattr(self, "live", False) and touches_live:
            problems = self.publish_problems()
            if problems:
                raise ValidationError(problems)
        super().save(*args, **kwargs)

    def missing_classification(self) -> list[str]:
        return missing_classification(self)

    def publish_problems(self) -> list[str]:
        """Why this item may not be published now; empty when it may."""
        return [str(self.unclassified_message)] if self.missing_classification() else []
