"""Models of the disclosure app: the document library, disclosure items and service procedures."""

from civicdesk.disclosure.models.documents import (
    Document,
    DocumentFile,
    DocumentKind,
    DocumentLanguage,
    DocumentVersion,
)
from civicdesk.disclosure.models.pages import (
    DisclosureAttachment,
    DisclosureIndexPage,
    DisclosureItemPage,
    WithheldPart,
)
from civicdesk.disclosure.models.procedures import (
    ProcedureForm,
    ServiceProcedureIndexPage,
    ServiceProcedurePage,
)

__all__ = [
    "DisclosureAttachment",
    "DisclosureIndexPage",
    "DisclosureItemPage",
    "Document",
    "DocumentFile",
    "DocumentKind",
    "DocumentLanguage",
    "DocumentVersion",
    "ProcedureForm",
    "ServiceProcedureIndexPage",
    "ServiceProcedurePage",
    "WithheldPart",
]
