"""Test settings: the suite runs on SQLite by default and on PostgreSQL when DATABASE_URL is set."""

from pathlib import Path

from config.env import env_str

from .base import *

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
ACCOUNTS_DEMO_PASSWORD = "civicdesk-demo"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
# The browser journeys run a server that mails over SMTP to the test's loopback server.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
# Tasks run at once in the test process; the browser suite loads its demo through the real
# database queue and a db_worker (TASKS_BACKEND) to prove the demo leaves no failed task.
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
    }
}
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "test-media")))
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "var" / "test-private")))
STORAGES["private"]["OPTIONS"]["location"] = PRIVATE_MEDIA_ROOT
LOGGING["root"]["level"] = "WARNING"
# Not the test client's host: a URL built from the request instead of the setting shows up.
SITE_BASE_URL = "https://civicdesk.example.gov.tw"
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
WHITENOISE_USE_FINDERS = True  # the e2e server serves static files without collectstatic
WHITENOISE_AUTOREFRESH = True
# Tests never reach the internet: the demo's external links are checked only where a test
# turns this on against a loopback server.
WEBSITE_CHECK_LINKS_ON_PUBLISH = False
