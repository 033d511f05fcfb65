"""Petition statistics: exact figures, period and visibility, the screen, CSV and ODS exports."""

import csv
import datetime
import io
import zoneinfo
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from odf.namespaces import OFFICENS
from odf.opendocument import load
from odf.table import Table, TableCell, TableRow
from wagtail.users.models import UserProfile

from civicdesk.cases import deadlines
from civicdesk.cases.models import Case, Channel
from civicdesk.cases.services import citizen, handling
from civicdesk.cases.services.clock import calendar_around
from civicdesk.cases.statistics import case_statistics
from civicdesk.cases.statistics.figures import ReceivedPeriodForm as PeriodForm
from civicdesk.core.reporting.charts import BAR_AREA
from civicdesk.core.reporting.histogram import percentile as _percentile

pytestmark = pytest.mark.django_db

TAIPEI = zoneinfo.ZoneInfo("Asia/Taipei")
MARCH = {"start": datetime.date(2025, 3, 1), "end": datetime.date(2025, 3, 31)}
URL = "/admin/petitions/statistics/"


@pytest.fixture(autouse=True)
def _english_admin(admin_in_english):
    """These tests read the admin in English."""


def march(day):
    return datetime.date(2025, 3, day)


def taipei(day, hour=10, minute=0):
    return datetime.datetime(2025, 3, day, hour, minute, tzinfo=TAIPEI)


def place(case, *, received, closed=None, deadline):
    """Put a case in time: the services stamp today, the statistics need a past period."""
    Case.objects.filter(pk=case.pk).update(
        received_on=received, closed_at=closed, deadline=deadline
    )


def handlers(case, users):
    """Operations cases are handled by the officer and approved by the unit head; others by
    the director."""
    if case.unit.code == "operations":
        return users["officer"], users["officer"], users["unithead"]
    return None, users["director"], users["director"]


def assign(case, users):
    officer, _actor, _approver = handlers(case, users)
    return handling.case_assign(
        case=case, actor=users["coordinator"], unit=case.unit, officer=officer
    )


def reply(case, users):
    _officer, actor, approver = handlers(case, users)
    assign(case, users)
    handling.case_start(case=case, actor=actor)
    handling.case_draft_reply(
        case=case, actor=actor, body="已處理。", legal_basis="陳情要點", method="email"
    )
    handling.case_approve_reply(case=case, actor=approver)
    handling.case_send_reply(case=case, actor=actor)


def extend(case, users, times):
    for _ in range(times):
        case.refresh_from_db()
        new_deadline = calendar_around(case.deadline).add_workdays(case.deadline, 2)
        handling.case_extend(
            case=case, actor=users["unithead"], new_deadline=new_deadline, reason="須會勘現場"
        )


def survey(case, speed, attitude, clarity, overall):
    case.refresh_from_db()
    citizen.survey_submit(
        case=case, speed=speed, attitude=attitude, clarity=clarity, overall=overall
    )


