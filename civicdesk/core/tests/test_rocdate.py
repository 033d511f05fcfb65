import datetime

import pytest

from civicdesk.core.rocdate import (
    format_roc_date,
    format_roc_date_numeric,
    parse_roc_date,
    roc_year,
)


@pytest.mark.parametrize(("year", "expected"), [(1912, 1), (2016, 105), (2026, 115), (2100, 189)])
def test_roc_year(year, expected):
    assert roc_year(year) == expected


def test_roc_year_rejects_dates_before_the_republic():
    with pytest.raises(ValueError, match="before the Republic"):
        roc_year(1911)


@pytest.mark.parametrize(
    ("value", "long_form", "numeric"),
    [
        (datetime.date(2026, 11, 23), "115年11月23日", "115/11/23"),
        (datetime.date(2016, 1, 5), "105年1月5日", "105/01/05"),
        (datetime.date(1912, 1, 1), "1年1月1日", "1/01/01"),
    ],
)
def test_format(value, long_form, numeric):
    assert format_roc_date(value) == long_form
    assert format_roc_date_numeric(value) == numeric


@pytest.mark.parametrize(
    "text", ["115/11/23", "115-11-23", "1151123", "115年11月23日", " 115/11/23 "]
)
def test_parse_accepts_the_common_forms(text):
    assert parse_roc_date(text) == datetime.date(2026, 11, 23)


def test_parse_six_digit_form_for_two_digit_years():
    assert parse_roc_date("990101") == datetime.date(2010, 1, 1)


@pytest.mark.parametrize("text", ["", "abc", "115/13/01", "115/02/30", "0/01/01", "1/2", "12345"])
def test_parse_rejects_nonsense(text):
    with pytest.raises(ValueError):
        parse_roc_date(text)
