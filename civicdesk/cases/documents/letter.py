"""The reply letter (函復): the approved reply as the agency's letter, as layout blocks."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from civicdesk.accounts.models import Agency
from civicdesk.cases.documents.people import date_text, staff_name, staff_profile
from civicdesk.cases.models import Case, Reply
from civicdesk.cases.selectors import PetitionerView
from civicdesk.core.i18n import is_english, localized
from civicdesk.core.office.blocks import Document, Heading, Labelled, Lines, label_text
from civicdesk.core.rocdate import format_roc_date


def _letter_date(value: datetime.date) -> str:
    # Official letters write the era out: 中華民國115年11月23日.
    return date_text(value) if is_english() else f"中華民國{format_roc_date(value)}"


def _letterhead(case: Case, reply: Reply, agency: Agency) -> tuple[list[str], str]:
    """The contact block, and the phone number of the officer to contact."""
    officer = reply.drafted_by
    profile = staff_profile(officer)
    officer_phone = str(profile.phone) if profile is not None else ""
    phone = officer_phone or case.unit.phone or agency.phone
    english = is_english()
    address = localized(agency, "address")
    if not english and agency.postcode:
        address = f"{agency.postcode}{address}"
    lines = [
        label_text(_("Address:"), english=english) + address,
        label_text(_("Phone:"), english=english) + agency.phone,
        *([label_text(_("Fax:"), english=english) + agency.fax] if agency.fax else []),
        label_text(_("E-mail:"), english=english) + agency.email,
        _("Contact person: %(name)s, phone %(phone)s")
        % {"name": staff_name(officer), "phone": phone},
    ]
    return lines, phone


def reply_letter(case: Case, reply: Reply, petitioner: PetitionerView, agency: Agency) -> Document:
    number = case.number or ""
    officer = reply.drafted_by
    letterhead, phone = _letterhead(case, reply, agency)
    dated = timezone.localdate(reply.sent_at) if reply.sent_at else timezone.localdate()
    petitioned = case.received_on or timezone.localdate(case.submitted_at)
    explanation = (
        _("This replies to your petition of %(date)s (case %(number)s).")
        % {"date": date_text(petitioned), "number": number},
        reply.body,
        _("Legal basis: %(basis)s") % {"basis": reply.legal_basis},
        _("For questions, please contact %(officer)s of the %(unit)s, phone %(phone)s.")
        % {"officer": staff_name(officer), "unit": case.unit.display_name, "phone": phone},
    )
    addressee = tuple(line for line in (petitioner.address, petitioner.name) if line)
    return Document(
        title=_("Reply to petition %(number)s") % {"number": number},
        language=case.language,
        author=agency.display_name,
        footer=_("Case %(number)s") % {"number": number},
        blocks=(
            # Translators: the heading of a reply letter. In Chinese: the agency's name, then
            # "　函" (the document type).
            Heading(pgettext("letter heading", "%(agency)s") % {"agency": agency.display_name}, 18),
            Lines(tuple(letterhead), inset=True, small=True),
            Lines(addressee),
            Labelled(_("To:"), petitioner.name),
            Labelled(_("Date:"), _letter_date(dated)),
            Labelled(_("Case number:"), number),
            Labelled(
                _("Subject:"),
                _("Reply to your petition “%(subject)s”.") % {"subject": case.subject},
            ),
            Labelled(_("Explanation:"), items=explanation),
        ),
    )
