"""Facts the demo states in several places (the plant-visit rules), written once in
data/facts.json and filled into every text of the demo data that mentions them.

A text says `{{visit.days}}`; a value under a key `en` or ending in `_en` gets the English
fact, any other the Chinese one. An unknown fact of a known group is an error, so a typo cannot
reach a page; other groups (`{{ case.number }}` in a mail template) are left as they are.
"""

import json
import re
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"
PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\.([a-z_]+)\s*\}\}")

Facts = dict[str, dict[str, dict[str, str]]]


def facts_load() -> Facts:
    facts: Facts = json.loads((DATA_DIR / "facts.json").read_text(encoding="utf-8"))
    return facts


def fact(facts: Facts, name: str, *, english: bool) -> str:
    """One fact by its dotted name (`visit.days`) in one language."""
    group, key = name.split(".", 1)
    try:
        values = facts[group][key]
    except KeyError:
        raise KeyError(f"No demo fact {name!r} in facts.json") from None
    return values["en" if english else "zh"]


def facts_fill(value: Any, facts: Facts, *, english: bool = False) -> Any:
    """`value` (parsed JSON) with every `{{group.key}}` replaced by its fact."""
    if isinstance(value, str):

        def replace(match: re.Match[str]) -> str:
            if match[1] not in facts:
                return match[0]
            return fact(facts, f"{match[1]}.{match[2]}", english=english)

        return PLACEHOLDER.sub(replace, value)
    if isinstance(value, list):
        return [facts_fill(item, facts, english=english) for item in value]
    if isinstance(value, dict):
        return {
            key: facts_fill(item, facts, english=english or key == "en" or key.endswith("_en"))
            for key, item in value.items()
        }
    return value


def demo_data(name: str) -> Any:
    """A demo data file (`site.json`, `faq.json`, …) with its facts filled in."""
    raw = json.loads((DATA_DIR / name).read_text(encoding="utf-8"))
    return facts_fill(raw, facts_load())
