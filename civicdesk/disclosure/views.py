"""Public screens of the document library (文件下載): list, detail and file download."""

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from civicdesk.disclosure.forms import DocumentFilterForm
from civicdesk.disclosure.selectors import (
    document_file_get_public,
    document_filter_options,
    document_get_public,
    document_list_public,
    document_metadata,
)
from civicdesk.metadata.dublincore import meta_tags
from civicdesk.metadata.models import ClassificationCode

PAGE_SIZE = 20

# The element names of 行政機關電子資料流通詮釋資料及分類檢索規範, in its order.
DC_LABELS = {
    "DC.Title": _("Title"),
    "DC.Creator": _("Creator"),
    "DC.Subject": _("Subject"),
    "DC.Description": _("Description"),
    "DC.Contributor": _("Contributor"),
    "DC.Type": _("Type"),
    "DC.Format": _("Format"),
    "DC.Source": _("Source"),
    "DC.Language": _("Language"),
    "DC.Coverage": _("Coverage"),
    "DC.Publisher": _("Publisher"),
    "DC.Date": _("Date"),
    "DC.Identifier": _("Identifier"),
    "DC.Relation": _("Relation"),
    "DC.Rights": _("Rights"),
    "DC.Keywords": _("Keywords"),
}
CODE_LABELS = {
    "theme_code": ("Category.Theme", _("Theme")),
    "cake_code": ("Category.Cake", _("Administration")),
    "service_code": ("Category.Service", _("Service")),
}


@dataclass(frozen=True)
class MetadataRow:
    element: str
    label: Any
    value: str
    is_url: bool = False


@require_safe
def document_list(request: HttpRequest) -> HttpResponse:
    form = DocumentFilterForm(request.GET or None, options=document_filter_options())
    filters = form.filters()
    page_obj = Paginator(document_list_public(**filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "disclosure/document_list.html",
        {
            "form": form,
            "filtered": bool(filters),
            "page_obj": page_obj,
            "documents": page_obj.object_list,
            "base_query": urlencode(filters),
        },
    )


@require_safe
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = document_get_public(pk=pk)
    if document is None:
        raise Http404
    metadata = document_metadata(document=document)
    tags = meta_tags(metadata)
    rows = [
        MetadataRow(name, DC_LABELS[name], value, value.startswith(("http://", "https://")))
        for name, value in tags
        if name in DC_LABELS
    ]
    for field, (element, label) in CODE_LABELS.items():
        code: ClassificationCode | None = getattr(document, field)
        rows.append(MetadataRow(element, label, str(code) if code else ""))
    versions = document.public_versions
    return render(
        request,
        "disclosure/document_detail.html",
        {
            "document": document,
            "latest": versions[0] if versions else None,
            "versions": versions,
            "meta": tags,
            "metadata": metadata,
            "metadata_rows": rows,
            "trail": [{"title": _("Downloads"), "url": reverse("disclosure:documents")}],
        },
    )


@require_safe
def document_download(request: HttpRequest, pk: int, number: int, extension: str) -> FileResponse:
    item = document_file_get_public(pk=pk, number=number, extension=extension)
    if item is None:
        raise Http404
    try:
        handle = item.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(
        handle,
        as_attachment=True,
        filename=item.download_name(),
        content_type=item.content_type,
    )
