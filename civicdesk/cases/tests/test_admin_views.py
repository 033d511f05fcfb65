"""The staff petition screens in the Wagtail admin: list, detail, actions, record; role × state."""

import datetime
import re
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from civicdesk.accounts.models import Unit
from civicdesk.cases.models import Case, CaseEvent, Category, Channel, PersonalDataAccess, Reply
from civicdesk.cases.services import handling
from civicdesk.cases.services.citizen import case_authenticate
from civicdesk.cases.services.clock import calendar_around
from civicdesk.cases.services.intake import case_submit
from civicdesk.cases.staff import views
from civicdesk.cases.states import State
from civicdesk.cases.tests.conftest import petition

pytestmark = pytest.mark.django_db

INDEX = "/admin/petitions/"


@pytest.fixture(autouse=True)
def _english_admin(admin_in_english):
    """These tests read the admin in English."""


def detail_url(case):
    return f"/admin/petitions/{case.pk}/"


def action_url(case, action):
    return f"/admin/petitions/{case.pk}/{action}/"


def html_of(response):
    return response.content.decode()


def messages_of(response):
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


def is_denied(response):
    """Wagtail turns PermissionDenied into a redirect to the dashboard with an error message
    (in the site's default language: it is raised outside the user's language override)."""
    if response.status_code == 403:
        return True
    return (
        response.status_code == 302
        and response.url == reverse("wagtailadmin_home")
        and [level for level, _text in messages_of(response)] == ["error"]
    )


def row_of(html, case):
    """The list row of one case (rows are found by the link to the case)."""
    match = re.search(rf'<tr>\s*<td><a href="{detail_url(case)}">.*?</tr>', html, re.S)
    return match.group(0) if match else None


def shown_actions(html, case):
    return set(re.findall(rf'action="/admin/petitions/{case.pk}/([a-z_]+)/"', html))


def advance(case, state, users):
    """Take a confirmed operations case to `state` through the services, as staff would."""
    officer, head = users["officer"], users["unithead"]
    if state == State.CONFIRMED:
        return case
    handling.case_assign(
        case=case,
        actor=users["coordinator"],
        unit=Unit.objects.get(code="operations"),
        officer=officer,
    )
    if state != State.ASSIGNED:
        handling.case_start(case=case, actor=officer)
    if state == State.WAITING_SUPPLEMENT:
        handling.case_request_supplement(case=case, actor=officer, message="請補充照片。")
    if state in {State.REPLY_DRAFTED, State.REPLY_APPROVED, State.CLOSED}:
        handling.case_draft_reply(
            case=case, actor=officer, body="已改善。", legal_basis="廢棄物清理法", method="email"
        )
    if state in {State.REPLY_APPROVED, State.CLOSED}:
        handling.case_approve_reply(case=case, actor=head)
    if state == State.CLOSED:
        handling.case_send_reply(case=case, actor=officer)
    case.refresh_from_db()
    assert case.state == state
    return case


@pytest.fixture
def case_in(make_case, users):
    def make(state, **overrides):
        return advance(make_case(**overrides), state, users)

    return make


# --- The list ------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [INDEX, "/admin/petitions/record/"])
def test_the_editor_has_no_petition_screens(client, users, url):
    client.force_login(users["editor"])
    assert is_denied(client.get(url))


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(INDEX)
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))


def test_officers_see_their_units_cases_and_coordinators_all(client, users, make_case):
    odour = make_case(subject="Odour at gate 2")
    facilities = make_case(category="feedback-facilities", subject="Pool opening hours")
    unconfirmed, _token = case_submit(data=petition(subject="Not yet confirmed"))

    client.force_login(users["officer"])
    html = html_of(client.get(INDEX))
    assert row_of(html, odour) and odour.number in html
    assert row_of(html, facilities) is None

    client.force_login(users["coordinator"])
    response = client.get(INDEX)
    assert response.status_code == 200
    html = html_of(response)
    assert row_of(html, odour) and row_of(html, facilities)
    assert row_of(html, unconfirmed) is None  # web petitions count once confirmed
    assert "Not yet confirmed" not in html


