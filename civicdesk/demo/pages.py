"""Builds the demo site's page trees (zh-Hant and English) from data/site.json."""

from typing import Any

from django.db import transaction
from wagtail.models import Locale, Page, ReferenceIndex, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from civicdesk.accounts.models import Unit
from civicdesk.disclosure.models import (
    DisclosureAttachment,
    DisclosureIndexPage,
    DisclosureItemPage,
    Document,
    ProcedureForm,
    ServiceProcedureIndexPage,
    ServiceProcedurePage,
    WithheldPart,
)
from civicdesk.faq.models import FaqIndexPage
from civicdesk.metadata.models import ClassificationCode, Scheme
from civicdesk.website.models import (
    ContactPage,
    HomePage,
    SiteChrome,
    SitemapPage,
    StaffDirectoryPage,
    StandardPage,
)

PAGE_TYPES: dict[str, type[Page]] = {
    "home": HomePage,
    "standard": StandardPage,
    "sitemap": SitemapPage,
    "contact": ContactPage,
    "staff_directory": StaffDirectoryPage,
    "disclosure_index": DisclosureIndexPage,
    "disclosure_item": DisclosureItemPage,
    "procedure_index": ServiceProcedureIndexPage,
    "procedure": ServiceProcedurePage,
    "faq_index": FaqIndexPage,
}
SETTINGS_LINKS = {
    "sitemap": "sitemap_page",
    "privacy": "privacy_page",
    "open-data": "open_data_page",
    "accessibility": "accessibility_page",
    "contact": "contact_page",
}


def _code(scheme: str, code: str) -> ClassificationCode:
    return ClassificationCode.objects.get(scheme=scheme, code=code)


def _fill(page: Any, spec: dict[str, Any], text: dict[str, Any], *, english: bool) -> None:
    page.title = text["title"]
    page.search_description = text.get("search_description", "")
    if hasattr(page, "intro"):
        page.intro = text.get("intro", "")
    if hasattr(page, "body"):
        page.body = [(block["type"], block["value"]) for block in text.get("body", [])]
    page.keywords = spec.get("keywords_en" if english else "keywords", "")
    page.show_in_menus = bool(spec.get("show_in_menus", False))
    page.theme_code = _code(Scheme.THEME, spec["theme"])
    page.cake_code = _code(Scheme.CAKE, spec["cake"])
    page.service_code = _code(Scheme.SERVICE, spec["service"])
    page.owner_unit = Unit.objects.get(code=spec["owner_unit"])
    if isinstance(page, DisclosureItemPage):
        _fill_disclosure_item(page, spec, text)
    elif isinstance(page, ServiceProcedurePage):
        _fill_procedure(page, spec, text)


def _documents(references: list[str]) -> list[Document]:
    return [Document.objects.get(reference=reference) for reference in references]


def _fill_disclosure_item(
    page: DisclosureItemPage, spec: dict[str, Any], text: dict[str, Any]
) -> None:
    page.category = spec["category"]
    page.withheld_note = text.get("withheld_note", "")
    page.attachments.set(
        [
            DisclosureAttachment(document=document)
            for document in _documents(spec.get("documents", []))
        ]
    )
    page.withheld_parts.set(
        [
            WithheldPart(withheld=part["withheld"], ground=part["ground"])
            for part in text.get("withheld", [])
        ]
    )


def _fill_procedure(page: ServiceProcedurePage, spec: dict[str, Any], text: dict[str, Any]) -> None:
    for name in ("eligibility", "required_documents", "fees", "channels", "notes"):
        setattr(page, name, text.get(name, ""))
    page.processing_time = text.get("processing_time", "")
    page.processing_days = spec.get("processing_days")
    page.contact_name = text.get("contact_name", "")
    page.contact_phone = spec.get("contact_phone", "")
    page.contact_email = spec.get("contact_email", "")
    page.steps = [("step", step) for step in text.get("steps", [])]
    page.laws = [("law", law) for law in text.get("laws", [])]
    page.forms.set(
        [ProcedureForm(document=document) for document in _documents(spec.get("documents", []))]
    )


def _publish(page: Page) -> None:
    page.save_revision().publish()


