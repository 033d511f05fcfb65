"""Keyboard-only use: skip link, `:::` access keys, text size and language without JavaScript."""

import pytest


def press_access_key(page, key):
    """Alt+key as a keyboard sends it. Blink handles access keys on the *char* event (with its
    unmodified text), which Playwright's keyboard API omits while Alt is held, so the key events
    are sent through the DevTools protocol unchanged."""
    cdp = page.context.new_cdp_session(page)
    char = key.lower()
    code = {"key": char, "code": f"Key{key.upper()}", "windowsVirtualKeyCode": ord(key.upper())}
    cdp.send("Input.dispatchKeyEvent", {"type": "rawKeyDown", "modifiers": 1, **code})
    cdp.send(
        "Input.dispatchKeyEvent",
        {"type": "char", "modifiers": 1, "text": char, "unmodifiedText": char, **code},
    )
    cdp.send("Input.dispatchKeyEvent", {"type": "keyUp", "modifiers": 1, **code})
    cdp.detach()


def focused(page):
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return {tag: e.tagName, id: e.id, text: (e.textContent || '').trim(),"
        " inMain: !!e.closest('main')}; }"
    )


@pytest.mark.parametrize(
    ("path", "skip_text"), [("/", "跳到主要內容區塊"), ("/en/", "Skip to main content")]
)
def test_skip_link_is_first_and_reaches_the_content(server, page, path, skip_text):
    page.goto(server + path)
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["tag"] == "A"
    assert first["text"] == skip_text
    assert page.locator(".skip-link").is_visible()  # visible when focused
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#C"
    page.keyboard.press("Tab")
    assert focused(page)["inMain"], "the next Tab stop after the skip link is inside <main>"


@pytest.mark.parametrize("key", ["U", "C", "Z", "S"])
def test_access_keys_jump_to_their_area(server, page, key):
    page.goto(server + "/")
    press_access_key(page, key)
    assert page.evaluate("location.hash") == f"#{key}"
    assert focused(page)["id"] == key


def test_search_is_usable_from_the_keyboard(server, page):
    page.goto(server + "/en/")
    press_access_key(page, "S")
    page.keyboard.press("Tab")
    page.keyboard.type("plant")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/search/?q=plant")
    assert page.locator("h1").inner_text() == "Search"
    assert page.locator("[role=status]").count() == 1


def test_text_size_and_language_work_without_javascript(server, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server + "/")
        assert "text-medium" in page.get_attribute("body", "class")
        page.get_by_role("link", name="大", exact=True).click()
        assert "text-large" in page.get_attribute("body", "class")
        page.get_by_role("link", name="English").click()
        assert page.get_attribute("html", "lang") == "en"
        assert "text-large" in page.get_attribute("body", "class")  # the choice persists
        page.get_by_role("link", name="中文").click()
        assert page.get_attribute("html", "lang") == "zh-Hant-TW"
    finally:
        context.close()
