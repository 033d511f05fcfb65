"""Template tags of the FAQ's staff screens."""

from django import template

from civicdesk.faq.staff.views import masked_summary

register = template.Library()


@register.filter
def faq_masked_summary(masked: dict[str, int]) -> str:
    return masked_summary(masked or {})
