"""The demo plant's organisation: the agency, its units and role accounts, and the petition
categories with their reply templates, made through the owning apps' services."""

from typing import Any

from civicdesk.accounts.models import Unit
from civicdesk.accounts.roles import ROLES_BY_CODE
from civicdesk.accounts.services import agency_upsert, roles_sync, staff_upsert, unit_upsert
from civicdesk.cases.services.categories import category_upsert, reply_template_upsert


class DemoDataError(ValueError):
    """The demo data names something that does not exist (a role, a unit)."""


def demo_organisation_load(*, site: dict[str, Any], password: str) -> dict[str, Unit]:
    """The agency, units and staff of `site.json`; returns the units by code."""
    roles_sync()
    agency = agency_upsert(**dict(site["agency"]))
    units = {spec["code"]: unit_upsert(agency=agency, **dict(spec)) for spec in site["units"]}
    for order, person in enumerate(site["staff"]):
        if person["role"] not in ROLES_BY_CODE:
            raise DemoDataError(f"Unknown role {person['role']!r} for {person['username']}")
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
    return units


def demo_categories_load(*, cases_data: dict[str, Any], units: dict[str, Unit]) -> None:
    """The petition categories (the routing unit) and their reply templates."""
    categories = {}
    for raw in cases_data["categories"]:
        spec = dict(raw)
        unit = units[spec.pop("unit")]
        categories[spec["code"]] = category_upsert(unit=unit, **spec)
    for raw in cases_data["reply_templates"]:
        spec = dict(raw)
        code = spec.pop("category")
        reply_template_upsert(category=categories[code] if code else None, **spec)
