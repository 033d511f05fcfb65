"""axe-core (WCAG 2.1 A/AA tags) on the staff screens of petitions, triage and the FAQ.

Public pages are swept in test_accessibility.py; officers use these screens all day, so
they are held to the same rule, in the admin's default language (zh-Hant).
"""

import re

from axe_playwright_python.sync_playwright import Axe

from tests.e2e.test_accessibility import AXE_OPTIONS

DEMO_PASSWORD = "civicdesk-demo"  # ACCOUNTS_DEMO_PASSWORD in config/settings/test.py


def sign_in(page, server, username):
    page.goto(f"{server}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))


def test_no_axe_violations_on_the_staff_triage_and_faq_screens(server, page):
    sign_in(page, server, "coordinator")
    page.goto(f"{server}/admin/petitions/?state=all")
    cases = page.locator("main a[href^='/admin/petitions/']").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    # In list order: open cases first, then the most recently handled.
    details = list(dict.fromkeys(h for h in cases if re.fullmatch(r"/admin/petitions/\d+/", h)))
    assert len(details) >= 5
    screens = [
        "/admin/petitions/",
        *details[:3],  # open cases: the suggestion, its buttons and likely duplicates
        details[-1],  # a handled one: the decided suggestion and the FAQ promotion
        "/admin/petitions/record/",
        "/admin/triage/topics/",
        "/admin/triage/topics/?start=2026-12-01&end=2026-01-01",  # a period error
        "/admin/triage/model/",
        "/admin/faq/report/",
    ]
    axe = Axe()
    problems = []
    for path in screens:
        response = page.goto(server + path)
        assert response is not None and response.status == 200, path
        results = axe.run(page, options=AXE_OPTIONS)
        for violation in results.response["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            problems.append(f"{path}: {violation['id']} ({violation['impact']}) {targets}")
    assert problems == [], "\n".join(problems)
    # The case screen really showed the triage panel (the sweep covered it).
    page.goto(server + details[0])
    assert page.locator("#triage-heading").count() == 1
