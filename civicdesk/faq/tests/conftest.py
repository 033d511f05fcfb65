"""FAQ test fixtures: demo staff, the demo FAQ (loaded with the demo plant), answered cases."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import translation

from civicdesk.accounts.models import Unit
from civicdesk.cases.models import Category, Channel
from civicdesk.cases.services import handling
from civicdesk.cases.services.intake import PetitionInput, case_record
from civicdesk.cases.tests.conftest import admin_in_english  # noqa: F401 (a fixture)
from civicdesk.faq.models import FaqIndexPage, FaqPage

ROLES = ("officer", "unithead", "coordinator", "director", "editor", "privacy", "admin")

PETITIONER = {
    "name": "林美華",
    "email": "meihua.lin@example.com",
    "phone": "0912345678",
    "address": "高雄市三民區建國二路123巷4號5樓",
}
CONTENT = (
    "我是林美華，住在建國二路123巷4號5樓，身分證A123456789。請問游泳池週一為什麼不開放？"
    "林小姐我本人每週都去，請回電0912-345-678或寄信到 meihua.lin@example.com。"
)
REPLY = (
    "林美華小姐您好：游泳池每週一休館進行清潔保養，週二至週日6:00至21:00開放。"
    "承辦人王大明，電話07-000-0120。"
)


@pytest.fixture(autouse=True)
def english_messages():
    """Messages are asserted as their English msgids; Chinese pages still render Chinese."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def users(db):
    model = get_user_model()
    return {name: model.objects.get(username=name) for name in ROLES}


@pytest.fixture
def zh_index(db):
    return FaqIndexPage.objects.get(locale__language_code="zh-hant")


@pytest.fixture
def en_index(db):
    return FaqIndexPage.objects.get(locale__language_code="en")


@pytest.fixture
def pool_entry(zh_index):
    return FaqPage.objects.child_of(zh_index).get(slug="swimming-pool-hours-and-fees")


def _case(users, *, language="zh-hant", content=CONTENT, subject="游泳池週一休館", **petitioner):
    values = {**PETITIONER, **petitioner}
    case, _credentials = case_record(
        data=PetitionInput(
            category=Category.objects.get(code="feedback-facilities"),
            subject=subject,
            content=content,
            language=language,
            **values,
        ),
        channel=Channel.PHONE,
        recorded_by=users["coordinator"],
    )
    return case


def _answer(case, users, *, body=REPLY, basis="高雄市政府環境保護局回饋設施使用管理要點第5點"):
    unit = Unit.objects.get(code="operations")
    case = handling.case_assign(
        case=case, actor=users["admin"], unit=unit, officer=users["officer"]
    )
    handling.case_start(case=case, actor=users["officer"])
    handling.case_draft_reply(
        case=case, actor=users["officer"], body=body, legal_basis=basis, method="email"
    )
    handling.case_approve_reply(case=case, actor=users["unithead"])
    handling.case_send_reply(case=case, actor=users["officer"])
    case.refresh_from_db()
    return case


@pytest.fixture
def make_case(users):
    def make(**kwargs):
        return _case(users, **kwargs)

    return make


@pytest.fixture
def answered_case(users):
    return _answer(_case(users), users)


@pytest.fixture
def answer(users):
    def run(case, **kwargs):
        return _answer(case, users, **kwargs)

    return run
