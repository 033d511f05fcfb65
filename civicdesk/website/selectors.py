"""Reads of the public website for staff screens: pages their owners should check, broken links."""

import datetime
from collections.abc import Callable
from operator import attrgetter

from django.apps import apps
from django.db.models import QuerySet

from civicdesk.website.base import ClassifiedPage, ClassifiedPageQuerySet
from civicdesk.website.models import LinkCheck

Narrowing = Callable[[ClassifiedPageQuerySet], ClassifiedPageQuerySet]


def _pages(narrow: Narrowing) -> list[ClassifiedPage]:
    """The pages of every type built on the page kit (whichever app defines it) that `narrow`
    keeps, with their owner unit, in site-tree order."""
    pages: list[ClassifiedPage] = []
    for model in apps.get_models():
        if issubclass(model, ClassifiedPage):
            pages += narrow(model.objects.exact_type(model)).select_related("owner_unit")
    return sorted(pages, key=attrgetter("path"))


def page_list_due_for_review(*, on: datetime.date) -> list[ClassifiedPage]:
    """Published pages whose review-by date has passed on `on`."""
    return _pages(lambda pages: pages.due_for_review(on=on))


def page_list_unscheduled() -> list[ClassifiedPage]:
    """Published pages without a review-by date."""
    return _pages(lambda pages: pages.unscheduled())


def link_check_list_broken() -> QuerySet[LinkCheck]:
    return (
        LinkCheck.objects.filter(is_broken=True)
        .select_related("page")
        .order_by("page__path", "url")
    )


def link_check_last_at() -> datetime.datetime | None:
    """When the links were last checked; None before the first check."""
    latest = LinkCheck.objects.order_by("-checked_at").first()
    return latest.checked_at if latest else None
