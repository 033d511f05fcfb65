"""The one way a service saves a model from a dict of field values: set, validate, save, then
the many-to-many values (which need a saved row). Services call it inside their transaction."""

from typing import Any, TypeVar

from django.db import models

M = TypeVar("M", bound=models.Model)


def record_save(instance: M, **fields: Any) -> M:
    many = {field.name for field in instance._meta.many_to_many}
    related = {name: fields.pop(name) for name in list(fields) if name in many}
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.full_clean()
    instance.save()
    for name, values in related.items():
        getattr(instance, name).set(values)
    return instance
