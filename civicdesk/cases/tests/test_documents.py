import io
import re
import zipfile

import pytest
from django.urls import reverse
from odf import teletype
from odf.opendocument import load
from odf.text import P
from pypdf import PdfReader

from civicdesk.accounts.models import Unit
from civicdesk.accounts.selectors import agency_get_current
from civicdesk.cases import documents
from civicdesk.cases.models import Channel, PersonalDataAccess
from civicdesk.cases.selectors import PetitionerView
from civicdesk.cases.services import handling
from civicdesk.cases.services.intake import case_confirm, case_submit
from civicdesk.cases.tests.conftest import petition

pytestmark = pytest.mark.django_db

ADDRESS = "807高雄市三民區大中一路100號"
NAME = "林美華"
SUBJECT = "焚化廠附近臭味"
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


def odt_text(content):
    document = load(io.BytesIO(content))
    return "\n".join(teletype.extractText(p) for p in document.getElementsByType(P))


def pdf_text(content):
    """The text layer, without the spaces and line breaks that wrapping puts in."""
    reader = PdfReader(io.BytesIO(content))
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


def text_of(response):
    if response["Content-Type"] == "application/pdf":
        return pdf_text(response.content)
    return re.sub(r"\s+", "", odt_text(response.content))


def oral_url(case, fmt):
    return reverse("cases_admin:oral_record", kwargs={"pk": case.pk, "fmt": fmt})


def letter_url(case, fmt):
    return reverse("cases_admin:reply_letter", kwargs={"pk": case.pk, "fmt": fmt})


def reply_by(case, users, *, method="letter", body="已加強貯坑負壓管理，並增加巡查頻率。"):
    """Assign to the operations officer, draft, and have the unit head approve."""
    handling.case_assign(
        case=case,
        actor=users["coordinator"],
        unit=Unit.objects.get(code="operations"),
        officer=users["officer"],
    )
    handling.case_start(case=case, actor=users["officer"])
    handling.case_draft_reply(
        case=case, actor=users["officer"], body=body, legal_basis="廢棄物清理法", method=method
    )
    return handling.case_approve_reply(case=case, actor=users["unithead"])


@pytest.fixture
def letter_case(make_case, users):
    case = make_case(address=ADDRESS)
    reply_by(case, users)
    return case


# --- Oral record -------------------------------------------------------------------------------


