"""Reads of triage: training examples, suggestions, likely duplicates, recurring topics."""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count, Q

from civicdesk.cases.models import Case, Category, Outcome
from civicdesk.cases.states import OPEN_STATES, State
from civicdesk.faq.selectors import FaqText
from civicdesk.triage.duplicates import DuplicateFinder, Report
from civicdesk.triage.models import CategoryModel, CategorySuggestion
from civicdesk.triage.topics import text_similarity, topics_cluster

# Cases that were really handled: their final category is what an officer settled on.
LEARNT_STATES = (State.CLOSED, State.TRANSFERRED, State.FILED)
# A recurring topic counts as answered when an FAQ entry is at least this similar to it.
FAQ_MATCH_SIMILARITY = 0.2
TOPIC_CASE_LIMIT = 5000


def case_text(case: Case) -> str:
    return f"{case.subject}\n{case.content}"


def training_examples() -> list[tuple[str, str]]:
    """(text, category code) of handled cases, plus open ones whose suggestion was decided.

    An officer's override changes the case's category, so it teaches the next model.
    """
    cases = (
        Case.objects.filter(
            Q(state__in=LEARNT_STATES)
            | Q(
                category_suggestion__decision__in=[
                    CategorySuggestion.Decision.ACCEPTED,
                    CategorySuggestion.Decision.OVERRIDDEN,
                ]
            )
        )
        .exclude(outcome=Outcome.FILED_NO_CONTENT)
        .select_related("category")
        .order_by("pk")
    )
    return [(case_text(c), c.category.code) for c in cases.iterator(chunk_size=2000)]


def category_model_current() -> CategoryModel | None:
    return CategoryModel.objects.defer("artifact").first()


def category_model_list() -> list[CategoryModel]:
    return list(CategoryModel.objects.defer("artifact").select_related("trained_by")[:10])


@dataclass(frozen=True)
class DecisionCounts:
    accepted: int
    overridden: int
    pending: int
    auto: int

    @property
    def acceptance_rate(self) -> float | None:
        decided = self.accepted + self.overridden
        return self.accepted / decided if decided else None


def suggestion_decision_counts(model: CategoryModel) -> DecisionCounts:
    counts = {
        row["decision"]: row["n"]
        for row in model.suggestions.values("decision").annotate(n=Count("pk")).order_by()
    }
    decision = CategorySuggestion.Decision
    return DecisionCounts(
        accepted=counts.get(decision.ACCEPTED, 0),
        overridden=counts.get(decision.OVERRIDDEN, 0),
        pending=counts.get(decision.PENDING, 0),
        auto=counts.get(decision.AUTO, 0),
    )


def suggestion_for_case(*, case_id: int) -> CategorySuggestion | None:
    """The case's suggestion as the case page shows it, without the model's stored arrays."""
    return (
        CategorySuggestion.objects.filter(case_id=case_id)
        .select_related("category", "model", "decided_by")
        .defer("model__artifact")
        .first()
    )


def suggestion_get_for_staff(user: User | AnonymousUser, pk: int) -> CategorySuggestion | None:
    """A suggestion on a case this person may see."""
    return CategorySuggestion.objects.filter(pk=pk, case__in=Case.objects.visible_to(user)).first()


@dataclass(frozen=True)
class RankedCategory:
    category: Category
    probability: float


def suggestion_ranked(suggestion: CategorySuggestion) -> list[RankedCategory]:
    codes = [code for code, _p in suggestion.ranked]
    by_code = Category.objects.in_bulk(codes, field_name="code")
    return [
        RankedCategory(by_code[code], probability)
        for code, probability in suggestion.ranked
        if code in by_code
    ]


@dataclass(frozen=True)
class DuplicateMatch:
    case: Case
    score: float


def _report(case: Case) -> Report:
    return Report(
        key=str(case.pk),
        text=case_text(case),
        place=case.location,
        district="",
        at=case.submitted_at,
    )


def case_duplicates(
    user: User | AnonymousUser, case: Case, *, limit: int = 5
) -> list[DuplicateMatch]:
    """Open and recent cases that are probably the same matter, within the category's window.

    "Recent" means submitted within the window of this case and, if closed, closed within it:
    an officer merges into an open case, or cites a recent reply (art. 173 repeat).
    """
    window = datetime.timedelta(days=case.category.duplicate_window_days)
    since, until = case.submitted_at - window, case.submitted_at + window
    pool = (
        Case.objects.visible_to(user)
        .confirmed()
        .exclude(pk=case.pk)
        .exclude(state__in=[State.MERGED, State.EXPIRED])
        .filter(submitted_at__range=(since, until))
        .filter(Q(state__in=OPEN_STATES) | Q(closed_at__gte=since))
        .select_related("category")
    )
    finder = DuplicateFinder([_report(c) for c in pool], window=window)
    by_key = {str(c.pk): c for c in pool}
    return [
        DuplicateMatch(by_key[report.key], score)
        for report, score in finder.find(_report(case), limit=limit)
        if report.key in by_key
    ]


@dataclass(frozen=True)
class TopicRow:
    cases: list[Case]
    terms: tuple[str, ...]
    representative: Case
    categories: list[tuple[Category, int]]
    first_on: datetime.date | None
    last_on: datetime.date | None
    faq: FaqText | None
    faq_similarity: float

    @property
    def size(self) -> int:
        return len(self.cases)


def recurring_topics(
    user: User | AnonymousUser,
    *,
    start: datetime.date,
    end: datetime.date,
    faq_entries: list[FaqText],
    min_size: int = 2,
) -> list[TopicRow]:
    """Clusters of similar petitions received in [start, end], largest first, with their FAQ."""
    cases = list(
        Case.objects.visible_to(user)
        .confirmed()
        .exclude(state__in=[State.MERGED, State.EXPIRED])
        .filter(received_on__range=(start, end))
        .select_related("category")
        .order_by("received_on", "pk")[:TOPIC_CASE_LIMIT]
    )
    texts = [case_text(c) for c in cases]
    topics = topics_cluster(texts, min_size=min_size)
    rows: list[TopicRow] = []
    similarity = (
        text_similarity(
            [" ".join(texts[i] for i in topic.members) for topic in topics],
            [entry.text for entry in faq_entries],
        )
        if topics and faq_entries
        else []
    )
    for index, topic in enumerate(topics):
        members = [cases[i] for i in topic.members]
        best, best_score = None, 0.0
        if similarity:
            scores = similarity[index]
            j = max(range(len(scores)), key=scores.__getitem__)
            if scores[j] >= FAQ_MATCH_SIMILARITY:
                best, best_score = faq_entries[j], scores[j]
        categories = Counter(c.category for c in members).most_common()
        dates = [c.received_on for c in members if c.received_on]
        rows.append(
            TopicRow(
                cases=members,
                terms=topic.terms,
                representative=cases[topic.representative],
                categories=categories,
                first_on=min(dates, default=None),
                last_on=max(dates, default=None),
                faq=best,
                faq_similarity=best_score,
            )
        )
    return rows
