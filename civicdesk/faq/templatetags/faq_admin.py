"""Template tags of the FAQ's staff screens."""

from typing import Any

from django import template

from civicdesk.faq.admin_views import masked_summary
from civicdesk.faq.permissions import can_promote
from civicdesk.faq.selectors import faq_promotion_for_case

register = template.Library()


@register.simple_tag(takes_context=True)
def faq_promotion_state(context: dict[str, Any], case: Any) -> dict[str, Any]:
    """For the case screen: may this user promote the case, and was it promoted already?"""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not can_promote(user):
        return {"allowed": False}
    promotion = faq_promotion_for_case(case_id=case.pk)
    has_sent_reply = case.replies.filter(status="sent").exists()
    return {
        "allowed": True,
        "promotion": promotion,
        "ready": has_sent_reply,
    }


@register.filter
def faq_masked_summary(masked: dict[str, int]) -> str:
    return masked_summary(masked or {})