def test_filter_by_state(client, users, case_in):
    confirmed = case_in(State.CONFIRMED, subject="Still unassigned")
    assigned = case_in(State.ASSIGNED, subject="Already assigned")
    client.force_login(users["coordinator"])

    html = html_of(client.get(INDEX, {"state": "assigned"}))

    assert row_of(html, assigned)
    assert row_of(html, confirmed) is None
    assert '<option value="assigned" selected>' in html


def test_filter_overdue(client, users, case_in):
    late = case_in(State.ASSIGNED, subject="Late case")
    on_time = case_in(State.ASSIGNED, subject="On time case")
    Case.objects.filter(pk=late.pk).update(
        deadline=timezone.localdate() - datetime.timedelta(days=1)
    )
    client.force_login(users["coordinator"])

    html = html_of(client.get(INDEX, {"overdue": "1"}))

    assert row_of(html, late)
    assert "(overdue)" in row_of(html, late)  # said in words, not only by colour
    assert row_of(html, on_time) is None


def test_filter_mine(client, users, case_in):
    mine = case_in(State.ASSIGNED, subject="Assigned to me")
    unassigned = case_in(State.CONFIRMED, subject="Nobody yet")
    client.force_login(users["officer"])

    everything = html_of(client.get(INDEX))
    html = html_of(client.get(INDEX, {"mine": "1"}))

    assert row_of(everything, unassigned)  # same unit: visible without the filter
    assert row_of(html, mine)
    assert row_of(html, unassigned) is None


def listed_pages(client, params):
    """The case links of every page of the list, following the "Next page" links."""
    pages = []
    response = client.get(INDEX, params)
    while True:
        html = html_of(response)
        pages.append(re.findall(r'<td><a href="/admin/petitions/(\d+)/">', html))
        link = re.search(r'<a href="(\?[^"]*)">Next page</a>', html)
        if not link:
            return pages
        response = client.get(INDEX + link.group(1).replace("&amp;", "&"))


@pytest.mark.parametrize(
    "filters",
    [{"mine": "1"}, {"overdue": "1"}, {"state": "assigned", "category": "odour"}],
    ids=["mine", "overdue", "state+category"],
)
def test_paging_keeps_the_filters(client, users, case_in, monkeypatch, filters):
    matching = [case_in(State.ASSIGNED, subject=f"Matching {n}") for n in range(2)]
    if "overdue" in filters:
        Case.objects.filter(pk__in=[c.pk for c in matching]).update(
            deadline=timezone.localdate() - datetime.timedelta(days=1)
        )
    case_in(State.ASSIGNED, category="noise", subject="Other category")
    case_in(State.CONFIRMED, subject="Other state")
    client.force_login(users["officer"])
    [one_page] = listed_pages(client, filters)
    assert {str(c.pk) for c in matching} <= set(one_page)

    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    pages = listed_pages(client, filters)

    assert len(pages) == len(one_page)
    assert [pk for page in pages for pk in page] == one_page


def test_the_list_masks_petitioners_and_redacts_confidential_ones(client, users, make_case):
    ordinary = make_case(name="林美華", email="meihua@example.com", phone="0912345678")
    secret = make_case(name="范姜怡君", email="daming@example.com", is_confidential=True)
    client.force_login(users["coordinator"])

    html = html_of(client.get(INDEX))

    assert "<td>林○華</td>" in row_of(html, ordinary)
    assert "<td>＊＊＊</td>" in row_of(html, secret)
    for personal in ("林美華", "范姜怡君", "范○○君", "meihua@example.com", "daming@example.com"):
        assert personal not in html
    assert "0912345678" not in html


