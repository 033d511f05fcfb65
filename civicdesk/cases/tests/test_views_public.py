"""The public petition screens through the test client: language, status, permission, abuse."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from civicdesk.cases.models import Attachment, Case, Category, Channel, SatisfactionResponse
from civicdesk.cases.services import handling
from civicdesk.cases.services.citizen import case_authenticate
from civicdesk.cases.services.intake import case_submit
from civicdesk.cases.states import State
from civicdesk.cases.tests.conftest import petition
from civicdesk.cases.views import SESSION_KEY

pytestmark = pytest.mark.django_db

LANG_TAGS = {"zh-hant": "zh-Hant-TW", "en": "en"}
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def url(name, lang="en", **kwargs):
    """The URL in one language, whatever language the last request left active."""
    with translation.override(lang):
        return reverse(f"cases:{name}", kwargs=kwargs or None)


def html_of(response):
    return response.content.decode()


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate-limit counters live in the cache: no test may inherit another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def test_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def closed(assigned, users):
    """Answered by e-mail and closed today: the survey and reopening are open."""
    handling.case_start(case=assigned, actor=users["officer"])
    handling.case_draft_reply(
        case=assigned,
        actor=users["officer"],
        body="已加強貯坑負壓管理，並增加巡查。",
        legal_basis="廢棄物清理法第36條",
        method="email",
    )
    handling.case_approve_reply(case=assigned, actor=users["unithead"])
    handling.case_send_reply(case=assigned, actor=users["officer"])
    assigned.refresh_from_db()
    assert assigned.state == State.CLOSED
    return assigned


def track(client, case, lang="en"):
    """Sign in to a case with its number + query password, as the petitioner does."""
    response = client.post(
        url("track", lang), {"number": case.number, "password": case.credentials.password}
    )
    assert response.status_code == 302, html_of(response)
    return response


def petition_data(**overrides):
    data = {
        "category": Category.objects.get(code="odour").pk,
        "subject": "Smell near the plant",
        "content": "Every evening there is a strong smell of rubbish on Dazhong 1st Road.",
        "location": "Dazhong 1st Road",
        "name": "Mei-hua Lin",
        "email": "citizen@example.com",
        "phone": "0912345678",
        "address": "",
        "consent": "on",
        "website": "",
        # The odour category asks when the smell is noticed (the demo's extra questions).
        "questions_for": "odour",
        "extra_when": "Every evening around 6 pm",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


# --- Every URL answers in both languages ---------------------------------------------------

HEADINGS = {
    # name: (English heading, Chinese heading); {number} is the tracked case's number
    "start": ("Petitions and suggestions", "陳情及建議"),
    "new": ("File a petition", "線上陳情"),
    "mailbox": ("Director's mailbox", "廠長信箱"),
    "sent": ("Check your e-mail", "請收取電子郵件"),
    "track": ("Track your case", "案件查詢"),
    "confirm": ("Confirm your petition", "確認您的陳情"),
    "status": ("Case {number}", "案號 {number}"),
    "survey": ("Rate our service", "滿意度調查"),
}


@pytest.mark.parametrize("lang", ["zh-hant", "en"])
@pytest.mark.parametrize("name", list(HEADINGS))
def test_every_page_answers_in_both_languages(client, closed, lang, name):
    track(client, closed, lang)
    kwargs = {
        "confirm": {"token": "any-token"},
        "status": {"number": closed.number},
        "survey": {"number": closed.number},
    }.get(name, {})
    path = url(name, lang, **kwargs)
    assert path.startswith("/en/petitions/" if lang == "en" else "/petitions/")

    response = client.get(path)

    assert response.status_code == 200
    html = html_of(response)
    assert f'<html lang="{LANG_TAGS[lang]}">' in html
    english, chinese = HEADINGS[name]
    heading = (english if lang == "en" else chinese).format(number=closed.number)
    assert f"<h1>{heading}</h1>" in html


@pytest.mark.parametrize("lang", ["zh-hant", "en"])
def test_survey_link_of_the_closing_mail_leads_to_sign_in(client, lang):
    response = client.get(url("survey_entry", lang))
    assert response.status_code == 302
    assert response.url == url("track", lang)


@pytest.mark.parametrize("lang", ["zh-hant", "en"])
def test_reopen_answers_post_only(client, closed, lang):
    track(client, closed, lang)
    assert client.get(url("reopen", lang, number=closed.number)).status_code == 405
    response = client.post(url("reopen", lang, number=closed.number), {"reason": "Still smells."})
    assert response.status_code == 302
    assert response.url == url("status", lang, number=closed.number)


@pytest.mark.parametrize("lang", ["zh-hant", "en"])
@pytest.mark.parametrize(
    ("name", "method"),
    [("status", "get"), ("survey", "get"), ("survey", "post"), ("reopen", "post")],
)
def test_case_pages_need_the_case_in_the_session(client, closed, lang, name, method):
    response = getattr(client, method)(url(name, lang, number=closed.number))
    assert response.status_code == 302
    assert response.url == url("track", lang)
    closed.refresh_from_db()
    assert closed.state == State.CLOSED
    assert not SatisfactionResponse.objects.filter(case=closed).exists()


# --- Filing a petition ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "channel"), [("en", "new"), ("zh-hant", "new"), ("en", "mailbox")]
)
def test_valid_petition_is_received_and_waits_for_confirmation(client, lang, channel):
    response = client.post(url(channel, lang), petition_data())

    assert response.status_code == 302
    assert response.url == url("sent", lang)
    case = Case.objects.get(petitioner__email="citizen@example.com")
    assert case.state == State.RECEIVED
    assert case.channel == (Channel.MAILBOX if channel == "mailbox" else Channel.WEB)
    assert case.language == lang
    assert case.category.code == "odour"
    assert case.petitioner.name == "Mei-hua Lin"
    assert case.number is None  # no number until the e-mailed link is used
    sent = client.get(response.url)
    assert "citizen@example.com" in html_of(sent)


def test_the_honeypot_catches_bots(client):
    before = Case.objects.count()

    response = client.post(url("new"), petition_data(website="http://spam.example.com"))

    assert response.status_code == 200
    assert Case.objects.count() == before
    assert "This submission looks automated." in html_of(response)


def test_errors_keep_everything_typed(client):
    before = Case.objects.count()

    response = client.post(url("new"), petition_data(category=None, consent=None))

    assert response.status_code == 200
    assert Case.objects.count() == before
    html = html_of(response)
    assert 'class="error-summary"' in html
    assert "Please correct the following" in html
    assert "Please read and accept the personal data notice." in html
    assert 'value="Smell near the plant"' in html
    assert (
        "Every evening there is a strong smell of rubbish on Dazhong 1st Road.</textarea>" in html
    )
    assert 'value="Mei-hua Lin"' in html
    assert 'value="citizen@example.com"' in html
    assert 'value="0912345678"' in html


def test_errors_are_summarised_in_chinese_on_the_chinese_form(client):
    before = Case.objects.count()

    response = client.post(url("new", "zh-hant"), petition_data(email=None))

    assert response.status_code == 200
    html = html_of(response)
    assert '<html lang="zh-Hant-TW">' in html
    assert "請修正下列項目" in html
    assert 'value="Mei-hua Lin"' in html
    assert Case.objects.count() == before


def test_a_text_file_named_pdf_is_refused(client):
    fake = SimpleUploadedFile("report.pdf", b"just some text\n", content_type="application/pdf")
    before = Case.objects.count()

    response = client.post(url("new"), petition_data(attachments=fake))

    assert response.status_code == 200
    assert Case.objects.count() == before
    assert not Attachment.objects.filter(original_name="report.pdf").exists()
    errors = response.context["form"].errors["attachments"]
    assert errors == ["report.pdf is not a PDF, JPEG, PNG, ODF or Office document."]
    html = html_of(response)
    assert 'id="id_attachments_error"' in html
    assert "attached files are not kept when the form has errors" in html


def test_a_small_pdf_is_stored_with_its_sniffed_type(client):
    scan = SimpleUploadedFile("scan.pdf", PDF, content_type="application/octet-stream")

    response = client.post(url("new"), petition_data(attachments=scan))

    assert response.status_code == 302
    attachment = Attachment.objects.get(original_name="scan.pdf")
    assert attachment.case.state == State.RECEIVED
    assert attachment.content_type == "application/pdf"
    assert attachment.original_name == "scan.pdf"
    assert attachment.size == len(PDF)
    assert attachment.file.read() == PDF


def test_at_most_three_files(client):
    files = [
        SimpleUploadedFile(f"scan{n}.pdf", PDF, content_type="application/pdf") for n in range(4)
    ]
    before = Case.objects.count()

    response = client.post(url("new"), petition_data(attachments=files))

    assert response.status_code == 200
    assert response.context["form"].errors["attachments"] == ["Attach at most 3 files."]
    assert Case.objects.count() == before
    assert not Attachment.objects.filter(original_name__startswith="scan").exists()


def test_the_sixth_petition_within_an_hour_is_refused(client):
    before = Case.objects.count()
    for n in range(5):
        response = client.post(url("new"), petition_data(subject=f"Smell {n}"))
        assert response.status_code == 302

    response = client.post(url("new"), petition_data(subject="Smell 6"))

    assert response.status_code == 200
    assert "Too many petitions from your connection." in html_of(response)
    assert Case.objects.count() == before + 5


# --- Confirming by the e-mailed link -------------------------------------------------------


def test_opening_the_link_only_shows_a_button(client):
    case, token = case_submit(data=petition())

    response = client.get(url("confirm", token=token))

    assert response.status_code == 200
    html = html_of(response)
    assert f'action="{url("confirm", token=token)}"' in html
    assert "Confirm my petition</button>" in html
    case.refresh_from_db()
    assert case.state == State.RECEIVED and case.number is None


def test_pressing_the_button_confirms_and_shows_number_and_password(client):
    case, token = case_submit(data=petition())

    response = client.post(url("confirm", token=token))

    assert response.status_code == 200
    case.refresh_from_db()
    assert case.state == State.CONFIRMED
    html = html_of(response)
    assert f"<dd>{case.number}</dd>" in html
    password = re.search(r"<dt>Query password</dt><dd>([^<]+)</dd>", html).group(1)
    assert case_authenticate(number=case.number, password=password).pk == case.pk
    # The petitioner is now signed in to the case.
    assert client.get(url("status", number=case.number)).status_code == 200


@pytest.mark.parametrize("used", [False, True])
def test_a_bad_or_used_link_answers_400_with_the_reason(client, used):
    case, token = case_submit(data=petition())
    if used:
        assert client.post(url("confirm", token=token)).status_code == 200
    else:
        token = "not-a-real-token"

    response = client.post(url("confirm", token=token))

    assert response.status_code == 400
    html = html_of(response)
    expected = (
        "This petition has already been confirmed."
        if used
        else "This confirmation link is not valid. Check that you copied all of it."
    )
    assert expected in html
    assert 'role="alert"' in html
    assert "Confirm my petition</button>" not in html
    case.refresh_from_db()
    assert case.state == (State.CONFIRMED if used else State.RECEIVED)


# --- Tracking and the status page ----------------------------------------------------------


def test_a_wrong_password_gets_the_generic_message(client, make_case):
    case = make_case()

    response = client.post(url("track"), {"number": case.number, "password": "WRONGpw2"})

    assert response.status_code == 200
    assert "The case number or the query password is not correct." in html_of(response)
    assert SESSION_KEY not in client.session


def test_an_unknown_number_gets_the_same_message(client):
    response = client.post(url("track"), {"number": "1140101999", "password": "WRONGpw2"})

    assert response.status_code == 200
    assert "The case number or the query password is not correct." in html_of(response)


@pytest.mark.parametrize("lang", ["zh-hant", "en"])
def test_the_right_password_leads_to_the_status_page(client, make_case, lang):
    case = make_case()

    response = track(client, case, lang)

    assert response.url == url("status", lang, number=case.number)
    assert client.session[SESSION_KEY] == [case.pk]


def test_status_hides_personal_data_internal_notes_and_drafts(client, assigned, users):
    handling.case_add_note(case=assigned, actor=users["officer"], message="內部：請調閱監視器")
    handling.case_draft_reply(
        case=assigned,
        actor=users["officer"],
        body="草稿：尚未核定之答復",
        legal_basis="草稿法源",
        method="email",
    )
    track(client, assigned)

    response = client.get(url("status", number=assigned.number))

    assert response.status_code == 200
    html = html_of(response)
    assert assigned.subject in html
    for secret in ("林美華", "citizen@example.com", "0912345678", "內部：請調閱監視器"):
        assert secret not in html
    assert "草稿：尚未核定之答復" not in html
    assert "草稿法源" not in html


def test_status_shows_the_sent_reply(client, closed):
    track(client, closed)

    response = client.get(url("status", number=closed.number))

    html = html_of(response)
    assert "已加強貯坑負壓管理，並增加巡查。" in html
    assert "廢棄物清理法第36條" in html
    assert "Rate how we handled your case" in html
    assert "Reopen my case</button>" in html


def test_another_case_is_not_reachable_through_the_session(client, make_case):
    mine, other = make_case(), make_case()
    track(client, mine)

    response = client.get(url("status", number=other.number))

    assert response.status_code == 302
    assert response.url == url("track")


def test_the_eleventh_attempt_is_refused_even_with_the_right_password(client, make_case):
    case = make_case()
    for _ in range(10):
        response = client.post(url("track"), {"number": case.number, "password": "WRONGpw2"})
        assert "The case number or the query password is not correct." in html_of(response)

    response = client.post(
        url("track"), {"number": case.number, "password": case.credentials.password}
    )

    assert response.status_code == 200
    assert "Too many attempts. Please wait 15 minutes and try again." in html_of(response)
    assert SESSION_KEY not in client.session


# --- Satisfaction survey and reopening -----------------------------------------------------

SCORES = {"speed": "5", "attitude": "4", "clarity": "3", "overall": "4", "comment": "Thank you."}


def test_no_survey_before_closure(client, assigned):
    track(client, assigned)

    response = client.get(url("survey", number=assigned.number), follow=True)

    assert response.redirect_chain == [(url("status", number=assigned.number), 302)]
    assert "The survey for this case is closed or already answered." in html_of(response)
    post = client.post(url("survey", number=assigned.number), SCORES)
    assert post.status_code == 302
    assert not SatisfactionResponse.objects.filter(case=assigned).exists()


def test_survey_once_after_closure(client, closed):
    track(client, closed)

    response = client.post(url("survey", number=closed.number), SCORES, follow=True)

    assert response.redirect_chain == [(url("status", number=closed.number), 302)]
    assert "Thank you for rating our service." in html_of(response)
    survey = SatisfactionResponse.objects.get(case=closed)
    assert (survey.speed, survey.attitude, survey.clarity, survey.overall) == (5, 4, 3, 4)
    assert survey.comment == "Thank you."
    assert "Rate how we handled your case" not in html_of(response)

    again = client.post(url("survey", number=closed.number), {**SCORES, "overall": "1"})

    assert again.status_code == 302
    assert SatisfactionResponse.objects.get(case=closed).overall == 4
    assert client.get(url("survey", number=closed.number)).status_code == 302


@pytest.mark.parametrize(
    "scores",
    [
        {**SCORES, "speed": "6"},
        {**SCORES, "clarity": "0"},
        {**SCORES, "overall": "very"},
        {key: value for key, value in SCORES.items() if key != "attitude"},
    ],
)
def test_survey_scores_are_validated(client, closed, scores):
    track(client, closed)

    response = client.post(url("survey", number=closed.number), scores)

    assert response.status_code == 200
    assert response.context["form"].errors
    assert 'class="error-summary"' in html_of(response)
    assert not SatisfactionResponse.objects.filter(case=closed).exists()


def test_survey_is_closed_after_the_period(client, closed, settings):
    Case.objects.filter(pk=closed.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=settings.CASES_SURVEY_DAYS, hours=1)
    )
    track(client, closed)

    response = client.post(url("survey", number=closed.number), SCORES)

    assert response.status_code == 302
    assert not SatisfactionResponse.objects.filter(case=closed).exists()


def test_reopen_within_the_period_returns_the_case_to_its_officer(client, closed):
    track(client, closed)

    response = client.post(
        url("reopen", number=closed.number),
        {"reason": "It still smells every evening."},
        follow=True,
    )

    assert response.status_code == 200
    assert "Your case has been reopened and returned to its officer." in html_of(response)
    closed.refresh_from_db()
    assert closed.state == State.IN_PROGRESS
    assert closed.closed_at is None
    assert closed.officer.username == "officer"
    event = closed.events.get(kind="reopen")
    assert event.message == "It still smells every evening."


@pytest.mark.parametrize("lang", ["zh-hant", "en"])
def test_the_reopen_form_stays_for_the_whole_period_after_the_survey(
    client, closed, settings, lang
):
    """The closing mail promises reopening within the period, survey answered or not."""
    track(client, closed, lang)
    client.post(url("survey", lang, number=closed.number), SCORES)
    assert SatisfactionResponse.objects.filter(case=closed).exists()
    button = "Reopen my case</button>" if lang == "en" else "申請重新處理</button>"

    answered = html_of(client.get(url("status", lang, number=closed.number)))
    assert button in answered
    assert f'action="{url("reopen", lang, number=closed.number)}"' in answered

    almost_over = timezone.now() - datetime.timedelta(days=settings.CASES_SURVEY_DAYS, hours=-1)
    Case.objects.filter(pk=closed.pk).update(closed_at=almost_over)
    assert button in html_of(client.get(url("status", lang, number=closed.number)))

    response = client.post(
        url("reopen", lang, number=closed.number), {"reason": "Still smells."}, follow=True
    )
    assert response.status_code == 200
    closed.refresh_from_db()
    assert closed.state == State.IN_PROGRESS


def test_reopen_needs_a_reason(client, closed):
    track(client, closed)

    response = client.post(url("reopen", number=closed.number), {"reason": ""})

    assert response.status_code == 400
    assert 'class="error-summary"' in html_of(response)
    closed.refresh_from_db()
    assert closed.state == State.CLOSED


def test_reopen_after_the_period_is_refused(client, closed, settings):
    Case.objects.filter(pk=closed.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=settings.CASES_SURVEY_DAYS, hours=1)
    )
    track(client, closed)
    status = client.get(url("status", number=closed.number))
    assert "Reopen my case</button>" not in html_of(status)

    response = client.post(
        url("reopen", number=closed.number), {"reason": "Still smells."}, follow=True
    )

    assert "The period for reopening this case has ended; please file a new petition." in (
        html_of(response)
    )
    closed.refresh_from_db()
    assert closed.state == State.CLOSED


def test_successful_look_ups_do_not_use_up_the_limit(client, make_case):
    case = make_case()
    for _ in range(12):
        response = client.post(
            url("track"), {"number": case.number, "password": case.credentials.password}
        )
        assert response.status_code == 302


def test_a_category_with_questions_asks_them_before_filing(client):
    data = petition_data()
    del data["questions_for"], data["extra_when"]
    before = Case.objects.count()

    response = client.post(url("new"), data)

    assert response.status_code == 200
    assert Case.objects.count() == before  # not filed yet
    html = html_of(response)
    assert "When do you notice the smell?" in html
    assert "a few more questions" in html
    assert 'value="Smell near the plant"' in html  # nothing typed is lost

    assert 'name="questions_for" value="odour"' in html  # the next send carries the answers
    data.update({"questions_for": "odour", "extra_when": "Evenings", "extra_wind": "north"})
    response = client.post(url("new"), data)
    assert response.status_code == 302
    case = Case.objects.latest("pk")
    assert case.answers == {"when": "Evenings", "wind": "north"}


def test_a_required_question_must_be_answered(client):
    response = client.post(url("new"), petition_data(extra_when=""))
    assert response.status_code == 200
    assert 'id="error-summary"' in html_of(response)


def test_a_link_from_the_start_page_preselects_the_category(client):
    html = html_of(client.get(url("new"), {"category": "visits"}))
    assert "Expected number of visitors" in html
    start = html_of(client.get(url("start")))
    assert "?category=visits" in start


def test_a_rejected_attachment_does_not_use_up_the_petition_budget(client):
    fake = SimpleUploadedFile("report.pdf", b"just some text\n", content_type="application/pdf")
    for _ in range(6):
        assert client.post(url("new"), petition_data(attachments=fake)).status_code == 200
    for n in range(5):
        assert client.post(url("new"), petition_data(subject=f"Smell {n}")).status_code == 302


def test_behind_the_front_server_each_citizen_has_their_own_budget(client, settings):
    settings.CORE_TRUSTED_PROXIES = ["10.0.0.5"]
    proxy = {"REMOTE_ADDR": "10.0.0.5"}
    for n in range(5):
        response = client.post(
            url("new"),
            petition_data(subject=f"A {n}"),
            HTTP_X_FORWARDED_FOR="198.51.100.1",
            **proxy,
        )
        assert response.status_code == 302
    refused = client.post(
        url("new"), petition_data(subject="A 6"), HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy
    )
    assert "Too many petitions from your connection." in html_of(refused)
    other = client.post(
        url("new"), petition_data(subject="B"), HTTP_X_FORWARDED_FOR="198.51.100.2", **proxy
    )
    assert other.status_code == 302


def test_with_redis_down_the_petition_form_still_works(client, settings):
    from civicdesk.core.tests.test_ratelimit import DEAD_REDIS

    settings.CACHES = DEAD_REDIS
    assert client.get(url("new")).status_code == 200
    response = client.post(url("new"), petition_data(subject="Redis is down"))
    assert response.status_code == 302
    assert client.post(url("track"), {"number": "1", "password": "x"}).status_code == 200
