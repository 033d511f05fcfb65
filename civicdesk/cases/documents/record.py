"""The record of an oral petition (言詞陳情紀錄, 行政程序法 art. 169) as layout blocks."""

from django.contrib.auth.models import User
from django.utils import timezone
from django.utils.translation import gettext as _

from civicdesk.cases.documents.people import date_text, staff_signature
from civicdesk.cases.models import Case
from civicdesk.cases.selectors import PetitionerView
from civicdesk.core.office.blocks import Block, Document, FieldTable, Heading, Signatures, Text


def _received(case: Case) -> str:
    """When the petition was received, with the time if it was recorded that same day."""
    submitted = timezone.localtime(case.submitted_at)
    if case.received_on is None or case.received_on == submitted.date():
        return f"{date_text(submitted.date())} {submitted:%H:%M}"
    return date_text(case.received_on)


def oral_record(case: Case, petitioner: PetitionerView, officer: User | None) -> Document:
    agency = case.unit.agency
    number = case.number or ""
    rows = [
        (_("Case number"), number),
        (_("Channel"), str(case.get_channel_display())),
        (_("Received at"), _received(case)),
        (_("Petitioner's name"), petitioner.name),
        (_("Phone"), petitioner.phone),
        (_("E-mail"), petitioner.email),
        (_("Postal address"), petitioner.address),
    ]
    if petitioner.is_confidential:
        rows.append((_("Identity confidential"), _("Yes (Administrative Procedure Act, art. 170)")))
    rows += [
        (_("Subject"), case.subject),
        (_("Content of the petition"), case.content),
        (_("Place concerned"), case.location),
        (_("Recording officer"), staff_signature(officer)),
    ]
    notes: list[Block] = []
    if petitioner.is_redacted:
        notes.append(
            Text(
                _(
                    "The petitioner asked for confidentiality (art. 170 §2); only the privacy "
                    "officer sees the identity."
                ),
                small=True,
            )
        )
    return Document(
        title=_("Record of an oral petition %(number)s") % {"number": number},
        language=case.language,
        author=agency.display_name,
        footer=_("Case %(number)s") % {"number": number},
        blocks=(
            Heading(agency.display_name, 14),
            Heading(_("Record of an oral petition"), 18),
            FieldTable(tuple(rows)),
            *notes,
            Text(
                # 行政程序法 art. 169: the record is read to the petitioner (or read by them) and
                # signed; objections are corrected.
                _(
                    "The above record was read to the petitioner, or read by the petitioner, who "
                    "confirmed it as correct; any objection raised has been corrected "
                    "(Administrative Procedure Act, art. 169)."
                )
            ),
            Signatures(
                (_("Petitioner's signature or seal"), _("Recording officer's signature or seal")),
                _("Date:"),
            ),
        ),
    )
