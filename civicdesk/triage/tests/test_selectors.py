"""Likely duplicates of a case, and recurring topics with their FAQ entries."""

import datetime

import pytest
from django.utils import timezone

from civicdesk.cases.models import Case
from civicdesk.cases.services import handling
from civicdesk.faq.selectors import FaqText
from civicdesk.triage.selectors import case_duplicates, recurring_topics

pytestmark = pytest.mark.django_db

TRUCKS = {
    "category": "trucks",
    "subject": "垃圾車排隊占用慢車道",
    "content": "每天上午垃圾車在廠外大中二路排隊，占用慢車道，機車騎士很危險。",
    "location": "大中二路與鼎金後路口",
}


def numbers(matches):
    return [m.case.number for m in matches]


def test_the_same_place_and_issue_is_offered_as_a_duplicate(recorded, users):
    first = recorded(**TRUCKS)
    unrelated = recorded(
        category="feedback-facilities",
        subject="游泳池水溫",
        content="冬天游泳池水溫太低。",
        location="回饋游泳池",
    )
    again = recorded(
        **{
            **TRUCKS,
            "subject": "垃圾車又占用車道",
            "content": "上午垃圾車排隊占用大中二路慢車道，請改善。",
        }
    )
    matches = case_duplicates(users["coordinator"], again)
    assert first.number in numbers(matches)
    assert unrelated.number not in numbers(matches)
    assert again.number not in numbers(matches)
    assert all(0 < m.score <= 1 for m in matches)
    assert matches == sorted(matches, key=lambda m: -m.score)


def test_duplicates_respect_the_category_window_and_skip_merged_cases(recorded, users):
    old = recorded(**TRUCKS)
    window = old.category.duplicate_window_days
    Case.objects.filter(pk=old.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=window + 5)
    )
    merged = recorded(**TRUCKS)
    survivor = recorded(**TRUCKS)
    handling.case_merge(case=merged, actor=users["coordinator"], into=survivor)
    new = recorded(**TRUCKS)
    found = numbers(case_duplicates(users["coordinator"], new))
    assert survivor.number in found
    assert old.number not in found
    assert merged.number not in found


def test_a_confidential_case_is_not_offered_to_someone_who_cannot_see_it(recorded, users):
    recorded(**TRUCKS)
    new = recorded(**TRUCKS)
    # The officer sees only cases of their own unit or assigned to them.
    seen = Case.objects.visible_to(users["officer"])
    assert all(m.case in seen for m in case_duplicates(users["officer"], new))


def test_recurring_topics_group_similar_petitions_and_mark_the_faq(recorded, users):
    today = timezone.localdate()
    made = [
        recorded(
            category="feedback-facilities",
            subject=f"游泳池週一開放 {i}",
            content="希望回饋游泳池週一也能開放，週一休館很不方便。",
        )
        for i in range(3)
    ]
    faq = FaqText(
        title="游泳池開放時間", url="/faq/pool/", text="回饋游泳池開放時間：週二至週日；週一休館。"
    )
    topics = recurring_topics(users["coordinator"], start=today, end=today, faq_entries=[faq])
    pool = [t for t in topics if {c.pk for c in made} <= {c.pk for c in t.cases}]
    assert len(pool) == 1
    topic = pool[0]
    assert topic.size >= 3
    assert topic.faq == faq and topic.faq_similarity > 0
    assert topic.representative in topic.cases
    assert topic.terms
    assert topic.first_on == today == topic.last_on
    without = recurring_topics(users["coordinator"], start=today, end=today, faq_entries=[])
    assert all(t.faq is None for t in without)


def test_topics_cover_only_the_period(recorded, users):
    recorded(
        category="feedback-facilities", subject="游泳池週一開放", content="希望游泳池週一也能開放。"
    )
    long_ago = datetime.date(2001, 1, 1)
    assert (
        recurring_topics(users["coordinator"], start=long_ago, end=long_ago, faq_entries=[]) == []
    )
