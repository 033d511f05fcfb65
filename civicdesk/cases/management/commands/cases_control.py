"""以案管制, daily: deadline reminders, overdue escalation, officers' digests, expiry of
unconfirmed web submissions. Run once a day (cron or a systemd timer), e.g. at 07:30."""

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from civicdesk.cases.services.control import cases_control


class Command(BaseCommand):
    help = "Daily case control: reminders, escalations, digests, expiry of unconfirmed petitions."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", type=datetime.date.fromisoformat, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        result = cases_control(on=options["date"] or timezone.localdate())
        self.stdout.write(
            f"reminded {result.reminded}, escalated {result.escalated}, "
            f"digests {result.digests}, expired {result.expired}"
        )
