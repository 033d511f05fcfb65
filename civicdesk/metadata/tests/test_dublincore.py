import datetime

from civicdesk.metadata.dublincore import DC_ELEMENTS, Metadata, meta_tags


def sample(**overrides):
    values = dict(
        title="本廠簡介",
        creator="中區資源回收廠",
        subject="廢棄物處理",
        description="簡介",
        contributor="總務室",
        type="標準頁面",
        format="text/html",
        source="https://x/about/",
        language="zh-Hant-TW",
        coverage="高雄市",
        publisher="中區資源回收廠",
        date=datetime.date(2026, 11, 23),
        identifier="DEMO39705",
        relation="https://x/",
        rights="https://x/open-data/",
        keywords="焚化,回收",
        theme="D110",
        cake="D51",
        service="D11",
    )
    values.update(overrides)
    return Metadata(**values)


def test_fifteen_dublin_core_elements_then_keywords_then_three_codes():
    names = [name for name, _ in meta_tags(sample())]
    assert names[:15] == list(DC_ELEMENTS)
    assert len(set(names[:15])) == 15
    assert names[15:] == ["DC.Keywords", "Category.Theme", "Category.Cake", "Category.Service"]


def test_values_are_mapped_to_their_elements():
    tags = dict(meta_tags(sample()))
    assert tags["DC.Identifier"] == "DEMO39705"
    assert tags["DC.Date"] == "2026-11-23"  # ISO in metadata, whatever the page language
    assert tags["Category.Theme"] == "D110"
    assert tags["Category.Cake"] == "D51"
    assert tags["Category.Service"] == "D11"
    assert tags["DC.Keywords"] == "焚化,回收"


def test_missing_date_is_empty_not_none():
    assert dict(meta_tags(sample(date=None)))["DC.Date"] == ""