def test_the_admin_speaks_chinese_by_default(client, users):
    profile = UserProfile.get_for_user(users["officer"])
    profile.preferred_language = ""
    profile.save()
    client.force_login(users["officer"])

    response = client.get(INDEX)

    assert response.status_code == 200
    html = html_of(response)
    assert '<html lang="zh-hant"' in html
    assert "陳情案件" in html


# --- The detail page: which actions for whom, in which state -------------------------------

NONE: frozenset[str] = frozenset()
SUPERVISE_CONFIRMED = frozenset({"assign", "transfer", "file", "merge", "recategorise", "note"})
EXPECTED_ACTIONS: dict[str, dict[str, Any]] = {
    # state: {role: actions offered}; the officer is the case's own officer once assigned.
    State.CONFIRMED: {
        "officer": NONE,  # not yet his case
        "unithead": SUPERVISE_CONFIRMED,
        "coordinator": SUPERVISE_CONFIRMED,
        "director": SUPERVISE_CONFIRMED,
        "privacy": NONE,
    },
    State.ASSIGNED: {
        "officer": {"start", "request_supplement", "draft_reply", "note"},
        "unithead": {
            *("assign", "start", "request_supplement", "extend", "draft_reply"),
            *("transfer", "file", "merge", "recategorise", "note"),
        },
        "coordinator": {
            *("assign", "start", "request_supplement", "draft_reply"),
            *("transfer", "file", "merge", "recategorise", "note"),
        },
        "director": {
            *("assign", "start", "request_supplement", "extend", "draft_reply"),
            *("transfer", "file", "merge", "recategorise", "note"),
        },
        "privacy": NONE,
    },
    State.REPLY_DRAFTED: {
        "officer": {"draft_reply", "note"},
        "unithead": {"extend", "draft_reply", "approve_reply", "return_reply", "note"},
        "coordinator": {"draft_reply", "note"},
        "director": {"extend", "draft_reply", "approve_reply", "return_reply", "note"},
        "privacy": NONE,
    },
    State.REPLY_APPROVED: {
        "officer": {"send_reply", "note"},
        "unithead": {"return_reply", "send_reply", "note"},
        "coordinator": {"send_reply", "note"},
        "director": {"return_reply", "send_reply", "note"},
        "privacy": NONE,
    },
    State.CLOSED: {
        "officer": {"note"},
        "unithead": {"note"},
        "coordinator": {"note"},
        "director": {"note"},
        "privacy": NONE,
    },
}
MATRIX = [
    (state, role, frozenset(actions))
    for state, by_role in EXPECTED_ACTIONS.items()
    for role, actions in by_role.items()
]


@pytest.mark.parametrize(("state", "role", "expected"), MATRIX)
def test_detail_offers_the_actions_of_the_role_in_the_state(
    client, users, case_in, state, role, expected
):
    case = case_in(state)
    client.force_login(users[role])

    response = client.get(detail_url(case))

    assert response.status_code == 200
    html = html_of(response)
    assert shown_actions(html, case) == expected
    assert ("<h2>Actions</h2>" in html) == bool(expected)


@pytest.mark.parametrize("state", list(EXPECTED_ACTIONS))
def test_the_editor_cannot_open_a_case(client, users, case_in, state):
    case = case_in(state)
    client.force_login(users["editor"])

    assert is_denied(client.get(detail_url(case)))
    assert not PersonalDataAccess.objects.filter(case=case).exists()


def test_officers_cannot_open_other_units_cases(client, users, make_case):
    case = make_case(category="feedback-facilities")
    client.force_login(users["officer"])

    assert client.get(detail_url(case)).status_code == 404
    assert not PersonalDataAccess.objects.filter(case=case).exists()


def test_every_view_of_the_detail_is_logged(client, users, make_case):
    case = make_case()
    client.force_login(users["officer"])

    for _ in range(2):
        response = client.get(detail_url(case))
        assert response.status_code == 200

    html = html_of(response)
    assert "林美華" in html and "citizen@example.com" in html and "0912345678" in html
    accesses = PersonalDataAccess.objects.filter(case=case, user=users["officer"])
    assert accesses.count() == 2
    assert {(a.purpose, a.was_redacted) for a in accesses} == {("case detail", False)}