@pytest.fixture
def march_cases(make_case, users):
    """Eleven cases: nine received in March 2025 (eight in operations, one in general affairs)
    and one either side of the month.

    case  category   channel  end                      received  closed     cal wd  deadline
    a     odour      phone    replied, rated 5/4/3/5   03-03     03-05      2   2   03-11
    b     noise      letter   replied, rated 2/4/5/4   03-03     03-14      11  9   03-11 late
    c     odour      phone    replied, not rated       03-04     03-04      0   0   03-12
    d     trucks     fax      transferred              03-05     03-06      1   1   03-13
    e     odour      phone    filed as repeat of a     03-06     03-10      4   2   03-14
    f     odour      phone    merged into a            03-07     03-07 *    0   0   03-17
    g     noise      phone    open, extended twice     03-03     -              03-10 overdue
    h     noise      phone    waiting for supplement   03-03     -              03-10 paused
    j     facilities counter  replied, rated 4/5/4/2   03-10     03-17      7   5   03-18
    * 00:30 in Taipei, still the 6th in UTC: closure dates are local dates.
    """
    a = make_case(category="odour")
    reply(a, users)
    survey(a, 5, 4, 3, 5)
    b = make_case(category="noise", channel=Channel.LETTER)
    assign(b, users)
    extend(b, users, 1)
    reply(b, users)
    survey(b, 2, 4, 5, 4)
    c = make_case(category="odour")
    reply(c, users)
    d = make_case(category="trucks", channel=Channel.FAX)
    handling.case_transfer(
        case=d,
        actor=users["coordinator"],
        agency="臺中市政府環境保護局",
        document_number="中焚字第1140001號",
        transferred_on=timezone.localdate(),
    )
    e = make_case(category="odour")
    handling.case_file(
        case=e, actor=users["coordinator"], reason="repeat", note="同一事項", earlier_case=a
    )
    f = make_case(category="odour")
    handling.case_merge(case=f, actor=users["coordinator"], into=a)
    g = make_case(category="noise")
    assign(g, users)
    extend(g, users, 2)
    h = make_case(category="noise")
    assign(h, users)
    handling.case_request_supplement(case=h, actor=users["officer"], message="請提供時間地點")
    j = make_case(category="feedback-facilities", channel=Channel.COUNTER)
    reply(j, users)
    survey(j, 4, 5, 4, 2)
    before = make_case(category="odour")
    after = make_case(category="odour")

    place(a, received=march(3), closed=taipei(5), deadline=march(11))
    place(b, received=march(3), closed=taipei(14), deadline=march(11))
    place(c, received=march(4), closed=taipei(4, 16), deadline=march(12))
    place(d, received=march(5), closed=taipei(6), deadline=march(13))
    place(e, received=march(6), closed=taipei(10), deadline=march(14))
    place(f, received=march(7), closed=taipei(7, 0, 30), deadline=march(17))
    place(g, received=march(3), deadline=march(10))
    place(h, received=march(3), deadline=march(10))
    place(j, received=march(10), closed=taipei(17), deadline=march(18))
    place(before, received=datetime.date(2025, 2, 28), deadline=march(10))
    place(after, received=datetime.date(2025, 4, 1), deadline=datetime.date(2025, 4, 10))
    return {"a": a, "b": b, "c": c, "d": d, "e": e, "f": f, "g": g, "h": h, "j": j}


def counts(tallies):
    return {t.code: t.count for t in tallies if t.count}


def test_exact_figures_for_a_month(march_cases, users):
    stats = case_statistics(user=users["director"], **MARCH)

    assert (stats.total, stats.concluded, stats.open) == (9, 7, 2)
    assert counts(stats.by_category) == {
        "odour": 4,
        "noise": 3,
        "trucks": 1,
        "feedback-facilities": 1,
    }
    assert [t.code for t in stats.by_category][:2] == ["odour", "noise"]  # largest first
    assert counts(stats.by_channel) == {"phone": 6, "letter": 1, "fax": 1, "counter": 1}
    assert counts(stats.by_unit) == {"operations": 8, "general-affairs": 1}
    assert counts(stats.by_outcome) == {
        "": 2,
        "replied": 4,
        "transferred": 1,
        "filed_repeat": 1,
        "merged": 1,
    }
    assert counts(stats.by_state) == {
        "closed": 4,
        "assigned": 1,
        "waiting_supplement": 1,
        "transferred": 1,
        "filed": 1,
        "merged": 1,
    }
    # Calendar days [0, 0, 1, 2, 4, 7, 11], working days [0, 0, 1, 2, 2, 5, 9]:
    # the 90th percentile sits at rank 5.4 and is interpolated as percentile_cont does.
    assert stats.handling.cases == 7
    assert (stats.handling.median_days, stats.handling.p90_days) == (2.0, 8.6)
    assert (stats.handling.median_workdays, stats.handling.p90_workdays) == (2.0, 6.6)
    assert (stats.concluded_on_time, stats.concluded_late) == (6, 1)
    assert stats.on_time_rate == pytest.approx(6 / 7, abs=1e-4)
    assert stats.open_overdue == 1  # g; h waits for the supplement
    assert (stats.extended, stats.extensions) == (2, 3)
    assert (stats.repeats, stats.merged, stats.transferred) == (1, 1, 1)

    satisfaction = stats.satisfaction
    assert (satisfaction.invited, satisfaction.responses) == (4, 3)
    assert satisfaction.response_rate == 0.75
    assert {s.code: s.mean for s in satisfaction.scores} == {
        "speed": pytest.approx(11 / 3, abs=0.005),
        "attitude": pytest.approx(13 / 3, abs=0.005),
        "clarity": 4.0,
        "overall": pytest.approx(11 / 3, abs=0.005),
    }
    assert [t.count for t in satisfaction.overall_distribution] == [0, 1, 0, 1, 1]


