"""The anonymiser, as tables: what must be masked, and what must stay (it is the topic)."""

import pytest

from civicdesk.faq.anonymise import (
    ADDRESS,
    EMAIL,
    NAME,
    NATIONAL_ID,
    PHONE,
    anonymise,
    find,
    national_id_is_valid,
    split_chinese_name,
)


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("A123456789", True),
        ("a123456789", True),
        ("Ａ１２３４５６７８９", True),  # full-width
        ("A123456788", False),  # wrong check digit
        ("F131104093", True),
        ("A800000014", True),  # new-format resident certificate number
        ("AB12345678", False),
        ("A323456789", False),  # third gender digit does not exist
        ("A12345678", False),
        ("1234567890", False),
    ],
)
def test_national_id_checksum(value, valid):
    assert national_id_is_valid(value) is valid


@pytest.mark.parametrize(
    ("text", "kind", "original"),
    [
        # national ID and resident certificate numbers, valid or look-alike
        ("身分證字號A123456789請保密", NATIONAL_ID, "A123456789"),
        ("身分證 Ａ１２３４５６７８９", NATIONAL_ID, "Ａ１２３４５６７８９"),
        ("ID a123456788 (typo)", NATIONAL_ID, "a123456788"),
        ("居留證A800000014", NATIONAL_ID, "A800000014"),
        ("居留證號AB12345678", NATIONAL_ID, "AB12345678"),
        # mobiles
        ("請回電0912-345-678謝謝", PHONE, "0912-345-678"),
        ("請回電0912345678謝謝", PHONE, "0912345678"),
        ("手機 0912 345 678。", PHONE, "0912 345 678"),
        ("手機０９１２３４５６７８", PHONE, "０９１２３４５６７８"),
        ("call +886 912 345 678 today", PHONE, "+886 912 345 678"),
        ("call +886-912-345-678", PHONE, "+886-912-345-678"),
        # landlines and toll-free
        ("電話(07)123-4567", PHONE, "(07)123-4567"),
        ("電話（07）１２３－４５６７", PHONE, "（07）１２３－４５６７"),
        ("電話07-1234567", PHONE, "07-1234567"),
        ("電話07-123-4567分機12", PHONE, "07-123-4567分機12"),
        ("電話02-2345-6789", PHONE, "02-2345-6789"),
        ("Tel. +886-7-123-4567.", PHONE, "+886-7-123-4567"),
        ("免付費0800-123-456", PHONE, "0800-123-456"),
        # e-mail
        ("信箱 meihua.lin+faq@example.com.tw。", EMAIL, "meihua.lin+faq@example.com.tw"),
        ("MAIL: ABC@EXAMPLE.ORG", EMAIL, "ABC@EXAMPLE.ORG"),
        # street addresses, full and partial, with full-width digits
        ("請寄到高雄市前金區中正四路211號3樓", ADDRESS, "高雄市前金區中正四路211號3樓"),
        ("我住在民生東路4段56巷3弄17號，", ADDRESS, "民生東路4段56巷3弄17號"),
        ("地址：台北市大安區復興南路一段390號", ADDRESS, "台北市大安區復興南路一段390號"),
        ("住鳳山區文化路５９號之２", ADDRESS, "鳳山區文化路５９號之２"),
        ("屏東縣潮州鎮光華街10之1號", ADDRESS, "屏東縣潮州鎮光華街10之1號"),
        ("建國二路123巷4號5樓之1的住戶", ADDRESS, "建國二路123巷4號5樓之1"),
        ("前往中正四路100號附近", ADDRESS, "中正四路100號"),
        ("博愛大道88號", ADDRESS, "博愛大道88號"),
        (
            "I live at 5F., No. 17, Aly. 3, Ln. 56, Sec. 4, Minsheng E. Rd., Songshan Dist., "
            "Taipei City. Thanks",
            ADDRESS,
            "5F., No. 17, Aly. 3, Ln. 56, Sec. 4, Minsheng E. Rd., Songshan Dist., Taipei City",
        ),
        ("at No. 1, Shifan Rd., Sanmin Dist.", ADDRESS, "No. 1, Shifan Rd., Sanmin Dist"),
        ("at 17 Minsheng East Road, please", ADDRESS, "17 Minsheng East Road"),
    ],
)
def test_personal_data_is_found(text, kind, original):
    findings = find(text)
    assert [(f.kind, f.original) for f in findings] == [(kind, original)]
    assert text[findings[0].start : findings[0].end] == original


