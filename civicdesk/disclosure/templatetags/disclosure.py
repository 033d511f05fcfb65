"""Template filters of the disclosure screens."""

from typing import Any

from django import template

from civicdesk.core.i18n import is_english

register = template.Library()


@register.filter
def fallback_lang(obj: Any, field: str) -> str:
    """`lang` for a bilingual field shown in Chinese on an English page (no English text),
    so screen readers pronounce it right; empty when the text is in the page's language."""
    if is_english() and not getattr(obj, f"{field}_en", ""):
        return "zh-Hant-TW"
    return ""
