"""Staff roles (product brief, "Who uses it") as data; each becomes a group with permissions."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Role:
    code: str
    label: Promise
    # "app_label.codename"; "*" grants every permission (administrator only).
    permissions: tuple[str, ...]
    # Wagtail page permissions granted on the site root.
    page_permissions: tuple[str, ...] = ()
    sees_all_units: bool = False


ADMIN_ACCESS = "wagtailadmin.access_admin"
VIEW_WORKPLAN = ("quality.view_workplan", "quality.view_workplanitem")
# Each unit reports progress on the plan items it leads (主辦) or co-operates on (協辦).
REPORT_PROGRESS = ("quality.view_progressreport", "quality.report_progress")
HANDLE_CASES = ("cases.view_case", "cases.add_case", "cases.change_case", "cases.view_category")
# Turn answered petitions into FAQ drafts, and read the FAQ's helpfulness report.
RUN_FAQ = ("faq.promote_case", "faq.view_faq_report")
# Telephone courtesy tests: officers named testers record calls; results are seen by unit.
COURTESY_TESTER = ("courtesy.view_testround", "courtesy.record_call")

CASE_OFFICER = Role(
    "case_officer",
    _("Case officer"),
    (
        ADMIN_ACCESS,
        *VIEW_WORKPLAN,
        *REPORT_PROGRESS,
        *HANDLE_CASES,
        *COURTESY_TESTER,
    ),
)
UNIT_HEAD = Role(
    "unit_head",
    _("Unit head"),
    (
        ADMIN_ACCESS,
        *VIEW_WORKPLAN,
        *REPORT_PROGRESS,
        *HANDLE_CASES,
        "cases.assign_case",
        "cases.approve_case",
        "cases.view_statistics",
        "courtesy.view_testround",
        "courtesy.file_improvement",
    ),
)
COORDINATOR = Role(
    "coordinator",
    _("Coordinator"),
    (
        ADMIN_ACCESS,
        *VIEW_WORKPLAN,
        "quality.change_workplanitem",
        "quality.add_workplanitem",
        "quality.change_workplan",
        "quality.add_workplan",
        "quality.manage_workplan",
        *REPORT_PROGRESS,
        "quality.view_awardapplication",
        "quality.add_awardapplication",
        "quality.change_awardapplication",
        "metadata.view_classificationcode",
        "website.view_linkcheck",
        *HANDLE_CASES,
        "cases.assign_case",
        "cases.view_statistics",
        "cases.add_category",
        "cases.change_category",
        "cases.add_replytemplate",
        "cases.change_replytemplate",
        "cases.view_replytemplate",
        *RUN_FAQ,
        *COURTESY_TESTER,
        "courtesy.run_rounds",
        "courtesy.view_director_report",
    ),
    # Coordinators draft pages (FAQ entries promoted from petitions); editors publish them.
    page_permissions=("add_page", "change_page"),
    sees_all_units=True,
)
DIRECTOR = Role(
    "director",
    _("Director"),
    (
        ADMIN_ACCESS,
        *VIEW_WORKPLAN,
        *HANDLE_CASES,
        "cases.assign_case",
        "cases.approve_case",
        "cases.view_statistics",
        "courtesy.view_testround",
        "courtesy.view_director_report",
    ),
    sees_all_units=True,
)
EDITOR = Role(
    "editor",
    _("Editor"),
    (
        ADMIN_ACCESS,
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "metadata.view_classificationcode",
        "website.view_linkcheck",
        "disclosure.add_document",
        "disclosure.change_document",
        "disclosure.publish_document",
        "disclosure.view_document",
        "disclosure.lock_document",
        "disclosure.unlock_document",
        *RUN_FAQ,
    ),
    page_permissions=("add_page", "change_page", "publish_page"),
)
PRIVACY_OFFICER = Role(
    "privacy_officer",
    _("Privacy officer"),
    (
        ADMIN_ACCESS,
        "cases.view_case",
        "cases.see_identity",
        "cases.view_personaldataaccess",
        "notifications.view_outboundmail",
        "notifications.view_mail_body",
    ),
    sees_all_units=True,
)
ADMINISTRATOR = Role("administrator", _("Administrator"), ("*",), sees_all_units=True)

ROLES: tuple[Role, ...] = (
    CASE_OFFICER,
    UNIT_HEAD,
    COORDINATOR,
    DIRECTOR,
    EDITOR,
    PRIVACY_OFFICER,
    ADMINISTRATOR,
)
ROLES_BY_CODE = {role.code: role for role in ROLES}


def group_name(role: Role) -> str:
    """Groups are named by the stable role code so renaming a label never breaks permissions."""
    return f"civicdesk:{role.code}"
