"""Documents for the tests, made through the services as editors make them."""

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from civicdesk.accounts.models import Unit
from civicdesk.core.testing import clamd  # noqa: F401 - a pytest fixture
from civicdesk.disclosure.models import Document, DocumentKind
from civicdesk.disclosure.services import document_create, document_publish, document_version_add
from civicdesk.disclosure.tests import samples
from civicdesk.metadata.models import ClassificationCode, Scheme


@pytest.fixture(autouse=True)
def english_messages():
    """Messages are asserted as their English msgids, whatever catalogues are compiled; a
    request to a Chinese page still renders in Chinese."""
    with translation.override("en"):
        yield


@pytest.fixture
def editor():
    return get_user_model().objects.get(username="editor")


@pytest.fixture
def codes() -> dict[str, ClassificationCode]:
    return {
        "theme_code": ClassificationCode.objects.get(scheme=Scheme.THEME, code="D110"),
        "cake_code": ClassificationCode.objects.get(scheme=Scheme.CAKE, code="D51"),
        "service_code": ClassificationCode.objects.get(scheme=Scheme.SERVICE, code="D11"),
    }


@pytest.fixture
def unit() -> Unit:
    return Unit.objects.get(code="operations")


@pytest.fixture
def make_document(editor, codes, unit) -> Callable[..., Document]:
    def make(
        *,
        kind: str = DocumentKind.DOCUMENT,
        title: str = "測試文件",
        files: list[Any] | None = None,
        publish: bool = True,
        classified: bool = True,
        **fields: Any,
    ) -> Document:
        if classified:
            fields = {**codes, **fields}
        document = document_create(user=editor, title=title, kind=kind, owner_unit=unit, **fields)
        if files is None:
            files = (
                [samples.upload(samples.odt("請填寫申請人姓名"), "form.odt")]
                if kind == DocumentKind.FORM
                else [samples.upload(samples.pdf("焚化廠營運報告 測試內容"), "report.pdf")]
            )
        if files:
            document_version_add(document=document, files=files, created_by=editor)
        if publish:
            document = document_publish(document=document, user=editor)
        return document

    return make
