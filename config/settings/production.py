"""Production: every secret comes from the environment and unsafe defaults are refused."""

from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_str

from .base import *

DEBUG = False
_INSECURE_KEYS = {"", "dev-only-insecure-key-never-in-production", "test-only-key", "change-me"}
if SECRET_KEY in _INSECURE_KEYS or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY to a random value of at least 50 characters.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set DJANGO_ALLOWED_HOSTS to the site's host names.")
SITE_BASE_URL = env_str("SITE_BASE_URL")  # required: the development default is a loopback address
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
ACCOUNTS_DEMO_PASSWORD = None

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
