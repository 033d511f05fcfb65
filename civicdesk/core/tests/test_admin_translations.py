"""The Wagtail admin speaks Taiwan's Chinese: the labels Wagtail's own zh_Hant catalogue
leaves in English come from core/locale, with the terms Taiwan's government sites use."""

import glob
import re
from pathlib import Path

import opencc
import polib
import pytest
import wagtail
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Page

from civicdesk.core.management.commands.compiletranslations import app_catalogue_dirs

CORE_LOCALE = Path(__file__).resolve().parents[1] / "locale"
WAGTAIL = Path(wagtail.__file__).parent
# Mainland usage where Taiwan says 發布, 建立, 網站, 設定, 搜尋, 使用者, 不公開, 已發布. (登錄,
# "login" in Wagtail's strings, is also Taiwan's word for recording a case, so it is checked
# in Wagtail's strings only.)
MAINLAND_TERMS = ["發佈", "創建", "站點", "設置", "搜索", "用戶", "隱蔽", "在用"]
TO_TAIWAN = opencc.OpenCC("s2tw")
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def catalogues() -> list[Path]:
    return sorted((CORE_LOCALE / "zh_Hant" / "LC_MESSAGES").glob("*.po"))


def test_the_override_catalogues_are_complete_and_keep_every_placeholder():
    assert [path.name for path in catalogues()] == ["django.po", "djangojs.po"]
    for path in catalogues():
        po = polib.pofile(str(path))
        assert len(po) > 30
        assert po.untranslated_entries() == [], path
        assert po.fuzzy_entries() == [], path
        for entry in po:
            given = set(PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or "")))
            translated = entry.msgstr or entry.msgstr_plural[0]
            assert set(PLACEHOLDER.findall(translated)) <= given, entry.msgid


def test_compiletranslations_compiles_the_app_catalogue():
    assert CORE_LOCALE in app_catalogue_dirs()
    call_command("compiletranslations", verbosity=0)
    compiled = polib.mofile(str(CORE_LOCALE / "zh_Hant/LC_MESSAGES/django.mo"))
    assert compiled.find("Aging pages").msgstr == "久未更新頁面"


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("Aging pages", "久未更新頁面"),
        ("Locales", "語系"),
        ("Help", "說明"),
        ("Filter by", "篩選條件"),
        ("Show filters", "顯示篩選條件"),
        ("Last published by", "最後發布者"),
        ("Sort by", "排序方式"),
        ("Keyboard shortcuts", "快速鍵"),
        ("Publish", "發布"),  # Wagtail's own says 發佈
        ("Settings", "設定"),  # and 設置
        ("Search", "搜尋"),  # and 搜索
    ],
)
def test_our_catalogue_wins_over_wagtails(english, chinese):
    with translation.override("zh-hant"):
        assert translation.gettext(english) == chinese


def wagtail_catalogues() -> list[str]:
    """Wagtail's source catalogues of the apps we install."""
    installed = {app for app in settings.INSTALLED_APPS if app.startswith("wagtail")}
    paths = []
    for path in sorted(glob.glob(f"{WAGTAIL}/**/locale/en/LC_MESSAGES/django.po", recursive=True)):
        package = Path(path).relative_to(WAGTAIL).parts[:-4]
        if ".".join(("wagtail", *package)) in installed:
            paths.append(path)
    return paths


def test_our_pagination_label_does_not_rename_the_admins_pages_menu():
    """The public pagination's 'Pages' (分頁) is our catalogue's, which wins over Wagtail's:
    without its own context it turned the admin's Pages menu into 分頁."""
    with translation.override("zh-hant"):
        assert translation.gettext("Pages") == "頁面"
        assert translation.pgettext("pagination", "Pages") == "分頁"


