"""The Wagtail admin works under its Content-Security-Policy: the main staff screens and the
page editor with its rich-text editor and date picker raise no CSP violation in Chromium."""

from tests.e2e.test_staff_accessibility import sign_in

COLLECT_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


def violations(page):
    return page.evaluate("window.__csp || []")


def test_the_admin_sends_its_policy_and_runs_under_it(server, page):
    page.add_init_script(COLLECT_VIOLATIONS)
    sign_in(page, server, "admin")
    problems = []
    header = page.goto(f"{server}/admin/").headers.get("content-security-policy", "")
    assert "script-src 'self'" in header and "'unsafe-eval'" not in header
    screens = [
        "/admin/",
        "/admin/pages/",
        "/admin/pages/search/?q=%E5%8F%83%E8%A7%80",
        "/admin/documents/",
        "/admin/documents/multiple/add/",
        "/admin/images/",
        "/admin/snippets/",
        "/admin/users/",
        "/admin/reports/site-history/",
        "/admin/outbound_mail/",
        "/admin/personal_data_access/",
        "/admin/petitions/",
        "/admin/petitions/statistics/",
        "/admin/locales/",
    ]
    for path in screens:
        response = page.goto(server + path)
        assert response is not None and response.status == 200, path
        page.wait_for_load_state("networkidle")
        problems += [f"{path}: {v}" for v in violations(page)]

    # The page editor: Draftail, the side panels, and a date picker started without the
    # inline script Wagtail's widget would use.
    page.goto(f"{server}/admin/pages/")
    edit = page.locator("a[href*='/edit/']").first.get_attribute("href")
    page.goto(server + edit)
    page.wait_for_load_state("networkidle")
    assert page.locator(".Draftail-Editor").count() > 0
    panel = page.locator("#id_review_by").evaluate("el => el.closest('[role=tabpanel]').id")
    page.click(f"[aria-controls='{panel}']")
    page.click("#id_review_by")
    page.wait_for_selector(".xdsoft_datetimepicker:visible")
    problems += [f"{edit}: {v}" for v in violations(page)]
    assert problems == [], "\n".join(problems)
