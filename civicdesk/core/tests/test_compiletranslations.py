import polib
import pytest
from django.core.management import CommandError, call_command


def test_compiles_po_to_mo_without_gettext(tmp_path, settings):
    po_dir = tmp_path / "zh_Hant" / "LC_MESSAGES"
    po_dir.mkdir(parents=True)
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "zh_Hant"}
    catalogue.append(polib.POEntry(msgid="Search", msgstr="搜尋"))
    catalogue.save(str(po_dir / "django.po"))
    settings.LOCALE_PATHS = [tmp_path]

    call_command("compiletranslations", verbosity=0)

    compiled = polib.mofile(str(po_dir / "django.mo"))
    assert compiled.find("Search").msgstr == "搜尋"


def test_fails_when_there_is_nothing_to_compile(tmp_path, settings):
    settings.LOCALE_PATHS = [tmp_path]
    with pytest.raises(CommandError, match=r"No \.po files"):
        call_command("compiletranslations", verbosity=0)


def test_shipped_chinese_catalogue_is_complete():
    from pathlib import Path

    po = polib.pofile(
        str(Path(__file__).resolve().parents[3] / "locale/zh_Hant/LC_MESSAGES/django.po")
    )
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
