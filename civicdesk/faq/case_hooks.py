"""How the FAQ plugs into the petition module (`cases.hooks`): the entries that may already
answer a petition while it is typed, the promotion panel on the staff case page, and the
permission under which a case's answer may be taken. Registered in `apps.py`."""

from typing import Any

from django.http import HttpRequest

from civicdesk.cases import hooks
from civicdesk.cases.models import AccessPurpose, Case, Reply
from civicdesk.core.i18n import is_english
from civicdesk.faq.permissions import PROMOTE, can_promote
from civicdesk.faq.selectors import faq_index_get, faq_promotion_for_case, faq_suggestions

# The name of the "Check the FAQ first" button (the no-JavaScript path).
CHECK_BUTTON = "check_faq"


def petition_help(request: HttpRequest, checked: bool) -> dict[str, Any] | None:
    """The entries that may answer what was typed, and where the form's script asks."""
    language = "en" if is_english() else "zh-hant"
    index = faq_index_get(language=language)
    if index is None:
        return None
    text = f"{request.POST.get('subject', '')}\n{request.POST.get('content', '')}"
    return {
        "suggest_url": (index.get_url(request) or "") + index.reverse_subpage("suggest"),
        "suggestions": faq_suggestions(
            text=text, language=language, category_code=request.POST.get("category", "")
        )
        if text.strip()
        else [],
        "checked": checked,
        "button": CHECK_BUTTON,
    }


def case_panel(request: HttpRequest, case: Case) -> dict[str, Any] | None:
    """For those who may promote: was the case promoted already, or can it be now?"""
    if not can_promote(request.user):
        return None
    return {
        "promotion": faq_promotion_for_case(case_id=case.pk),
        "ready": case.replies.filter(status=Reply.Status.SENT).exists(),
    }


def register() -> None:
    hooks.petition_form_helpers.register(
        "faq",
        hooks.PetitionFormHelper(
            field="content",
            template="faq/includes/petition_suggestions.html",
            context=petition_help,
            button=CHECK_BUTTON,
        ),
    )
    hooks.case_page_panels.register(
        "faq",
        hooks.CasePanel(
            slot="actions", template="faq/admin/case_promote_button.html", context=case_panel
        ),
    )
    hooks.answer_reuses.register(
        "faq", hooks.AnswerReuse(purpose=AccessPurpose.FAQ_PROMOTION, permission=PROMOTE)
    )
