"""Configuration screens of the petition module: categories (the routing unit) and reply
templates, for the coordinator."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from civicdesk.cases.models import Category, ReplyTemplate


class CategoryViewSet(ModelViewSet):
    model = Category
    icon = "tag"
    menu_label = _("Petition categories")
    add_to_admin_menu = False
    list_display = ["name", "name_en", "unit", "deadline_workdays", "is_active"]
    list_filter = ["unit", "is_active"]
    form_fields = [
        "code",
        "name",
        "name_en",
        "description",
        "description_en",
        "unit",
        "deadline_workdays",
        "duplicate_window_days",
        "extra_questions",
        "is_active",
        "sort_order",
    ]


class ReplyTemplateViewSet(ModelViewSet):
    model = ReplyTemplate
    icon = "doc-full"
    menu_label = _("Reply templates")
    add_to_admin_menu = False
    list_display = ["title", "category", "kind", "language"]
    list_filter = ["kind", "language", "category"]
    form_fields = ["category", "kind", "language", "title", "body", "legal_basis"]


category_viewset = CategoryViewSet("petition_categories")
reply_template_viewset = ReplyTemplateViewSet("reply_templates")
