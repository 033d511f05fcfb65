"""How triage plugs into the petition module (`cases.hooks`): a suggestion after each case
starts, the suggestion and duplicates panel on the staff case page, the duplicates warning
after recording, and triage's reports in the Petitions menu. Registered in `apps.py`."""

from typing import Any

from django.contrib.auth.models import User
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.menu import MenuItem

from civicdesk.cases import hooks
from civicdesk.cases.models import Case, Category
from civicdesk.cases.permissions import can
from civicdesk.cases.states import Action
from civicdesk.core.menu import PermissionMenuItem
from civicdesk.triage.selectors import (
    case_duplicates,
    category_model_current,
    suggestion_for_case,
    suggestion_ranked,
)
from civicdesk.triage.services import case_triage_later


def case_panel(request: HttpRequest, case: Case) -> dict[str, Any]:
    """Reads only. A confirmed case with no suggestion yet (the task queue was down) offers
    the officer a button to ask for one."""
    user = request.user
    suggestion = suggestion_for_case(case_id=case.pk) if case.number else None
    return {
        "suggestion": suggestion,
        "ranked": suggestion_ranked(suggestion) if suggestion else [],
        "can_suggest_now": bool(
            case.number and suggestion is None and category_model_current() is not None
        ),
        "can_decide": can(user, Action.RECATEGORISE, case),
        "override_categories": Category.objects.active(),
        "can_merge": can(user, Action.MERGE, case),
        "duplicates": case_duplicates(user, case) if case.number else [],
    }


def duplicates_warning(user: User, case: Case) -> list[str]:
    likely = len(case_duplicates(user, case))
    if not likely:
        return []
    return [
        ngettext(
            "%(n)s open or recent case looks like the same matter: see below.",
            "%(n)s open or recent cases look like the same matter: see below.",
            likely,
        )
        % {"n": likely}
    ]


def topics_menu_item() -> MenuItem:
    return PermissionMenuItem(
        gettext_lazy("Recurring topics"),
        reverse("triage_admin:topics"),
        icon_name="list-ul",
        order=32,
        permission="cases.view_statistics",
    )


def model_menu_item() -> MenuItem:
    return PermissionMenuItem(
        gettext_lazy("Category suggestions"),
        reverse("triage_admin:model"),
        icon_name="tag",
        order=35,
        permission="cases.view_statistics",
    )


def register() -> None:
    hooks.case_started.register("triage", case_triage_later)
    hooks.case_page_panels.register(
        "triage",
        hooks.CasePanel(
            slot="review", template="triage/admin/case_triage.html", context=case_panel
        ),
    )
    hooks.case_recorded_notices.register("triage", duplicates_warning)
    hooks.petitions_menu.register("triage-topics", topics_menu_item)
    hooks.petitions_menu.register("triage-model", model_menu_item)
