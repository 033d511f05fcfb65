"""Who may do what with the FAQ beyond Wagtail's page permissions."""

from django.contrib.auth.models import AnonymousUser, User

PROMOTE = "faq.promote_case"
VIEW_REPORT = "faq.view_faq_report"


def can_promote(user: User | AnonymousUser) -> bool:
    """Coordinators and editors turn answered petitions into FAQ drafts (roles.py)."""
    return bool(user.is_authenticated and user.has_perm(PROMOTE))


def can_view_report(user: User | AnonymousUser) -> bool:
    return bool(user.is_authenticated and user.has_perm(VIEW_REPORT))
