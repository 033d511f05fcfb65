"""Service procedure pages (申辦流程): who may apply, the steps, documents, fees, time limit,
channels, forms, the responsible officer and the laws."""

# Wagtail ships no types, so fields of Page and Orderable subclasses cannot be inferred (as in
# civicdesk.website, which pyproject exempts the same way), nor the managers of the Orderable
# children that django-stubs would add to a page for its child relations.
# mypy: disable-error-code="var-annotated, django-manager-missing"

from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page

from civicdesk.core.i18n import localized
from civicdesk.disclosure.blocks import LawBlocks, StepBlocks
from civicdesk.search.documents import Kind
from civicdesk.website.base import ClassifiedPage, ContentBlocks, streamfield_text

LIST_FEATURES = ["bold", "ol", "ul", "link"]


class ServiceProcedureIndexPage(ClassifiedPage):
    """申辦服務: the list of procedures, each with its time limit and responsible unit."""

    intro = models.TextField(_("summary"), blank=True)
    body = StreamField(ContentBlocks(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    subpage_types = ["disclosure.ServiceProcedurePage"]
    template = "disclosure/service_procedure_index_page.html"
    show_first_published = True

    class Meta:
        verbose_name = _("service procedure index")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from civicdesk.disclosure.selectors import procedure_list

        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context["procedures"] = procedure_list(index=self)
        return context


class ServiceProcedurePage(ClassifiedPage):
    """How to apply for one service, as the citizen needs it, with forms to download."""

    intro = models.TextField(_("summary"), blank=True)
    eligibility = RichTextField(_("who may apply"), features=LIST_FEATURES, blank=True)
    steps = StreamField(StepBlocks(), blank=True, verbose_name=_("steps"))
    required_documents = RichTextField(
        _("documents to bring or attach"), features=LIST_FEATURES, blank=True
    )
    fees = RichTextField(
        _("fees"), features=LIST_FEATURES, blank=True, help_text=_("Leave empty if free.")
    )
    processing_time = models.CharField(
        _("processing time"),
        max_length=200,
        blank=True,
        help_text=_("As the citizen should read it, e.g. “within 7 working days of receipt”."),
    )
    processing_days = models.PositiveSmallIntegerField(
        _("processing time in working days"), null=True, blank=True
    )
    channels = RichTextField(_("how to apply"), features=LIST_FEATURES, blank=True)
    notes = RichTextField(_("notes"), features=LIST_FEATURES, blank=True)
    contact_name = models.CharField(_("contact officer"), max_length=60, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    laws = StreamField(LawBlocks(), blank=True, verbose_name=_("laws and regulations"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("eligibility"),
        FieldPanel("steps"),
        FieldPanel("required_documents"),
        FieldPanel("fees"),
        MultiFieldPanel(
            [FieldPanel("processing_time"), FieldPanel("processing_days")],
            heading=_("Processing time"),
        ),
        FieldPanel("channels"),
        InlinePanel("forms", label=_("Forms to download")),
        FieldPanel("notes"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_email"),
            ],
            heading=_("Contact (the responsible unit is the publishing unit)"),
        ),
        FieldPanel("laws"),
    ]
    parent_page_types = ["disclosure.ServiceProcedureIndexPage"]
    subpage_types: list[str] = []
    template = "disclosure/service_procedure_page.html"
    show_first_published = True
    search_kind = Kind.PROCEDURE

    class Meta:
        verbose_name = _("service procedure")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from civicdesk.disclosure.selectors import page_attachment_documents

        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context["documents"] = page_attachment_documents(page=self, relation="forms")
        return context

    def search_body(self) -> str:
        from civicdesk.disclosure.selectors import page_attachment_documents

        language = self.locale.language_code
        parts = [super().search_body()]
        for field in ("eligibility", "required_documents", "fees", "channels", "notes"):
            parts.append(strip_tags(getattr(self, field) or ""))
        parts.append(self.processing_time)
        parts.extend(streamfield_text(self.steps))
        parts.extend(streamfield_text(self.laws))
        for document in page_attachment_documents(page=self, relation="forms"):
            parts.append(localized(document, "title", language))
        return "\n".join(part for part in parts if part)


class ProcedureForm(Orderable):
    """A form (or guide) to download for a procedure; only published ones are shown."""

    page = ParentalKey(ServiceProcedurePage, on_delete=models.CASCADE, related_name="forms")
    document = models.ForeignKey(
        "disclosure.Document",
        verbose_name=_("document or form"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("form to download")
        verbose_name_plural = _("forms to download")
