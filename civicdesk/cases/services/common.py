"""Re-exports for the last importers still on the old path; the helpers live by concept in
`cases/errors.py` and `services/{clock,credentials,timeline,notify}.py`. Removed as soon as
no importer is left."""

from civicdesk.cases.errors import CaseError
from civicdesk.cases.services.clock import calendar_around, today
from civicdesk.cases.services.credentials import (
    PASSWORD_ALPHABET,
    PASSWORD_LENGTH,
    hash_token,
    new_number,
    new_password,
    password_matches,
)
from civicdesk.cases.services.notify import notify_petitioner, notify_staff
from civicdesk.cases.services.timeline import lock, record_event, transition

__all__ = [
    "PASSWORD_ALPHABET",
    "PASSWORD_LENGTH",
    "CaseError",
    "calendar_around",
    "hash_token",
    "lock",
    "new_number",
    "new_password",
    "notify_petitioner",
    "notify_staff",
    "password_matches",
    "record_event",
    "today",
    "transition",
]
