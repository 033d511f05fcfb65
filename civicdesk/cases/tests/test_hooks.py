"""The petition module's extension points: what plugs in, and the module on its own (as with
triage and the FAQ uninstalled) when nothing does."""

import logging

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone, translation

from civicdesk.cases import hooks
from civicdesk.cases.models import AccessPurpose, Case, CaseEvent, Category, Channel
from civicdesk.cases.services.faq import case_faq_source
from civicdesk.cases.services.intake import case_record
from civicdesk.cases.tests.conftest import petition
from civicdesk.cases.wagtail_hooks import register_case_menu

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_admin(admin_in_english):
    """These tests read the admin in English."""


@pytest.fixture
def alone():
    """The petition module with no app plugged in: triage and the FAQ as if uninstalled."""
    with hooks.all_cleared():
        yield


# --- the registry itself ---------------------------------------------------------------------


def test_an_extension_point_keeps_order_replaces_by_name_and_restores_after_clearing():
    point = hooks.ExtensionPoint("test")
    point.register("a", "first")
    point.register("b", "second")
    point.register("a", "first again")  # a ready() that runs twice
    assert point.entries() == ["first again", "second"]
    with point.cleared():
        assert point.entries() == []
        point.register("c", "only while cleared")
    assert point.entries() == ["first again", "second"]
    point.unregister("b")
    point.unregister("missing")
    assert point.entries() == ["first again"]


def test_a_case_page_panel_names_a_slot_that_exists():
    with pytest.raises(ValueError, match="No case page slot"):
        hooks.CasePanel(slot="sidebar", template="x.html", context=lambda request, case: {})


def test_the_apps_built_on_petitions_plug_in_at_start_up():
    assert hooks.case_started.entries()
    assert {p.template for p in hooks.case_page_panels.entries()} == {
        "triage/admin/case_triage.html",
        "faq/admin/case_promote_button.html",
    }
    assert [h.button for h in hooks.petition_form_helpers.entries()] == ["check_faq"]
    assert [r.purpose for r in hooks.answer_reuses.entries()] == [AccessPurpose.FAQ_PROMOTION]


# --- after a case starts ---------------------------------------------------------------------


def test_every_case_started_hook_runs_after_commit_even_when_one_fails(
    users, django_capture_on_commit_callbacks, caplog
):
    """A hook that fails (a queue outage) is logged; the petition and the other hooks stay."""
    seen = []

    def broken(case_id):
        raise RuntimeError("queue down")

    with hooks.all_cleared():
        hooks.case_started.register("broken", broken)
        hooks.case_started.register("seen", seen.append)
        with (
            caplog.at_level(logging.ERROR),
            django_capture_on_commit_callbacks(execute=True),
        ):
            case, _credentials = case_record(
                data=petition(), channel=Channel.PHONE, recorded_by=users["coordinator"]
            )
            assert seen == []  # nothing runs before the intake commits
    assert seen == [case.pk]
    assert "Error calling" in caplog.text and "broken" in caplog.text
    assert Case.objects.filter(pk=case.pk, number=case.number).exists()


def test_a_web_petition_starts_the_hooks_when_confirmed_not_when_sent(
    users, django_capture_on_commit_callbacks
):
    from civicdesk.cases.services.intake import case_confirm, case_submit

    seen = []
    with hooks.all_cleared():
        hooks.case_started.register("seen", seen.append)
        with django_capture_on_commit_callbacks(execute=True):
            case, token = case_submit(data=petition())
        assert seen == []
        with django_capture_on_commit_callbacks(execute=True):
            case_confirm(token=token)
    assert seen == [case.pk]


# --- the module on its own -------------------------------------------------------------------


def test_alone_recording_and_the_case_page_work(alone, client, users):
    client.force_login(users["coordinator"])
    response = client.post(
        "/admin/petitions/record/",
        {
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
        },
    )
    case = Case.objects.get(subject="電話反映臭味", content__startswith="民眾來電")
    assert response.status_code == 302 and response.url == f"/admin/petitions/{case.pk}/"
    page = client.get(response.url)
    assert page.status_code == 200
    html = page.content.decode()
    assert case.number in html and "Timeline" in html
    assert 'id="triage-heading"' not in html and 'id="faq-promote"' not in html


def test_alone_the_petitions_menu_has_only_the_petition_screens(alone):
    menu = register_case_menu()
    labels = {str(item.label) for item in menu.menu.initial_menu_items}
    assert "Statistics" in labels and "Reply templates" in labels
    assert "Recurring topics" not in labels and "Category suggestions" not in labels


def test_with_triage_the_petitions_menu_has_its_reports():
    menu = register_case_menu()
    labels = [
        str(item.label) for item in sorted(menu.menu.initial_menu_items, key=lambda i: i.order)
    ]
    assert labels.index("Statistics") < labels.index("Recurring topics")
    assert labels.index("Category suggestions") < labels.index("Petition categories")


def petition_url(lang="en"):
    with translation.override(lang):
        return reverse("cases:new")


def test_alone_the_petition_form_renders_and_a_helper_button_is_just_a_send(alone, client):
    cache.clear()  # rate-limit counters
    page = client.get(petition_url())
    assert page.status_code == 200
    assert "faq-suggest" not in page.content.decode()
    before = Case.objects.count()
    response = client.post(petition_url(), {"subject": "Hello", "content": "", "check_faq": "1"})
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()  # validated, as "Send" would be
    assert Case.objects.count() == before


def test_alone_no_one_may_take_a_cases_answer(alone, make_case, users):
    case = make_case()
    with pytest.raises(PermissionDenied):
        case_faq_source(case_id=case.pk, user=users["coordinator"])
    assert not case.events.filter(kind=CaseEvent.Kind.FAQ_PROMOTED).exists()
