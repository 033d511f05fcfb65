"""Load the demo plant: organisation, role accounts, code lists, bilingual pages, work plan."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from civicdesk.accounts.roles import ROLES_BY_CODE
from civicdesk.accounts.services import agency_upsert, roles_sync, staff_upsert, unit_upsert
from civicdesk.cases.services.categories import category_upsert, reply_template_upsert
from civicdesk.demo.cases import demo_cases_load, demo_history_load
from civicdesk.demo.documents import demo_documents_load
from civicdesk.demo.facts import demo_data
from civicdesk.demo.faq import demo_faq_load
from civicdesk.demo.pages import demo_pages_load
from civicdesk.metadata.services import codes_import_csv
from civicdesk.quality.services import workplan_import_file
from civicdesk.search.services import search_index_rebuild
from civicdesk.triage.selectors import category_model_current
from civicdesk.triage.services import category_model_train

CODES_CSV = Path(__file__).resolve().parents[3] / "metadata" / "data" / "demo_codes.csv"
WORKPLAN_JSON = Path(__file__).resolve().parents[3] / "quality" / "data" / "workplan_105.json"


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
            roles_sync()
            agency_data = dict(site["agency"])
            agency = agency_upsert(**agency_data)
            units = {}
            for raw in site["units"]:
                spec = dict(raw)
                units[spec["code"]] = unit_upsert(agency=agency, **spec)
            codes = codes_import_csv(path=CODES_CSV, is_demo=True)
            for order, person in enumerate(site["staff"]):
                if person["role"] not in ROLES_BY_CODE:
                    raise CommandError(f"Unknown role {person['role']!r} for {person['username']}")
                staff_upsert(
                    username=person["username"],
                    email=person.get("email", ""),
                    family_name=person["family_name"],
                    given_name=person["given_name"],
                    display_name_en=person.get("display_name_en", ""),
                    unit=units[person["unit"]],
                    roles=[person["role"]],
                    password=password,
                    job_title=person["job_title"],
                    job_title_en=person.get("job_title_en", ""),
                    phone=person.get("phone", ""),
                    responsibilities=person.get("responsibilities", ""),
                    responsibilities_en=person.get("responsibilities_en", ""),
                    is_listed=person.get("is_listed", True),
                    sort_order=order,
                )
            library = demo_data("documents.json")
            documents_created = demo_documents_load(documents=library["documents"])
            faq = demo_data("faq.json")
            kept: list[str] = []
            pages_created = demo_pages_load(pages=site["pages"] + faq["pages"], kept=kept)
            cases_data = demo_data("cases.json")
            categories = {}
            for raw in cases_data["categories"]:
                spec = dict(raw)
                unit = units[spec.pop("unit")]
                categories[spec["code"]] = category_upsert(unit=unit, **spec)
            for raw in cases_data["reply_templates"]:
                spec = dict(raw)
                code = spec.pop("category")
                reply_template_upsert(category=categories[code] if code else None, **spec)
            pages_created += demo_faq_load(entries=faq["entries"], feedback=faq["feedback"])
            plan = workplan_import_file(path=WORKPLAN_JSON)
            cases_created = demo_cases_load(cases=cases_data["demo_cases"])
            cases_created += demo_history_load(cases=cases_data["case_history"])
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
        for person in site["staff"]:
            if person["username"] in {
                "officer",
                "unithead",
                "coordinator",
                "director",
                "editor",
                "privacy",
                "admin",
            }:
                label = ROLES_BY_CODE[person["role"]].label
                self.stdout.write(f"  {person['username']:<12} {password}   ({label})")
