"""Petition mails link to SITE_BASE_URL, the address every other absolute URL is written on."""

import pytest

from civicdesk.cases.services.intake import case_submit
from civicdesk.cases.tests.conftest import petition
from civicdesk.notifications.models import OutboundMail

pytestmark = pytest.mark.django_db

BASE = "https://www.plant.example.gov.tw"


@pytest.fixture(autouse=True)
def site_base_url(settings):
    settings.SITE_BASE_URL = BASE + "/"


@pytest.mark.parametrize(("language", "prefix"), [("zh-hant", ""), ("en", "/en")])
def test_the_confirmation_mail_links_to_the_base(language, prefix):
    case_submit(data=petition(email="lin@example.com", language=language))
    mail = OutboundMail.objects.get(to="lin@example.com", template="case_confirm")
    assert f"{BASE}{prefix}/petitions/confirm/" in mail.body


def test_staff_mail_links_to_the_case_on_the_base(assigned):
    mail = OutboundMail.objects.filter(template="case_assigned").latest("pk")
    assert f"{BASE}/admin/petitions/{assigned.pk}/" in mail.body
