"""Writes of the FAQ: entries (for the demo and imports), readers' feedback, view counts, and
the one-step promotion of an answered petition to an anonymised, unpublished FAQ draft."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import Locale

from civicdesk.accounts.roles import EDITOR, group_name
from civicdesk.cases.services.faq import case_faq_promoted, case_faq_source
from civicdesk.core.i18n import is_english
from civicdesk.core.siteurl import site_base_url
from civicdesk.faq.anonymise import Anonymised, anonymise
from civicdesk.faq.forms import COMMENT_MAX_LENGTH
from civicdesk.faq.models import FaqFeedback, FaqIndexPage, FaqPage, FaqPromotion, FaqViewCount
from civicdesk.faq.permissions import can_promote
from civicdesk.notifications.services import mail_queue

REVIEW_AFTER_DAYS = 365  # a promoted entry is checked by its owner within a year


class FaqError(ValueError):
    """A request the FAQ rules refuse; the message is shown to the person who made it."""


def faq_feedback_submit(*, page: FaqPage, is_helpful: bool, comment: str = "") -> FaqFeedback:
    """Record a reader's answer. Comments are not a channel for requests, so any personal data
    a reader typed anyway is masked before it is stored."""
    if not page.live:
        raise FaqError(_("This FAQ entry is not published."))
    text = " ".join(comment.split())[:COMMENT_MAX_LENGTH]
    return FaqFeedback.objects.create(
        page=page,
        language=page.locale.language_code,
        is_helpful=is_helpful,
        comment=anonymise(text).text if text else "",
    )


def faq_view_record(*, page_id: int, day: datetime.date | None = None) -> None:
    """Count one public view: an in-place increment of the day's row, created on first view.

    The UPDATE is atomic on both databases; two first views racing to create the row are
    settled by the unique constraint and the loser increments instead.
    """
    day = day or timezone.localdate()
    rows = FaqViewCount.objects.filter(page_id=page_id, day=day)
    if rows.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            FaqViewCount.objects.create(page_id=page_id, day=day, count=1)
    except IntegrityError:
        rows.update(count=F("count") + 1)


def _paragraphs(text: str) -> str:
    """Plain text (a reply) as rich text: blank lines part paragraphs, newlines break lines."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(
        "<p>" + "<br/>".join(escape(line) for line in block.split("\n")) + "</p>"
        for block in blocks
        if block
    )


def _classification_from(index: FaqIndexPage) -> dict[str, Any]:
    return {
        "theme_code": index.theme_code,
        "cake_code": index.cake_code,
        "service_code": index.service_code,
        "owner_unit": index.owner_unit,
    }


@transaction.atomic
def faq_entry_create(
    *,
    index: FaqIndexPage,
    title: str,
    answer: str,
    slug: str,
    question: str = "",
    category_id: int | None = None,
    keywords: str = "",
    review_by: datetime.date | None = None,
    user: User | None = None,
    publish: bool = True,
) -> FaqPage:
    """A new entry under `index` (its language), classified like the index unless told;
    `answer` is rich-text HTML."""
    page = FaqPage(
        title=title,
        slug=find_available_slug(index, slugify(slug, allow_unicode=True) or "faq"),
        locale=index.locale,
        question=question,
        answer=answer,
        category_id=category_id,
        keywords=keywords,
        review_by=review_by,
        live=False,
        **_classification_from(index),
    )
    index.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
        page.refresh_from_db()
    return page


