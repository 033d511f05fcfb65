"""Reads of the public website app for staff screens: the freshness report."""

import datetime
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from wagtail.models import Page

from civicdesk.core.i18n import localized
from civicdesk.website.models import ClassifiedPage, LinkCheck


@dataclass(frozen=True)
class ReviewItem:
    """A published page or document that its owner should check."""

    title: str
    kind: str
    owner: str
    review_by: datetime.date | None
    updated_on: datetime.date | None
    edit_url: str
    public_url: str


@dataclass
class FreshnessReport:
    today: datetime.date
    overdue: list[ReviewItem] = field(default_factory=list)
    unscheduled: list[ReviewItem] = field(default_factory=list)
    broken_links: QuerySet[LinkCheck] | None = None
    last_checked: datetime.datetime | None = None


def _page_items() -> list[ReviewItem]:
    from django.urls import reverse

    items = []
    for page in Page.objects.live().public().specific().order_by("path"):
        if not isinstance(page, ClassifiedPage):
            continue
        updated = page.last_published_at
        items.append(
            ReviewItem(
                title=page.title,
                kind=str(page.specific_class._meta.verbose_name),
                owner=page.owner_unit.display_name if page.owner_unit else "",
                review_by=page.review_by,
                updated_on=updated.date() if updated else None,
                edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
                public_url=page.url or "",
            )
        )
    return items


def _document_items() -> list[ReviewItem]:
    from django.urls import reverse
    from wagtail.admin.admin_url_finder import AdminURLFinder

    from civicdesk.disclosure.selectors import document_list_for_review

    finder = AdminURLFinder()
    items = []
    for document in document_list_for_review():
        updated = document.last_published_at
        items.append(
            ReviewItem(
                title=localized(document, "title"),
                kind=str(_("Document or form")),
                owner=document.owner_unit.display_name if document.owner_unit else "",
                review_by=document.review_by,
                updated_on=updated.date() if updated else None,
                edit_url=finder.get_edit_url(document) or "",
                public_url=reverse("disclosure:document_detail", kwargs={"pk": document.pk}),
            )
        )
    return items


def freshness_report_get(*, today: datetime.date) -> FreshnessReport:
    """Items past their review date (oldest first), items with none, and broken links."""
    items = _page_items() + _document_items()
    report = FreshnessReport(today=today)
    report.overdue = sorted(
        (item for item in items if item.review_by and item.review_by < today),
        key=lambda item: item.review_by or today,
    )
    report.unscheduled = [item for item in items if item.review_by is None]
    report.broken_links = (
        LinkCheck.objects.filter(is_broken=True)
        .select_related("page")
        .order_by("page__path", "url")
    )
    latest = LinkCheck.objects.order_by("-checked_at").first()
    report.last_checked = latest.checked_at if latest else None
    return report
