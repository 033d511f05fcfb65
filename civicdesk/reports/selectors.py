"""The freshness report (資訊更新檢核): published pages and documents past their review date or
without one, and the links that no longer work."""

import datetime
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder

from civicdesk.core.i18n import localized
from civicdesk.disclosure.models import Document
from civicdesk.disclosure.selectors import document_list_due_for_review, document_list_unscheduled
from civicdesk.website.base import ClassifiedPage
from civicdesk.website.models import LinkCheck
from civicdesk.website.selectors import (
    link_check_last_at,
    link_check_list_broken,
    page_list_due_for_review,
    page_list_unscheduled,
)


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


def _page_item(page: ClassifiedPage) -> ReviewItem:
    updated = page.last_published_at
    return ReviewItem(
        title=page.title,
        kind=str(page.specific_class._meta.verbose_name),
        owner=page.owner_unit.display_name if page.owner_unit else "",
        review_by=page.review_by,
        updated_on=updated.date() if updated else None,
        edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
        public_url=page.url or "",
    )


def _document_item(document: Document, finder: AdminURLFinder) -> ReviewItem:
    updated = document.last_published_at
    return ReviewItem(
        title=localized(document, "title"),
        kind=str(_("Document or form")),
        owner=document.owner_unit.display_name if document.owner_unit else "",
        review_by=document.review_by,
        updated_on=updated.date() if updated else None,
        edit_url=finder.get_edit_url(document) or "",
        public_url=document.get_absolute_url(),
    )


def freshness_report_get(*, today: datetime.date) -> FreshnessReport:
    """Items past their review date (oldest first, pages before documents on the same date),
    items with none (pages in site order, then documents), and broken links."""
    finder = AdminURLFinder()
    overdue = [_page_item(page) for page in page_list_due_for_review(on=today)] + [
        _document_item(document, finder) for document in document_list_due_for_review(on=today)
    ]
    unscheduled = [_page_item(page) for page in page_list_unscheduled()] + [
        _document_item(document, finder) for document in document_list_unscheduled()
    ]
    return FreshnessReport(
        today=today,
        overdue=sorted(overdue, key=lambda item: item.review_by or today),
        unscheduled=unscheduled,
        broken_links=link_check_list_broken(),
        last_checked=link_check_last_at(),
    )
