"""Petition records: categories, cases, their timeline, replies, attachments and surveys."""

from civicdesk.cases.models.case import Case, Channel, Outcome, Petitioner
from civicdesk.cases.models.category import Category, ReplyTemplate
from civicdesk.cases.models.records import (
    AccessPurpose,
    Attachment,
    CaseEvent,
    DailySequence,
    PersonalDataAccess,
    Reply,
    SatisfactionResponse,
)

__all__ = [
    "AccessPurpose",
    "Attachment",
    "Case",
    "CaseEvent",
    "Category",
    "Channel",
    "DailySequence",
    "Outcome",
    "PersonalDataAccess",
    "Petitioner",
    "Reply",
    "ReplyTemplate",
    "SatisfactionResponse",
]
