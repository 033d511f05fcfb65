"""The home page's task-link blocks; the blocks every page type shares are in `website.base`."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from civicdesk.website.home import ONLINE_SERVICES


def _service_choices() -> list[tuple[str, str]]:
    return [(key, str(service.label)) for key, service in ONLINE_SERVICES.items()]


class ServiceTaskBlock(blocks.StructBlock):
    service = blocks.ChoiceBlock(choices=_service_choices, label=_("online service"))
    label = blocks.CharBlock(
        required=False, label=_("link text"), help_text=_("Empty: the service's own name.")
    )
    description = blocks.CharBlock(required=False, label=_("one-line description"))

    class Meta:
        icon = "link"
        label = _("Online service")


class PageTaskBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("page"))
    label = blocks.CharBlock(
        required=False, label=_("link text"), help_text=_("Empty: the page's title.")
    )
    description = blocks.CharBlock(required=False, label=_("one-line description"))

    class Meta:
        icon = "doc-empty"
        label = _("Page")


class TaskBlocks(blocks.StreamBlock):
    """The home page's task links: what citizens come to do."""

    service = ServiceTaskBlock()
    page = PageTaskBlock()
