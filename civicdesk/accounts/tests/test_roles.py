import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Page

from civicdesk.accounts.roles import ROLES, group_name
from civicdesk.accounts.services import roles_sync

pytestmark = pytest.mark.django_db


def test_every_role_has_a_group_with_admin_access():
    roles_sync()
    for role in ROLES:
        group = Group.objects.get(name=group_name(role))
        perms = set(group.permissions.values_list("content_type__app_label", "codename"))
        assert ("wagtailadmin", "access_admin") in perms, role.code


def test_sync_is_idempotent_and_restores_drift():
    roles_sync()
    editor = Group.objects.get(name="civicdesk:editor")
    before = set(editor.permissions.values_list("pk", flat=True))
    editor.permissions.clear()
    GroupPagePermission.objects.filter(group=editor).delete()

    roles_sync()
    roles_sync()

    assert set(editor.permissions.values_list("pk", flat=True)) == before
    assert Group.objects.filter(name__startswith="civicdesk:").count() == len(ROLES)


def test_only_editors_and_administrators_get_page_permissions():
    roles_sync()
    root = Page.get_first_root_node()
    granted = {
        gpp.group.name
        for gpp in GroupPagePermission.objects.filter(page=root).select_related("group")
    }
    assert "civicdesk:editor" in granted
    assert "civicdesk:case_officer" not in granted
    assert "civicdesk:privacy_officer" not in granted


def test_case_officers_cannot_change_the_work_plan_but_coordinators_can():
    roles_sync()
    officer = Group.objects.get(name="civicdesk:case_officer")
    coordinator = Group.objects.get(name="civicdesk:coordinator")
    assert not officer.permissions.filter(codename="change_workplanitem").exists()
    assert coordinator.permissions.filter(codename="change_workplanitem").exists()
