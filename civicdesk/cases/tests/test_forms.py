"""Contact details on the petition forms: full-width e-mail and Taiwanese phones, normalised."""

import pytest
from django.utils import timezone, translation

from civicdesk.cases.forms import PetitionForm
from civicdesk.cases.models import Case, Category
from civicdesk.cases.staff.forms import RecordForm

pytestmark = pytest.mark.django_db

FULL_WIDTH_EMAIL = "ｃｉｔｉｚｅｎ＠ｅｘａｍｐｌｅ．ｃｏｍ"
PHONE_ERROR = (
    "Enter a Taiwanese phone number with its area code, for example 0912-345-678, "
    "07-123-4567 or 02-2345-6789; add an extension as #123."
)


def petition_data(**overrides):
    data = {
        "category": Category.objects.get(code="noise").pk,
        "subject": "Smell near the plant",
        "content": "Every evening there is a strong smell of rubbish on Dazhong 1st Road.",
        "name": "Mei-hua Lin",
        "email": "citizen@example.com",
        "phone": "",
        "consent": "on",
    }
    data.update(overrides)
    return data


def record_data(**overrides):
    data = {
        "channel": "phone",
        "received_on": timezone.localdate().isoformat(),
        "category": Category.objects.get(code="odour").pk,
        "language": "zh-hant",
        "subject": "電話反映臭味",
        "content": "民眾來電反映傍晚大中一路有垃圾臭味。",
        "name": "王小明",
    }
    data.update(overrides)
    return data


FORMS = [(PetitionForm, petition_data), (RecordForm, record_data)]


@pytest.mark.parametrize(("form_class", "data"), FORMS)
@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        (FULL_WIDTH_EMAIL, "citizen@example.com"),
        ("  citizen@example.com ", "citizen@example.com"),
        ("citizen＠example。com", "citizen@example.com"),  # ideographic full stop
    ],
)
def test_a_full_width_email_is_the_same_address(form_class, data, typed, stored):
    form = form_class(data(email=typed))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["email"] == stored


@pytest.mark.parametrize(("form_class", "data"), FORMS)
def test_a_wrong_email_gets_an_example(form_class, data):
    form = form_class(data(email="citizen at example.com"))
    assert form.errors["email"] == ["Enter an e-mail address such as name@example.com."]


@pytest.mark.parametrize(("form_class", "data"), FORMS)
def test_an_email_longer_than_the_database_holds_is_a_form_error(form_class, data):
    form = form_class(data(email="a" * 64 + "@" + ".".join(["b" * 60] * 4) + ".tw"))
    assert "email" in form.errors


@pytest.mark.parametrize(("form_class", "data"), FORMS)
@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("０９１２　３４５　６７８", "0912-345-678"),
        ("+886 912345678", "0912-345-678"),
        ("（０７）１２３－４５６７ 分機１２３", "07-123-4567#123"),
        ("02 2345 6789 ext. 5", "02-2345-6789#5"),
        ("0800-123-456", "0800-123-456"),
    ],
)
def test_a_phone_is_stored_in_its_written_form(form_class, data, typed, stored):
    form = form_class(data(phone=typed))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"] == stored


@pytest.mark.parametrize(("form_class", "data"), FORMS)
@pytest.mark.parametrize("typed", ["call me after six", "12345", "0912-345-67", "+1 212 555 0100"])
def test_a_wrong_phone_gets_a_clear_message(form_class, data, typed):
    form = form_class(data(phone=typed))
    assert form.errors["phone"] == [PHONE_ERROR]


def test_the_phone_message_is_translated():
    with translation.override("zh-hant"):
        form = PetitionForm(petition_data(phone="call me"))
        assert form.errors["phone"] == [
            "請輸入含區碼的臺灣電話號碼，例如 0912-345-678、07-123-4567 或 02-2345-6789；"
            "分機請寫成 #123。"
        ]


def test_the_public_form_stores_the_normalised_contact(client):
    response = client.post(
        "/en/petitions/new/",
        petition_data(email=FULL_WIDTH_EMAIL, phone="０７－１２３４５６７＃１２"),
    )

    assert response.status_code == 302, response.content.decode()
    petitioner = Case.objects.latest("pk").petitioner
    assert (petitioner.email, petitioner.phone) == ("citizen@example.com", "07-123-4567#12")


def test_the_public_form_shows_the_phone_format_up_front(client):
    html = client.get("/en/petitions/new/").content.decode()
    assert "For example 0912-345-678, or 07-123-4567 #123 with an extension." in html


def test_the_staff_record_form_stores_the_normalised_phone(client, users):
    client.force_login(users["coordinator"])

    response = client.post("/admin/petitions/record/", record_data(phone="+886-7-1234567"))

    assert response.status_code == 302
    assert Case.objects.get(subject="電話反映臭味").petitioner.phone == "07-123-4567"
