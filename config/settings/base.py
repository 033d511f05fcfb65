"""Settings shared by every environment; each value that differs comes from the environment."""

from pathlib import Path
from typing import Any

import dj_database_url

from config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
APP_DIR = BASE_DIR / "civicdesk"

SECRET_KEY = env_str("DJANGO_SECRET_KEY", "")
# Former keys, still accepted for sessions, signed links and sealed mail secrets after a rotation.
SECRET_KEY_FALLBACKS = env_list("DJANGO_SECRET_KEY_FALLBACKS", "")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")
# The site's page in the visitor's language instead of Django's stock English 403.
CSRF_FAILURE_VIEW = "civicdesk.website.views.csrf_failure"

INSTALLED_APPS = [
    # civicdesk (before Wagtail and Django so our templates win)
    "civicdesk.core",
    "civicdesk.accounts",
    "civicdesk.metadata",
    "civicdesk.website",
    "civicdesk.quality",
    "civicdesk.facilities",
    "civicdesk.surveys",
    "civicdesk.courtesy",
    "civicdesk.suggestions",
    "civicdesk.notifications",
    "civicdesk.cases",
    "civicdesk.disclosure",
    "civicdesk.search",
    "civicdesk.faq",
    "civicdesk.answerbook",
    "civicdesk.triage",
    "civicdesk.api",
    "civicdesk.reports",
    "civicdesk.demo",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "civicdesk.core.csp.SitePolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [APP_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite (WAL) embedded by default; PostgreSQL when DATABASE_URL is set.
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'civicdesk.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers run beside the one writer; NORMAL is durable in WAL mode
        # except for the last transactions on power loss (see docs/decisions).
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
            "PRAGMA busy_timeout=5000;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
else:
    # Server-side prepared statements made PostgreSQL pick generic plans that were 6x slower
    # for short ILIKE searches (shared/design/measurements.md): keep them off.
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = None
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = ["civicdesk.accounts.backends.StaffBackend"]
# Demo accounts share one password that exists only in dev settings (ACCOUNTS_DEMO_PASSWORD);
# the authentication backend refuses it everywhere else.
ACCOUNTS_DEMO_PASSWORD: str | None = None
LOGIN_URL = "wagtailadmin_login"

# Internationalisation: zh-Hant is the default language, English the second one.
LANGUAGE_CODE = "zh-hant"
LANGUAGES = [("zh-hant", "中文"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Taipei"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [APP_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
# Petition attachments and other personal files: never under MEDIA_ROOT or any path a front
# server serves; only permission-checked, access-logged views read them (core.storage).
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "var" / "private")))
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "civicdesk.core.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Wagtail
WAGTAIL_SITE_NAME = "civicdesk"
# The site's public address: every absolute URL written (sitemap, feeds, catalogues, hreflang,
# metadata, mails, Wagtail's own notifications) starts with it (civicdesk.core.siteurl).
SITE_BASE_URL = env_str("SITE_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Files linked from pages follow the library's rules: ODF or a text PDF, checked and scanned.
WAGTAILDOCS_EXTENSIONS = ["odt", "ods", "odp", "pdf"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "civicdesk.disclosure.forms.CheckedWagtailDocumentForm"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: it would send a hash of every staff address to a third party
# (and the admin's CSP allows images from our origin only).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_USER_EDIT_FORM = "wagtail.users.forms.UserEditForm"

# Background work
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

EMAIL_HOST = env_str("EMAIL_HOST", "127.0.0.1")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "civicdesk <noreply@localhost>")

# Security headers shared by every environment.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CONTENT_SECURITY_POLICY = {
    # The public site has no inline scripts or styles at all.
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# The Wagtail admin (core.csp.SitePolicyMiddleware): scripts from our origin only; Wagtail's
# widgets set inline style attributes and its previews frame our own pages.
CORE_ADMIN_URL_PREFIX = "/admin/"
CORE_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}

LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
        },
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if env_bool("LOG_JSON", True) else "plain",
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# Site metadata defaults: agency-wide values when a screen has no page of its own.
METADATA_AGENCY_LANGUAGE_TAGS = {"zh-hant": "zh-Hant-TW", "en": "en"}


# Petitions (cases). Law: 行政程序法 arts. 168–173; 處理人民陳情案件要點.
CASES_CONFIRM_DAYS = env_int("CASES_CONFIRM_DAYS", 3)  # validity of the e-mail confirmation link
CASES_SURVEY_DAYS = 7  # satisfaction survey and reopening stay open this long after closure
CASES_REMIND_WORKDAYS = env_int("CASES_REMIND_WORKDAYS", 2)  # remind officers N workdays before
CASES_ATTACHMENT_MAX_BYTES = env_int("CASES_ATTACHMENT_MAX_BYTES", 2 * 1024 * 1024)
# Evidence files of work-plan progress reports and award applications (scans, photos, ODF).
QUALITY_EVIDENCE_MAX_BYTES = env_int("QUALITY_EVIDENCE_MAX_BYTES", 20 * 1024 * 1024)
QUALITY_REPORT_GRACE_WORKDAYS = env_int("QUALITY_REPORT_GRACE_WORKDAYS", 10)  # after a period ends
CASES_ATTACHMENT_MAX_FILES = 3

# Case triage (category suggestion, duplicates, recurring topics)
TRIAGE_MIN_CASES = env_int("TRIAGE_MIN_CASES", 30)  # closed cases needed before a model is trained
TRIAGE_TARGET_PRECISION = 0.9  # auto-routing threshold: suggestions this often right out of fold
# Route forwarded cases (1999, mayor's mailbox) to the suggested category when the model's
# confidence reaches its measured threshold; off by default: an officer accepts or overrides.
TRIAGE_AUTO_ROUTE = env_bool("TRIAGE_AUTO_ROUTE", False)

# Freshness report: an external link that has not answered in this many seconds is broken.
WEBSITE_LINK_CHECK_TIMEOUT = float(env_str("WEBSITE_LINK_CHECK_TIMEOUT", "5"))
WEBSITE_CHECK_LINKS_ON_PUBLISH = env_bool("WEBSITE_CHECK_LINKS_ON_PUBLISH", True)
DISCLOSURE_MAX_UPLOAD_MB = env_int("DISCLOSURE_MAX_UPLOAD_MB", 20)

# Every upload (petition attachments, the document library, page downloads) is scanned by
# clamd at this host:port; empty = no scan. CASES_CLAMAV_ADDRESS is its older name.
CORE_CLAMAV_ADDRESS = env_str("CLAMAV_ADDRESS", env_str("CASES_CLAMAV_ADDRESS", ""))

# Front servers (reverse proxies, load balancers) whose X-Forwarded-For is believed: IPs or
# CIDR ranges, comma-separated. Empty: the connection's own address is the client's.
CORE_TRUSTED_PROXIES = env_list("DJANGO_TRUSTED_PROXIES", "")

# Cache: rate limits of public forms must be shared by every worker process, so production
# sets REDIS_URL (a local-memory cache counts per process).
REDIS_URL = env_str("REDIS_URL", "")
CACHES = {
    "default": (
        {
            "BACKEND": "civicdesk.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            # A Redis server that stops answering must not hold every request for long.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
