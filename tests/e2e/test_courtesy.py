"""The telephone courtesy test as the coordinator, a tester and the director meet it: the demo's
two rounds of 2026, the low-scoring unit's improvement report and retest, every screen
axe-clean, and the director's report downloaded as ODT and PDF with its Chinese text."""

import io
import re
import zipfile

import pypdf
from axe_playwright_python.sync_playwright import Axe

from tests.e2e.test_accessibility import AXE_OPTIONS
from tests.e2e.test_staff_accessibility import sign_in


def _axe_problems(page, server, paths):
    axe = Axe()
    problems = []
    for path in paths:
        response = page.goto(server + path)
        assert response is not None and response.status == 200, path
        for violation in axe.run(page, options=AXE_OPTIONS).response["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            problems.append(f"{path}: {violation['id']} ({violation['impact']}) {targets}")
    return problems


def test_courtesy_rounds_screens_and_the_directors_report(server, page):
    sign_in(page, server, "coordinator")
    page.goto(f"{server}/admin/courtesy/")
    rounds = page.locator("main a[href^='/admin/courtesy/']").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    details = list(dict.fromkeys(h for h in rounds if re.fullmatch(r"/admin/courtesy/\d+/", h)))
    assert len(details) == 2  # the demo's two rounds of 2026
    first_half = details[-1]
    page.goto(server + first_half)
    body = page.locator("main").inner_text()
    assert "操作組" in body and "複測及格" in body  # under 90, improvement filed, retested
    units = page.locator("main a[href^='/admin/courtesy/units/']").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    problems = _axe_problems(
        page,
        server,
        [
            "/admin/courtesy/",
            "/admin/courtesy/new/",
            "/admin/courtesy/rubrics/",
            "/admin/courtesy/results/",
            first_half,
            *units[:2],
        ],
    )
    assert problems == [], "\n".join(problems)
    # The results screen shows each chart beside its data table.
    page.goto(f"{server}/admin/courtesy/results/")
    assert page.locator("main svg").count() >= 1 and page.locator("main table").count() >= 1

    odt = page.request.get(f"{server}{first_half}report.odt")
    assert odt.status == 200
    assert odt.headers["content-type"] == "application/vnd.oasis.opendocument.text"
    content = zipfile.ZipFile(io.BytesIO(odt.body())).read("content.xml").decode()
    assert "電話禮貌測試" in content and "操作組" in content and "擬辦" in content
    pdf = page.request.get(f"{server}{first_half}report.pdf")
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF")
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.body())).pages)
    assert "電話禮貌測試" in text and "操作組" in text
