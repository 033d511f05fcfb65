"""The demo says only what the product does today, and states the plant-visit rules once."""

import html
import re

import pytest
from wagtail.models import Page

from civicdesk.demo.facts import fact, facts_load
from civicdesk.disclosure.models import Document

pytestmark = pytest.mark.django_db

# Services the site does not offer yet, and the phrases that would promise them.
MISSING = {
    "online booking of visits or courses": [
        r"線上預約",
        r"預約表單",
        r"線上(申請|報名)參",
        r"課程報名|報名(活動|課程)",
        r"online booking|booking form on (this|our) (website|site)",
        r"book(ing)? (a |your )?(tour|visit|course)s? online",
        r"(apply|register) online for",
        r"can (book|apply for) a (tour|visit) online",
    ],
    "emissions data on this site": [
        r"(本網站|本廠網站|網站).{0,10}(?<!未)(公布|公開|提供|刊載).{0,8}(監測值|監測數據|排放數據)",
        r"即時公開",
        r"(this|our) (website|site) (publishes|shows) the (hourly|stack|emission)",
        r"shown on (this|our) website",
        r"published in real time",
        r"emissions data (on|from) (this|our) (website|site)",
    ],
    "news, marquee or bulletin board": [
        r"最新消息",
        r"跑馬燈",
        r"公布欄|布告欄",
        r"\bnews\b",
        r"marquee",
        r"bulletin board",
    ],
    "live chat": [r"線上客服", r"即時通訊", r"live chat", r"chat with us"],
}

TAG = re.compile(r"<[^>]+>")
MAIN = re.compile(r"<main\b.*?</main>", re.S)
HREF = re.compile(r'href="(/[^"#?]*)')


def main_text(content: bytes) -> str:
    page = content.decode()
    found = MAIN.search(page)
    assert found, "no <main>"
    return html.unescape(TAG.sub(" ", found.group(0)))


def public_urls() -> list[str]:
    pages = Page.objects.live().public().filter(depth__gte=2).order_by("path")
    urls = [page.url for page in pages]
    documents = Document.objects.filter(reference__startswith="CRRP-")
    for prefix in ("", "/en"):
        urls.append(f"{prefix}/downloads/")
        urls.extend(f"{prefix}/downloads/{document.pk}/" for document in documents)
    return urls


def test_no_demo_page_promises_a_service_the_site_does_not_offer(client):
    problems = []
    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        text = main_text(response.content)
        for feature, patterns in MISSING.items():
            for pattern in patterns:
                for match in re.finditer(pattern, text, re.IGNORECASE):
                    around = text[max(match.start() - 30, 0) : match.end() + 30]
                    problems.append(f"{url}: {feature}: …{' '.join(around.split())}…")
    assert not problems, "\n".join(problems)


def test_every_link_on_the_demo_pages_leads_somewhere(client):
    targets = set[str]()
    for url in public_urls():
        targets.update(HREF.findall(client.get(url).content.decode()))
    broken = []
    for target in sorted(targets):
        response = client.get(target, follow=True)
        if response.status_code != 200:
            broken.append(f"{target}: {response.status_code}")
    assert len(targets) > 20
    assert not broken, broken


# The pages that state the plant-visit rules: the tour page, the service procedure, the FAQ.
VISIT_PAGES = [("about", "tours"), ("procedures", "group-visits"), ("faq", "book-a-plant-visit")]
STATED_EVERYWHERE = [
    "days",
    "time_morning",
    "time_afternoon",
    "duration",
    "group_size",
    "lead_time",
    "reply_time",
    "fee",
    "phone",
]


def visit_texts(client, english: bool) -> dict[str, str]:
    language = "en" if english else "zh-hant"
    texts = {}
    for parent, slug in VISIT_PAGES:
        page = Page.objects.get(
            slug=slug, locale__language_code=language, depth__gte=3, url_path__contains=parent
        )
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        texts[page.url] = " ".join(main_text(response.content).split())
    return texts


@pytest.mark.parametrize("english", [False, True], ids=["zh-Hant", "en"])
def test_the_visit_pages_state_the_same_facts_from_one_source(client, english):
    facts = facts_load()
    texts = visit_texts(client, english)
    assert len(texts) == 3
    for url, text in texts.items():
        for name in STATED_EVERYWHERE:
            value = fact(facts, f"visit.{name}", english=english)
            assert value in text, f"{url} does not say {name} = {value!r}"


@pytest.mark.parametrize("english", [False, True], ids=["zh-Hant", "en"])
def test_no_visit_page_contradicts_the_facts(client, english):
    """Whatever a page says on top of the facts, its days, times and durations are theirs."""
    facts = facts_load()

    def value(name: str) -> str:
        return fact(facts, f"visit.{name}", english=english)

    times = {value("time_morning"), value("time_afternoon")}
    times = {re.search(r"\d{1,2}:\d\d", time).group(0) for time in times}
    if english:
        days = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) to \w+day"
        duration = r"about \d+ (?:minutes|hours?)"
    else:
        days = r"週[一二三四五六日]至週[一二三四五六日]"
        duration = r"約\s*\d+\s*(?:分鐘|小時)"
    for url, text in visit_texts(client, english).items():
        assert set(re.findall(days, text)) == {value("days")}, url
        assert set(re.findall(r"\b\d{1,2}:\d\d\b", text)) <= times, url
        assert set(re.findall(duration, text)) == {value("duration")}, url
        assert "工作天" not in text, f"{url}: 工作日 is the word the other pages use"


def test_the_visit_form_says_what_the_pages_say():
    facts = facts_load()
    form = Document.objects.get(reference="CRRP-F-001")
    text = form.versions.order_by("-number").first().files.get(extension="odt").text
    text = " ".join(text.split())
    for name in ("days", "time_morning", "time_afternoon", "duration", "lead_time", "reply_time"):
        assert fact(facts, f"visit.{name}", english=False) in text, name
