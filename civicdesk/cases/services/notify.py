"""Mail about a case: to the petitioner in the case's language, to staff in the admin's."""

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser

from civicdesk.accounts.selectors import agency_get_current
from civicdesk.cases.models import Case
from civicdesk.core.siteurl import site_base_url
from civicdesk.notifications.services import mail_queue


def notify_petitioner(
    case: Case,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    secrets: dict[str, str] | None = None,
) -> None:
    """Mail the petitioner; `secrets` (password, token) are sealed, never stored in the text."""
    petitioner = getattr(case, "petitioner", None)
    if petitioner is None or not petitioner.email:
        return
    mail_queue(
        to=petitioner.email,
        template=template,
        context={
            "case": case,
            "petitioner": petitioner,
            "site_url": site_base_url(),
            "survey_days": settings.CASES_SURVEY_DAYS,
            "agency": agency_get_current(),
            **(context or {}),
        },
        language=case.language,
        reference=case.number or "",
        secrets=secrets,
        is_confidential=petitioner.is_confidential,
    )


def notify_staff(user: AbstractBaseUser | None, case: Case, template: str, **context: Any) -> None:
    email = getattr(user, "email", "")
    if not email:
        return
    mail_queue(
        to=email,
        template=template,
        context={"case": case, "user": user, "site_url": site_base_url(), **context},
        language=settings.LANGUAGE_CODE,
        reference=case.number or "",
    )
