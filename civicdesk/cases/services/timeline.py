"""The case's append-only timeline, and moving a case through its states with a trace."""

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, User
from django.utils.translation import gettext as _

from civicdesk.cases import states
from civicdesk.cases.errors import CaseError
from civicdesk.cases.models import Case, CaseEvent
from civicdesk.cases.states import Action, State


def record_event(
    case: Case,
    kind: str,
    *,
    actor: AbstractBaseUser | None = None,
    actor_label: str = "",
    from_state: str = "",
    to_state: str = "",
    message: str = "",
    data: dict[str, Any] | None = None,
    is_public: bool = False,
) -> CaseEvent:
    return CaseEvent.objects.create(
        case=case,
        kind=kind,
        actor=actor if isinstance(actor, User) else None,
        actor_label=actor_label or (actor.get_username() if actor is not None else ""),
        from_state=from_state,
        to_state=to_state,
        message=message,
        data=data or {},
        is_public=is_public,
    )


def transition(
    case: Case,
    action: Action,
    *,
    actor: AbstractBaseUser | None = None,
    actor_label: str = "",
    message: str = "",
    data: dict[str, Any] | None = None,
    is_public: bool = True,
    update_fields: tuple[str, ...] = (),
) -> CaseEvent:
    """Move the case to the action's target state, save the changed fields and log the event."""
    if not states.allowed(action, case.state):
        raise CaseError(
            _("This case is now “%(state)s”; “%(action)s” is not possible.")
            % {"state": State(case.state).label, "action": Action(action).label}
        )
    before = case.state
    case.state = states.target(action, case.state)
    case.save(update_fields=["state", *update_fields])
    return record_event(
        case,
        action,
        actor=actor,
        actor_label=actor_label,
        from_state=before,
        to_state=case.state,
        message=message,
        data=data,
        is_public=is_public,
    )


def lock(case: Case) -> Case:
    """Re-read the case under a row lock so concurrent actions serialise."""
    return (
        Case.objects.select_for_update(of=("self",))
        .select_related("category", "unit")
        .get(pk=case.pk)
    )
