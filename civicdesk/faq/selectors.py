"""Reads of the FAQ: the index grouped by topic, suggestions for a petition, the staff report."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.utils.html import strip_tags
from wagtail.models import Page

from civicdesk.core.i18n import localized
from civicdesk.core.text import fold, parse_query
from civicdesk.faq import matching
from civicdesk.faq.models import (
    FaqFeedback,
    FaqIndexPage,
    FaqPage,
    FaqPromotion,
    FaqViewCount,
)

GENERAL = "general"  # the group of entries without a topic


def faq_index_get(*, language: str) -> FaqIndexPage | None:
    """The live FAQ index of a language's page tree."""
    index: FaqIndexPage | None = (
        FaqIndexPage.objects.published()
        .filter(locale__language_code=language)
        .order_by("path")
        .first()
    )
    return index


def _entries(index: FaqIndexPage) -> list[FaqPage]:
    return list(
        FaqPage.objects.child_of(index)
        .published()
        .select_related("category")
        .order_by("category__sort_order", "category__code", "path")
    )


def _language(index: Page) -> str:
    return str(index.locale.language_code)


@dataclass(frozen=True)
class FaqGroup:
    code: str
    label: str
    entries: list[FaqPage] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"topic-{self.code}"


def _topic(entry: FaqPage, language: str) -> tuple[str, str]:
    if entry.category is None:
        return GENERAL, ""
    return entry.category.code, localized(entry.category, "name", language)


def faq_category_choices(*, index: FaqIndexPage | None) -> list[tuple[str, str]]:
    """The topics that have at least one published entry under `index`, in category order."""
    if index is None:
        return []
    language = _language(index)
    seen: dict[str, str] = {}
    for entry in _entries(index):
        code, label = _topic(entry, language)
        if code != GENERAL:
            seen.setdefault(code, label)
    return list(seen.items())


def _matches_words(entry: FaqPage, text: str) -> bool:
    query = parse_query(text)
    haystack = fold(
        "\n".join([entry.title, entry.question, entry.keywords, strip_tags(entry.answer)])
    )
    return all(any(alt in haystack for alt in (t.text, *t.alternatives)) for t in query.terms)


def faq_category_groups(
    *, index: FaqIndexPage, category_code: str = "", text: str = ""
) -> list[FaqGroup]:
    """Published entries under `index` by topic (category order; entries without one last),
    narrowed to one topic and to entries holding every word of `text`."""
    language = _language(index)
    groups: dict[str, FaqGroup] = {}
    general: list[FaqPage] = []
    for entry in _entries(index):
        code, label = _topic(entry, language)
        if category_code and code != category_code:
            continue
        if text and not _matches_words(entry, text):
            continue
        if code == GENERAL:
            general.append(entry)
        else:
            groups.setdefault(code, FaqGroup(code, label)).entries.append(entry)
    result = list(groups.values())
    if general:
        from django.utils import translation
        from django.utils.translation import gettext

        with translation.override(language):
            result.append(FaqGroup(GENERAL, gettext("General questions"), general))
    return result


@dataclass(frozen=True)
class FaqSuggestion:
    title: str
    url: str
    topic: str


def faq_suggestions(
    *, text: str, language: str, category_code: str = "", limit: int = 3
) -> list[FaqSuggestion]:
    """Published entries in `language` that may answer a petition's `text` (subject and
    content), best first. `category_code` is the petition category's code or its id (the
    form's select sends the id)."""
    if not text.strip():
        return []
    pages = {
        page.pk: page
        for page in FaqPage.objects.published()
        .filter(locale__language_code=language)
        .select_related("category")
    }
    chosen = category_code.strip()
    entries = [
        matching.Entry(
            id=page.pk,
            question=f"{page.title}\n{page.question}",
            keywords=page.keywords,
            answer=strip_tags(page.answer or ""),
            category=(
                chosen
                if page.category is not None
                and chosen in {page.category.code, str(page.category_id)}
                else ""
            ),
        )
        for page in pages.values()
    ]
    found = matching.rank(entries, text, category=chosen, limit=limit)
    return [
        FaqSuggestion(
            title=pages[match.id].title,
            url=pages[match.id].url or "",
            topic=_topic(pages[match.id], language)[1],
        )
        for match in found
    ]


def faq_promotion_for_page(*, page_id: int) -> FaqPromotion | None:
    return FaqPromotion.objects.select_related("case").filter(page_id=page_id).first()


def faq_promotion_for_case(*, case_id: int) -> FaqPromotion | None:
    return FaqPromotion.objects.select_related("page").filter(case_id=case_id).first()


# --- Staff report: helpfulness and views per entry, both languages --------------------------

PERIODS = {"30": 30, "90": 90, "365": 365, "all": None}
SORTS = ("title", "views", "helpful", "unhelpful", "share", "review_by")


@dataclass
class LanguageFigures:
    language: str
    page_id: int
    title: str
    live: bool
    views_30: int = 0
    views_year: int = 0
    views_total: int = 0
    helpful: int = 0
    unhelpful: int = 0


