"""Local development: `make run`."""

from config.env import env_bool, env_list, env_str

from .base import *

DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "dev-only-insecure-key-never-in-production")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
ACCOUNTS_DEMO_PASSWORD = "civicdesk-demo"  # noqa: S105 - demo logins, refused outside dev
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
LOGGING["handlers"]["console"]["formatter"] = "plain" if not env_bool("LOG_JSON", False) else "json"
LOGGING["loggers"]["wagtail"] = {"level": "WARNING"}  # page events are in the admin log
LOGGING["loggers"]["django_tasks"] = {"level": "WARNING"}