def test_no_wagtail_string_reads_in_simplified_chinese_or_mainland_terms():
    """Every string of the Wagtail apps we install, as our zh-Hant admin shows it: Wagtail's
    zh_Hant catalogue falls back on its Simplified zh one (标签 for Tags), and uses 發佈,
    站點, 設置, … where we override it."""
    catalogues = wagtail_catalogues()
    assert len(catalogues) >= 10
    found = []
    with translation.override("zh-hant"):
        for path in catalogues:
            for entry in polib.pofile(path):
                if entry.obsolete:
                    continue
                if entry.msgid_plural:
                    shown = translation.ngettext(entry.msgid, entry.msgid_plural, 2)
                elif entry.msgctxt:
                    shown = translation.pgettext(entry.msgctxt, entry.msgid)
                else:
                    shown = translation.gettext(entry.msgid)
                if TO_TAIWAN.convert(shown) != shown:
                    found.append((entry.msgid, shown, "Simplified"))
                found += [
                    (entry.msgid, shown, term)
                    for term in [*MAINLAND_TERMS, "登錄"]
                    if term in shown
                ]
    assert found == []


def staff_client(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


# Screen → (labels that must be in Chinese, the English they replace).
SCREENS = {
    "/admin/": (
        ["說明", "久未更新頁面", "語系", "頁面類型使用情形", "展開／收合側邊選單", "快速鍵"],
        ["Aging pages", "Page types usage", "Keyboard shortcuts", "Toggle sidebar"],
    ),
    "/admin/reports/aging-pages/": (
        ["久未更新頁面", "最後發布者", "篩選條件", "最後發布早於"],
        ["Aging pages", "Last published by", "Filter by", "Last published before"],
    ),
    "/admin/reports/page-types-usage/": (["頁面類型使用情形", "最後編輯"], ["Last edit"]),
    "/admin/documents/": (["篩選條件", "顯示篩選條件"], ["Filter by", "Show filters"]),
    "/admin/snippets/disclosure/document/": (["篩選條件"], ["Filter by"]),
    "/admin/workflows/list/": (["顯示已停用"], ["Show disabled"]),
    "/admin/users/": (["最後登入", "權限等級", "指派角色"], ["Last login", "Access level"]),
    "/admin/locales/": (["語系"], ["Locales"]),
    "/admin/account/": (["個人資料", "外觀偏好", "高對比"], ["Theme preferences", "More contrast"]),
}


def page_text(html: str) -> str:
    """The page as a reader meets it: text, labels, and the sidebar's JSON strings."""
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m[1], 16)), html)


@pytest.mark.django_db
@pytest.mark.parametrize("path", list(SCREENS))
def test_the_main_admin_screens_show_their_labels_in_chinese(client, path):
    staff_client(client, "admin")
    response = client.get(path)
    assert response.status_code == 200
    text = page_text(response.content.decode())
    chinese, english = SCREENS[path]
    for label in chinese:
        assert label in text, f"{path}: {label} missing"
    for label in english:
        assert not re.search(rf"[>\"']\s*{re.escape(label)}\s*[<\"']", text), f"{path}: {label}"
    for term in MAINLAND_TERMS:
        assert term not in text, f"{path}: {term}"


@pytest.mark.django_db
def test_the_page_explorer_speaks_chinese(client):
    staff_client(client, "coordinator")
    home = Page.objects.get(depth=2, locale__language_code="zh-hant")
    text = page_text(client.get(f"/admin/pages/{home.pk}/").content.decode())
    for label in ("有子頁面", "編輯者", "更新日期", "頁面類型"):
        assert label in text, label
    for label in ("Has child pages", "Edited by", "Date updated"):
        assert label not in text, label


@pytest.mark.django_db
def test_the_admin_javascript_catalogue_carries_our_strings(client):
    staff_client(client, "editor")
    body = page_text(client.get("/admin/jsi18n/").content.decode())
    for label in ("展開／收合側邊選單", "插入區塊", "全部展開", "輸入內容，或輸入「/」插入區塊"):
        assert label in body, label
    assert "重新加載已儲存內容" in body  # Wagtail's own, in Taiwan's terms