def test_a_confidential_petitioner_is_redacted_for_the_coordinator(client, users, make_case):
    case = make_case(name="范姜怡君", email="daming@example.com", is_confidential=True)
    client.force_login(users["coordinator"])

    html = html_of(client.get(detail_url(case)))

    assert "<dd>＊＊＊</dd>" in html
    for personal in ("范姜怡君", "daming@example.com", "0912345678"):
        assert personal not in html
    assert "only the privacy officer sees the identity" in html
    access = PersonalDataAccess.objects.get(case=case, user=users["coordinator"])
    assert access.was_redacted


def test_the_privacy_officer_sees_a_confidential_petitioner(client, users, make_case):
    case = make_case(name="范姜怡君", email="daming@example.com", is_confidential=True)
    client.force_login(users["privacy"])

    html = html_of(client.get(detail_url(case)))

    assert "<dd>范姜怡君</dd>" in html
    assert "daming@example.com" in html
    assert "＊＊＊" not in html
    access = PersonalDataAccess.objects.get(case=case, user=users["privacy"])
    assert not access.was_redacted


def test_the_reply_form_starts_from_the_categorys_template(client, users, case_in):
    case = case_in(State.ASSIGNED)
    client.force_login(users["officer"])

    response = client.get(detail_url(case))

    form = response.context["action_forms"]["draft_reply"][1]
    assert form.initial["method"] == Reply.Method.EMAIL
    assert form.initial.get("body")  # the demo has a zh-hant reply template for odour


# --- Posting the actions -------------------------------------------------------------------


def _later_workday(case):
    return calendar_around(case.deadline).add_workdays(case.deadline, 5).isoformat()


ACTIONS = [
    # (action, actor, from state, data(case, users, make_case), state after)
    (
        "assign",
        "coordinator",
        State.CONFIRMED,
        lambda c, u, m: {
            "unit": Unit.objects.get(code="operations").pk,
            "officer": u["officer"].pk,
        },
        State.ASSIGNED,
    ),
    ("start", "officer", State.ASSIGNED, lambda c, u, m: {}, State.IN_PROGRESS),
    (
        "request_supplement",
        "officer",
        State.IN_PROGRESS,
        lambda c, u, m: {"message": "請提供拍攝時間與地點。"},
        State.WAITING_SUPPLEMENT,
    ),
    (
        "receive_supplement",
        "officer",
        State.WAITING_SUPPLEMENT,
        lambda c, u, m: {"message": "已收到照片。"},
        State.IN_PROGRESS,
    ),
    (
        "extend",
        "unithead",
        State.IN_PROGRESS,
        lambda c, u, m: {"new_deadline": _later_workday(c), "reason": "需會同環保局稽查。"},
        State.IN_PROGRESS,
    ),
    (
        "draft_reply",
        "officer",
        State.IN_PROGRESS,
        lambda c, u, m: {
            "body": "已加強貯坑負壓管理。",
            "legal_basis": "廢棄物清理法",
            "method": "email",
        },
        State.REPLY_DRAFTED,
    ),
    ("approve_reply", "unithead", State.REPLY_DRAFTED, lambda c, u, m: {}, State.REPLY_APPROVED),
    (
        "return_reply",
        "unithead",
        State.REPLY_DRAFTED,
        lambda c, u, m: {"message": "請補充法源。"},
        State.IN_PROGRESS,
    ),
    ("send_reply", "officer", State.REPLY_APPROVED, lambda c, u, m: {}, State.CLOSED),
    (
        "transfer",
        "coordinator",
        State.CONFIRMED,
        lambda c, u, m: {
            "agency": "高雄市政府工務局",
            "document_number": "高市環字第1140001號",
            "transferred_on": timezone.localdate().isoformat(),
        },
        State.TRANSFERRED,
    ),
    (
        "file",
        "coordinator",
        State.CONFIRMED,
        lambda c, u, m: {"reason": "no_content", "note": "無具體內容。"},
        State.FILED,
    ),
    (
        "merge",
        "coordinator",
        State.CONFIRMED,
        lambda c, u, m: {"into": m().number},
        State.MERGED,
    ),
    ("note", "officer", State.ASSIGNED, lambda c, u, m: {"message": "內部：請調閱監視器"}, None),
]
LABELS = {
    "assign": "Assign",
    "start": "Start handling",
    "request_supplement": "Ask the petitioner for a supplement",
    "receive_supplement": "Supplement received",
    "extend": "Extend the deadline",
    "draft_reply": "Draft the reply",
    "approve_reply": "Approve the reply",
    "return_reply": "Return the reply for changes",
    "send_reply": "Send the reply and close",
    "transfer": "Transfer to another agency",
    "file": "Register without handling (art. 173)",
    "merge": "Merge into another case",
    "note": "Add an internal note",
}


