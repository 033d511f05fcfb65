"""Editing a rubric version's name, threshold, sections and items (refused once a round uses
the version: the services keep it as it was). Reached from the rubrics screen."""

from django.utils.translation import gettext_lazy as _

from civicdesk.core.staffscreens import ServiceModelViewSet
from civicdesk.courtesy.models import Rubric, RubricItem, RubricSection
from civicdesk.courtesy.services import (
    rubric_delete,
    rubric_item_delete,
    rubric_item_save,
    rubric_save,
    rubric_section_delete,
    rubric_section_save,
)


class RubricViewSet(ServiceModelViewSet):
    model = Rubric
    save_service = rubric_save
    delete_service = rubric_delete
    icon = "list-ol"
    menu_label = _("Courtesy-test rubrics")
    add_to_admin_menu = False
    list_display = ["__str__", "pass_threshold"]
    form_fields = ["name", "name_en", "pass_threshold"]


class RubricSectionViewSet(ServiceModelViewSet):
    model = RubricSection
    save_service = rubric_section_save
    delete_service = rubric_section_delete
    icon = "list-ol"
    add_to_admin_menu = False
    list_display = ["__str__", "rubric", "order"]
    list_filter = ["rubric"]
    form_fields = ["rubric", "part", "name", "name_en", "order"]


class RubricItemViewSet(ServiceModelViewSet):
    model = RubricItem
    save_service = rubric_item_save
    delete_service = rubric_item_delete
    icon = "list-ol"
    add_to_admin_menu = False
    list_display = ["text", "section", "max_points", "order"]
    list_filter = ["section__rubric"]
    form_fields = ["section", "text", "text_en", "max_points", "order"]


rubric_viewsets = (
    RubricViewSet("courtesy_rubrics"),
    RubricSectionViewSet("courtesy_rubric_sections"),
    RubricItemViewSet("courtesy_rubric_items"),
)
