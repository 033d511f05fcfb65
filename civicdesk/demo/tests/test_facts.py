"""Facts written once and filled into the demo data in the text's language."""

import pytest

from civicdesk.demo.facts import facts_fill

FACTS = {"visit": {"days": {"zh": "週二至週五", "en": "Tuesday to Friday"}}}


def test_a_fact_is_filled_in_the_language_of_its_key():
    data = {
        "zh": {"intro": "參訪時段為{{visit.days}}。"},
        "en": {"intro": "Tours run {{ visit.days }}."},
        "description": "{{visit.days}}",
        "description_en": ["{{visit.days}}"],
    }
    assert facts_fill(data, FACTS) == {
        "zh": {"intro": "參訪時段為週二至週五。"},
        "en": {"intro": "Tours run Tuesday to Friday."},
        "description": "週二至週五",
        "description_en": ["Tuesday to Friday"],
    }


def test_an_unknown_fact_of_a_known_group_is_an_error():
    with pytest.raises(KeyError, match=r"visit\.day"):
        facts_fill("{{visit.day}}", FACTS)


def test_other_placeholders_are_left_alone():
    assert facts_fill("案號 {{ case.number }}", FACTS) == "案號 {{ case.number }}"
    assert facts_fill(3, FACTS) == 3