def prefixed(action, data):
    return {f"{action}-{key}": value for key, value in data.items()}


@pytest.mark.parametrize(
    ("action", "role", "before", "data", "after"), ACTIONS, ids=[a[0] for a in ACTIONS]
)
def test_each_action_is_performed(
    client, users, case_in, make_case, action, role, before, data, after
):
    case = case_in(before)
    client.force_login(users[role])

    response = client.post(action_url(case, action), prefixed(action, data(case, users, make_case)))

    assert response.status_code == 302
    assert response.url == detail_url(case)
    assert messages_of(response) == [("success", f"Done: {LABELS[action]}.")]
    case.refresh_from_db()
    assert case.state == (after or before)
    event = case.events.filter(kind=action).latest("at", "pk")
    assert event.actor == users[role]


def test_the_performed_actions_leave_their_data(client, users, case_in, make_case):
    case = case_in(State.CONFIRMED)
    other = make_case()
    client.force_login(users["coordinator"])

    client.post(action_url(case, "merge"), {"merge-into": other.number})

    case.refresh_from_db()
    assert case.merged_into == other
    assert other.events.filter(kind="note", message__contains=case.number).exists()


def test_extending_moves_the_deadline(client, users, case_in):
    case = case_in(State.IN_PROGRESS)
    new_deadline = _later_workday(case)
    client.force_login(users["unithead"])

    client.post(
        action_url(case, "extend"), {"extend-new_deadline": new_deadline, "extend-reason": "會勘"}
    )

    case.refresh_from_db()
    assert case.deadline.isoformat() == new_deadline
    assert case.extension_count == 1


def test_a_note_stays_internal(client, users, case_in):
    case = case_in(State.ASSIGNED)
    client.force_login(users["officer"])

    client.post(action_url(case, "note"), {"note-message": "內部：請調閱監視器"})

    event = case.events.get(kind="note")
    assert event.message == "內部：請調閱監視器"
    assert not event.is_public


FORM_ERRORS = [
    # Each row: the action, who tries it, in which state, with what data, and the message.
    (
        "extend",
        "unithead",
        State.IN_PROGRESS,
        {"reason": "x"},
        "New deadline: This field is required.",
    ),
    (
        "extend",
        "unithead",
        State.IN_PROGRESS,
        {"new_deadline": "someday", "reason": "x"},
        "New deadline: Enter a valid date.",
    ),
    ("assign", "coordinator", State.CONFIRMED, {}, "Unit: This field is required."),
    (
        "merge",
        "coordinator",
        State.CONFIRMED,
        {"into": "1009999999"},
        "Merge into case number: There is no case with that number.",
    ),
    ("note", "officer", State.ASSIGNED, {"message": ""}, "Message: This field is required."),
    (
        "draft_reply",
        "officer",
        State.IN_PROGRESS,
        {"body": "b", "legal_basis": "l", "method": "pigeon"},
        "Send by: Select a valid choice. pigeon is not one of the available choices.",
    ),
]


