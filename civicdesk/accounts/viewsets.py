"""Staff screens for the organisation, in the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from civicdesk.accounts.models import Agency, StaffProfile, Unit


class AgencyViewSet(ModelViewSet):
    model = Agency
    icon = "home"
    menu_label = _("Agency")
    add_to_admin_menu = False
    list_display = ["name", "name_en", "code", "phone"]
    form_fields = [
        "name",
        "name_en",
        "short_name",
        "short_name_en",
        "code",
        "parent_name",
        "parent_name_en",
        "address",
        "address_en",
        "postcode",
        "phone",
        "fax",
        "email",
        "office_hours",
        "office_hours_en",
        "website",
    ]


class UnitViewSet(ModelViewSet):
    model = Unit
    icon = "group"
    menu_label = _("Units")
    list_display = ["name", "name_en", "code", "phone", "is_active"]
    search_fields = ["name", "name_en", "code"]
    form_fields = [
        "agency",
        "code",
        "name",
        "name_en",
        "duties",
        "duties_en",
        "phone",
        "email",
        "sort_order",
        "is_active",
    ]


class StaffProfileViewSet(ModelViewSet):
    model = StaffProfile
    icon = "user"
    menu_label = _("Staff directory")
    list_display = ["user", "unit", "job_title", "phone", "is_listed"]
    list_filter = ["unit", "is_listed"]
    form_fields = [
        "user",
        "unit",
        "job_title",
        "job_title_en",
        "display_name_en",
        "phone",
        "responsibilities",
        "responsibilities_en",
        "is_listed",
        "sort_order",
    ]


class OrganisationViewSetGroup(ModelViewSetGroup):
    menu_label = _("Organisation")
    menu_icon = "site"
    menu_order = 300
    items = (AgencyViewSet("agency"), UnitViewSet("units"), StaffProfileViewSet("staff"))
