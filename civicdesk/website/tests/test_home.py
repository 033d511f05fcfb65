"""The home page is the plant's front door: its name, its purpose, the tasks citizens come for,
and slots that stay empty until a module has something real to put in them."""

import copy
import re

import pytest

from civicdesk.website.home import HomePanel, register_panel, unregister_panel
from civicdesk.website.models import HomePage

pytestmark = pytest.mark.django_db

H1 = re.compile(r"<h1>(.*?)</h1>", re.S)


def tasks_of(html):
    section = html.split('class="home-tasks"', 1)[1].split("</section>", 1)[0]
    return dict(
        (text, href)
        for href, text in re.findall(
            r'<li class="task[^"]*"><a href="([^"]+)">([^<]+)</a>', section
        )
    )


@pytest.mark.parametrize(
    ("path", "name"),
    [("/", "中區資源回收廠"), ("/en/", "Central District Resource Recovery Plant")],
)
def test_the_heading_is_the_plants_name_with_its_purpose(client, path, name):
    html = client.get(path).content.decode()
    assert H1.findall(html) == [name]
    assert "首頁" not in H1.findall(html)[0]
    purpose = html.split('class="purpose"', 1)[1].split("</div>", 1)[0]
    assert ("焚化" if path == "/" else "incinerate") in purpose


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (
            "/",
            {
                "線上陳情": "/petitions/new/",
                "廠長信箱": "/petitions/mailbox/",
                "案件查詢": "/petitions/track/",
                "表單下載": "/downloads/?kind=form",
                "申辦服務": "/services/procedures/",
                "政府資訊公開": "/disclosure/",
                "常見問題": "/faq/",
                "參訪本廠": "/about/tours/",
                "回饋設施": "/about/community-facilities/",
                "聯絡我們": "/contact/",
            },
        ),
        (
            "/en/",
            {
                "File a petition": "/en/petitions/new/",
                "Director's mailbox": "/en/petitions/mailbox/",
                "Track your case": "/en/petitions/track/",
                "Download forms": "/en/downloads/?kind=form",
                "Service procedures": "/en/services/procedures/",
                "Information Disclosure": "/en/disclosure/",
                "FAQ": "/en/faq/",
                "Visit the plant": "/en/about/tours/",
                "Community Facilities": "/en/about/community-facilities/",
                "Contact Us": "/en/contact/",
            },
        ),
    ],
)
def test_the_tasks_citizens_come_for_link_to_the_service_in_their_language(client, path, expected):
    html = client.get(path).content.decode().replace("&#x27;", "'")
    assert tasks_of(html) == expected
    for href in expected.values():
        assert client.get(href).status_code == 200, href


def test_the_tasks_are_not_the_menu_again(client):
    html = client.get("/").content.decode()
    menu = re.findall(
        r"<a href=\"([^\"]+)\"", html.split('class="main-nav"', 1)[1].split("</nav>")[0]
    )
    tasks = set(tasks_of(html).values())
    assert len(tasks - set(menu)) >= 6


def test_a_task_whose_page_is_unpublished_is_left_out(client):
    home = HomePage.objects.get(locale__language_code="en")
    pages = [block.value["page"] for block in home.tasks if block.block_type == "page"]
    contact = next(page for page in pages if page.slug == "contact")
    contact.unpublish()
    html = client.get("/en/").content.decode()
    assert "Contact Us" not in tasks_of(html)
    assert len(tasks_of(html)) == 9


def test_the_slots_for_later_modules_render_nothing_until_they_exist(client):
    html = client.get("/").content.decode()
    assert "home-slot" not in html
    assert "最新消息" not in html


@pytest.fixture
def panel_template(settings, tmp_path):
    (tmp_path / "news_panel.html").write_text(
        "<h2>最新消息</h2><ul>{% for item in panel.items %}<li>{{ item }}</li>{% endfor %}</ul>"
    )
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [*templates[0]["DIRS"], tmp_path]
    settings.TEMPLATES = templates
    yield "news_panel.html"
    unregister_panel("news")


def test_a_module_fills_its_slot_only_when_it_has_something_to_show(client, panel_template):
    items = []
    register_panel(
        HomePanel("news", panel_template, lambda request: {"items": items} if items else None)
    )
    assert "home-slot" not in client.get("/").content.decode()
    items.append("歲修期間暫停參訪")
    html = client.get("/").content.decode()
    assert '<section class="home-slot home-slot-news">' in html
    assert "<li>歲修期間暫停參訪</li>" in html


def test_only_the_known_slots_can_be_filled():
    with pytest.raises(ValueError, match="slots"):
        register_panel(HomePanel("weather", "x.html", lambda request: {}))
