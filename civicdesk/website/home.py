"""The home page as the plant's front door: the tasks citizens come for, and slots that
modules still to come (news, today's emissions) fill once they exist.

A task is an editor's choice (`HomePage.tasks`): a page, or one of the online services the
product has today (`ONLINE_SERVICES`). A slot renders nothing until a module registers a panel
for it; a registered panel whose `context` returns None (nothing to show today) renders
nothing either, so the home page never shows an empty or made-up box.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale


@dataclass(frozen=True)
class OnlineService:
    label: Promise
    description: Promise
    url_name: str
    query: str = ""


# The online services a task may point to: only what the product offers today.
ONLINE_SERVICES: dict[str, OnlineService] = {
    "petition": OnlineService(
        _("File a petition"),
        _("Report a problem or make a suggestion online."),
        "cases:new",
    ),
    "mailbox": OnlineService(
        _("Director's mailbox"),
        _("Write to the director of the plant."),
        "cases:mailbox",
    ),
    "track": OnlineService(
        _("Track your case"),
        _("Progress and reply, with your case number and query password."),
        "cases:track",
    ),
    "forms": OnlineService(
        _("Download forms"),
        _("Application forms in ODF and documents in PDF."),
        "disclosure:documents",
        "?kind=form",
    ),
    "search": OnlineService(
        _("Search this site"),
        _("Pages, documents and answers, in Chinese or English."),
        "search:results",
    ),
}


@dataclass(frozen=True)
class Task:
    title: str
    description: str
    url: str
    key: str


def home_tasks(blocks: Iterable[Any]) -> list[Task]:
    """The home page's task links in the active language; a page that is not live, or has no
    translation in this language, is left out rather than shown in the other language."""
    tasks = []
    for block in blocks:
        value = block.value
        if block.block_type == "service":
            service = ONLINE_SERVICES.get(value["service"])
            if service is None:
                continue
            url = reverse(service.url_name) + service.query
            title = value["label"] or str(service.label)
            description = value["description"] or str(service.description)
            tasks.append(Task(title, description, url, value["service"]))
        elif block.block_type == "page" and value["page"] is not None:
            page = value["page"].get_translation_or_none(Locale.get_active())
            if page is None or not page.live:
                continue
            title = value["label"] or page.title
            tasks.append(Task(title, value["description"], page.url or "", "page"))
    return tasks


SLOTS = ("news", "emissions")


@dataclass(frozen=True)
class HomePanel:
    """What a module shows in a slot: `context(request)` returns the template's context, or
    None when there is nothing to show today."""

    slot: str
    template: str
    context: Callable[[HttpRequest], dict[str, Any] | None]


_panels: dict[str, HomePanel] = {}


def register_panel(panel: HomePanel) -> None:
    if panel.slot not in SLOTS:
        raise ValueError(f"No home page slot {panel.slot!r}; the slots are {SLOTS}.")
    _panels[panel.slot] = panel


def unregister_panel(slot: str) -> None:
    _panels.pop(slot, None)


@dataclass(frozen=True)
class FilledSlot:
    template: str
    context: dict[str, Any]


def home_slots(request: HttpRequest) -> dict[str, FilledSlot]:
    """The slots that have something to show, by name."""
    filled = {}
    for slot in SLOTS:
        panel = _panels.get(slot)
        if panel is None:
            continue
        context = panel.context(request)
        if context is not None:
            filled[slot] = FilledSlot(panel.template, context)
    return filled
