"""What the Freedom of Government Information Law (政府資訊公開法) asks to publish, as data.

Art. 7 §1 lists ten categories of information published proactively; the plant's service-quality
work plan adds five of its own. Art. 18 §1 lists the nine grounds on which part of a piece of
information may be withheld. Codes are stable: they are stored on pages and in the search index.
"""

from dataclasses import dataclass

from civicdesk.core.i18n import localized

LAW_URL = "https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=I0020026"
LAW_URL_EN = "https://law.moj.gov.tw/ENG/LawClass/LawAll.aspx?pcode=I0020026"


@dataclass(frozen=True)
class Category:
    code: str
    label: str
    label_en: str
    description: str
    description_en: str
    item: int | None = None  # the item of art. 7 §1; None for the plant's own categories

    @property
    def is_statutory(self) -> bool:
        return self.item is not None

    @property
    def display_label(self) -> str:
        """`(6) 預算及決算書` for a statutory category, the plain label otherwise."""
        label = localized(self, "label")
        return f"({self.item}) {label}" if self.item is not None else label


ART7_CATEGORIES: tuple[Category, ...] = (
    Category(
        "art7-1",
        "法律及法規命令",
        "Laws and regulations",
        "條約、對外關係文書、法律、緊急命令、中央法規標準法所定之命令、法規命令及地方自治法規。",
        "Treaties, documents on foreign relations, laws, emergency decrees, orders under the "
        "Central Regulation Standard Act, regulatory orders and local self-government "
        "regulations.",
        1,
    ),
    Category(
        "art7-2",
        "解釋性規定及裁量基準",
        "Interpretive rules and discretionary standards",
        "政府機關為協助下級機關或屬官統一解釋法令、認定事實及行使裁量權，而訂頒之解釋性規定及"
        "裁量基準。",
        "Interpretive rules and discretionary standards issued to help subordinate agencies and "
        "officials interpret laws, establish facts and exercise discretion consistently.",
        2,
    ),
    Category(
        "art7-3",
        "組織職掌及聯絡資訊",
        "Organisation, duties and contact details",
        "政府機關之組織、職掌、地址、電話、傳真、網址及電子郵件信箱帳號。",
        "The agency's organisation, functions, address, telephone and fax numbers, website and "
        "e-mail address.",
        3,
    ),
    Category(
        "art7-4",
        "行政指導有關文書",
        "Administrative guidance",
        "行政指導有關文書。",
        "Documents on administrative guidance.",
        4,
    ),
    Category(
        "art7-5",
        "施政計畫、業務統計及研究報告",
        "Policy plans, statistics and research reports",
        "施政計畫、業務統計及研究報告。",
        "Policy plans, business statistics and research reports.",
        5,
    ),
    Category(
        "art7-6",
        "預算及決算書",
        "Budgets and final accounts",
        "預算及決算書。",
        "Budgets and final accounts.",
        6,
    ),
    Category(
        "art7-7",
        "請願處理結果及訴願決定",
        "Results of petitions and appeal decisions",
        "請願之處理結果及訴願之決定。",
        "Results of petitions and decisions on administrative appeals.",
        7,
    ),
    Category(
        "art7-8",
        "公共工程及採購契約",
        "Public works and procurement contracts",
        "書面之公共工程及採購契約。",
        "Written public works and procurement contracts.",
        8,
    ),
    Category(
        "art7-9",
        "支付或接受之補助",
        "Subsidies paid or received",
        "支付或接受之補助。",
        "Subsidies paid or received.",
        9,
    ),
    Category(
        "art7-10",
        "合議制機關會議紀錄",
        "Minutes of collegial bodies",
        "合議制機關之會議紀錄。",
        "Minutes of meetings of collegial bodies.",
        10,
    ),
)

