"""Wagtail page types of the public site and the site-wide settings they share."""

from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from civicdesk.accounts.selectors import unit_list_for_directory
from civicdesk.website.base import ClassifiedPage, ContentBlocks
from civicdesk.website.blocks import TaskBlocks
from civicdesk.website.home import home_slots, home_tasks


class HomePage(ClassifiedPage):
    """The front door: the agency's name and purpose, the tasks citizens come for, the slots
    later modules fill (`website.home`), then the editor's text."""

    intro = RichTextField(
        _("purpose"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("One sentence under the agency's name: what the agency does."),
    )
    tasks = StreamField(
        TaskBlocks(),
        blank=True,
        verbose_name=_("tasks"),
        help_text=_("What citizens come to do, as links to pages or online services."),
    )
    body = StreamField(ContentBlocks(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("tasks"),
        FieldPanel("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    template = "website/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["tasks"] = home_tasks(self.tasks)
        context["slots"] = home_slots(request)
        return context


class StandardPage(ClassifiedPage):
    """A page of text: policies, statements, plant information."""

    intro = models.TextField(_("summary"), blank=True)
    body = StreamField(ContentBlocks(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    template = "website/standard_page.html"

    class Meta:
        verbose_name = _("standard page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = self.get_children().live().public().specific()
        return context


class SitemapPage(ClassifiedPage):
    """網站導覽: the site tree and how to use the `:::` access keys."""

    intro = models.TextField(_("summary"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count_per_parent = 1
    template = "website/sitemap_page.html"

    class Meta:
        verbose_name = _("sitemap page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        home = self.get_ancestors().type(HomePage).first() or self
        pages = home.get_descendants().live().public().order_by("path")
        context["tree_root"] = home
        context["tree_pages"] = pages
        return context


class ContactPage(ClassifiedPage):
    intro = models.TextField(_("summary"), blank=True)
    body = StreamField(ContentBlocks(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    max_count_per_parent = 1
    template = "website/contact_page.html"

    class Meta:
        verbose_name = _("contact page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["units"] = unit_list_for_directory()
        return context


class StaffDirectoryPage(ClassifiedPage):
    """Units and their publicly listed officers, from the organisation records."""

    intro = models.TextField(_("summary"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count_per_parent = 1
    template = "website/staff_directory_page.html"

    class Meta:
        verbose_name = _("staff directory page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["units"] = unit_list_for_directory()
        return context


@register_setting(icon="site")
class SiteChrome(BaseSiteSetting):
    """What every page shows around its content: footer links, accessibility label, coverage."""

    coverage = models.CharField(_("coverage (Chinese)"), max_length=100, default="高雄市")
    coverage_en = models.CharField(
        _("coverage (English)"), max_length=100, default="Kaohsiung City"
    )
    sitemap_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sitemap page"),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy and security policy"),
    )
    open_data_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("open data declaration"),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("accessibility statement"),
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("contact page"),
    )
    accessibility_label = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("accessibility label image"),
        help_text=_("The 88×31 label issued by the accessibility authority."),
    )
    accessibility_label_alt = models.CharField(
        _("label text"), max_length=100, blank=True, default="通過AA無障礙網頁檢測"
    )
    accessibility_label_url = models.URLField(
        _("label link"),
        blank=True,
        default="https://accessibility.moda.gov.tw/",
        help_text=_("The authority's page for this label."),
    )
    accessibility_label_expires = models.DateField(
        _("label valid until"),
        null=True,
        blank=True,
        help_text=_("Labels are valid for three years; renew before this date."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("coverage"), FieldPanel("coverage_en")], heading=_("Metadata")),
        MultiFieldPanel(
            [
                PageChooserPanel("sitemap_page"),
                PageChooserPanel("privacy_page"),
                PageChooserPanel("open_data_page"),
                PageChooserPanel("accessibility_page"),
                PageChooserPanel("contact_page"),
            ],
            heading=_("Footer links"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("accessibility_label"),
                FieldPanel("accessibility_label_alt"),
                FieldPanel("accessibility_label_url"),
                FieldPanel("accessibility_label_expires"),
            ],
            heading=_("Accessibility label"),
        ),
    ]

    class Meta:
        verbose_name = _("site chrome")


class LinkCheck(models.Model):
    """The last check of one link on one published page (freshness report)."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="link_checks"
    )
    url = models.CharField(_("link"), max_length=2000)
    is_internal = models.BooleanField(_("internal"), default=False)
    status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=255, blank=True)
    is_broken = models.BooleanField(_("broken"), default=False)
    checked_at = models.DateTimeField(_("checked at"))

    class Meta:
        verbose_name = _("link check")
        verbose_name_plural = _("link checks")
        ordering = ["page_id", "url"]
        indexes = [models.Index(fields=["is_broken", "checked_at"], name="website_link_broken")]

    def __str__(self) -> str:
        return self.url
