"""Writes to rubrics: the default rubric, edits while no round uses a version, new versions."""

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from civicdesk.core.records import record_save
from civicdesk.courtesy.models import Rubric, RubricItem, RubricSection

DEFAULT_RUBRIC = Path(__file__).resolve().parents[1] / "data" / "default_rubric.json"


def rubric_is_locked(rubric: Rubric | None) -> bool:
    """A version a round uses is kept as it was: change it by making a new version."""
    return rubric is not None and rubric.pk is not None and rubric.rounds.exists()


def _refuse_locked(rubric: Rubric | None) -> None:
    if rubric_is_locked(rubric):
        raise ValidationError(
            _("A test round uses this rubric version; make a new version to change it.")
        )


def _next_version() -> int:
    return int(Rubric.objects.aggregate(top=Max("version"))["top"] or 0) + 1


@transaction.atomic
def rubric_load(*, data: dict[str, Any]) -> Rubric:
    """A new rubric version from its JSON form (`data/default_rubric.json`)."""
    rubric = Rubric.objects.create(
        name=data["name"],
        name_en=data.get("name_en", ""),
        pass_threshold=int(data.get("pass_threshold", 90)),
        version=_next_version(),
    )
    for s_order, raw in enumerate(data["sections"]):
        section = RubricSection.objects.create(
            rubric=rubric,
            part=raw["part"],
            name=raw["name"],
            name_en=raw.get("name_en", ""),
            order=s_order,
        )
        for i_order, item in enumerate(raw["items"]):
            record_save(
                RubricItem(section=section, order=i_order),
                text=item["text"],
                text_en=item.get("text_en", ""),
                max_points=int(item["max_points"]),
            )
    return rubric


@transaction.atomic
def rubric_default_ensure() -> Rubric:
    """The newest rubric; the default (switchboard 45 + unit 55, pass at 90) if there is none."""
    latest = Rubric.objects.order_by("-version").first()
    if latest is not None:
        return latest
    return rubric_load(data=json.loads(DEFAULT_RUBRIC.read_text(encoding="utf-8")))


@transaction.atomic
def rubric_revise(*, rubric: Rubric) -> Rubric:
    """A copy of `rubric` as the next version, free to edit; rounds keep the old one."""
    copy = Rubric.objects.create(
        name=rubric.name,
        name_en=rubric.name_en,
        pass_threshold=rubric.pass_threshold,
        version=_next_version(),
        revised_from=rubric,
    )
    for section in rubric.sections.prefetch_related("items"):
        new_section = RubricSection.objects.create(
            rubric=copy,
            part=section.part,
            name=section.name,
            name_en=section.name_en,
            order=section.order,
        )
        RubricItem.objects.bulk_create(
            RubricItem(
                section=new_section,
                text=item.text,
                text_en=item.text_en,
                max_points=item.max_points,
                order=item.order,
            )
            for item in section.items.all()
        )
    return copy


@transaction.atomic
def rubric_save(*, instance: Rubric | None = None, **fields: Any) -> Rubric:
    _refuse_locked(instance)
    rubric = instance or Rubric(version=_next_version())
    fields.pop("version", None)
    return record_save(rubric, **fields)


@transaction.atomic
def rubric_delete(*, instance: Rubric) -> None:
    _refuse_locked(instance)
    instance.delete()


@transaction.atomic
def rubric_section_save(*, instance: RubricSection | None = None, **fields: Any) -> RubricSection:
    _refuse_locked(instance.rubric if instance else None)
    _refuse_locked(fields.get("rubric"))
    return record_save(instance or RubricSection(), **fields)


@transaction.atomic
def rubric_section_delete(*, instance: RubricSection) -> None:
    _refuse_locked(instance.rubric)
    instance.delete()


@transaction.atomic
def rubric_item_save(*, instance: RubricItem | None = None, **fields: Any) -> RubricItem:
    _refuse_locked(instance.section.rubric if instance else None)
    section = fields.get("section")
    _refuse_locked(section.rubric if section else None)
    return record_save(instance or RubricItem(), **fields)


@transaction.atomic
def rubric_item_delete(*, instance: RubricItem) -> None:
    _refuse_locked(instance.section.rubric)
    instance.delete()
