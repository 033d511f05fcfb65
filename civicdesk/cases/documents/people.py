"""How the petition documents name staff and write dates, in the language being rendered."""

import datetime
from typing import Any

from django.contrib.auth.models import User
from django.utils import formats
from django.utils.translation import gettext as _

from civicdesk.core.i18n import is_english, localized
from civicdesk.core.rocdate import format_roc_date


def date_text(value: datetime.date) -> str:
    if is_english():
        return formats.date_format(value, "j F Y")
    return format_roc_date(value)


def staff_profile(user: User | None) -> Any:
    return getattr(user, "staff_profile", None) if user is not None else None


def staff_name(user: User | None) -> str:
    if user is None:
        return ""
    profile = staff_profile(user)
    if profile is not None:
        return str(profile.display_name)
    return f"{user.last_name}{user.first_name}" or user.get_username()


def staff_signature(user: User | None) -> str:
    """Name, job title and unit, the unit left out where the title already names it."""
    profile = staff_profile(user)
    if profile is None:
        return staff_name(user)
    title = localized(profile, "job_title")
    unit = profile.unit.display_name
    if unit and unit not in title:
        title = _("%(title)s, %(unit)s") % {"title": title, "unit": unit} if title else unit
    if not title:
        return staff_name(user)
    return _("%(name)s, %(title)s") % {"name": staff_name(user), "title": title}
