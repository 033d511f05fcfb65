"""Proactive disclosure pages (政府資訊公開法 §7): the index of categories and one page per item,
with its attachments and, when part was withheld, the art. 18 record."""

# Wagtail ships no types, so fields of Page and Orderable subclasses cannot be inferred (as in
# civicdesk.website, which pyproject exempts the same way), nor the managers of the Orderable
# children that django-stubs would add to a page for its child relations.
# mypy: disable-error-code="var-annotated, django-manager-missing"

from typing import Any

from django.db import models
from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page

from civicdesk.core.i18n import localized
from civicdesk.disclosure.categories import (
    CATEGORIES_BY_CODE,
    GROUNDS_BY_CODE,
    Category,
    WithholdingGround,
    category_choices,
    category_get,
    ground_choices,
)
from civicdesk.search.documents import Kind
from civicdesk.website.base import ClassifiedPage, ContentBlocks


class DisclosureIndexPage(ClassifiedPage):
    """政府資訊公開: every category with its items; `?category=code` shows one category."""

    intro = models.TextField(_("summary"), blank=True)
    body = StreamField(ContentBlocks(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    subpage_types = ["disclosure.DisclosureItemPage"]
    template = "disclosure/disclosure_index_page.html"
    show_first_published = True

    class Meta:
        verbose_name = _("information disclosure index")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from civicdesk.disclosure.selectors import disclosure_category_groups

        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        code = request.GET.get("category", "")
        chosen = category_get(code) if code else None
        if code and chosen is None:
            raise Http404
        groups = disclosure_category_groups(index=self)
        context["chosen"] = chosen
        context["groups"] = [g for g in groups if g.category == chosen] if chosen else groups
        context["total"] = sum(group.count for group in groups)
        return context


class DisclosureItemPage(ClassifiedPage):
    """One piece of proactively disclosed information, filed under one category."""

    category = models.CharField(
        _("disclosure category"),
        max_length=40,
        choices=category_choices,
        help_text=_("The item of art. 7 §1, or one of the plant's own categories."),
    )
    intro = models.TextField(_("summary"), blank=True)
    body = StreamField(ContentBlocks(), blank=True, verbose_name=_("body"))
    withheld_note = models.TextField(
        _("note on the withheld parts"),
        blank=True,
        help_text=_("Explain, in plain words, what was not released and how to ask for it."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("category"),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("Attachments (documents and forms)")),
        MultiFieldPanel(
            [
                InlinePanel("withheld_parts", label=_("Withheld part")),
                FieldPanel("withheld_note"),
            ],
            heading=_("Partial release (art. 18)"),
        ),
    ]
    parent_page_types = ["disclosure.DisclosureIndexPage"]
    subpage_types: list[str] = []
    template = "disclosure/disclosure_item_page.html"
    show_first_published = True
    search_kind = Kind.DISCLOSURE

    class Meta:
        verbose_name = _("disclosed information")

    @property
    def category_info(self) -> Category | None:
        return CATEGORIES_BY_CODE.get(self.category)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from civicdesk.disclosure.selectors import page_attachment_documents

        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context["category"] = self.category_info
        context["documents"] = page_attachment_documents(page=self, relation="attachments")
        context["withheld_parts"] = list(self.withheld_parts.all())
        context["index"] = self.get_parent().specific
        return context

    def search_body(self) -> str:
        from civicdesk.disclosure.selectors import page_attachment_documents

        language = self.locale.language_code
        parts = [super().search_body()]
        category = self.category_info
        if category is not None:
            parts.append(localized(category, "label", language))
        for document in page_attachment_documents(page=self, relation="attachments"):
            parts.append(localized(document, "title", language))
        return "\n".join(part for part in parts if part)

    def search_facets(self) -> dict[str, str]:
        return {"disclosure_category": self.category}


class DisclosureAttachment(Orderable):
    """A document or form offered with a disclosure item (only published ones are shown)."""

    page = ParentalKey(DisclosureItemPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "disclosure.Document",
        verbose_name=_("document or form"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")


class WithheldPart(Orderable):
    """What was withheld from a disclosed item and on which ground of art. 18 §1."""

    page = ParentalKey(DisclosureItemPage, on_delete=models.CASCADE, related_name="withheld_parts")
    withheld = models.CharField(
        _("what was withheld"),
        max_length=255,
        help_text=_("E.g. the bidders' unit prices, or the names and addresses of petitioners."),
    )
    ground = models.CharField(_("legal ground"), max_length=10, choices=ground_choices)

    panels = [FieldPanel("withheld"), FieldPanel("ground")]

    class Meta(Orderable.Meta):
        verbose_name = _("withheld part")
        verbose_name_plural = _("withheld parts")

    @property
    def ground_info(self) -> WithholdingGround | None:
        return GROUNDS_BY_CODE.get(self.ground)
