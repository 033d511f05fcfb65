"""The document library (文件下載): documents and blank forms, their versions and files.

A document's metadata is a Wagtail snippet with drafts, revisions and publishing. Its files
come in versions that are never edited or deleted: a new upload makes a new version, and the
public sees the whole history.
"""

import re
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin
from wagtail.search import index

from civicdesk.core.i18n import localized
from civicdesk.disclosure import files
from civicdesk.disclosure.querysets import (
    DocumentFileQuerySet,
    DocumentQuerySet,
    DocumentVersionQuerySet,
)
from civicdesk.metadata.published import PublishedItem


class DocumentKind(models.TextChoices):
    FORM = "form", _("Form to fill in")
    DOCUMENT = "document", _("Document to read")


class DocumentLanguage(models.TextChoices):
    """Languages of the files themselves (DC.Language), as BCP 47 tags."""

    CHINESE = "zh-Hant-TW", _("Chinese (Traditional)")
    ENGLISH = "en", _("English")
    BOTH = "zh-Hant-TW,en", _("Chinese and English")


class Document(
    LockableMixin, DraftStateMixin, RevisionMixin, PublishedItem, index.Indexed, models.Model
):
    """A document or blank form offered for download, with its Dublin Core metadata.

    Creator and publisher are the agency, the date is the last publication, identifier the
    agency code and format the files' types; what cannot be derived is stored here. Drafts may
    be unclassified; a document is never published unclassified (分類檢索規範).
    """

    reference = models.CharField(
        _("reference number"),
        max_length=40,
        blank=True,
        help_text=_("The agency's own number for the form or document (表單編號), if any."),
    )
    title = models.CharField(_("title (Chinese)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=250, blank=True)
    description = models.TextField(_("description (Chinese)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    kind = models.CharField(
        _("type"),
        max_length=10,
        choices=DocumentKind.choices,
        default=DocumentKind.DOCUMENT,
        help_text=_("A blank form is offered in ODF; a document to read as a text PDF."),
    )
    keywords = models.CharField(
        _("keywords (Chinese)"),
        max_length=255,
        blank=True,
        help_text=_("Comma-separated; DC.Keywords."),
    )
    keywords_en = models.CharField(_("keywords (English)"), max_length=255, blank=True)
    language = models.CharField(
        _("language of the files"),
        max_length=20,
        choices=DocumentLanguage.choices,
        default=DocumentLanguage.CHINESE,
    )
    rights = models.CharField(
        _("rights (Chinese)"),
        max_length=255,
        default="政府資料開放授權條款－第1版",
        help_text=_("DC.Rights: the licence under which the public may reuse it."),
    )
    rights_en = models.CharField(
        _("rights (English)"),
        max_length=255,
        blank=True,
        default="Open Government Data License, version 1.0",
    )
    coverage = models.CharField(
        _("coverage (Chinese)"),
        max_length=100,
        default="高雄市",
        help_text=_("DC.Coverage: the place or period the document covers."),
    )
    coverage_en = models.CharField(
        _("coverage (English)"), max_length=100, blank=True, default="Kaohsiung City"
    )
    source = models.CharField(
        _("source (Chinese)"),
        max_length=255,
        blank=True,
        help_text=_("DC.Source: where the content comes from, e.g. the approved budget book."),
    )
    source_en = models.CharField(_("source (English)"), max_length=255, blank=True)
    relation = models.CharField(
        _("relation"),
        max_length=255,
        blank=True,
        help_text=_("DC.Relation: a related resource, e.g. the address of a law or a page."),
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="disclosure_document")

    objects = DocumentQuerySet.as_manager()

    unclassified_message = _(
        "A document must have its theme, administration and service codes to be published."
    )

    search_fields = [
        index.SearchField("title"),
        index.SearchField("title_en"),
        index.SearchField("reference"),
        index.AutocompleteField("title"),
        index.FilterField("kind"),
        index.FilterField("live"),
    ]

    class Meta:
        verbose_name = _("document or form")
        verbose_name_plural = _("documents and forms")
        ordering = ["-last_published_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["reference"],
                condition=~models.Q(reference=""),
                name="disclosure_document_reference_unique",
            )
        ]

    def __str__(self) -> str:
        return localized(self, "title")

    def get_absolute_url(self) -> str:
        return reverse("disclosure:document_detail", kwargs={"pk": self.pk})

    @property
    def revisions(self) -> Any:
        return self._revisions

    @property
    def is_form(self) -> bool:
        return self.kind == DocumentKind.FORM

    def publish_problems(self) -> list[str]:
        """Why this document may not be published now; empty when it may."""
        problems = super().publish_problems()
        latest = self.versions.order_by("-number").first() if self.pk else None
        if latest is None:
            problems.append(str(_("Upload the document's file before publishing it.")))
        elif self.is_form and not latest.has_odf:
            problems.append(
                str(
                    _(
                        "A blank form must be offered in ODF (.odt/.ods): its latest version "
                        "has no ODF file."
                    )
                )
            )
        return problems


class DocumentVersion(models.Model):
    """One upload of a document's files. Append-only: corrections are new versions."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    change_note = models.TextField(
        _("what changed (Chinese)"),
        blank=True,
        help_text=_("Shown to the public in the version history."),
    )
    change_note_en = models.TextField(_("what changed (English)"), blank=True)
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = DocumentVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "number"], name="disclosure_version_number_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="disclosure_version_number_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document} v{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The version history is what the public relies on: a version is written once.
        if self.pk is not None:
            raise ValueError("Document versions are never edited.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("Document versions are never deleted.")

    @property
    def has_odf(self) -> bool:
        return any(item.content_type in files.ODF_TYPES for item in self.files.all())


class DocumentFile(models.Model):
    """One file of a version: an ODF or a text PDF, with its checksum and extracted text."""

    version = models.ForeignKey(DocumentVersion, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("file"), upload_to="disclosure/", max_length=200)
    content_type = models.CharField(_("format"), max_length=100)
    extension = models.CharField(_("extension"), max_length=5)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    text = models.TextField(_("extracted text"), blank=True)

    objects = DocumentFileQuerySet.as_manager()

    class Meta:
        verbose_name = _("document file")
        verbose_name_plural = _("document files")
        ordering = ["version", "extension"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "content_type"], name="disclosure_file_one_per_format"
            )
        ]

    def __str__(self) -> str:
        return f"{self.version} ({self.extension})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Document files are never edited.")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        """The public address of the file: `/downloads/12/v2.odt`."""
        return reverse(
            "disclosure:document_download",
            kwargs={
                "pk": self.version.document_id,
                "number": self.version.number,
                "extension": self.extension,
            },
        )

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("Document files are never deleted.")

    @property
    def format_label(self) -> str:
        return files.FORMAT_LABELS.get(self.extension, self.extension.upper())

    @property
    def size_label(self) -> str:
        return files.human_size(self.size)

    @property
    def is_odf(self) -> bool:
        return self.content_type in files.ODF_TYPES

    def download_name(self, language: str | None = None) -> str:
        """`廢棄物進廠申請書-v2.odt`: the title, without characters file systems refuse."""
        title = localized(self.version.document, "title", language)
        safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title).strip() or "document"
        return f"{safe[:80]}-v{self.version.number}.{self.extension}"