@pytest.mark.parametrize(
    ("action", "role", "state", "data", "message"), FORM_ERRORS, ids=[e[0] for e in FORM_ERRORS]
)
def test_form_errors_come_back_as_messages(
    client, users, case_in, action, role, state, data, message
):
    case = case_in(state)
    events = case.events.count()
    deadline = case.deadline
    client.force_login(users[role])

    response = client.post(action_url(case, action), prefixed(action, data))

    assert response.status_code == 302
    assert response.url == detail_url(case)
    assert messages_of(response) == [("error", message)]
    case.refresh_from_db()
    assert (case.state, case.deadline, case.events.count()) == (state, deadline, events)


CASE_ERRORS = [
    # Each row: the action, who tries it, in which state, data made from (case, users), message.
    (
        "extend",
        "unithead",
        State.IN_PROGRESS,
        lambda c, u: {"new_deadline": c.received_on.isoformat(), "reason": "x"},
        "The new deadline must be later than the current one.",
    ),
    (
        "merge",
        "coordinator",
        State.CONFIRMED,
        lambda c, u: {"into": c.number},
        "A case cannot be merged into itself.",
    ),
    (
        "start",
        "unithead",
        State.CONFIRMED,
        lambda c, u: {},
        "This case is now “Accepted, awaiting assignment”; “Start handling” is not possible.",
    ),
    (
        "assign",
        "coordinator",
        State.CONFIRMED,
        lambda c, u: {
            "unit": Unit.objects.get(code="maintenance").pk,
            "officer": u["officer"].pk,
        },
        "The officer must belong to the unit the case is assigned to.",
    ),
    (
        "file",
        "coordinator",
        State.CONFIRMED,
        lambda c, u: {"reason": "repeat", "note": ""},
        "A repeat must cite the earlier case that was answered.",
    ),
    (
        "send_reply",
        "officer",
        State.REPLY_DRAFTED,
        lambda c, u: {},
        "There is no reply in that state.",
    ),
]


@pytest.mark.parametrize(
    ("action", "role", "state", "data", "message"), CASE_ERRORS, ids=[e[0] for e in CASE_ERRORS]
)
def test_refusals_come_back_as_messages(client, users, case_in, action, role, state, data, message):
    case = case_in(state)
    events = case.events.count()
    client.force_login(users[role])

    response = client.post(action_url(case, action), prefixed(action, data(case, users)))

    assert response.status_code == 302
    assert messages_of(response) == [("error", message)]
    case.refresh_from_db()
    assert (case.state, case.events.count()) == (state, events)


def test_a_petitioner_without_email_cannot_be_answered_by_email(client, users, case_in):
    case = case_in(State.IN_PROGRESS, email="")
    client.force_login(users["officer"])

    response = client.post(
        action_url(case, "draft_reply"),
        prefixed("draft_reply", {"body": "b", "legal_basis": "l", "method": "email"}),
    )

    assert messages_of(response) == [
        ("error", "The petitioner gave no e-mail address; reply by letter or phone.")
    ]
    assert not case.replies.exists()


FORBIDDEN = [
    # (action, actor, state, data(case, users)): the state allows it, the role does not
    ("approve_reply", "officer", State.REPLY_DRAFTED, lambda c, u: {}),
    (
        "extend",
        "coordinator",
        State.IN_PROGRESS,
        lambda c, u: {"new_deadline": _later_workday(c), "reason": "x"},
    ),
    (
        "assign",
        "officer",
        State.CONFIRMED,
        lambda c, u: {"unit": Unit.objects.get(code="operations").pk, "officer": u["officer"].pk},
    ),
    ("file", "officer", State.ASSIGNED, lambda c, u: {"reason": "no_content"}),
    ("note", "officer", State.CONFIRMED, lambda c, u: {"message": "not my case yet"}),
]


