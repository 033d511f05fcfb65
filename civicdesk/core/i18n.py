"""Bilingual model fields: `name` holds zh-Hant (the default language), `name_en` English."""

from typing import Any

from django.utils import translation


def localized(obj: Any, field: str, language: str | None = None) -> str:
    """`field` in the active language; zh-Hant when the English value is empty."""
    language = language or translation.get_language() or "zh-hant"
    if language.startswith("en"):
        english = getattr(obj, f"{field}_en", "")
        if english:
            return str(english)
    return str(getattr(obj, field, "") or "")


def language_tag(language: str | None = None) -> str:
    """The BCP 47 tag for `lang` attributes and DC.Language (zh-Hant-TW or en)."""
    language = language or translation.get_language() or "zh-hant"
    return "en" if language.startswith("en") else "zh-Hant-TW"


def is_english(language: str | None = None) -> bool:
    return (language or translation.get_language() or "").startswith("en")
