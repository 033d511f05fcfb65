"""StreamField blocks of the service procedure pages: steps and laws."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("step"), max_length=120)
    description = blocks.RichTextBlock(
        label=_("what happens"), features=["bold", "ol", "ul", "link"], required=False
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")
        template = "disclosure/blocks/step.html"


class LawBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name of the law or regulation"), max_length=200)
    url = blocks.URLBlock(
        label=_("address"),
        required=False,
        help_text=_("Preferably its page on the Laws & Regulations Database (全國法規資料庫)."),
    )

    class Meta:
        icon = "link"
        label = _("Law or regulation")
        template = "disclosure/blocks/law.html"


class StepBlocks(blocks.StreamBlock):
    step = StepBlock()


class LawBlocks(blocks.StreamBlock):
    law = LawBlock()
