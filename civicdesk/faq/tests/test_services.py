"""FAQ services against the database: feedback, view counts, entries and promotion."""

import datetime
import json

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from civicdesk.cases.errors import CaseError
from civicdesk.cases.models import CaseEvent, PersonalDataAccess
from civicdesk.faq.models import FaqFeedback, FaqPage, FaqPromotion, FaqViewCount
from civicdesk.faq.services import (
    FaqError,
    faq_draft_from_case,
    faq_entry_create,
    faq_entry_translate,
    faq_feedback_submit,
    faq_view_record,
)
from civicdesk.faq.tests.conftest import PETITIONER

pytestmark = pytest.mark.django_db


# --- feedback -----------------------------------------------------------------------------


def test_feedback_is_stored_with_the_page_language(pool_entry):
    item = faq_feedback_submit(page=pool_entry, is_helpful=True, comment="  清楚  易懂 ")
    assert (item.page, item.language, item.is_helpful, item.comment) == (
        pool_entry,
        "zh-hant",
        True,
        "清楚 易懂",
    )


def test_feedback_comment_is_masked_and_bounded(pool_entry):
    comment = "我是林美華 0912-345-678 mh@example.com " + "很好" * 400
    item = faq_feedback_submit(page=pool_entry, is_helpful=False, comment=comment)
    assert "0912" not in item.comment and "mh@example.com" not in item.comment
    assert "〔電話〕" in item.comment and "〔電子郵件〕" in item.comment
    assert len(item.comment) <= 520  # masks may be longer than what they replace


def test_feedback_on_an_unpublished_entry_is_refused(zh_index):
    draft = faq_entry_create(
        index=zh_index, title="草稿問題", answer="<p>答</p>", slug="draft-q", publish=False
    )
    with pytest.raises(FaqError):
        faq_feedback_submit(page=draft, is_helpful=True)
    assert not FaqFeedback.objects.filter(page=draft).exists()


# --- views --------------------------------------------------------------------------------


def test_views_are_counted_per_page_and_day(pool_entry):
    day = datetime.date(2026, 1, 5)
    for _ in range(3):
        faq_view_record(page_id=pool_entry.pk, day=day)
    faq_view_record(page_id=pool_entry.pk, day=day + datetime.timedelta(days=1))
    counts = dict(FaqViewCount.objects.filter(page=pool_entry).values_list("day", "count"))
    assert counts == {day: 3, day + datetime.timedelta(days=1): 1}


def test_views_default_to_today(pool_entry):
    faq_view_record(page_id=pool_entry.pk)
    assert FaqViewCount.objects.get(page=pool_entry).day == timezone.localdate()


def test_a_lost_race_to_create_the_days_row_still_counts(pool_entry, monkeypatch):
    """Two first views at once: both UPDATEs find no row, one INSERT loses on the unique
    constraint and increments instead."""
    from django.db.models import QuerySet

    day = datetime.date(2026, 2, 1)
    faq_view_record(page_id=pool_entry.pk, day=day)  # the other request's row
    update = QuerySet.update
    missed = []

    def first_update_misses(self, **kwargs):
        if not missed:
            missed.append(True)
            return 0
        return update(self, **kwargs)

    monkeypatch.setattr(QuerySet, "update", first_update_misses)
    faq_view_record(page_id=pool_entry.pk, day=day)
    assert FaqViewCount.objects.get(page=pool_entry, day=day).count == 2


# --- entries ------------------------------------------------------------------------------


def test_entry_takes_the_index_classification_and_is_published(zh_index, en_index):
    page = faq_entry_create(
        index=zh_index,
        title="垃圾可以自己載來嗎？",
        answer="<p>不行。</p>",
        slug="self-delivery",
        keywords="自行載運",
    )
    assert page.live
    assert (page.theme_code, page.cake_code, page.service_code, page.owner_unit) == (
        zh_index.theme_code,
        zh_index.cake_code,
        zh_index.service_code,
        zh_index.owner_unit,
    )
    english = faq_entry_translate(
        page=page, language="en", title="Can I bring my own rubbish?", answer="<p>No.</p>"
    )
    assert english.live and english.get_parent().specific == en_index
    assert english.translation_key == page.translation_key
    again = faq_entry_translate(page=page, language="en", title="x", answer="<p>x</p>")
    assert again.pk == english.pk


# --- promotion ----------------------------------------------------------------------------


def draft_text(page: FaqPage) -> str:
    """Everything of the draft a reader or editor could see, revisions included."""
    revisions = " ".join(json.dumps(r.content, ensure_ascii=False) for r in page.revisions.all())
    return " ".join([page.title, page.slug, page.question, page.answer, revisions])


def test_promotion_makes_an_anonymised_unpublished_draft(answered_case, users, zh_index):
    page = faq_draft_from_case(case_id=answered_case.pk, user=users["coordinator"])
    page.refresh_from_db()
    assert not page.live
    assert page.get_parent().specific == zh_index
    assert page.category_id == answered_case.category_id
    assert page.title == "游泳池週一休館"
    assert "〔姓名〕" in page.question and "〔身分證字號〕" in page.question
    assert "〔地址〕" in page.question and "〔電話〕" in page.question
    assert "游泳池每週一休館進行清潔保養" in page.answer
    assert "回饋設施使用管理要點第5點" in page.answer  # the legal basis
    text = draft_text(page)
    for personal in [*PETITIONER.values(), "A123456789", "0912-345-678", "美華", "王大明"]:
        assert personal not in text, personal
    # Publishable once reviewed: classified and owned like the index, reviewed within a year.
    assert page.missing_classification() == []
    assert page.owner_unit == zh_index.owner_unit
    assert page.review_by > timezone.localdate()
    assert page.revisions.count() == 1