@transaction.atomic
def faq_entry_translate(
    *,
    page: FaqPage,
    language: str,
    title: str,
    answer: str,
    question: str = "",
    keywords: str = "",
    user: User | None = None,
    publish: bool = True,
) -> FaqPage:
    """The entry in another language, as a Wagtail translation (same translation key) under
    that language's FAQ index; its codes, owner, topic and review date follow the original."""
    locale = Locale.objects.get(language_code=language)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific  # type: ignore[no-any-return]
    if page.get_parent().get_translation_or_none(locale) is None:
        raise FaqError(_("There is no FAQ index page in that language yet."))
    translated = page.copy_for_translation(locale, copy_parents=False, alias=False)
    translated.title = title
    translated.answer = answer
    translated.question = question
    translated.keywords = keywords
    translated.save()
    revision = translated.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
        translated.refresh_from_db()
    return translated  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Masked:
    subject: Anonymised
    content: Anonymised
    answer: Anonymised
    legal_basis: Anonymised

    def counts(self) -> dict[str, int]:
        total: dict[str, int] = {}
        for part in (self.subject, self.content, self.answer, self.legal_basis):
            for kind, count in part.counts().items():
                total[kind] = total.get(kind, 0) + count
        return total


def faq_draft_from_case(*, case_id: int, user: User) -> FaqPage:
    """Turn an answered petition into an unpublished, anonymised FAQ draft, in one step.

    The question is the case's subject (title) and content; the answer the last sent reply
    and its legal basis. Names of the petitioner and of the staff who handled the case, ID
    numbers, phones, e-mails and addresses are masked; the editor reviews the draft before
    publishing. The draft is classified and owned like the FAQ index of the case's language,
    so it can be published once reviewed. Promoting the same case again returns its draft.
    """
    if not can_promote(user):
        raise PermissionDenied(f"{user} may not promote cases to the FAQ")
    with transaction.atomic():
        existing = FaqPromotion.objects.filter(case_id=case_id).select_related("page").first()
        if existing is not None:
            return existing.page
        source = case_faq_source(case_id=case_id, user=user)
        index = (
            FaqIndexPage.objects.filter(locale__language_code=source.language)
            .order_by("-live", "path")
            .first()
        )
        if index is None:
            raise FaqError(_("There is no FAQ index page for this petition's language yet."))
        english = is_english(source.language)

        def mask(text: str) -> Anonymised:
            return anonymise(text, names=source.names, known=source.known, chinese=not english)

        masked = Masked(
            subject=mask(source.subject),
            content=mask(source.content),
            answer=mask(source.reply_body),
            legal_basis=mask(source.legal_basis),
        )
        with translation.override(source.language):
            basis_label = _("Legal basis:")
        answer = _paragraphs(masked.answer.text)
        if masked.legal_basis.text.strip():
            answer += f"<p><b>{escape(basis_label)}</b> {escape(masked.legal_basis.text)}</p>"
        title = masked.subject.text.strip()[:255] or _("Untitled question")
        page = FaqPage(
            title=title,
            slug=find_available_slug(index, slugify(title, allow_unicode=True)[:60] or "faq"),
            locale=index.locale,
            question=masked.content.text.strip(),
            answer=answer,
            category_id=source.category_id,
            keywords=index.keywords,
            review_by=timezone.localdate() + datetime.timedelta(days=REVIEW_AFTER_DAYS),
            live=False,
            **_classification_from(index),
        )
        try:
            index.add_child(instance=page)
        except ValidationError as exc:
            raise FaqError("; ".join(exc.messages)) from exc
        log(instance=page, action="wagtail.create", user=user)
        page.save_revision(user=user, log_action=False)
        counts = masked.counts()
        FaqPromotion.objects.create(
            case_id=source.case_id, page=page, promoted_by=user, masked=counts
        )
        case_faq_promoted(case_id=source.case_id, user=user, page_id=page.pk, masked=counts)
        _tell_editors(page=page, user=user, masked=counts)
    return page


def _tell_editors(*, page: FaqPage, user: User, masked: dict[str, int]) -> None:
    """Editors publish: each gets a mail with the draft's link (no personal data in it)."""
    editors = User.objects.filter(
        is_active=True, groups__name=group_name(EDITOR), email__gt=""
    ).distinct()
    for editor in editors:
        mail_queue(
            to=editor.email,
            template="faq_draft_ready",
            context={
                "editor": editor,
                "page": page,
                "promoted_by": user,
                "masked": sum(masked.values()),
                "site_url": site_base_url(),
            },
            language=settings.LANGUAGE_CODE,
            reference=f"faq-{page.pk}",
        )
