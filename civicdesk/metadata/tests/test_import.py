import pytest
from django.core.management import CommandError, call_command

from civicdesk.metadata.models import ClassificationCode
from civicdesk.metadata.services import CodeListError, codes_import_csv

pytestmark = pytest.mark.django_db

HEADER = "scheme,code,name,name_en,parent_code,version\n"


def write(tmp_path, body, encoding="utf-8", name="codes.csv"):
    path = tmp_path / name
    path.write_bytes((HEADER + body).encode(encoding))
    return path


def test_import_creates_codes_with_parents(tmp_path):
    path = write(
        tmp_path,
        "theme,X20,子類,Child,X10,2026\n"  # child before its parent
        "theme,X10,母類,Parent,,2026\n",
    )
    result = codes_import_csv(path=path)
    assert (result.created, result.updated) == (2, 0)
    child = ClassificationCode.objects.get(scheme="theme", code="X20")
    assert child.parent.code == "X10"
    assert child.version == "2026"


def test_second_import_changes_nothing(tmp_path):
    path = write(tmp_path, "cake,X1,行政,Admin,,v1\n")
    codes_import_csv(path=path)
    result = codes_import_csv(path=path)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 1)


def test_new_edition_updates_names_and_can_deactivate_dropped_codes(tmp_path):
    codes_import_csv(path=write(tmp_path, "service,X1,甲,A,,v1\nservice,X2,乙,B,,v1\n"))
    result = codes_import_csv(
        path=write(tmp_path, "service,X1,甲改,A2,,v2\n", name="v2.csv"), deactivate_missing=True
    )
    assert result.updated == 1
    assert ClassificationCode.objects.get(scheme="service", code="X1").name == "甲改"
    dropped = ClassificationCode.objects.get(scheme="service", code="X2")
    assert not dropped.is_active
    assert result.deactivated >= 1


def test_big5_file_is_read(tmp_path):
    path = write(tmp_path, "theme,X30,環境保護,Env,,v1\n", encoding="big5")
    codes_import_csv(path=path)
    assert ClassificationCode.objects.get(scheme="theme", code="X30").name == "環境保護"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("colour,X1,紅,Red,,v1\n", "unknown scheme"),
        ("theme,,無代碼,No code,,v1\n", "code and name are required"),
        ("theme,X1,甲,A,,v1\ntheme,X1,乙,B,,v1\n", "appears twice"),
        ("theme,X5,甲,A,NOPE,v1\n", "parent NOPE not found"),
    ],
)
def test_bad_lines_abort_the_whole_import(tmp_path, body, message):
    before = ClassificationCode.objects.count()
    with pytest.raises(CodeListError, match=message):
        codes_import_csv(path=write(tmp_path, body))
    assert ClassificationCode.objects.count() == before


def test_missing_columns_are_named(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("scheme,code,name\ntheme,X1,甲\n", encoding="utf-8")
    with pytest.raises(CodeListError, match="missing columns name_en, parent_code, version"):
        codes_import_csv(path=path)


def test_command_reports_counts_and_errors(tmp_path, capsys):
    path = write(tmp_path, "theme,X40,甲,A,,v1\n")
    call_command("import_classification_codes", str(path))
    assert "created 1" in capsys.readouterr().out
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_classification_codes", str(tmp_path / "missing.csv"))
    with pytest.raises(CommandError, match="unknown scheme"):
        call_command(
            "import_classification_codes", str(write(tmp_path, "x,X,甲,A,,v\n", name="b.csv"))
        )


def test_demo_codes_are_marked_as_demo():
    demo = ClassificationCode.objects.filter(is_demo=True)
    assert demo.exists()
    assert all(c.name.startswith("（示範）") and c.name_en.startswith("(demo)") for c in demo)
