import pytest

from civicdesk.cases import states
from civicdesk.cases.states import OPEN_STATES, TERMINAL_STATES, Action, State


@pytest.mark.parametrize(
    ("action", "source", "expected"),
    [
        (Action.CONFIRM, State.RECEIVED, State.CONFIRMED),
        (Action.ASSIGN, State.CONFIRMED, State.ASSIGNED),
        (Action.ASSIGN, State.IN_PROGRESS, State.ASSIGNED),  # re-assignment
        (Action.START, State.ASSIGNED, State.IN_PROGRESS),
        (Action.REQUEST_SUPPLEMENT, State.IN_PROGRESS, State.WAITING_SUPPLEMENT),
        (Action.RECEIVE_SUPPLEMENT, State.WAITING_SUPPLEMENT, State.IN_PROGRESS),
        (Action.EXTEND, State.WAITING_SUPPLEMENT, State.WAITING_SUPPLEMENT),
        (Action.DRAFT_REPLY, State.IN_PROGRESS, State.REPLY_DRAFTED),
        (Action.DRAFT_REPLY, State.REPLY_DRAFTED, State.REPLY_DRAFTED),  # redraft
        (Action.APPROVE_REPLY, State.REPLY_DRAFTED, State.REPLY_APPROVED),
        (Action.RETURN_REPLY, State.REPLY_APPROVED, State.IN_PROGRESS),
        (Action.SEND_REPLY, State.REPLY_APPROVED, State.CLOSED),
        (Action.TRANSFER, State.CONFIRMED, State.TRANSFERRED),
        (Action.FILE, State.IN_PROGRESS, State.FILED),
        (Action.MERGE, State.ASSIGNED, State.MERGED),
        (Action.REOPEN, State.CLOSED, State.IN_PROGRESS),
        (Action.EXPIRE, State.RECEIVED, State.EXPIRED),
    ],
)
def test_allowed_transitions(action, source, expected):
    assert states.allowed(action, source)
    assert states.target(action, source) == expected


@pytest.mark.parametrize(
    ("action", "source"),
    [
        (Action.SEND_REPLY, State.REPLY_DRAFTED),  # not before approval
        (Action.APPROVE_REPLY, State.IN_PROGRESS),  # nothing to approve
        (Action.CONFIRM, State.CONFIRMED),  # twice
        (Action.ASSIGN, State.RECEIVED),  # unconfirmed web petition
        (Action.TRANSFER, State.CLOSED),
        (Action.REOPEN, State.TRANSFERRED),
        (Action.EXTEND, State.CLOSED),
        (Action.START, State.WAITING_SUPPLEMENT),
        (Action.NOTE, State.RECEIVED),
    ],
)
def test_refused_transitions(action, source):
    assert not states.allowed(action, source)
    with pytest.raises(ValueError, match="not allowed"):
        states.target(action, source)


def test_terminal_states_allow_only_notes_and_reopening_a_closed_case():
    for state in TERMINAL_STATES:
        possible = set(states.actions_from(state)) - {Action.NOTE}
        assert possible == ({Action.REOPEN} if state == State.CLOSED else set()), state


def test_every_open_state_can_still_be_noted_and_every_state_is_classified():
    assert OPEN_STATES.isdisjoint(TERMINAL_STATES)
    assert OPEN_STATES | TERMINAL_STATES | {State.RECEIVED} == set(State)
    for state in OPEN_STATES:
        assert Action.NOTE in states.actions_from(state)
