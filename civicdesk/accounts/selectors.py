"""Reads of the organisation for public pages and staff screens."""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Prefetch, QuerySet

from civicdesk.accounts.models import Agency, StaffProfile, Unit
from civicdesk.accounts.roles import ROLES, group_name


def agency_get_current() -> Agency | None:
    """The agency this installation serves (one per installation)."""
    return Agency.objects.order_by("pk").first()


def unit_list_for_directory() -> QuerySet[Unit]:
    """Active units with their publicly listed staff, for the staff directory page."""
    listed = StaffProfile.objects.listed().select_related("user")
    return Unit.objects.active().prefetch_related(
        Prefetch("staff", queryset=listed, to_attr="listed_staff")
    )


def user_role_codes(user: User | AnonymousUser) -> set[str]:
    if not user.is_authenticated:
        return set()
    names = set(user.groups.values_list("name", flat=True))
    return {role.code for role in ROLES if group_name(role) in names}


def user_sees_all_units(user: User | AnonymousUser) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    codes = user_role_codes(user)
    return any(role.sees_all_units for role in ROLES if role.code in codes)


def user_unit(user: User | AnonymousUser) -> Unit | None:
    if not user.is_authenticated:
        return None
    profile = StaffProfile.objects.filter(user_id=user.pk).select_related("unit").first()
    return profile.unit if profile else None


def unit_names() -> dict[str, str]:
    """Unit code → name in the active language (for facets and filters)."""
    return {unit.code: unit.display_name for unit in Unit.objects.all()}
