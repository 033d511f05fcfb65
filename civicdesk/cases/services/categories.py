"""Writes to petition categories and reply templates (coordinator's configuration): the
admin screens save through `*_save`/`*_delete`, imports through `*_upsert` by natural key."""

from typing import Any

from django.db import transaction

from civicdesk.accounts.models import Unit
from civicdesk.cases.models import Category, ReplyTemplate
from civicdesk.core.records import record_save


@transaction.atomic
def category_save(*, instance: Category | None = None, **fields: Any) -> Category:
    return record_save(instance or Category(), **fields)


@transaction.atomic
def category_delete(*, instance: Category) -> None:
    instance.delete()


def category_upsert(*, code: str, unit: Unit, **fields: Any) -> Category:
    category = Category.objects.filter(code=code).first()
    return category_save(instance=category, code=code, unit=unit, **fields)


@transaction.atomic
def reply_template_save(*, instance: ReplyTemplate | None = None, **fields: Any) -> ReplyTemplate:
    return record_save(instance or ReplyTemplate(), **fields)


@transaction.atomic
def reply_template_delete(*, instance: ReplyTemplate) -> None:
    instance.delete()


def reply_template_upsert(
    *, category: Category | None, kind: str, language: str, title: str, body: str, legal_basis: str
) -> ReplyTemplate:
    template = ReplyTemplate.objects.filter(category=category, kind=kind, language=language).first()
    return reply_template_save(
        instance=template,
        category=category,
        kind=kind,
        language=language,
        title=title,
        body=body,
        legal_basis=legal_basis,
    )