@pytest.mark.parametrize(
    ("action", "role", "state", "data"), FORBIDDEN, ids=[f"{f[1]}-{f[0]}" for f in FORBIDDEN]
)
def test_actions_the_role_may_not_take_are_refused(
    client, users, case_in, action, role, state, data
):
    case = case_in(state)
    events = case.events.count()
    client.force_login(users[role])

    response = client.post(action_url(case, action), prefixed(action, data(case, users)))

    assert response.status_code == 302
    assert messages_of(response) == [("error", "You may not do that on this case.")]
    case.refresh_from_db()
    assert (case.state, case.events.count()) == (state, events)


@pytest.mark.parametrize("role", ["privacy", "editor"])
def test_roles_without_change_permission_cannot_post_actions(client, users, case_in, role):
    case = case_in(State.ASSIGNED)
    events = case.events.count()
    client.force_login(users[role])

    response = client.post(action_url(case, "note"), {"note-message": "x"})

    assert is_denied(response)
    assert case.events.count() == events


def test_officers_cannot_act_on_other_units_cases(client, users, make_case):
    case = make_case(category="feedback-facilities")
    client.force_login(users["officer"])

    response = client.post(action_url(case, "note"), {"note-message": "x"})

    assert response.status_code == 404
    assert not case.events.filter(kind="note").exists()


@pytest.mark.parametrize("action", ["frobnicate", "confirm", "reopen", "expire"])
def test_unknown_or_citizen_actions_are_404(client, users, case_in, action):
    case = case_in(State.CLOSED)
    client.force_login(users["director"])

    response = client.post(action_url(case, action), {f"{action}-reason": "x"})

    assert response.status_code == 404
    case.refresh_from_db()
    assert case.state == State.CLOSED


def test_actions_on_a_missing_case_are_404(client, users):
    client.force_login(users["director"])
    assert client.post("/admin/petitions/999999/note/", {"note-message": "x"}).status_code == 404


@pytest.mark.parametrize("action", ["note", "assign", "send_reply"])
def test_actions_answer_post_only(client, users, case_in, action):
    case = case_in(State.ASSIGNED)
    client.force_login(users["director"])

    response = client.get(action_url(case, action))

    assert response.status_code == 405
    assert response["Allow"] == "POST"


# --- Recording a petition received by phone, letter or at the counter ----------------------


def record_data(**overrides):
    data = {
        "channel": "phone",
        "received_on": timezone.localdate().isoformat(),
        "external_reference": "",
        "category": Category.objects.get(code="odour").pk,
        "language": "zh-hant",
        "subject": "電話反映臭味",
        "content": "民眾來電反映傍晚大中一路有垃圾臭味。",
        "location": "大中一路",
        "name": "王小明",
        "email": "",
        "phone": "07-1234567",
        "address": "",
    }
    data.update(overrides)
    return data


def test_the_record_form_opens_for_officers(client, users):
    client.force_login(users["officer"])

    response = client.get("/admin/petitions/record/")

    assert response.status_code == 200
    html = html_of(response)
    assert 'name="channel"' in html
    assert '<option value="web"' not in html  # web petitions come through the public form


def test_a_phone_petition_is_recorded_with_number_and_password(client, users):
    client.force_login(users["officer"])

    response = client.post("/admin/petitions/record/", record_data())

    case = Case.objects.get(subject="電話反映臭味")
    assert response.status_code == 302
    assert response.url == detail_url(case)
    assert case.state == State.CONFIRMED
    assert case.channel == Channel.PHONE
    assert case.recorded_by == users["officer"]
    assert case.unit.code == "operations"
    assert case.petitioner.name == "王小明"
    assert case.events.filter(kind=CaseEvent.Kind.RECORDED).exists()
    [(level, text)] = messages_of(response)
    assert level == "success"
    match = re.fullmatch(r"Recorded as case (\d+)\. Query password for the petitioner: (\S+)", text)
    assert match and match.group(1) == case.number
    assert case_authenticate(number=case.number, password=match.group(2)).pk == case.pk


