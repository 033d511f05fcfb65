import datetime
import zoneinfo

from django.utils import translation

from civicdesk.core.i18n import language_tag, localized
from civicdesk.core.templatetags.civicdesk import gov_date, iso_date


class Thing:
    name = "總務室"
    name_en = "General Affairs Office"


class ChineseOnly:
    name = "政風室"
    name_en = ""


def test_gov_date_is_roc_on_chinese_pages_and_plain_in_english():
    day = datetime.date(2026, 11, 23)
    with translation.override("zh-hant"):
        assert gov_date(day) == "115年11月23日"
    with translation.override("en"):
        assert gov_date(day) == "23 November 2026"


def test_gov_date_uses_taipei_time_for_aware_datetimes():
    # 2026-11-23 17:00 UTC is already the 24th in Taipei.
    moment = datetime.datetime(2026, 11, 23, 17, 0, tzinfo=zoneinfo.ZoneInfo("UTC"))
    with translation.override("zh-hant"):
        assert gov_date(moment) == "115年11月24日"
    assert iso_date(moment) == "2026-11-24"


def test_gov_date_of_nothing_is_empty():
    assert gov_date(None) == ""
    assert iso_date(None) == ""


def test_localized_falls_back_to_chinese():
    with translation.override("en"):
        assert localized(Thing(), "name") == "General Affairs Office"
        assert localized(ChineseOnly(), "name") == "政風室"
    with translation.override("zh-hant"):
        assert localized(Thing(), "name") == "總務室"


def test_language_tags():
    assert language_tag("zh-hant") == "zh-Hant-TW"
    assert language_tag("en") == "en"