@pytest.mark.parametrize(
    "text",
    [
        "案號11511240001已結案",  # case numbers
        "收文號1151124000123",
        "114年11月24日下午3時",  # dates
        "2025-11-24、2025/11/24、114/11/24、114-11-24",
        "依行政程序法第168條及第173條第1項第2款",  # legal articles
        "高市環中字第1150001234號函",  # document numbers end in 號 but name no road
        "大中一路一帶每天傍晚都有臭味",  # a road without a house number is the topic
        "大中一路與中華路口的垃圾車",
        "民生東路4段一帶",
        "罰鍰新臺幣1,200元至6,000元",  # amounts
        "NT$70 per adult, NT$1,200 in total",
        "開放時間09:00-17:00，20:30停止入場",  # times
        "請撥1999市民專線或119",  # public service numbers
        "粒狀物濃度12.5 mg/Nm3，O2 11%",
        "Section 4 of the Act; Article 7, paragraph 1",
        "The 2nd furnace, 3 trucks, gate 2",
        "請洽本廠總務室（分機120）",
    ],
)
def test_topic_text_is_not_masked(text):
    assert find(text) == []
    assert anonymise(text).text == text


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("林美華來電", ["林美華"], "〔姓名〕來電"),
        ("林小姐表示", ["林美華"], "〔姓名〕表示"),
        ("林先生、林女士與林太太", ["林美華"], "〔姓名〕、〔姓名〕與〔姓名〕"),
        ("美華說", ["林美華"], "〔姓名〕說"),
        ("林口區的林務局", ["林美華"], "林口區的林務局"),  # the surname alone is not a name
        ("歐陽小明先生與歐陽先生", ["歐陽小明"], "〔姓名〕先生與〔姓名〕"),
        ("陳○○先生", ["陳○○"], "〔姓名〕先生"),
        ("承辦人王大明，分機120", ["王大明"], "承辦人〔姓名〕，分機120"),
        ("Dear Ms Lin, Lin Mei-hua wrote", ["Lin Mei-hua"], "Dear [name], [name] wrote"),
        ("MEI-HUA LIN and mei hua lin", ["Lin Mei-hua"], "[name] and [name]"),
        ("Mr. Wang replied; Wang was kind", ["Wang Da-ming"], "[name] replied; [name] was kind"),
        ("you may call; the lin key", ["Lin Mei-hua"], "you may call; the lin key"),
        ("You may ask May", ["May Chen"], "You may ask [name]"),
    ],
)
def test_names(text, names, expected):
    assert anonymise(text, names=names).text == expected


def test_several_kinds_in_one_text_masked_in_its_language():
    text = "我是林美華，電話0912-345-678，e-mail: mh@example.com，住高雄市三民區建國二路1號。"
    result = anonymise(text, names=["林美華"])
    assert result.text == "我是〔姓名〕，電話〔電話〕，e-mail: 〔電子郵件〕，住〔地址〕。"
    assert result.counts() == {PHONE: 1, EMAIL: 1, ADDRESS: 1, NAME: 1}
    english = anonymise("I am Lin Mei-hua, 0912345678, mh@example.com", names=["Lin Mei-hua"])
    assert english.text == "I am [name], [phone number], [e-mail address]"


def test_overlaps_keep_the_longer_finding():
    # The e-mail holds the name; the whole address is masked once, not the name inside it.
    result = anonymise("meihua.lin@example.com", names=["Mei-hua"])
    assert [f.kind for f in result.findings] == [EMAIL]


def test_known_values_are_masked_even_without_a_pattern():
    result = anonymise("請寄到示範村幸福巷口的鐵皮屋", known={ADDRESS: ["示範村幸福巷口的鐵皮屋"]})
    assert result.text == "請寄到〔地址〕"


def test_positions_refer_to_the_original_text():
    text = "電話：０９１２－３４５－６７８"
    (finding,) = find(text)
    assert text[finding.start : finding.end] == finding.original == "０９１２－３４５－６７８"


@pytest.mark.parametrize(
    ("name", "parts"),
    [("林美華", ("林", "美華")), ("歐陽小明", ("歐陽", "小明")), ("張簡文", ("張簡", "文"))],
)
def test_split_chinese_name(name, parts):
    assert split_chinese_name(name) == parts


def test_nothing_to_mask():
    result = anonymise("")
    assert result.text == ""
    assert result.findings == ()
    assert result.counts() == {}
