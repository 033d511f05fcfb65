"""Pages reach the search index on publish and leave it on unpublish, move, restriction, delete."""

import pytest
from wagtail.models import Locale, Page, PageViewRestriction

from civicdesk.search.backends import Filters
from civicdesk.search.models import SearchEntry
from civicdesk.search.selectors import search_run
from civicdesk.search.services import search_index_rebuild
from civicdesk.website.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    return HomePage.objects.get(locale=Locale.objects.get(language_code="zh-hant"))


@pytest.fixture
def published(home, django_capture_on_commit_callbacks):
    source = StandardPage.objects.filter(locale=home.locale).live().first()
    page = StandardPage(
        title="垃圾車清運時間公告",
        slug="truck-times",
        intro="垃圾車每晚七時到達",
        theme_code=source.theme_code,
        cake_code=source.cake_code,
        service_code=source.service_code,
        owner_unit=source.owner_unit,
        keywords="清運",
    )
    with django_capture_on_commit_callbacks(execute=True):
        home.add_child(instance=page)
        page.save_revision().publish()
    return page


def found(query, language="zh-hant"):
    return [
        SearchEntry.objects.get(pk=pk).object_id
        for pk in search_run(query, Filters(language=language)).ids
    ]


def test_publishing_indexes_the_page_with_its_facets(published):
    entry = SearchEntry.objects.get(source="page", object_id=str(published.pk))
    assert entry.language == "zh-hant"
    assert entry.url == published.get_url()
    assert entry.theme == published.theme_code.code
    assert entry.unit == published.owner_unit.code
    assert str(published.pk) in found("垃圾車")
    assert str(published.pk) in found("清運")  # keywords are indexed with the title


def test_a_draft_is_not_found(home, django_capture_on_commit_callbacks):
    page = StandardPage(title="草稿焚化頁", slug="draft-only", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        home.add_child(instance=page)
        page.save_revision()
    assert str(page.pk) not in found("草稿焚化頁")


def test_unpublishing_removes_the_page(published, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        published.unpublish()
    assert not SearchEntry.objects.filter(object_id=str(published.pk), source="page").exists()


def test_a_private_page_leaves_the_index(published, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=published, restriction_type=PageViewRestriction.LOGIN
        )
    assert str(published.pk) not in found("垃圾車")


def test_deleting_removes_the_page(published, django_capture_on_commit_callbacks):
    pk = published.pk
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=pk).delete()
    assert not SearchEntry.objects.filter(object_id=str(pk), source="page").exists()


def test_moving_updates_the_address(published, home, django_capture_on_commit_callbacks):
    target = StandardPage.objects.filter(locale=home.locale).live().exclude(pk=published.pk)[0]
    with django_capture_on_commit_callbacks(execute=True):
        published.move(target, pos="last-child")
    entry = SearchEntry.objects.get(source="page", object_id=str(published.pk))
    assert entry.url.startswith(target.get_url())


def test_rebuild_restores_a_lost_index_and_drops_strays(published):
    SearchEntry.objects.filter(source="page").delete()
    SearchEntry.objects.create(
        source="gone", object_id="1", language="zh-hant", kind="page", title="x", url="/x/"
    )
    steps = []
    written = search_index_rebuild(progress=lambda done, total: steps.append((done, total)))
    assert written >= 2 * 14  # the demo's pages in both languages, and more
    assert steps[-1][0] == steps[-1][1]
    assert not SearchEntry.objects.filter(source="gone").exists()
    assert str(published.pk) in found("垃圾車")


def test_rebuild_command_prints_its_count(capsys):
    from django.core.management import call_command

    call_command("rebuild_search_index", verbosity=0)
    assert "Search index rebuilt:" in capsys.readouterr().out
