"""Every public GET address answers HEAD as it answers GET (link checkers and harvesters send
HEAD first), and HEAD never does what only POST may."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from civicdesk.cases.models import Category
from civicdesk.cases.services.intake import PetitionInput, case_submit
from civicdesk.cases.states import State
from civicdesk.website.tests.public_urls import (
    public_addresses,
    public_route_names,
    route_name,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    """Cached views and rate-limit counters: no test inherits another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def wagtail_document():
    """An editor's file in Wagtail's own library (the demo keeps its files in ours), stored
    beside the demo's files, which the walk downloads too."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document = get_document_model()(title="Opening hours")
    document.file.save("opening-hours.txt", ContentFile(b"08:00-17:00\n"), save=False)
    document.save()
    yield document
    document.file.delete(save=False)


def test_the_walk_leaves_out_no_public_route(wagtail_document):
    walked = {route_name(address) for address in public_addresses()}
    assert public_route_names() <= walked


def test_every_public_get_address_answers_head_like_get(client, wagtail_document):
    addresses = public_addresses()
    assert len(addresses) > 60
    mismatches = []
    for address in addresses:
        get = client.get(address.url)
        head = client.head(address.url)
        body = b"".join(head.streaming_content) if head.streaming else head.content
        if get.status_code != address.status or head.status_code != get.status_code or body:
            mismatches.append((address.url, get.status_code, head.status_code, len(body)))
        elif get["Content-Type"] != head["Content-Type"]:
            mismatches.append((address.url, get["Content-Type"], head["Content-Type"]))
    assert mismatches == []


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_head_on_a_confirmation_link_confirms_nothing(client, language):
    """Mail scanners follow links with HEAD as well as GET: only the form's button confirms."""
    case, token = case_submit(
        data=PetitionInput(
            category=Category.objects.get(code="odour"),
            subject="焚化廠附近臭味",
            content="每天傍晚在大中一路聞到很重的垃圾臭味，請改善。",
            name="林美華",
            email="citizen@example.com",
        )
    )
    with translation.override(language):
        url = reverse("cases:confirm", kwargs={"token": token})

    assert client.head(url).status_code == 200
    case.refresh_from_db()
    assert case.state == State.RECEIVED
    assert case.number is None
    assert client.get(url).status_code == 200
    case.refresh_from_db()
    assert case.state == State.RECEIVED
