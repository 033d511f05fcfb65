"""Send queued mail whose next attempt is due; run it every minute.

Mail is normally sent by a background task right after the transaction that queued it commits.
This command is the safety net that makes "never lost" true: it retries mail the server refused
or could not take (with backoff: 1, 2, 4, … minutes, at most an hour apart, until
NOTIFICATIONS_MAX_ATTEMPTS), and mail whose task never ran. Runs never send a mail twice.

cron::

    * * * * *  cd /srv/civicdesk && .venv/bin/python manage.py send_queued_mail --verbosity 0

systemd (civicdesk-mail.timer with ``OnCalendar=minutely``, and a oneshot service)::

    [Service]
    Type=oneshot
    WorkingDirectory=/srv/civicdesk
    ExecStart=/srv/civicdesk/.venv/bin/python manage.py send_queued_mail
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from civicdesk.notifications.services import mail_retry_due


class Command(BaseCommand):
    help = "Send queued mail whose next attempt is due (run every minute); prints how many."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--limit", type=int, default=100, help="At most this many mails per run."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = mail_retry_due(limit=options["limit"])
        if options["verbosity"] > 0:
            self.stdout.write(f"sent {sent}")
