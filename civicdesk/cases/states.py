"""The petition workflow as data: states, actions and which action is allowed from which state.

Pure: no ORM. Services consult `allowed(action, state)` before any write, so an illegal
transition fails the same way from the admin, the public site, the API and the commands.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    RECEIVED = "received", _("Received, awaiting e-mail confirmation")
    CONFIRMED = "confirmed", _("Accepted, awaiting assignment")
    ASSIGNED = "assigned", _("Assigned to an officer")
    IN_PROGRESS = "in_progress", _("In progress")
    WAITING_SUPPLEMENT = "waiting_supplement", _("Waiting for the petitioner's supplement")
    REPLY_DRAFTED = "reply_drafted", _("Reply drafted")
    REPLY_APPROVED = "reply_approved", _("Reply approved")
    CLOSED = "closed", _("Closed")
    TRANSFERRED = "transferred", _("Transferred to the competent agency")
    FILED = "filed", _("Registered without handling (art. 173)")
    MERGED = "merged", _("Merged into another case")
    EXPIRED = "expired", _("Never confirmed")


class Action(models.TextChoices):
    CONFIRM = "confirm", _("Confirm by e-mail")
    ASSIGN = "assign", _("Assign")
    START = "start", _("Start handling")
    REQUEST_SUPPLEMENT = "request_supplement", _("Ask the petitioner for a supplement")
    RECEIVE_SUPPLEMENT = "receive_supplement", _("Supplement received")
    EXTEND = "extend", _("Extend the deadline")
    DRAFT_REPLY = "draft_reply", _("Draft the reply")
    APPROVE_REPLY = "approve_reply", _("Approve the reply")
    RETURN_REPLY = "return_reply", _("Return the reply for changes")
    SEND_REPLY = "send_reply", _("Send the reply and close")
    TRANSFER = "transfer", _("Transfer to another agency")
    FILE = "file", _("Register without handling (art. 173)")
    MERGE = "merge", _("Merge into another case")
    RECATEGORISE = "recategorise", _("Change the category")
    REOPEN = "reopen", _("Reopen")
    NOTE = "note", _("Add an internal note")
    EXPIRE = "expire", _("Expire unconfirmed submission")


# States in which the case is still open and its deadline runs (or is paused).
OPEN_STATES = frozenset(
    {
        State.CONFIRMED,
        State.ASSIGNED,
        State.IN_PROGRESS,
        State.WAITING_SUPPLEMENT,
        State.REPLY_DRAFTED,
        State.REPLY_APPROVED,
    }
)
TERMINAL_STATES = frozenset(
    {State.CLOSED, State.TRANSFERRED, State.FILED, State.MERGED, State.EXPIRED}
)
_HANDLING = frozenset({State.CONFIRMED, State.ASSIGNED, State.IN_PROGRESS})

TRANSITIONS: dict[Action, tuple[frozenset[State], State | None]] = {
    # action: (from states, to state; None = the state does not change)
    Action.CONFIRM: (frozenset({State.RECEIVED}), State.CONFIRMED),
    Action.EXPIRE: (frozenset({State.RECEIVED}), State.EXPIRED),
    Action.ASSIGN: (
        frozenset({State.CONFIRMED, State.ASSIGNED, State.IN_PROGRESS}),
        State.ASSIGNED,
    ),
    Action.START: (frozenset({State.ASSIGNED}), State.IN_PROGRESS),
    Action.REQUEST_SUPPLEMENT: (
        frozenset({State.ASSIGNED, State.IN_PROGRESS}),
        State.WAITING_SUPPLEMENT,
    ),
    Action.RECEIVE_SUPPLEMENT: (frozenset({State.WAITING_SUPPLEMENT}), State.IN_PROGRESS),
    Action.EXTEND: (
        frozenset(
            {State.ASSIGNED, State.IN_PROGRESS, State.WAITING_SUPPLEMENT, State.REPLY_DRAFTED}
        ),
        None,
    ),
    Action.DRAFT_REPLY: (
        frozenset({State.ASSIGNED, State.IN_PROGRESS, State.REPLY_DRAFTED}),
        State.REPLY_DRAFTED,
    ),
    Action.APPROVE_REPLY: (frozenset({State.REPLY_DRAFTED}), State.REPLY_APPROVED),
    Action.RETURN_REPLY: (
        frozenset({State.REPLY_DRAFTED, State.REPLY_APPROVED}),
        State.IN_PROGRESS,
    ),
    Action.SEND_REPLY: (frozenset({State.REPLY_APPROVED}), State.CLOSED),
    Action.TRANSFER: (_HANDLING, State.TRANSFERRED),
    Action.FILE: (_HANDLING, State.FILED),
    Action.MERGE: (_HANDLING, State.MERGED),
    # The category routes the case (unit, deadline), so it may change only before the reply.
    Action.RECATEGORISE: (_HANDLING, None),
    Action.REOPEN: (frozenset({State.CLOSED}), State.IN_PROGRESS),
    Action.NOTE: (frozenset(State) - {State.RECEIVED, State.EXPIRED}, None),
}


def allowed(action: Action | str, state: State | str) -> bool:
    sources, _target = TRANSITIONS[Action(action)]
    return State(state) in sources


def target(action: Action | str, state: State | str) -> State:
    """The state after `action`; raises ValueError when the action is not allowed from `state`."""
    if not allowed(action, state):
        raise ValueError(f"{action} is not allowed from {state}")
    _sources, to = TRANSITIONS[Action(action)]
    return State(state) if to is None else to


def actions_from(state: State | str) -> list[Action]:
    return [action for action in Action if allowed(action, state)]
