import copy

import pytest

from civicdesk.notifications.testing import smtp  # noqa: F401 - a pytest fixture

# Kept in memory so that no test-only template ships with the app.
MAIL_TEMPLATES = {
    "notifications/test_message/zh-hant/subject.txt": (
        "{% if urgent %}緊急：\n{% endif %}案件 {{ number }} 已受理\n"
    ),
    "notifications/test_message/zh-hant/body.txt": (
        "{% load i18n %}{% get_current_language as lang %}{{ name }} 您好：\n\n"
        "您的陳情案件 {{ number }} 已受理，我們將於 7 個工作日內回覆。\n"
        "語言：{{ lang }}\n"
    ),
    "notifications/test_message/en/subject.txt": "Case {{ number }} received\n",
    "notifications/test_secret/en/subject.txt": "Your case {{ number }}\n",
    "notifications/test_secret/en/body.txt": (
        "Password: {{ password }}\nConfirm: https://example.test/confirm/{{ token }}/\n"
    ),
    "notifications/test_message/en/body.txt": (
        "{% load i18n %}{% get_current_language as lang %}Dear {{ name }},\n\n"
        "we have received your petition {{ number }}.\n"
        "Language: {{ lang }}\n"
    ),
}


@pytest.fixture
def mail_templates(settings):
    """The project's template engine, with MAIL_TEMPLATES found first."""
    engine = copy.deepcopy(settings.TEMPLATES[0])
    engine["APP_DIRS"] = False
    engine["OPTIONS"]["loaders"] = [
        ("django.template.loaders.locmem.Loader", MAIL_TEMPLATES),
        "django.template.loaders.filesystem.Loader",
        "django.template.loaders.app_directories.Loader",
    ]
    settings.TEMPLATES = [engine, *settings.TEMPLATES[1:]]
    return MAIL_TEMPLATES