def test_recording_without_any_contact_is_refused(client, users):
    client.force_login(users["officer"])
    before = Case.objects.count()

    response = client.post("/admin/petitions/record/", record_data(phone=""))

    assert response.status_code == 200
    assert "A petition needs at least one contact: e-mail, phone or address." in html_of(response)
    assert Case.objects.count() == before


def test_web_is_not_a_channel_staff_can_record(client, users):
    client.force_login(users["officer"])
    before = Case.objects.count()

    response = client.post("/admin/petitions/record/", record_data(channel="web"))

    assert response.status_code == 200
    assert response.context["form"].errors["channel"]
    assert Case.objects.count() == before


def test_the_editor_cannot_record(client, users):
    client.force_login(users["editor"])
    before = Case.objects.count()

    response = client.post("/admin/petitions/record/", record_data())

    assert is_denied(response)
    assert Case.objects.count() == before


def test_the_list_shows_open_cases_unless_asked(client, users, case_in):
    open_case = case_in(State.ASSIGNED, subject="Still open")
    closed_case = case_in(State.CLOSED, subject="Already closed")
    client.force_login(users["coordinator"])

    default = html_of(client.get(INDEX))
    everything = html_of(client.get(INDEX, {"state": "all"}))

    assert row_of(default, open_case) and row_of(default, closed_case) is None
    assert row_of(everything, open_case) and row_of(everything, closed_case)


@pytest.mark.parametrize(
    "username", ["officer", "unithead", "coordinator", "director", "privacy", "editor", "admin"]
)
def test_the_fast_count_equals_the_visible_list(users, case_in, username):
    from civicdesk.cases.selectors import CaseFilters, case_count_for_staff, case_list_for_staff

    case_in(State.ASSIGNED, subject="one")
    case_in(State.CLOSED, subject="two")
    moved = case_in(State.ASSIGNED, subject="three")  # the officer's case, now another unit's
    Case.objects.filter(pk=moved.pk).update(
        unit=Unit.objects.get(code="general-affairs"), officer=users["officer"]
    )
    for filters in (CaseFilters(), CaseFilters(state="open"), CaseFilters(state="closed")):
        user = users[username]
        assert case_count_for_staff(user, filters) == case_list_for_staff(user, filters).count()


def written_tables(queries):
    """The tables a block of SQL wrote to (INSERT INTO t, UPDATE t, DELETE FROM t)."""
    tables = []
    for query in queries:
        sql = query["sql"]
        match = re.match(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', sql, re.I)
        if match:
            tables.append(match.group(1))
    return tables


@pytest.mark.parametrize("role", ["coordinator", "officer", "privacy"])
def test_reading_the_case_page_writes_only_the_access_log(client, assigned, users, role):
    """A GET is a read: with every plugged-in panel shown, the one write is the personal-data
    access log, which is the read's own trace (個資法), with Wagtail's reference index of it."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import ReferenceIndex

    client.force_login(users[role])
    client.get(detail_url(assigned))  # the session and the user's profile settle first
    before = Case.objects.values().get(pk=assigned.pk)
    access_log = ContentType.objects.get_for_model(PersonalDataAccess)
    other_references = ReferenceIndex.objects.exclude(content_type=access_log)
    references = other_references.count()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(detail_url(assigned))
    assert response.status_code == 200
    written = set(written_tables(queries.captured_queries))
    assert PersonalDataAccess._meta.db_table in written
    assert written <= {PersonalDataAccess._meta.db_table, ReferenceIndex._meta.db_table}
    assert other_references.count() == references
    assert Case.objects.values().get(pk=assigned.pk) == before
