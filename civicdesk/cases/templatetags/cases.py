"""Template filters of the petition screens."""

from django import template

from civicdesk.cases.models import Case
from civicdesk.cases.selectors import petitioner_masked

register = template.Library()


@register.filter
def masked_petitioner(case: Case) -> str:
    """The petitioner as lists show it: masked, or redacted when confidential."""
    return petitioner_masked(case)
