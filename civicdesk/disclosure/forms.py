"""Forms of the document library: the staff form (metadata plus a new version's files), the
public list's filters, and Wagtail's own document form held to the same file checks."""

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.documents.forms import BaseDocumentForm

from civicdesk.disclosure import files as filecheck
from civicdesk.disclosure.models import DocumentKind
from civicdesk.metadata.published import unclassified_fields

UPLOAD_FIELDS = ("new_odf_file", "new_pdf_file")


class DocumentAdminForm(WagtailAdminModelForm):
    """The snippet form. Uploading files makes a new version (never replaces one); the checks
    are those of the services, run here too so the editor sees them beside the field."""

    new_odf_file = forms.FileField(
        label=_("ODF file (.odt, .ods, .odp)"),
        required=False,
        help_text=_("The editable file. Required for a blank form."),
    )
    new_pdf_file = forms.FileField(
        label=_("PDF file"),
        required=False,
        help_text=_("A PDF exported from the word processor (with a text layer, not a scan)."),
    )
    change_note = forms.CharField(
        label=_("What changed (Chinese)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Shown to the public in the version history; required after version 1."),
    )
    change_note_en = forms.CharField(
        label=_("What changed (English)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean()
        checked = self._check_uploads(cleaned)
        instance = self.instance
        latest = instance.versions.order_by("-number").first() if instance.pk else None
        is_form = cleaned.get("kind") == DocumentKind.FORM
        if checked:
            if is_form and not any(item.is_odf for item in checked):
                self.add_error(
                    "new_odf_file",
                    _("A blank form must be offered in ODF (.odt/.ods); add the ODF file."),
                )
            if latest is not None and not (cleaned.get("change_note") or "").strip():
                self.add_error(
                    "change_note", _("Say what changed in this version; the public sees it.")
                )
        if "action-publish" in self.data:
            for name in unclassified_fields(cleaned, self.fields):
                self.add_error(
                    name, _("Choose a code: a document cannot be published unclassified.")
                )
            if not checked and latest is None and not self.upload_errors:
                self.add_error(
                    "new_pdf_file" if not is_form else "new_odf_file",
                    _("Upload the document's file before publishing it."),
                )
            elif is_form and not checked and latest is not None and not latest.has_odf:
                self.add_error(
                    "new_odf_file",
                    _("A blank form must be offered in ODF (.odt/.ods); add the ODF file."),
                )
        return cleaned

    def _check_uploads(self, cleaned: dict[str, Any]) -> list[filecheck.CheckedFile]:
        checked = []
        self.upload_errors = False
        expected = {"new_odf_file": filecheck.ODF_TYPES, "new_pdf_file": {filecheck.PDF}}
        for name in UPLOAD_FIELDS:
            upload = cleaned.get(name)
            if not upload:
                continue
            try:
                item = filecheck.check_upload(upload)
            except filecheck.FileRejected as exc:
                self.add_error(name, str(exc))
                self.upload_errors = True
                continue
            if item.content_type not in expected[name]:
                self.add_error(
                    name,
                    _("This is an ODF file; upload it in the ODF field.")
                    if item.is_odf
                    else _("This is a PDF; upload it in the PDF field."),
                )
                self.upload_errors = True
                continue
            checked.append(item)
        return checked

    def uploads(self) -> list[UploadedFile]:
        """The files of the new version, if the editor uploaded any."""
        return [self.cleaned_data[name] for name in UPLOAD_FIELDS if self.cleaned_data.get(name)]


class DocumentFilterForm(forms.Form):
    """The public list's filters, by type, classification code and publishing unit."""

    kind = forms.ChoiceField(label=_("Type"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    cake = forms.ChoiceField(label=_("Administration"), required=False)
    service = forms.ChoiceField(label=_("Service"), required=False)
    unit = forms.ChoiceField(label=_("Publishing unit"), required=False)

    def __init__(self, *args: Any, options: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._choices("kind", list(DocumentKind.choices))
        self._choices("theme", [(c.code, str(c)) for c in options.themes])
        self._choices("cake", [(c.code, str(c)) for c in options.cakes])
        self._choices("service", [(c.code, str(c)) for c in options.services])
        self._choices("unit", [(u.code, u.display_name) for u in options.units])

    def _choices(self, name: str, choices: list[tuple[str, Any]]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("All")), *choices]

    def filters(self) -> dict[str, str]:
        """The valid filters; an unknown value (an old link) is dropped, not an error page."""
        if self.is_valid():
            return {name: value for name, value in self.cleaned_data.items() if value}
        return {
            name: self.data[name]
            for name in self.fields
            if name not in self.errors and self.data.get(name)
        }


class CheckedWagtailDocumentForm(BaseDocumentForm):
    """Wagtail's own document upload (downloads linked from pages; every upload path: the add
    and edit screens, the multiple uploader, the chooser) with the library's checks: ODF or a
    text PDF within the size limit, scanned for viruses (WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

    def clean_file(self) -> Any:
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):  # not when the edit form keeps the stored file
            try:
                filecheck.check_upload(file)
            except filecheck.FileRejected as exc:
                # The document's own clean() checks the extension of whatever file it holds;
                # without one it would add a second, confusing "extension “”" error.
                self.instance.file = file
                raise forms.ValidationError(str(exc)) from exc
            file.seek(0)
        return file