@transaction.atomic
def demo_pages_load(*, pages: list[dict[str, Any]], kept: list[str] | None = None) -> int:
    """Create the pages that do not exist yet, in both languages; return how many were created.

    Existing pages are left as editors left them, so a second run changes nothing. A page that
    exists with another type than the data now gives (a database loaded by an older demo) is
    kept, its new subpages are not made, and its key is added to `kept`.

    Wagtail queues a reference-index task on every save, including the inline rows (forms,
    attachments) that `copy_for_translation` copies and the English fill then replaces; those
    tasks would run after the rows are gone and fail. The index is written once, at the end.
    """
    with disable_reference_index_auto_update():
        created = _pages_load(pages=pages, kept=kept)
    if created:
        for page in Page.objects.all().specific().iterator():
            ReferenceIndex.create_or_update_for_object(page)
    return created


def _pages_load(*, pages: list[dict[str, Any]], kept: list[str] | None) -> int:
    zh = Locale.objects.get_or_create(language_code="zh-hant")[0]
    en = Locale.objects.get_or_create(language_code="en")[0]
    root = Page.get_first_root_node()
    created = 0
    built: dict[str, Page] = {}
    new_keys: set[str] = set()
    skipped: set[str] = set()
    for spec in pages:
        page_class = PAGE_TYPES[spec["type"]]
        if spec["parent"] in skipped:
            skipped.add(spec["key"])
            continue
        parent = root if spec["parent"] is None else built[spec["parent"]]
        existing = parent.get_children().filter(slug=spec["slug"], locale=zh).first()
        if existing is not None and existing.specific_class is not page_class:
            skipped.add(spec["key"])
            if kept is not None:
                kept.append(spec["key"])
            continue
        if existing is None:
            page = page_class(slug=spec["slug"], locale=zh)
            _fill(page, spec, spec["zh"], english=False)
            parent.add_child(instance=page)
            _publish(page)
            created += 1
            new_keys.add(spec["key"])
        else:
            page = existing.specific
        built[spec["key"]] = page
        if page.get_translation_or_none(en) is None:
            translated = page.copy_for_translation(en, copy_parents=False, alias=False)
            _fill(translated, spec, spec["en"], english=True)
            translated.save()
            _publish(translated)
            created += 1
    home = built.get("home")
    if home is not None:
        _point_site_at(home)
        _site_links(home, built)
        if "home" in new_keys:
            spec = next(spec for spec in pages if spec["key"] == "home")
            _home_tasks(home, spec["zh"].get("tasks", []), built, locale=zh)
            _home_tasks(home.get_translation(en), spec["en"].get("tasks", []), built, locale=en)
    return created


def _home_tasks(
    home: Page, tasks: list[dict[str, Any]], built: dict[str, Page], *, locale: Locale
) -> None:
    """The home page's task links, once every page they point to exists."""
    blocks: list[tuple[str, dict[str, Any]]] = []
    for task in tasks:
        text = {"label": task.get("label", ""), "description": task.get("description", "")}
        if "service" in task:
            blocks.append(("service", {"service": task["service"], **text}))
        elif task["page"] in built:
            target = built[task["page"]].get_translation_or_none(locale)
            if target is not None:
                blocks.append(("page", {"page": target, **text}))
    if blocks:
        home = home.specific
        home.tasks = blocks
        _publish(home)


def _point_site_at(home: Page) -> None:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", root_page=home, is_default_site=True, site_name="civicdesk"
        )
        return
    if site.root_page_id != home.pk:
        previous = site.root_page
        site.root_page = home
        site.save()
        # Wagtail's placeholder "Welcome" page is replaced, never an editor's page.
        if previous.specific_class is Page and previous.get_children_count() == 0:
            previous.delete()


def _site_links(home: Page, built: dict[str, Page]) -> None:
    site = Site.objects.get(is_default_site=True)
    chrome = SiteChrome.for_site(site)
    changed = False
    for key, field in SETTINGS_LINKS.items():
        if key in built and getattr(chrome, f"{field}_id") is None:
            setattr(chrome, field, built[key])
            changed = True
    if changed:
        chrome.save()
