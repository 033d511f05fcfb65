"""The FAQ (常見問題集): its index and entry pages, readers' feedback, daily view counts and the
record of which petition an entry was promoted from."""

# Wagtail ships no types, so fields of Page subclasses cannot be inferred (as in
# civicdesk.website, which pyproject exempts the same way).
# mypy: disable-error-code="var-annotated"

from typing import Any

from django.conf import settings
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, Panel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from civicdesk.core.i18n import localized
from civicdesk.search.documents import Kind
from civicdesk.website.base import ClassifiedPage

ANSWER_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3"]


class PromotionPanel(Panel):
    """On the editor: where a promoted entry came from and what the anonymiser masked."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "faq/admin/promotion_panel.html"

        def is_shown(self) -> bool:
            return bool(self.instance.pk) and self._promotion() is not None

        def _promotion(self) -> "FaqPromotion | None":
            from civicdesk.faq.selectors import faq_promotion_for_page

            return faq_promotion_for_page(page_id=self.instance.pk)

        def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
            context: dict[str, Any] = super().get_context_data(parent_context)
            context["promotion"] = self._promotion()
            return context


class FaqIndexPage(RoutablePageMixin, ClassifiedPage):
    """常見問題集: every published entry, grouped by petition category, with a filter.

    Its classification codes and owner are the defaults of entries promoted from petitions.
    `suggest/` answers the petition form's "does the FAQ already answer this?" question.
    """

    intro = models.TextField(_("summary"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["faq.FaqPage"]
    max_count_per_parent = 1
    template = "faq/faq_index_page.html"
    show_first_published = True

    class Meta:
        verbose_name = _("FAQ index")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from civicdesk.faq.forms import FaqFilterForm
        from civicdesk.faq.selectors import faq_category_groups

        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        form = FaqFilterForm(request.GET or None, index=self)
        filters = form.cleaned_data if form.is_valid() else {}
        category = filters.get("category", "")
        if form.is_bound and not form.is_valid() and "category" in form.errors:
            raise Http404
        groups = faq_category_groups(index=self, category_code=category, text=filters.get("q", ""))
        context["filter_form"] = form
        context["groups"] = groups
        context["total"] = sum(len(group.entries) for group in groups)
        context["is_filtered"] = bool(category or filters.get("q"))
        return context

    @path("")
    def index(self, request: HttpRequest) -> HttpResponse:
        response: HttpResponse = self.render(request)
        return response

    @path("suggest/")
    def suggest(self, request: HttpRequest) -> HttpResponse:
        from civicdesk.faq.views import suggestions_fragment

        return suggestions_fragment(request, index=self)


class FaqPage(RoutablePageMixin, ClassifiedPage):
    """One question and its answer; the title is the question as a citizen would ask it."""

    question = models.TextField(
        _("the question in full"),
        blank=True,
        help_text=_("Optional: the question in more words, when the title alone is too short."),
    )
    answer = RichTextField(_("answer"), features=ANSWER_FEATURES)
    category = models.ForeignKey(
        "cases.Category",
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The petition category this question belongs to; the FAQ is grouped by it."),
    )

    content_panels = [
        PromotionPanel(heading=_("Promoted from a petition")),
        *Page.content_panels,
        FieldPanel("question"),
        FieldPanel("answer"),
        FieldPanel("category"),
    ]
    parent_page_types = ["faq.FaqIndexPage"]
    subpage_types: list[str] = []
    template = "faq/faq_page.html"
    show_first_published = True
    search_kind = Kind.FAQ

    class Meta:
        verbose_name = _("FAQ entry")
        verbose_name_plural = _("FAQ entries")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from civicdesk.faq.forms import FeedbackForm

        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context.setdefault("feedback_form", FeedbackForm())
        context["feedback_url"] = (self.url or "") + self.reverse_subpage("feedback")
        context["index"] = self.get_parent().specific
        context["category_label"] = localized(self.category, "name") if self.category else ""
        return context

    @path("")
    def entry(self, request: HttpRequest) -> HttpResponse:
        from civicdesk.faq.views import count_view

        count_view(request, page=self)
        response: HttpResponse = self.render(request)
        return response

    @path("feedback/")
    def feedback(self, request: HttpRequest) -> HttpResponse:
        from civicdesk.faq.views import feedback_submit

        return feedback_submit(request, page=self)

    def search_body(self) -> str:
        language = self.locale.language_code
        parts = [self.search_description, self.question, strip_tags(self.answer or "")]
        if self.category is not None:
            parts.append(localized(self.category, "name", language))
        return "\n".join(part for part in parts if part)


class FaqFeedback(models.Model):
    """A reader's "was this helpful?" answer; the comment is masked for personal data."""

    page = models.ForeignKey(FaqPage, on_delete=models.CASCADE, related_name="feedback_entries")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    is_helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("FAQ feedback")
        verbose_name_plural = _("FAQ feedback")
        ordering = ["-created_at", "-pk"]
        permissions = [("view_faq_report", "Can see FAQ helpfulness and views")]
        indexes = [models.Index(fields=["page", "created_at"], name="faq_feedback_page_created")]

    def __str__(self) -> str:
        return f"{self.page_id} {'+' if self.is_helpful else '-'}"


class FaqViewCount(models.Model):
    """Public views of an entry on one day (one row per page and day, counted up in place)."""

    page = models.ForeignKey(FaqPage, on_delete=models.CASCADE, related_name="view_counts")
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("FAQ views per day")
        verbose_name_plural = _("FAQ views per day")
        constraints = [models.UniqueConstraint(fields=["page", "day"], name="faq_view_page_day")]

    def __str__(self) -> str:
        return f"{self.page_id} {self.day} {self.count}"


class FaqPromotion(models.Model):
    """Which petition an FAQ draft was made from, and how many of each kind of personal data
    were masked. The masked values themselves are never stored here."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="faq_promotion"
    )
    page = models.OneToOneField(FaqPage, on_delete=models.CASCADE, related_name="promotion")
    promoted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    promoted_at = models.DateTimeField(auto_now_add=True)
    masked = models.JSONField(_("masked personal data (kind → count)"), default=dict)

    class Meta:
        verbose_name = _("FAQ promotion")
        verbose_name_plural = _("FAQ promotions")
        permissions = [("promote_case", "Can turn a petition into an FAQ draft")]

    def __str__(self) -> str:
        return f"{self.case_id} → {self.page_id}"
