"""FAQ journeys in the browser: a citizen typing a petition is shown FAQ entries that may
answer it (with and without JavaScript), and tells us whether an entry helped."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.test_petition_journey import assert_accessible

CASES = [
    ("zh-Hant", "", "游泳池", "/faq/swimming-pool-hours-and-fees/"),
    ("en", "/en", "swimming pool", "/en/faq/swimming-pool-hours-and-fees/"),
]


@pytest.mark.parametrize(("language", "prefix", "typed", "entry"), CASES, ids=["zh-Hant", "en"])
def test_typing_a_petition_shows_matching_faq_entries(server, page, language, prefix, typed, entry):
    page.goto(f"{server}{prefix}/petitions/new/")
    region = page.locator("#faq-suggestions")
    assert region.get_attribute("aria-live") == "polite"
    assert region.inner_text().strip() == ""
    page.locator("#id_subject").press_sequentially(typed, delay=40)
    link = region.locator(f'a[href="{entry}"]')
    expect(link).to_be_visible(timeout=10_000)
    assert page.input_value("#id_subject") == typed  # typing is never interrupted
    assert_accessible(page, f"petition form with FAQ suggestions ({language})")
    # The button works with JavaScript too: the form comes back with everything kept.
    page.locator("input[name=check_faq]").click()
    page.wait_for_load_state()
    assert page.input_value("#id_subject") == typed
    expect(region.locator(f'a[href="{entry}"]')).to_be_visible()
    assert_accessible(page, f"petition form after checking the FAQ ({language})")
    # Clearing the text clears the suggestions.
    page.fill("#id_subject", "")
    expect(region.locator("a")).to_have_count(0, timeout=10_000)


@pytest.mark.parametrize(("language", "prefix", "typed", "entry"), CASES, ids=["zh-Hant", "en"])
def test_checking_the_faq_without_javascript(server, browser, language, prefix, typed, entry):
    # axe needs JavaScript: the same screen is checked in the test above.
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{server}{prefix}/petitions/new/")
        page.fill("#id_subject", typed)
        page.fill("#id_content", typed)
        page.fill("#id_email", "nojs@example.com")
        page.locator("input[name=check_faq]").click()
        page.wait_for_load_state()
        assert page.locator(f'#faq-suggestions a[href="{entry}"]').is_visible()
        assert page.input_value("#id_subject") == typed
        assert page.input_value("#id_email") == "nojs@example.com"
        assert page.locator("#error-summary").count() == 0
    finally:
        context.close()


def test_was_this_helpful(server, page):
    page.goto(f"{server}/en/faq/swimming-pool-hours-and-fees/")
    assert_accessible(page, "FAQ entry")
    page.get_by_label("No").check()
    page.get_by_label(re.compile("How could we make it better")).fill("Open on holidays?")
    page.locator("#feedback form button[type=submit]").click()
    page.wait_for_url("**/en/faq/swimming-pool-hours-and-fees/#feedback")
    expect(page.locator("#feedback [role=status]")).to_contain_text("Thank you")
    assert_accessible(page, "FAQ entry after feedback")
