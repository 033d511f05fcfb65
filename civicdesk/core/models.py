"""Kernel records: declared office days (holidays, workdays, closures), worker heartbeats."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OfficeDaySource(models.TextChoices):
    DGPA = "dgpa", _("Office calendar (DGPA)")
    CLOSURE = "closure", _("Office closure")


class OfficeDayQuerySet(models.QuerySet["OfficeDay"]):
    def closures(self) -> "OfficeDayQuerySet":
        return self.filter(source=OfficeDaySource.CLOSURE)

    def imported(self) -> "OfficeDayQuerySet":
        return self.filter(source=OfficeDaySource.DGPA)


class OfficeDay(models.Model):
    """One declared day: a day off or a working day, from the DGPA calendar or a closure.

    Days not declared are Monday-to-Friday working days. Written only through
    `civicdesk.core.services`; read through `civicdesk.core.selectors.workday_calendar`.
    """

    date = models.DateField(_("date"), unique=True)
    is_day_off = models.BooleanField(_("day off"))
    note = models.CharField(
        _("note"), max_length=200, blank=True, help_text=_("For example 補行上班 or 春節.")
    )
    source = models.CharField(_("source"), max_length=10, choices=OfficeDaySource.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = OfficeDayQuerySet.as_manager()

    class Meta:
        verbose_name = _("office day")
        verbose_name_plural = _("office days")
        ordering = ["date"]
        constraints = [
            # A closure (停止上班) always closes the office; it never declares a working day.
            models.CheckConstraint(
                condition=~models.Q(source="closure") | models.Q(is_day_off=True),
                name="core_officeday_closure_is_day_off",
            )
        ]

    def __str__(self) -> str:
        return f"{self.date.isoformat()} {self.note}".strip()


class WorkerHeartbeat(models.Model):
    """The last sign of life of one background task worker (`db_worker`), for `/readyz`."""

    worker_id = models.CharField(_("worker"), max_length=64, unique=True)
    hostname = models.CharField(_("host"), max_length=255)
    pid = models.PositiveIntegerField(_("process id"))
    started_at = models.DateTimeField(_("started at"))
    seen_at = models.DateTimeField(_("last seen"), db_index=True)

    class Meta:
        verbose_name = _("task worker")
        verbose_name_plural = _("task workers")

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.hostname}:{self.pid})"
