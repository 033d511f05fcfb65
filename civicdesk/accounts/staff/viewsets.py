"""Staff screens for the organisation, in the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSetGroup

from civicdesk.accounts.models import Agency, StaffProfile, Unit
from civicdesk.accounts.services import (
    agency_delete,
    agency_save,
    staff_profile_delete,
    staff_profile_save,
    unit_delete,
    unit_save,
)
from civicdesk.core.staffscreens import ServiceModelViewSet


class AgencyViewSet(ServiceModelViewSet):
    model = Agency
    save_service = agency_save
    delete_service = agency_delete
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


class UnitViewSet(ServiceModelViewSet):
    model = Unit
    save_service = unit_save
    delete_service = unit_delete
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


class StaffProfileViewSet(ServiceModelViewSet):
    model = StaffProfile
    save_service = staff_profile_save
    delete_service = staff_profile_delete
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
