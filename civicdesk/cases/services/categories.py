"""Writes to petition categories and reply templates (coordinator's configuration)."""

from typing import Any

from django.db import transaction

from civicdesk.accounts.models import Unit
from civicdesk.cases.models import Category, ReplyTemplate


@transaction.atomic
def category_upsert(*, code: str, unit: Unit, **fields: Any) -> Category:
    category = Category.objects.filter(code=code).first() or Category(code=code)
    category.unit = unit
    for name, value in fields.items():
        setattr(category, name, value)
    category.full_clean()
    category.save()
    return category


@transaction.atomic
def reply_template_upsert(
    *, category: Category | None, kind: str, language: str, title: str, body: str, legal_basis: str
) -> ReplyTemplate:
    template, _created = ReplyTemplate.objects.update_or_create(
        category=category,
        kind=kind,
        language=language,
        defaults={"title": title, "body": body, "legal_basis": legal_basis},
    )
    return template