@pytest.mark.parametrize("channel", [Channel.PHONE, Channel.COUNTER])
def test_oral_record_odt_opens_and_names_case_and_petitioner(client, make_case, users, channel):
    case = make_case(channel=channel, address=ADDRESS)
    client.force_login(users["officer"])
    response = client.get(oral_url(case, "odt"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.text"
    assert (
        response["Content-Disposition"] == f'attachment; filename="oral-record-{case.number}.odt"'
    )
    assert "no-store" in response["Cache-Control"]
    text = odt_text(response.content)
    assert case.number in text
    assert NAME in text and ADDRESS in text and SUBJECT in text
    assert "大中一路" in text  # the place concerned
    assert "行政程序法第169條" in text  # the read-back sentence, in the petition's language
    # The officer who recorded the petition is named on the record.
    assert "張淑芬" in text
    assert zipfile.ZipFile(io.BytesIO(response.content)).read("mimetype") == (
        b"application/vnd.oasis.opendocument.text"
    )


def test_oral_record_pdf_has_a_text_layer(client, make_case, users):
    case = make_case(address=ADDRESS)
    client.force_login(users["officer"])
    response = client.get(oral_url(case, "pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"] == f'attachment; filename="oral-record-{case.number}.pdf"'
    )
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF-")
    text = pdf_text(response.content)
    assert case.number in text
    assert SUBJECT in text and NAME in text
    assert "每天傍晚在大中一路聞到很重的垃圾臭味" in text  # the content, wrapped yet whole


def test_pdf_embeds_its_traditional_chinese_font(make_case, users):
    """Chinese is drawn from a font inside the file, never one the viewer has to supply:
    reportlab's CID fonts left that to the viewer, with a Simplified Chinese CMap by default."""
    case = make_case()
    view = PetitionerView(NAME, "", "", "", False, False)
    pdf = documents.oral_record_pdf(case, view, users["coordinator"])
    fonts = [
        font["/FontDescriptor"]
        for page in PdfReader(io.BytesIO(pdf)).pages
        for font in page["/Resources"]["/Font"].values()
    ]
    assert any("TW-Kai" in descriptor["/FontName"] for descriptor in fonts)
    assert all("/FontFile2" in descriptor for descriptor in fonts)
    assert b"UniGB" not in pdf


def test_characters_beyond_the_bmp_survive(make_case, users):
    case = make_case(name="林𡘙華")  # a CJK Extension B character, as in some personal names
    view = PetitionerView("林𡘙華", "", "", "", False, False)
    assert "林𡘙華" in pdf_text(documents.oral_record_pdf(case, view, users["coordinator"]))


def test_a_long_petition_runs_over_pages(make_case, users):
    content = "垃圾車清運時噪音很大，" * 400
    case = make_case(content=content)
    view = PetitionerView(NAME, "", "", ADDRESS, False, False)
    pdf = documents.oral_record_pdf(case, view, users["coordinator"])
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) > 1
    # Every character made it onto some page (a page break may fall inside a phrase).
    assert pdf_text(pdf).count("噪") == 400


@pytest.mark.parametrize("fmt", ["odt", "pdf"])
def test_confidential_petitioner_is_redacted_except_for_the_privacy_officer(
    client, make_case, users, fmt
):
    case = make_case(is_confidential=True, address=ADDRESS)
    client.force_login(users["coordinator"])
    redacted = text_of(client.get(oral_url(case, fmt)))
    assert case.number in redacted
    assert NAME not in redacted and ADDRESS not in redacted and "0912345678" not in redacted
    assert "＊＊＊" in redacted

    client.force_login(users["privacy"])
    full = text_of(client.get(oral_url(case, fmt)))
    assert NAME in full and ADDRESS in full

    log = list(PersonalDataAccess.objects.filter(case=case).order_by("at", "pk"))
    assert [(entry.user, entry.purpose, entry.was_redacted) for entry in log] == [
        (users["coordinator"], "oral record", True),
        (users["privacy"], "oral record", False),
    ]


@pytest.mark.parametrize("fmt", ["odt", "pdf"])
def test_each_download_is_logged(client, make_case, users, fmt):
    case = make_case()
    client.force_login(users["officer"])
    for expected in (1, 2):
        assert client.get(oral_url(case, fmt)).status_code == 200
        assert PersonalDataAccess.objects.filter(case=case, purpose="oral record").count() == (
            expected
        )


def test_no_oral_record_for_a_web_petition(client, users):
    _submitted, token = case_submit(data=petition())
    case, _credentials = case_confirm(token=token)
    assert case.channel == Channel.WEB
    client.force_login(users["officer"])
    assert client.get(oral_url(case, "pdf")).status_code == 404
    assert not PersonalDataAccess.objects.filter(case=case).exists()


@pytest.mark.parametrize("channel", [Channel.EMAIL, Channel.LETTER, Channel.HOTLINE])
def test_no_oral_record_for_written_petitions(client, make_case, users, channel):
    case = make_case(channel=channel)
    client.force_login(users["officer"])
    assert client.get(oral_url(case, "odt")).status_code == 404


@pytest.mark.parametrize("fmt", ["docx", "html", "PDF"])
def test_unknown_format_is_not_found(client, make_case, users, fmt):
    case = make_case()
    client.force_login(users["officer"])
    assert client.get(oral_url(case, fmt)).status_code == 404
    assert client.get(letter_url(case, fmt)).status_code == 404
    assert not PersonalDataAccess.objects.filter(case=case).exists()


def test_a_case_of_another_unit_is_not_found(client, make_case, users):
    case = make_case(category="feedback-facilities")  # general-affairs
    client.force_login(users["officer"])  # operations
    assert client.get(oral_url(case, "pdf")).status_code == 404
    assert client.get(letter_url(case, "pdf")).status_code == 404
    assert not PersonalDataAccess.objects.filter(case=case).exists()


def test_staff_without_petition_access_are_refused(client, make_case, users):
    case = make_case()
    client.force_login(users["editor"])
    response = client.get(oral_url(case, "pdf"))
    # Wagtail turns a refused admin view into a redirect to the dashboard with a message.
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert not PersonalDataAccess.objects.filter(case=case).exists()


def test_anonymous_visitors_are_sent_to_the_login(client, make_case):
    case = make_case()
    response = client.get(oral_url(case, "pdf"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert not PersonalDataAccess.objects.filter(case=case).exists()


# --- Reply letter ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["odt", "pdf"])
def test_reply_letter_in_chinese(client, letter_case, users, fmt):
    client.force_login(users["officer"])
    response = client.get(letter_url(letter_case, fmt))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="reply-{letter_case.number}.{fmt}"'
    )
    assert "no-store" in response["Cache-Control"]
    text = text_of(response)
    agency = agency_get_current()
    assert agency is not None
    assert agency.name in text and agency.phone in text and "高雄市三民區示範路1號" in text
    assert letter_case.number in text
    assert NAME in text and ADDRESS in text and SUBJECT in text
    assert "已加強貯坑負壓管理，並增加巡查頻率。" in text and "廢棄物清理法" in text
    assert "王大明" in text and "07-000-0132" in text  # the officer to contact
    assert "中華民國1" in text  # a 民國 date: 中華民國11x年…
    assert PersonalDataAccess.objects.get(case=letter_case).purpose == "reply letter"


def test_reply_letter_stays_available_once_sent(client, letter_case, users):
    handling.case_send_reply(case=letter_case, actor=users["officer"])
    client.force_login(users["officer"])
    assert client.get(letter_url(letter_case, "pdf")).status_code == 200


def test_the_latest_approved_letter_is_printed(client, letter_case, users):
    handling.case_return_reply(case=letter_case, actor=users["unithead"], message="請補充")
    handling.case_draft_reply(
        case=letter_case,
        actor=users["officer"],
        body="第二版答復：已完成設備更新。",
        legal_basis="廢棄物清理法第5條",
        method="letter",
    )
    handling.case_approve_reply(case=letter_case, actor=users["unithead"])
    client.force_login(users["officer"])
    text = text_of(client.get(letter_url(letter_case, "pdf")))
    assert "第二版答復：已完成設備更新。" in text
    assert "已加強貯坑負壓管理" not in text


def test_no_letter_without_an_approved_letter_reply(client, make_case, users):
    case = make_case()
    client.force_login(users["officer"])
    assert client.get(letter_url(case, "pdf")).status_code == 404  # no reply at all
    reply_by(case, users, method="email")
    assert client.get(letter_url(case, "pdf")).status_code == 404  # a reply by e-mail
    assert not PersonalDataAccess.objects.filter(case=case).exists()


def test_a_draft_letter_is_not_printed(client, make_case, users):
    case = make_case()
    handling.case_assign(
        case=case,
        actor=users["coordinator"],
        unit=Unit.objects.get(code="operations"),
        officer=users["officer"],
    )
    handling.case_draft_reply(
        case=case, actor=users["officer"], body="草稿", legal_basis="法", method="letter"
    )
    client.force_login(users["officer"])
    assert client.get(letter_url(case, "odt")).status_code == 404


def test_confidential_letter_is_redacted_for_the_coordinator(client, make_case, users):
    case = make_case(is_confidential=True, address=ADDRESS)
    reply_by(case, users)
    client.force_login(users["coordinator"])
    text = text_of(client.get(letter_url(case, "pdf")))
    assert NAME not in text and ADDRESS not in text and "＊＊＊" in text
    client.force_login(users["privacy"])
    text = text_of(client.get(letter_url(case, "pdf")))
    assert NAME in text and ADDRESS in text
    assert list(
        PersonalDataAccess.objects.filter(case=case, purpose="reply letter")
        .order_by("at", "pk")
        .values_list("was_redacted", flat=True)
    ) == [True, False]


@pytest.mark.parametrize("fmt", ["odt", "pdf"])
def test_english_letter_is_in_english(client, make_case, users, fmt):
    case = make_case(
        language="en",
        subject="Smell near the plant",
        content="Every evening there is a strong smell on Dazhong 1st Road.",
        name="Mary Lin",
        address="No. 100, Dazhong 1st Rd., Sanmin Dist., Kaohsiung City 807",
    )
    reply_by(case, users, body="We have improved the negative pressure in the waste pit.")
    client.force_login(users["officer"])
    response = client.get(letter_url(case, fmt))
    assert response.status_code == 200
    text = text_of(response)
    assert "CentralDistrictResourceRecoveryPlant" in text  # the English letterhead
    assert "Subject:" in text and "Explanation:" in text and "Legalbasis:" in text
    assert "Smellneartheplant" in text and "MaryLin" in text and case.number in text
    assert "Wehaveimprovedthenegativepressureinthewastepit." in text
    assert "WangDa-ming" in text  # the officer's English name
    assert "中華民國" not in text
    assert re.search(rf"\d{{1,2}}({MONTHS})\d{{4}}", text)  # 23November2026


def test_english_letter_sets_chinese_names_in_the_cjk_font(make_case, users):
    case = make_case(language="en", subject="Smell near the plant", address=ADDRESS)
    reply = reply_by(case, users, body="We have improved the waste pit.")
    agency = agency_get_current()
    view = PetitionerView(NAME, "", "", ADDRESS, False, False)
    text = pdf_text(documents.reply_letter_pdf(case, reply, view, agency))
    assert NAME in text and ADDRESS in text and "廢棄物清理法" in text
    assert "Subject:" in text


# --- Links on the case page --------------------------------------------------------------------


def test_case_page_links_the_documents_it_has(client, letter_case, make_case, users):
    client.force_login(users["officer"])
    page = client.get(reverse("cases_admin:detail", kwargs={"pk": letter_case.pk})).content.decode()
    for fmt in ("odt", "pdf"):
        assert oral_url(letter_case, fmt) in page
        assert letter_url(letter_case, fmt) in page
    assert page.count(letter_url(letter_case, "pdf")) == 1

    written = make_case(channel=Channel.EMAIL)
    page = client.get(reverse("cases_admin:detail", kwargs={"pk": written.pk})).content.decode()
    assert oral_url(written, "pdf") not in page
    assert letter_url(written, "pdf") not in page
