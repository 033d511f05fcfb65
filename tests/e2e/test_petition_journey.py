"""A citizen files a petition in each language, confirms it from the e-mail, tracks it, gets
the answer and rates it: browser, real server, real SMTP server; axe on every step."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.e2e.conftest import manage
from tests.e2e.test_accessibility import AXE_OPTIONS

PREFIX = {"zh-Hant": "", "en": "/en"}

STAFF_ANSWERS = """
from django.contrib.auth import get_user_model
from civicdesk.accounts.models import Unit
from civicdesk.cases.models import Case
from civicdesk.cases.services import handling as h
U = get_user_model().objects.get
officer, head = U(username="officer"), U(username="unithead")
case = Case.objects.get(number="{number}")
unit = Unit.objects.get(code="operations")
h.case_assign(case=case, actor=U(username="coordinator"), unit=unit, officer=officer)
h.case_start(case=case, actor=officer)
h.case_draft_reply(
    case=case, actor=officer, body="{body}", legal_basis="{basis}", method="email"
)
h.case_approve_reply(case=case, actor=head)
h.case_send_reply(case=case, actor=officer)
"""


def assert_accessible(page, where):
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert violations == [], f"{where}: " + "; ".join(
        f"{v['id']} {[n['target'] for n in v['nodes']][:3]}" for v in violations
    )


def mail_to(mailbox, address, subject_part):
    found = [
        m for m in mailbox.messages if m["To"] == address and subject_part in str(m["Subject"])
    ]
    subjects = [str(m["Subject"]) for m in mailbox.messages]
    assert found, f"no mail to {address} about {subject_part!r}: {subjects}"
    return found[-1].get_content()


@pytest.mark.parametrize("language", ["zh-Hant", "en"])
def test_file_confirm_track_and_rate(server, server_env, mailbox, page, language):
    base = server + PREFIX[language]
    submit = page.locator("main form button[type=submit]")
    address = f"journey-{language.lower()}@example.com"

    page.goto(f"{base}/petitions/")
    assert_accessible(page, "start")
    page.goto(f"{base}/petitions/new/")
    assert_accessible(page, "empty form")

    # A first attempt with the content missing: clear errors, nothing typed is lost.
    page.select_option("#id_category", label="Noise" if language == "en" else "噪音")
    page.fill("#id_subject", "Smell near gate 2" if language == "en" else "二號門附近臭味")
    page.fill("#id_name", "Lin Mei-hua" if language == "en" else "林美華")
    page.fill("#id_email", address)
    submit.click()
    assert page.locator("#error-summary").is_visible()
    assert page.input_value("#id_subject") in ("Smell near gate 2", "二號門附近臭味")
    assert page.input_value("#id_email") == address
    assert_accessible(page, "form with errors")

    page.fill(
        "#id_content", "Every evening there is a strong smell of refuse on the road by gate 2."
    )
    page.check("#id_consent")
    submit.click()
    page.wait_for_url("**/petitions/sent/")
    assert address in page.locator("main").inner_text()
    assert_accessible(page, "sent")

    body = mail_to(mailbox, address, "")
    link = re.search(r"https?://\S+/petitions/confirm/[\w-]+/", body).group(0)
    assert ("/en/" in link) == (language == "en")
    page.goto(
        server + "/" + link.split("://", 1)[1].split("/", 1)[1]
    )  # the mail names the public host
    assert_accessible(page, "confirm")
    submit.click()
    credentials = page.locator(".credentials dd").all_inner_texts()
    number, password = credentials[0].strip(), credentials[1].strip()
    assert re.fullmatch(r"\d{11}", number)
    assert_accessible(page, "confirmed")
    assert password in mail_to(mailbox, address, number)

    # Track from a fresh browser session by number + password; a wrong password is refused.
    page.context.clear_cookies()
    page.goto(f"{base}/petitions/track/")
    page.fill("#id_number", number)
    page.fill("#id_password", "wrong-one")
    submit.click()
    assert page.locator("#error-summary").is_visible()
    assert_accessible(page, "track error")
    page.fill("#id_password", password)
    submit.click()
    page.wait_for_url(f"**/petitions/{number}/")
    assert (
        "林美華" not in page.content() and "Lin Mei-hua" not in page.content()
    )  # no personal data
    assert_accessible(page, "status")

    # The office answers (staff side through the services), the citizen reads and rates it.
    manage(
        server_env,
        "shell",
        "-c",
        STAFF_ANSWERS.format(
            number=number, body="We cleaned the pit doors.", basis="Waste Disposal Act art. 28"
        ),
    )
    assert "We cleaned the pit doors." in mail_to(mailbox, address, number)
    page.reload()
    assert "We cleaned the pit doors." in page.locator("main").inner_text()
    page.locator(f"a[href$='/petitions/{number}/survey/']").click()
    assert_accessible(page, "survey")
    for question in ("speed", "attitude", "clarity", "overall"):
        page.check(f"#id_{question}_0")  # the first choice: very satisfied
    submit.click()
    page.wait_for_url(f"**/petitions/{number}/")
    assert page.locator(".messages").is_visible()
    assert page.locator(f"a[href$='/petitions/{number}/survey/']").count() == 0  # answered once
    assert_accessible(page, "status after rating")
