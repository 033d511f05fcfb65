import datetime

import pytest
from django.core.management import CommandError, call_command

from civicdesk.cases.errors import CaseError
from civicdesk.cases.models import Case, Category, Channel
from civicdesk.cases.services.forwarded import forwarded_import_csv, parse_forwarded_date
from civicdesk.cases.states import State

HEADER = "FileNo_,Cre_Date_,ZipName_,InformDesc_,address_,BeforeDesc_\n"
ROWS = (
    "1150430001,2026-04-30 10:15:00,三民區,異味,大中一路100號,焚化廠附近傍晚有明顯臭味\n"
    "1150430002,115/04/30,三民區,路燈故障,大中一路,廠區外路燈不亮\n"
)


def write(tmp_path, body, encoding="utf-8", name="f.csv"):
    path = tmp_path / name
    path.write_bytes((HEADER + body).encode(encoding))
    return path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-04-30 10:15:00", datetime.date(2026, 4, 30)),
        ("2026/4/30 下午 11:58:42", datetime.date(2026, 4, 30)),
        ("20260430", datetime.date(2026, 4, 30)),
        ("115/04/30", datetime.date(2026, 4, 30)),
    ],
)
def test_dates_in_the_forms_exports_use(text, expected):
    assert parse_forwarded_date(text) == expected


@pytest.mark.django_db
def test_import_creates_confirmed_cases_once(tmp_path, users):
    path = write(tmp_path, ROWS)
    other = Category.objects.get(code="other")
    result = forwarded_import_csv(
        path=path,
        channel=Channel.HOTLINE,
        recorded_by=users["coordinator"],
        fallback_category=other,
    )
    assert len(result.created) == 2
    smell = Case.objects.get(channel=Channel.HOTLINE, external_reference="1150430001")
    assert smell.state == State.CONFIRMED
    assert smell.category.code == "odour"  # matched by the category name in the item
    assert smell.received_on == datetime.date(2026, 4, 30)
    assert smell.location == "三民區 大中一路100號"
    light = Case.objects.get(external_reference="1150430002")
    assert light.category == other
    again = forwarded_import_csv(
        path=path,
        channel=Channel.HOTLINE,
        recorded_by=users["coordinator"],
        fallback_category=other,
    )
    assert again.created == [] and again.skipped == 2


@pytest.mark.django_db
def test_big5_export(tmp_path, users):
    path = write(tmp_path, ROWS, encoding="cp950")
    result = forwarded_import_csv(
        path=path,
        channel=Channel.MAYOR,
        recorded_by=users["coordinator"],
        fallback_category=Category.objects.get(code="other"),
    )
    assert len(result.created) == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("1,not-a-date,三民區,異味,路,內容\n", "unreadable date"),
        (",2026-04-30,三民區,異味,路,內容\n", "case number and a description"),
    ],
)
def test_bad_rows_abort_everything(tmp_path, users, body, message):
    before = Case.objects.count()
    with pytest.raises(CaseError, match=message):
        forwarded_import_csv(
            path=write(tmp_path, ROWS + body),
            channel=Channel.HOTLINE,
            recorded_by=users["coordinator"],
            fallback_category=Category.objects.get(code="other"),
        )
    assert Case.objects.count() == before


@pytest.mark.django_db
def test_missing_columns_and_wrong_channel(tmp_path, users):
    bad = tmp_path / "bad.csv"
    bad.write_text("FileNo_,Cre_Date_\n1,2026-04-30\n", encoding="utf-8")
    other = Category.objects.get(code="other")
    with pytest.raises(CaseError, match="Missing columns"):
        forwarded_import_csv(
            path=bad,
            channel=Channel.HOTLINE,
            recorded_by=users["coordinator"],
            fallback_category=other,
        )
    with pytest.raises(CaseError):
        forwarded_import_csv(
            path=write(tmp_path, ROWS),
            channel=Channel.PHONE,
            recorded_by=users["coordinator"],
            fallback_category=other,
        )


@pytest.mark.django_db
def test_command(tmp_path, users, capsys):
    call_command("import_forwarded_cases", str(write(tmp_path, ROWS)), "--user", "coordinator")
    assert "created 2" in capsys.readouterr().out
    with pytest.raises(CommandError, match="No such user"):
        call_command("import_forwarded_cases", str(write(tmp_path, ROWS)), "--user", "nobody")


@pytest.mark.django_db
def test_control_command(capsys):
    call_command("cases_control", "--date", "2026-11-24")
    assert "reminded" in capsys.readouterr().out
