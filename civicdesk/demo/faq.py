"""The demo plant's FAQ: bilingual entries made through the FAQ services (data/faq.json)."""

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from civicdesk.cases.models import Category
from civicdesk.faq.models import FaqIndexPage, FaqPage
from civicdesk.faq.services import faq_entry_create, faq_entry_translate, faq_feedback_submit


@transaction.atomic
def demo_faq_load(*, entries: list[dict[str, Any]], feedback: list[dict[str, Any]]) -> int:
    """Create the entries that do not exist yet (by slug) in both languages; return how many
    pages were created. Demo feedback is added only to entries created in this run."""
    index = FaqIndexPage.objects.filter(locale__language_code="zh-hant").order_by("path").first()
    if index is None:
        return 0
    created = 0
    new_slugs: set[str] = set()
    review_from = timezone.localdate()
    for spec in entries:
        page = FaqPage.objects.child_of(index).filter(slug=spec["slug"]).first()
        if page is None:
            category = Category.objects.filter(code=spec["category"]).first()
            page = faq_entry_create(
                index=index,
                title=spec["zh"]["title"],
                answer=spec["zh"]["answer"],
                slug=spec["slug"],
                question=spec["zh"].get("question", ""),
                category_id=category.pk if category else None,
                keywords=spec.get("keywords", ""),
                review_by=review_from + datetime.timedelta(days=spec.get("review_in_days", 365)),
            )
            created += 1
            new_slugs.add(spec["slug"])
        if page.get_translations().filter(locale__language_code="en").exists():
            continue
        if not index.get_translations().filter(locale__language_code="en").exists():
            continue
        faq_entry_translate(
            page=page.specific,
            language="en",
            title=spec["en"]["title"],
            answer=spec["en"]["answer"],
            question=spec["en"].get("question", ""),
            keywords=spec.get("keywords_en", ""),
        )
        created += 1
    for item in feedback:
        if item["slug"] not in new_slugs:
            continue
        original = FaqPage.objects.child_of(index).get(slug=item["slug"])
        target = (
            original
            if item["language"] == "zh-hant"
            else FaqPage.objects.get(
                translation_key=original.translation_key, locale__language_code=item["language"]
            )
        )
        faq_feedback_submit(page=target, is_helpful=item["is_helpful"], comment=item["comment"])
    return created