PLANT_CATEGORIES: tuple[Category, ...] = (
    Category(
        "basic-data",
        "基本資料",
        "Basic data",
        "本廠處理能量、設備規格、沿革及服務範圍等基本資料。",
        "The plant's capacity, equipment, history and service area.",
    ),
    Category(
        "citizen-supervision",
        "民眾協助監督營運",
        "Citizen supervision of operations",
        "民眾及地方代表參與監督本廠營運之會議紀錄、查訪結果及改善情形。",
        "Minutes, site-visit findings and follow-up of the residents and local representatives "
        "who help oversee the plant's operation.",
    ),
    Category(
        "environmental-monitoring",
        "環境監測及檢測",
        "Environmental monitoring and testing",
        "煙道連續自動監測、戴奧辛及重金屬定期檢測、灰渣檢驗及周界環境監測結果。",
        "Continuous stack monitoring, periodic dioxin and heavy-metal tests, ash tests and "
        "ambient monitoring around the plant.",
    ),
    Category(
        "feedback-facility-rules",
        "回饋設施規範",
        "Community facility rules",
        "回饋設施（溫水游泳池、運動中心等）之使用管理須知、收費標準及優惠規定。",
        "Rules of use, fees and concessions of the community facilities (heated swimming pool, "
        "sports centre and others).",
    ),
    Category(
        "work-plans",
        "工作計畫",
        "Work plans",
        "年度提升服務品質工作計畫、營運計畫及其執行成果。",
        "The annual service-quality work plan, operating plans and their results.",
    ),
)

CATEGORIES: tuple[Category, ...] = ART7_CATEGORIES + PLANT_CATEGORIES
CATEGORIES_BY_CODE = {category.code: category for category in CATEGORIES}


def category_get(code: str) -> Category | None:
    return CATEGORIES_BY_CODE.get(code)


def category_choices() -> list[tuple[str, str]]:
    """Model and form choices, labelled in the active language (callable: evaluated late)."""
    return [(category.code, category.display_label) for category in CATEGORIES]


def category_labels() -> dict[str, str]:
    """Code → label in the active language, for the site search's facet."""
    return {category.code: category.display_label for category in CATEGORIES}


@dataclass(frozen=True)
class WithholdingGround:
    """One item of art. 18 §1: a reason to withhold part of a piece of information."""

    code: str
    item: int
    label: str
    label_en: str

    @property
    def display_label(self) -> str:
        return f"({self.item}) {localized(self, 'label')}"


ART18_GROUNDS: tuple[WithholdingGround, ...] = (
    WithholdingGround(
        "art18-1",
        1,
        "經依法核定為國家機密，或其他法律、法規命令規定應秘密或限制、禁止公開",
        "Classified as a national secret, or kept secret or restricted by another law or "
        "regulation",
    ),
    WithholdingGround(
        "art18-2",
        2,
        "有礙犯罪之偵查、追訴、執行，或危害他人生命、身體、自由、財產",
        "Would hinder a criminal investigation, prosecution or enforcement, or endanger "
        "another person's life, body, liberty or property",
    ),
    WithholdingGround(
        "art18-3",
        3,
        "作成意思決定前，內部單位之擬稿或其他準備作業",
        "A draft or other preparatory work of an internal unit before a decision is made",
    ),
    WithholdingGround(
        "art18-4",
        4,
        "為實施監督、管理、檢查、取締而取得或製作之資料，公開將妨害其目的",
        "Material obtained or made for supervision, inspection or enforcement whose release "
        "would defeat its purpose",
    ),
    WithholdingGround(
        "art18-5",
        5,
        "考試、檢定或鑑定之有關資料，公開將影響其公正效率",
        "Material of examinations, certifications or assessments whose release would impair "
        "their fairness",
    ),
    WithholdingGround(
        "art18-6",
        6,
        "侵害個人隱私、職業上秘密或著作權人之公開發表權",
        "Would infringe personal privacy, a professional secret or an author's right of first "
        "publication",
    ),
    WithholdingGround(
        "art18-7",
        7,
        "個人、法人或團體營業上秘密或經營事業有關之資訊",
        "Trade secrets or business information of a person, company or organisation",
    ),
    WithholdingGround(
        "art18-8",
        8,
        "為保存文化資產必須特別管理，公開有滅失或減損其價值之虞",
        "Cultural heritage needing special care, whose release risks its loss or damage",
    ),
    WithholdingGround(
        "art18-9",
        9,
        "公營事業機構經營之有關資料，公開將妨害其經營上之正當利益",
        "Business material of a public enterprise whose release would harm its legitimate "
        "interests",
    ),
)
GROUNDS_BY_CODE = {ground.code: ground for ground in ART18_GROUNDS}


def ground_choices() -> list[tuple[str, str]]:
    return [(ground.code, ground.display_label) for ground in ART18_GROUNDS]
