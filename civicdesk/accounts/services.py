"""Writes to the organisation: the agency, its units, staff accounts and role groups."""

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission, Page

from civicdesk.accounts.models import Agency, StaffProfile, Unit
from civicdesk.accounts.roles import ROLES, ROLES_BY_CODE, Role, group_name
from civicdesk.core.records import record_save


@transaction.atomic
def agency_save(*, instance: Agency | None = None, **fields: Any) -> Agency:
    return record_save(instance or Agency(), **fields)


@transaction.atomic
def agency_delete(*, instance: Agency) -> None:
    instance.delete()


def agency_upsert(*, code: str, **fields: Any) -> Agency:
    return agency_save(instance=Agency.objects.filter(code=code).first(), code=code, **fields)


@transaction.atomic
def unit_save(*, instance: Unit | None = None, **fields: Any) -> Unit:
    return record_save(instance or Unit(), **fields)


@transaction.atomic
def unit_delete(*, instance: Unit) -> None:
    instance.delete()


def unit_upsert(*, agency: Agency, code: str, **fields: Any) -> Unit:
    unit = Unit.objects.filter(code=code).first()
    return unit_save(instance=unit, agency=agency, code=code, **fields)


@transaction.atomic
def staff_profile_save(*, instance: StaffProfile | None = None, **fields: Any) -> StaffProfile:
    """A staff member's directory entry (the account itself is managed in Users)."""
    return record_save(instance or StaffProfile(), **fields)


@transaction.atomic
def staff_profile_delete(*, instance: StaffProfile) -> None:
    instance.delete()


def _permissions(codes: Iterable[str]) -> list[Permission]:
    found = []
    for code in codes:
        app_label, codename = code.split(".", 1)
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


@transaction.atomic
def roles_sync() -> dict[str, Group]:
    """Create or update one group per role with exactly the role's permissions. Idempotent."""
    root = Page.get_first_root_node()
    groups = {}
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=group_name(role))
        if "*" in role.permissions:
            group.permissions.set(Permission.objects.all())
        else:
            group.permissions.set(_permissions(role.permissions))
        wanted = set(role.page_permissions)
        if root is not None:
            GroupPagePermission.objects.filter(group=group, page=root).exclude(
                permission__codename__in=wanted
            ).delete()
            for codename in wanted:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root,
                    permission=Permission.objects.get(
                        content_type__app_label="wagtailcore", codename=codename
                    ),
                )
        groups[role.code] = group
    return groups


@transaction.atomic
def staff_upsert(
    *,
    username: str,
    email: str,
    family_name: str,
    given_name: str,
    unit: Unit,
    roles: Iterable[str],
    password: str | None,
    job_title: str,
    job_title_en: str = "",
    display_name_en: str = "",
    phone: str = "",
    responsibilities: str = "",
    responsibilities_en: str = "",
    is_listed: bool = True,
    sort_order: int = 0,
) -> AbstractUser:
    """Create or update a staff account with its profile and role groups.

    `password=None` leaves an existing password alone and gives a new account an unusable one
    (the person then sets it through the admin's password reset).
    """
    role_objects: list[Role] = [ROLES_BY_CODE[code] for code in roles]
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user is None:
        user = user_model(username=username)
        if password is None:
            user.set_unusable_password()
    # Re-hashing an unchanged password would rewrite the row on every run; check first.
    if password is not None and not user.check_password(password):
        user.set_password(password)
    user.email = email
    user.last_name = family_name
    user.first_name = given_name
    user.is_staff = False  # Wagtail admin access comes from the role groups, not Django admin.
    user.is_superuser = any("*" in role.permissions for role in role_objects)
    user.save()
    user.groups.set(Group.objects.filter(name__in=[group_name(r) for r in role_objects]))
    StaffProfile.objects.update_or_create(
        user=user,
        defaults={
            "unit": unit,
            "job_title": job_title,
            "job_title_en": job_title_en,
            "display_name_en": display_name_en,
            "phone": phone,
            "responsibilities": responsibilities,
            "responsibilities_en": responsibilities_en,
            "is_listed": is_listed,
            "sort_order": sort_order,
        },
    )
    assert isinstance(user, AbstractUser)
    return user
