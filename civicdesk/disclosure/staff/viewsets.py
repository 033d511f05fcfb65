"""Staff screens of the document library: a Wagtail snippet with drafts, history and locking,
whose create and edit screens also take a new version's files."""

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
    ObjectList,
    Panel,
    TabbedInterface,
)
from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from civicdesk.disclosure.forms import DocumentAdminForm
from civicdesk.disclosure.models import Document
from civicdesk.disclosure.selectors import document_version_list
from civicdesk.disclosure.services import DocumentError, document_publish, document_version_add


class VersionHistoryPanel(Panel):
    """The versions uploaded so far, read-only: versions are never edited."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "disclosure/admin/version_history_panel.html"

        def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
            context: dict[str, Any] = super().get_context_data(parent_context)
            document = self.instance
            context["versions"] = (
                list(document_version_list(document=document)) if document.pk else []
            )
            context["published_at"] = document.last_published_at if document.live else None
            return context


class VersionUploadMixin:
    """Hands the uploaded files to `document_version_add` and publishing to `document_publish`,
    so the admin has no path around the services' rules."""

    form: DocumentAdminForm
    request: Any
    object: Document

    def save_instance(self) -> Document:
        instance: Document = super().save_instance()  # type: ignore[misc]
        uploads = self.form.uploads()
        if uploads:
            document_version_add(
                document=instance,
                files=uploads,
                change_note=self.form.cleaned_data.get("change_note", ""),
                change_note_en=self.form.cleaned_data.get("change_note_en", ""),
                created_by=self.request.user,
            )
        return instance

    def form_valid(self, form: DocumentAdminForm) -> HttpResponse:
        try:
            return super().form_valid(form)  # type: ignore[misc, no-any-return]
        except DocumentError as exc:
            # Raised inside the save's transaction: nothing was saved.
            form.add_error(None, str(exc))
            return self.form_invalid(form)  # type: ignore[attr-defined, no-any-return]

    def publish_action(self) -> HttpResponse | None:
        hook_response = self.run_hook("before_publish", self.request, self.object)  # type: ignore[attr-defined]
        if hook_response is not None:
            return hook_response  # type: ignore[no-any-return]
        try:
            self.object = document_publish(document=self.object, user=self.request.user)
        except DocumentError as exc:
            messages.error(
                self.request,
                _("Saved as a draft but not published: %(reason)s") % {"reason": exc},
            )
            return redirect(self.get_edit_url())  # type: ignore[attr-defined]
        return self.run_hook("after_publish", self.request, self.object)  # type: ignore[attr-defined, no-any-return]


class DocumentCreateView(VersionUploadMixin, CreateView):
    pass


class DocumentEditView(VersionUploadMixin, EditView):
    pass


class DocumentViewSet(SnippetViewSet):
    model = Document
    icon = "doc-full"
    menu_label = gettext_lazy("Documents and forms")
    menu_name = "disclosure_documents"
    menu_order = 250
    add_to_admin_menu = True
    add_view_class = DocumentCreateView
    edit_view_class = DocumentEditView
    list_display = [
        "title",
        "kind",
        "reference",
        "owner_unit",
        LiveStatusTagColumn(),
        UpdatedAtColumn(),
    ]
    list_filter = ["kind", "live", "owner_unit"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldPanel("title_en"),
                    FieldPanel("kind"),
                    FieldPanel("reference"),
                    FieldPanel("description"),
                    FieldPanel("description_en"),
                    MultiFieldPanel(
                        [
                            FieldPanel("new_odf_file"),
                            FieldPanel("new_pdf_file"),
                            FieldPanel("change_note"),
                            FieldPanel("change_note_en"),
                        ],
                        heading=gettext_lazy("Upload a new version"),
                    ),
                    VersionHistoryPanel(heading=gettext_lazy("Versions")),
                ],
                heading=gettext_lazy("Document"),
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldPanel("theme_code"),
                            FieldPanel("cake_code"),
                            FieldPanel("service_code"),
                            FieldPanel("keywords"),
                            FieldPanel("keywords_en"),
                        ],
                        heading=gettext_lazy("Classification (required to publish)"),
                    ),
                    MultiFieldPanel(
                        [FieldPanel("owner_unit"), FieldPanel("review_by")],
                        heading=gettext_lazy("Ownership"),
                    ),
                ],
                heading=gettext_lazy("Classification"),
            ),
            ObjectList(
                [
                    FieldPanel("language"),
                    FieldPanel("rights"),
                    FieldPanel("rights_en"),
                    FieldPanel("coverage"),
                    FieldPanel("coverage_en"),
                    FieldPanel("source"),
                    FieldPanel("source_en"),
                    FieldPanel("relation"),
                ],
                heading=gettext_lazy("Dublin Core"),
            ),
        ],
        base_form_class=DocumentAdminForm,
    )