def test_working_days_agree_with_the_deadline_rules(march_cases, users):
    """The working-day lookup in SQL counts as `deadlines.handling_workdays` does."""
    calendar = calendar_around(march(10))
    assert (
        deadlines.handling_workdays(received_on=march(3), closed_on=march(14), calendar=calendar)
        == 9
    )
    only_b = case_statistics(user=users["director"], start=march(3), end=march(3))
    # Received on the 3rd: a (2 working days), b (9), g and h (open).
    assert only_b.total == 4 and only_b.concluded == 2
    assert only_b.handling.median_workdays == 5.5


def percentile_cont(values, fraction):
    """PostgreSQL's definition, over the values one by one."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    lower = int(position)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


@pytest.mark.parametrize(
    "values",
    [[3], [0, 0], [1, 2], [5, 1, 4, 4, 2, 9, 0], [0] * 50 + [30] * 3, list(range(101)), [7] * 9],
)
@pytest.mark.parametrize("fraction", [0.5, 0.9])
def test_the_histogram_percentile_is_percentile_cont(values, fraction):
    expected = round(percentile_cont(values, fraction), 1)
    assert _percentile(Counter(values), fraction) == expected


def test_no_values_have_no_percentile():
    assert _percentile(Counter(), 0.5) is None


def test_the_database_agrees(march_cases, users):
    """On PostgreSQL against its own percentile_cont; elsewhere against the same formula
    computed from the rows in Python."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                """SELECT percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY
                       (closed_at AT TIME ZONE 'Asia/Taipei')::date - received_on)
                   FROM cases_case
                   WHERE received_on BETWEEN '2025-03-01' AND '2025-03-31'
                       AND closed_at IS NOT NULL"""
            )
            median, p90 = cursor.fetchone()[0]
    else:
        days = [
            (timezone.localtime(c.closed_at).date() - c.received_on).days
            for c in Case.objects.filter(
                received_on__range=(MARCH["start"], MARCH["end"]), closed_at__isnull=False
            )
        ]
        median, p90 = percentile_cont(days, 0.5), percentile_cont(days, 0.9)
    stats = case_statistics(user=users["director"], **MARCH)
    assert (stats.handling.median_days, stats.handling.p90_days) == (
        round(median, 1),
        round(p90, 1),
    )


def test_overdue_matches_the_queryset_rule(march_cases, users):
    stats = case_statistics(user=users["director"], **MARCH)
    received = Case.objects.filter(received_on__range=(MARCH["start"], MARCH["end"]))
    assert stats.open_overdue == received.overdue(on=timezone.localdate()).count()


def test_period_filter_is_inclusive_and_uses_the_receipt_date(march_cases, users):
    director = users["director"]
    assert case_statistics(user=director, start=march(3), end=march(3)).total == 4
    assert case_statistics(user=director, start=march(4), end=march(7)).total == 4
    wider = case_statistics(
        user=director, start=datetime.date(2025, 2, 1), end=datetime.date(2025, 4, 30)
    )
    assert wider.total == 11
    empty = case_statistics(
        user=director, start=datetime.date(2024, 1, 1), end=datetime.date(2024, 12, 31)
    )
    assert (empty.total, empty.concluded, empty.on_time_rate) == (0, 0, None)
    assert empty.handling.median_days is None and empty.satisfaction.response_rate is None


def test_an_officer_sees_only_his_units_figures(march_cases, users):
    for username in ("officer", "unithead"):
        stats = case_statistics(user=users[username], **MARCH)
        assert stats.total == 8
        assert counts(stats.by_unit) == {"operations": 8}
        assert stats.satisfaction.invited == 3 and stats.satisfaction.responses == 2
        assert (stats.handling.median_days, stats.handling.median_workdays) == (1.5, 1.5)


def test_people_who_may_not_see_cases_get_zeros(march_cases, users):
    assert case_statistics(user=users["editor"], **MARCH).total == 0


def test_the_query_count_is_small_and_constant(
    march_cases, make_case, django_assert_max_num_queries
):
    def fresh(username):  # no permission cache: count what a request would run
        return get_user_model().objects.get(username=username)

    unithead = fresh("unithead")
    # Permissions (2), roles and unit; counts, survey, calendar, handling time; names (2).
    with django_assert_max_num_queries(10):
        case_statistics(user=unithead, **MARCH)
    director = fresh("director")
    with CaptureQueriesContext(connection) as few:
        case_statistics(user=director, **MARCH)
    for category in ("odour", "noise", "trucks", "emissions", "visits", "suggestions"):
        place(make_case(category=category), received=march(20), deadline=march(28))
    director = fresh("director")
    with CaptureQueriesContext(connection) as more:
        stats = case_statistics(user=director, **MARCH)
    assert stats.total == 15
    assert len(more.captured_queries) == len(few.captured_queries)


# The screen and the exports


def is_denied(response):
    """Wagtail turns the PermissionDenied of `raise_exception` into a redirect to the dashboard
    with a message; a plain 403 is accepted too."""
    if response.status_code == 403:
        return True
    # The message is in the site's language: Wagtail adds it outside the user's language.
    levels = [m.level_tag for m in get_messages(response.wsgi_request)]
    return (
        response.status_code == 302
        and response.url == reverse("wagtailadmin_home")
        and "error" in levels
    )


def march_query():
    return {"start": "2025-03-01", "end": "2025-03-31"}


def test_the_screen_shows_charts_beside_tables(client, march_cases, users):
    client.force_login(users["coordinator"])
    response = client.get(URL, march_query())
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["stats"].total == 9
    groups = response.context["groups"]
    assert len(groups) == 11
    assert html.count('<svg role="img"') == len(groups)
    assert html.count("<caption>") == len(groups)
    assert '<th scope="row">Odour</th><td>4</td><td>44.4%</td>' in html
    assert "Petitions received from 2025-03-01 to 2025-03-31" in html
    assert "85.7%" in html  # on-time rate
    assert "Response rate 75.0%: 3 responses from 4 petitioners invited." in html
    assert "/admin/petitions/statistics/export.csv?start=2025-03-01&amp;end=2025-03-31" in html
    assert "<script" not in html.split('<div class="nice-padding">', 1)[1]


def test_the_chart_summarises_its_figures(client, march_cases, users):
    client.force_login(users["coordinator"])
    response = client.get(URL, march_query())
    channel = next(g for g in response.context["groups"] if g.slug == "channel")
    assert channel.chart.summary.startswith("Cases by channel. Web form: 0; ")
    assert "Phone: 6" in channel.chart.summary
    widths = {bar.label: float(bar.width) for bar in channel.chart.bars}
    assert widths["Phone"] == BAR_AREA
    assert widths["Fax"] == pytest.approx(BAR_AREA / 6, abs=0.05)
    assert widths["Web form"] == 0


def test_the_default_period_is_this_year_to_today(client, users):
    client.force_login(users["director"])
    response = client.get(URL)
    today = timezone.localdate()
    stats = response.context["stats"]
    assert (stats.start, stats.end) == (today.replace(month=1, day=1), today)


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("2025-03-31", "2025-03-01", "The end date must not be before the start date."),
        ("2020-01-01", "2025-01-01", "Choose a period of at most 5 years."),
        ("2025-13-01", "2025-03-01", "Enter a valid date."),
    ],
)
def test_the_period_is_checked(client, users, start, end, message):
    client.force_login(users["director"])
    response = client.get(URL, {"start": start, "end": end})
    assert response.status_code == 200
    assert response.context["stats"] is None
    assert message in response.content.decode()
    export = client.get(
        reverse("cases_admin:statistics_export", args=["csv"]), {"start": start, "end": end}
    )
    assert export.status_code == 400


def test_five_years_exactly_is_allowed():
    assert PeriodForm({"start": "2020-01-01", "end": "2024-12-31"}).is_valid()
    assert PeriodForm({"start": "2024-02-29", "end": "2029-02-28"}).is_valid()
    assert not PeriodForm({"start": "2024-02-29", "end": "2029-03-01"}).is_valid()


def test_unit_heads_see_their_unit_on_the_screen(client, march_cases, users):
    client.force_login(users["unithead"])
    response = client.get(URL, march_query())
    assert response.context["stats"].total == 8


@pytest.mark.parametrize("username", ["editor", "officer"])
def test_people_without_the_permission_are_refused(client, users, username):
    client.force_login(users[username])
    assert is_denied(client.get(URL, march_query()))
    assert is_denied(client.get(reverse("cases_admin:statistics_export", args=["csv"])))
    assert is_denied(client.get(reverse("cases_admin:statistics_export", args=["ods"])))


def test_the_case_list_links_to_statistics_only_for_those_allowed(client, users):
    link = 'href="/admin/petitions/statistics/"'
    client.force_login(users["coordinator"])
    assert link in client.get("/admin/petitions/").content.decode()
    client.force_login(users["officer"])
    assert link not in client.get("/admin/petitions/").content.decode()


def test_unknown_export_format_is_not_found(client, users):
    client.force_login(users["director"])
    assert client.get("/admin/petitions/statistics/export.xlsx").status_code == 404


def csv_sections(content):
    sections, current = {}, None
    for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))):
        if not row:
            current = None
        elif current is None:
            current = sections.setdefault(row[0], [])
        else:
            current.append(row)
    return sections


def test_csv_export(client, march_cases, users):
    client.force_login(users["director"])
    response = client.get(reverse("cases_admin:statistics_export", args=["csv"]), march_query())
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="petition-statistics-2025-03-01-2025-03-31.csv"'
    )
    assert response.content.startswith(b"\xef\xbb\xbf")
    sections = csv_sections(response.content)
    assert sections["Period"] == [
        ["Figure", "Date"],
        ["Received from", "2025-03-01"],
        ["Received to", "2025-03-31"],
        ["Figures as of", timezone.localdate().isoformat()],
    ]
    overview = dict(sections["Cases in the period"][1:])
    assert overview["Received"] == "9" and overview["Extensions granted"] == "3"
    assert sections["Handling time"] == [
        ["Figure", "Calendar days", "Working days"],
        ["Median", "2.0", "2.0"],
        ["90th percentile", "8.6", "6.6"],
    ]
    assert ["On or before the deadline", "6", "85.7"] in sections["Concluded within the deadline"]
    assert ["Phone", "6", "66.7"] in sections["Cases by channel"]
    scores = sections["Mean satisfaction scores"]
    assert scores[0] == ["Question", "Mean score (1-5)", "Responses", "Response rate (%)"]
    assert ["Clarity of the answer", "4.0", "3", "75.0"] in scores


def test_csv_keeps_chinese_text(client, march_cases, users):
    UserProfile.objects.filter(user=users["director"]).update(preferred_language="zh-hant")
    client.force_login(users["director"])
    response = client.get(reverse("cases_admin:statistics_export", args=["csv"]), march_query())
    text = response.content.decode("utf-8-sig")
    assert "\r\n異味,4,44.4\r\n" in text


def ods_sheets(content):
    document = load(io.BytesIO(content))
    sheets = {}
    for table in document.spreadsheet.getElementsByType(Table):
        rows = []
        for row in table.getElementsByType(TableRow):
            cells = []
            for cell in row.getElementsByType(TableCell):
                kind = cell.getAttrNS(OFFICENS, "value-type")
                value = cell.getAttrNS(OFFICENS, "value")
                cells.append(float(value) if kind == "float" else str(cell))
            rows.append(cells)
        sheets[table.getAttribute("name")] = rows
    return sheets


def test_ods_export(client, march_cases, users):
    client.force_login(users["director"])
    response = client.get(reverse("cases_admin:statistics_export", args=["ods"]), march_query())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.spreadsheet"
    assert response["Content-Disposition"] == (
        'attachment; filename="petition-statistics-2025-03-01-2025-03-31.ods"'
    )
    sheets = ods_sheets(response.content)
    assert list(sheets)[:4] == [
        "Period",
        "Cases in the period",
        "Handling time",
        "Concluded within the deadline",
    ]
    assert len(sheets) == 12
    assert sheets["Period"][1] == ["Received from", "2025-03-01"]
    assert sheets["Handling time"] == [
        ["Figure", "Calendar days", "Working days"],
        ["Median", 2.0, 2.0],
        ["90th percentile", 8.6, 6.6],
    ]
    assert ["Odour", 4.0, pytest.approx(44.4)] in sheets["Cases by category"]
    assert sheets["Satisfaction survey responses"][1:] == [
        ["Invited (closed with a reply)", 4.0],
        ["Responses", 3.0],
        ["Response rate (%)", 75.0],
    ]
    assert all(len(rows[0]) >= 2 for rows in sheets.values())  # every sheet has a header row
