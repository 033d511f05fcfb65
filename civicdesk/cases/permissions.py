"""Who may take which action on which case: the role × state matrix, in one place.

The state half lives in `states.py`; this module answers the role half. Interfaces ask
`can()` to decide which buttons to show; services call `require()` before writing.
"""

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied

from civicdesk.accounts.roles import PRIVACY_OFFICER
from civicdesk.accounts.selectors import user_role_codes
from civicdesk.cases import states
from civicdesk.cases.models import Case
from civicdesk.cases.states import Action

# Actions the case's own officer may take (besides supervisors of the unit).
OFFICER_ACTIONS = frozenset(
    {
        Action.START,
        Action.REQUEST_SUPPLEMENT,
        Action.RECEIVE_SUPPLEMENT,
        Action.DRAFT_REPLY,
        Action.SEND_REPLY,
        Action.NOTE,
    }
)
ASSIGNER_ACTIONS = frozenset(
    {Action.ASSIGN, Action.TRANSFER, Action.FILE, Action.MERGE, Action.RECATEGORISE}
)
APPROVER_ACTIONS = frozenset({Action.APPROVE_REPLY, Action.RETURN_REPLY, Action.EXTEND})
CITIZEN_ACTIONS = frozenset({Action.CONFIRM, Action.REOPEN})


def role_allows(user: User | AnonymousUser, action: Action, case: Case) -> bool:
    """The role half only: may this person take this action on this case in principle?"""
    if not user.is_authenticated or action in CITIZEN_ACTIONS or action == Action.EXPIRE:
        return False
    if not Case.objects.visible_to(user).filter(pk=case.pk).exists():
        return False
    supervises = user.has_perm("cases.assign_case") or user.has_perm("cases.approve_case")
    if action in ASSIGNER_ACTIONS:
        return user.has_perm("cases.assign_case")
    if action in APPROVER_ACTIONS:
        return user.has_perm("cases.approve_case")
    if action in OFFICER_ACTIONS:
        return user.has_perm("cases.change_case") and (case.officer_id == user.pk or supervises)
    return False


def can(user: User | AnonymousUser, action: Action | str, case: Case) -> bool:
    action = Action(action)
    return states.allowed(action, case.state) and role_allows(user, action, case)


def require(user: User | AnonymousUser, action: Action | str, case: Case) -> None:
    if not role_allows(user, Action(action), case):
        raise PermissionDenied(f"{user} may not {action} case {case}")


def can_see_identity(user: User | AnonymousUser, case: Case) -> bool:
    """Confidential petitioners (art. 170 §2) are seen only by the privacy officer."""
    if not user.is_authenticated or not Case.objects.visible_to(user).filter(pk=case.pk).exists():
        return False
    if case.is_confidential:
        # By role, not by permission: a superuser holds every permission but is not the
        # privacy officer the law names.
        return PRIVACY_OFFICER.code in user_role_codes(user)
    return True
