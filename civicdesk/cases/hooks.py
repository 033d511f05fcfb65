"""Extension points of the petition module: where the apps built on `cases` (triage, the FAQ
and the modules after them) plug in, so that `cases` never imports them (ADR 0008).

Each point is a registry of named entries, filled from the plugging app's `AppConfig.ready()`.
With nothing registered every point is a no-op, and the petition module works on its own.
"""

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction
from django.http import HttpRequest

from civicdesk.cases.models import Case

if TYPE_CHECKING:
    from wagtail.admin.menu import MenuItem

T = TypeVar("T")


class ExtensionPoint(Generic[T]):
    """Named entries in registration order. Registering a name again replaces its entry, so a
    `ready()` that runs twice registers nothing twice."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._entries: dict[str, T] = {}

    def register(self, key: str, entry: T) -> None:
        self._entries[key] = entry

    def unregister(self, key: str) -> None:
        self._entries.pop(key, None)

    def entries(self) -> list[T]:
        return list(self._entries.values())

    @contextmanager
    def cleared(self) -> Iterator[None]:
        """Nothing registered for the duration: the petition module as if no app plugged in."""
        saved, self._entries = self._entries, {}
        try:
            yield
        finally:
            self._entries = saved


# --- after a case starts ---------------------------------------------------------------------

# A case started: confirmed by its petitioner or recorded by staff, it has its number and its
# clock runs. Each hook gets the case's id after the intake's transaction commits.
case_started: ExtensionPoint[Callable[[int], None]] = ExtensionPoint("case started")


def case_started_schedule(case_id: int) -> None:
    """Called by intake inside its transaction. A hook that fails is logged and skipped: no
    module plugged into the petitions may lose a petition or stop another hook."""
    for hook in case_started.entries():
        transaction.on_commit(_bound(hook, case_id), robust=True)


def _bound(hook: Callable[[int], None], case_id: int) -> Callable[[], None]:
    def run() -> None:
        hook(case_id)

    # Django names a failing robust callback by its __qualname__ (a partial has none).
    run.__qualname__ = getattr(hook, "__qualname__", repr(hook))
    return run


# --- the staff case page ---------------------------------------------------------------------

# "review": after the petitioner, what else is known about the case (triage);
# "actions": after the case's own actions, what else staff may do with it (the FAQ).
PANEL_SLOTS = ("review", "actions")


@dataclass(frozen=True)
class CasePanel:
    """A section of the staff case page. `context(request, case)` returns what `template` shows
    (as `panel`; the page's own context, `case` included, stays visible), or None to show
    nothing. It only reads: the case page is a GET and never writes. Panels of one slot
    render by `order`."""

    slot: str
    template: str
    context: Callable[[HttpRequest, Case], dict[str, Any] | None]
    order: int = 0

    def __post_init__(self) -> None:
        if self.slot not in PANEL_SLOTS:
            raise ValueError(f"No case page slot {self.slot!r}; the slots are {PANEL_SLOTS}.")


@dataclass(frozen=True)
class FilledPanel:
    template: str
    context: dict[str, Any]


case_page_panels: ExtensionPoint[CasePanel] = ExtensionPoint("case page panels")


def case_panels(request: HttpRequest, case: Case) -> dict[str, list[FilledPanel]]:
    """The panels with something to show on this case, by slot, in order."""
    filled: dict[str, list[FilledPanel]] = {slot: [] for slot in PANEL_SLOTS}
    for panel in sorted(case_page_panels.entries(), key=lambda p: p.order):
        context = panel.context(request, case)
        if context is not None:
            filled[panel.slot].append(FilledPanel(panel.template, context))
    return filled


# Warnings for the officer right after recording a case by hand (likely duplicates).
case_recorded_notices: ExtensionPoint[Callable[[User, Case], list[str]]] = ExtensionPoint(
    "case recorded notices"
)


def case_recorded_warnings(user: User, case: Case) -> list[str]:
    return [text for notice in case_recorded_notices.entries() for text in notice(user, case)]


# Items of the staff Petitions menu beyond the petition module's own (reports, models); each
# entry makes its item when the admin menu is built.
petitions_menu: ExtensionPoint[Callable[[], "MenuItem"]] = ExtensionPoint("petitions menu")


# --- the public petition form ----------------------------------------------------------------


@dataclass(frozen=True)
class PetitionFormHelper:
    """Help shown under one field of the public petition form, like the FAQ entries that may
    already answer what is being typed.

    `context(request, checked)` returns what `template` shows (as `helper`), or None. `button`
    names a submit button in the template that asks for the help without JavaScript: the form
    comes back with everything typed kept and no error messages, and `checked` is True.
    """

    field: str
    template: str
    context: Callable[[HttpRequest, bool], dict[str, Any] | None]
    button: str = ""


@dataclass(frozen=True)
class FilledHelper:
    field: str
    template: str
    context: dict[str, Any]


petition_form_helpers: ExtensionPoint[PetitionFormHelper] = ExtensionPoint("petition form helpers")


def petition_help_asked(request: HttpRequest) -> bool:
    """Did this POST press a helper's button rather than "Send"?"""
    return request.method == "POST" and any(
        helper.button and helper.button in request.POST
        for helper in petition_form_helpers.entries()
    )


def petition_helpers(request: HttpRequest) -> list[FilledHelper]:
    filled = []
    for helper in petition_form_helpers.entries():
        checked = bool(helper.button) and request.method == "POST" and helper.button in request.POST
        context = helper.context(request, checked)
        if context is not None:
            filled.append(FilledHelper(helper.field, helper.template, context))
    return filled


# --- reusing an answered case ----------------------------------------------------------------


@dataclass(frozen=True)
class AnswerReuse:
    """An app that may take an answered case's question and sent reply (the FAQ publishes them
    masked), the permission a user needs for it, and the access-log purpose of the read."""

    purpose: str
    permission: str


answer_reuses: ExtensionPoint[AnswerReuse] = ExtensionPoint("answer reuses")


def may_reuse_answer(user: User | AnonymousUser, purpose: str) -> bool:
    """Only a registered reuse, by a user holding its permission (個資法: a stated purpose)."""
    return any(
        reuse.purpose == purpose and user.has_perm(reuse.permission)
        for reuse in answer_reuses.entries()
    )


POINTS: tuple[ExtensionPoint[Any], ...] = (
    case_started,
    case_page_panels,
    case_recorded_notices,
    petitions_menu,
    petition_form_helpers,
    answer_reuses,
)


@contextmanager
def all_cleared() -> Iterator[None]:
    """Every extension point empty: the petition module with no app plugged in (tests)."""
    with ExitStack() as stack:
        for point in POINTS:
            stack.enter_context(point.cleared())
        yield
