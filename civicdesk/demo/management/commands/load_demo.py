"""Load the demo plant: organisation, role accounts, code lists, bilingual pages, work plan."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from civicdesk.accounts.roles import ROLES_BY_CODE
from civicdesk.demo.cases import demo_cases_load, demo_history_load
from civicdesk.demo.courtesy import demo_courtesy_load
from civicdesk.demo.documents import demo_documents_load
from civicdesk.demo.facts import demo_data
from civicdesk.demo.faq import demo_faq_load
from civicdesk.demo.organisation import (
    DemoDataError,
    demo_categories_load,
    demo_organisation_load,
)
from civicdesk.demo.pages import demo_pages_load
from civicdesk.metadata.services import codes_import_csv
from civicdesk.quality.services import workplan_import_file
from civicdesk.search.services import search_index_rebuild
from civicdesk.triage.selectors import category_model_current
from civicdesk.triage.services import category_model_train

CODES_CSV = Path(__file__).resolve().parents[3] / "metadata" / "data" / "demo_codes.csv"
WORKPLAN_JSON = Path(__file__).resolve().parents[3] / "quality" / "data" / "workplan_105.json"


# One account per role, listed after loading; the other demo staff sign in the same way.
SIGN_IN_LISTED = {"officer", "unithead", "coordinator", "director", "editor", "privacy", "admin"}


class Command(BaseCommand):
    help = "Load the demo Central District Resource Recovery Plant (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        password = settings.ACCOUNTS_DEMO_PASSWORD
        if not password:
            raise CommandError(
                "Demo accounts exist only under dev settings (ACCOUNTS_DEMO_PASSWORD)."
            )
        site = demo_data("site.json")
        with transaction.atomic():
            try:
                units = demo_organisation_load(site=site, password=password)
            except DemoDataError as exc:
                raise CommandError(str(exc)) from exc
            codes = codes_import_csv(path=CODES_CSV, is_demo=True)
            library = demo_data("documents.json")
            documents_created = demo_documents_load(documents=library["documents"])
            faq = demo_data("faq.json")
            kept: list[str] = []
            pages_created = demo_pages_load(pages=site["pages"] + faq["pages"], kept=kept)
            cases_data = demo_data("cases.json")
            demo_categories_load(cases_data=cases_data, units=units)
            pages_created += demo_faq_load(entries=faq["entries"], feedback=faq["feedback"])
            plan = workplan_import_file(path=WORKPLAN_JSON)
            cases_created = demo_cases_load(cases=cases_data["demo_cases"])
            cases_created += demo_history_load(cases=cases_data["case_history"])
            demo_courtesy_load()
        if category_model_current() is None:
            category_model_train()  # category suggestions work from the first case on
        call_command("update_index", verbosity=0)  # Wagtail's admin search
        # The site search is normally refreshed by background tasks after each publish; the
        # demo is searchable at once, with or without a worker running.
        search_index_rebuild()
        self.stdout.write(
            f"Demo plant loaded: {len(units)} units, {codes.created} new codes, "
            f"{pages_created} new pages, {documents_created} new documents, "
            f"{cases_created} new demo petitions, "
            f"work plan {plan.year} with {plan.items.count()} items."
        )
        if kept:
            self.stdout.write(
                self.style.WARNING(
                    "Kept as they are, with no new subpages (their page type changed in the "
                    f"demo data; load into a new database to see them): {', '.join(kept)}"
                )
            )
        self.stdout.write("")
        self.stdout.write("Demo staff sign in at http://127.0.0.1:8000/admin/ with:")
        for person in (p for p in site["staff"] if p["username"] in SIGN_IN_LISTED):
            label = ROLES_BY_CODE[person["role"]].label
            self.stdout.write(f"  {person['username']:<12} {password}   ({label})")
