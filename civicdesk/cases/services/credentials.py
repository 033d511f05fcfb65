"""What a petitioner is given to follow a case (its number, the query password, the e-mailed
confirmation token) and how what they type back is checked."""

import datetime
import hashlib
import secrets

from django.contrib.auth.hashers import check_password
from django.db import transaction

from civicdesk.cases.models import Case, DailySequence
from civicdesk.core.rocdate import roc_year

# No 0/O, 1/l/I: the password is read aloud over the phone and typed from paper.
PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789"  # noqa: S105
PASSWORD_LENGTH = 8


def new_number(day: datetime.date) -> str:
    """`1151124` + 4-digit sequence of the day: ROC date first, as officers read it."""
    with transaction.atomic():
        sequence, _created = DailySequence.objects.select_for_update().get_or_create(day=day)
        sequence.value += 1
        sequence.save(update_fields=["value"])
    return f"{roc_year(day.year):03d}{day.month:02d}{day.day:02d}{sequence.value:04d}"


def new_password() -> str:
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_LENGTH))


def password_matches(case: Case, password: str) -> bool:
    return bool(case.query_password_hash) and check_password(password, case.query_password_hash)


def hash_token(token: str) -> str:
    """Only the hash of a confirmation token is stored: the raw token lives in the mail."""
    return hashlib.sha256(token.encode()).hexdigest()