def test_promotion_is_traced_and_logged(answered_case, users):
    before = PersonalDataAccess.objects.filter(case=answered_case).count()
    page = faq_draft_from_case(case_id=answered_case.pk, user=users["editor"])
    access = PersonalDataAccess.objects.filter(case=answered_case).order_by("-at", "-pk")
    assert access.count() == before + 1
    assert (access[0].user, access[0].purpose) == (users["editor"], "FAQ promotion")
    event = answered_case.events.get(kind=CaseEvent.Kind.FAQ_PROMOTED)
    assert event.actor == users["editor"] and not event.is_public
    assert event.data["page_id"] == page.pk
    assert event.data["masked"]["name"] >= 3
    promotion = FaqPromotion.objects.get(case=answered_case)
    assert promotion.page_id == page.pk and promotion.masked == event.data["masked"]
    # The record keeps counts only, never the masked values.
    assert "林" not in json.dumps(promotion.masked, ensure_ascii=False)


def test_a_second_promotion_returns_the_same_draft(answered_case, users):
    first = faq_draft_from_case(case_id=answered_case.pk, user=users["coordinator"])
    second = faq_draft_from_case(case_id=answered_case.pk, user=users["editor"])
    assert first.pk == second.pk
    assert FaqPromotion.objects.filter(case=answered_case).count() == 1
    assert answered_case.events.filter(kind=CaseEvent.Kind.FAQ_PROMOTED).count() == 1


def test_deleting_the_draft_allows_promoting_again(answered_case, users):
    first = faq_draft_from_case(case_id=answered_case.pk, user=users["coordinator"])
    first.delete()
    second = faq_draft_from_case(case_id=answered_case.pk, user=users["coordinator"])
    assert second.pk != first.pk


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("coordinator", True),
        ("editor", True),
        ("admin", True),
        ("officer", False),
        ("unithead", False),
        ("director", False),
        ("privacy", False),
    ],
)
def test_who_may_promote(answered_case, users, role, allowed):
    if allowed:
        assert faq_draft_from_case(case_id=answered_case.pk, user=users[role]).pk
    else:
        with pytest.raises(PermissionDenied):
            faq_draft_from_case(case_id=answered_case.pk, user=users[role])
        assert not FaqPromotion.objects.filter(case=answered_case).exists()
        assert not PersonalDataAccess.objects.filter(
            case=answered_case, purpose="FAQ promotion"
        ).exists()


def test_an_unanswered_case_cannot_be_promoted(make_case, users):
    case = make_case()
    with pytest.raises(CaseError, match="sent reply"):
        faq_draft_from_case(case_id=case.pk, user=users["coordinator"])
    assert not FaqPromotion.objects.filter(case=case).exists()


def test_a_confidential_petitioner_is_masked_too(make_case, answer, users):
    case = answer(make_case(is_confidential=True))
    page = faq_draft_from_case(case_id=case.pk, user=users["coordinator"])
    assert "林美華" not in draft_text(page)
    access = PersonalDataAccess.objects.filter(case=case, purpose="FAQ promotion").get()
    assert access.was_redacted  # the coordinator was not shown the identity


def test_an_english_case_becomes_an_english_draft(make_case, answer, users, en_index):
    case = answer(
        make_case(
            language="en",
            subject="Pool closed on Mondays?",
            content="I am Lin Mei-hua (0912345678). Why is the pool shut on Mondays? Ms Lin",
            name="Lin Mei-hua",
        ),
        body="Dear Ms Lin, the pool is cleaned on Mondays. Wang Da-ming, 07-000-0120",
        basis="Community facility rules, point 5",
    )
    page = faq_draft_from_case(case_id=case.pk, user=users["coordinator"])
    assert page.get_parent().specific == en_index
    assert page.question == "I am [name] ([phone number]). Why is the pool shut on Mondays? [name]"
    assert "Dear [name]" in page.answer and "Wang" not in page.answer
    assert "<b>Legal basis:</b> Community facility rules, point 5" in page.answer


def test_an_unknown_case(users):
    from django.core.exceptions import ObjectDoesNotExist

    with pytest.raises(ObjectDoesNotExist):
        faq_draft_from_case(case_id=999999, user=users["coordinator"])


def test_editors_are_told_a_draft_awaits_review(answered_case, users):
    from civicdesk.notifications.models import OutboundMail

    before = set(OutboundMail.objects.values_list("pk", flat=True))
    page = faq_draft_from_case(case_id=answered_case.pk, user=users["coordinator"])
    mails = OutboundMail.objects.exclude(pk__in=before).filter(template="faq_draft_ready")
    assert [m.to for m in mails] == [users["editor"].email]
    mail = mails.get()
    assert page.title in mail.subject
    assert f"/admin/pages/{page.pk}/edit/" in mail.body
    for personal in [*PETITIONER.values(), "A123456789", "0912-345-678"]:
        assert personal not in mail.body + mail.subject, personal
    # A second promotion returns the same draft and tells nobody again.
    faq_draft_from_case(case_id=answered_case.pk, user=users["coordinator"])
    assert (
        OutboundMail.objects.exclude(pk__in=before).filter(template="faq_draft_ready").count() == 1
    )
