"""Template filters shared by every public page: bilingual fields and 民國 dates."""

import datetime
from typing import Any

from django import template
from django.utils import formats, timezone

from civicdesk.core.i18n import is_english, localized
from civicdesk.core.rocdate import format_roc_date

register = template.Library()


@register.filter
def loc(obj: Any, field: str) -> str:
    """`{{ unit|loc:"name" }}`: the field in the active language."""
    return localized(obj, field)


@register.filter
def gov_date(value: datetime.date | datetime.datetime | None) -> str:
    """A date as a citizen expects it: 民國 on zh-Hant pages, `23 November 2026` in English."""
    if not isinstance(value, datetime.date):
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if is_english():
        return formats.date_format(value, "j F Y")
    return format_roc_date(value)


@register.filter
def iso_date(value: datetime.date | datetime.datetime | None) -> str:
    if not isinstance(value, datetime.date):
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value.isoformat()


@register.filter
def percent(value: float | None) -> str:
    """`{{ 0.873|percent }}` → `87%`: shares and confidences on staff screens."""
    if value is None:
        return "—"
    return f"{round(float(value) * 100)}%"
