"""StreamField blocks editors compose standard pages from."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from civicdesk.website.home import ONLINE_SERVICES


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("file"))
    title = blocks.CharBlock(label=_("link text"), required=False)

    class Meta:
        icon = "doc-full"
        template = "website/blocks/download.html"
        label = _("Download")


class ContentBlocks(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), form_classname="title", template="website/blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "ol", "ul", "link", "document-link", "h3", "h4"],
    )
    image = ImageBlock(label=_("Image"))
    download = DownloadBlock()


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