@dataclass
class ReportRow:
    """One entry: its pages in each language with their figures, summed over languages."""

    key: str
    languages: list[LanguageFigures]
    review_by: datetime.date | None
    comments: list[FaqFeedback] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.languages[0].title

    def total(self, name: str) -> int:
        return sum(getattr(figures, name) for figures in self.languages)

    @property
    def views_30(self) -> int:
        return self.total("views_30")

    @property
    def views_year(self) -> int:
        return self.total("views_year")

    @property
    def views_total(self) -> int:
        return self.total("views_total")

    @property
    def helpful(self) -> int:
        return self.total("helpful")

    @property
    def unhelpful(self) -> int:
        return self.total("unhelpful")

    @property
    def share_helpful(self) -> float | None:
        """Per cent of answers that said "helpful"; None when nobody answered."""
        answered = self.helpful + self.unhelpful
        return round(100 * self.helpful / answered, 1) if answered else None


def _sort_key(sort: str):  # type: ignore[no-untyped-def]
    far = datetime.date.max
    keys = {
        "title": lambda row: (row.title,),
        "views": lambda row: (-row.views_total, row.title),
        "helpful": lambda row: (-row.helpful, row.title),
        "unhelpful": lambda row: (-row.unhelpful, row.title),
        "share": lambda row: (
            row.share_helpful is None,
            row.share_helpful if row.share_helpful is not None else 0,
            row.title,
        ),
        "review_by": lambda row: (row.review_by or far, row.title),
    }
    return keys[sort]


def faq_report(
    *, today: datetime.date, period: str = "all", sort: str = "views", comments: int = 3
) -> list[ReportRow]:
    """Every FAQ entry (drafts too) with views over 30 days, this year and in total, and the
    helpful / not helpful answers and latest comments within `period` (days, or "all")."""
    days = PERIODS.get(period)
    since = today - datetime.timedelta(days=days - 1) if days else None
    pages = list(FaqPage.objects.select_related("locale").order_by("locale__language_code", "path"))
    ids = [page.pk for page in pages]
    last_30 = today - datetime.timedelta(days=29)
    year_start = today.replace(month=1, day=1)
    views = {
        row["page_id"]: row
        for row in FaqViewCount.objects.filter(page_id__in=ids)
        .values("page_id")
        .annotate(
            total=Sum("count"),
            last_30=Sum("count", filter=Q(day__gte=last_30, day__lte=today)),
            year=Sum("count", filter=Q(day__gte=year_start, day__lte=today)),
        )
    }
    feedback = FaqFeedback.objects.filter(page_id__in=ids)
    if since is not None:
        feedback = feedback.filter(created_at__date__gte=since)
    votes = {
        row["page_id"]: row
        for row in feedback.values("page_id").annotate(
            yes=Count("pk", filter=Q(is_helpful=True)), no=Count("pk", filter=Q(is_helpful=False))
        )
    }
    latest: dict[int, list[FaqFeedback]] = defaultdict(list)
    for item in feedback.exclude(comment="").order_by("-created_at", "-pk")[:500]:
        if len(latest[item.page_id]) < comments:
            latest[item.page_id].append(item)
    rows: dict[str, ReportRow] = {}
    # zh-Hant first: it is the default language and the source of translations.
    pages.sort(key=lambda p: (p.locale.language_code != "zh-hant", p.path))
    for page in pages:
        figures = LanguageFigures(
            language=page.locale.language_code,
            page_id=page.pk,
            title=page.title,
            live=page.live,
            views_30=(views.get(page.pk) or {}).get("last_30") or 0,
            views_year=(views.get(page.pk) or {}).get("year") or 0,
            views_total=(views.get(page.pk) or {}).get("total") or 0,
            helpful=(votes.get(page.pk) or {}).get("yes") or 0,
            unhelpful=(votes.get(page.pk) or {}).get("no") or 0,
        )
        key = str(page.translation_key)
        row = rows.get(key)
        if row is None:
            row = rows[key] = ReportRow(key=key, languages=[], review_by=page.review_by)
        row.languages.append(figures)
        if page.review_by and (row.review_by is None or page.review_by < row.review_by):
            row.review_by = page.review_by
        row.comments.extend(latest.get(page.pk, []))
    result = list(rows.values())
    for row in result:
        row.comments.sort(key=lambda item: item.created_at, reverse=True)
        del row.comments[comments:]
    result.sort(key=_sort_key(sort if sort in SORTS else "views"))
    return result


@dataclass(frozen=True)
class FaqText:
    """An entry's words, for comparing with petitions (triage marks topics with no entry)."""

    title: str
    url: str
    text: str


def faq_entries_for_matching(*, language: str) -> list[FaqText]:
    """Every published entry, the given language first (petitions may be in either)."""
    pages = FaqPage.objects.published().select_related("locale").order_by("path")
    return [
        FaqText(
            title=page.title,
            url=page.url or "",
            text=f"{page.title}\n{page.question}\n{page.keywords}\n{strip_tags(page.answer or '')}",
        )
        for page in sorted(pages, key=lambda page: page.locale.language_code != language)
    ]
