"""Settings shared by every environment. Everything that differs between installations
comes from the environment (see README, "Betrieb")."""

import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])

INSTALLED_APPS = [
    "home",
    "wiki",
    "search",
    "transfer",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Errors under /api/ (403/404/405/414/500) as JSON in the API's error shape.
    "search.api_errors.ApiErrorMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A review notification that cannot be sent is shown to the editor (wiki/mail.py).
    "wiki.mail.MailFailureMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Content-Security-Policy (django-csp) and Permissions-Policy (home/security_headers.py).
    "home.security_headers.SecurityHeadersMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: answers a locked-out login with the German lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "home.context_processors.site_context",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# DATABASE_URL, e.g. postgres://user:pass@host:5432/name; unset means a SQLite file in the project.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Content-Security-Policy (django-csp 4; /admin/ relaxed in home/security_headers.py) ----
from csp.constants import NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# --- Login throttling (django-axes; wiki/login_throttle.py, docs/operations.md) -----------
# After AXES_FAILURE_LIMIT wrong passwords for one account (or one protected page) from one
# client address, further attempts are refused for AXES_COOLOFF_MINUTES.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
# Account and address together: an attacker cannot lock a colleague out from elsewhere.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "wiki.login_throttle.lockout_response"
AXES_CLIENT_IP_CALLABLE = "wiki.login_throttle.client_ip"
# Number of reverse proxies in front of the site that append to X-Forwarded-For; 0 (default):
# the header is ignored and REMOTE_ADDR counts.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_ENABLED = env_bool("AXES_ENABLED", True)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch")]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Uploads: the size limit (WAGTAILDOCS_MAX_UPLOAD_SIZE) is enforced while the body arrives.
FILE_UPLOAD_HANDLERS = [
    "wiki.upload_limits.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# --- Wagtail -----------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Transferwiki Südwestfalen"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILDOCS_DOCUMENT_MODEL = "wiki.KnowledgeDocument"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "pptx", "odp", "txt", "csv"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("DOCUMENT_MAX_UPLOAD_BYTES", 20 * 1024 * 1024)
# Wagtail's own search index (admin search) stays on the database; the public regional
# search is the `search` app, which has its own Elasticsearch index.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
# No request from editors' browsers to releases.wagtail.org (the CSP allows no other host).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
# No request from the admin to another host: no avatars from Gravatar (it would receive the
# MD5 of every editor's e-mail address), no update check against Wagtail's release server.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# --- Regional search ---------------------------------------------------------------------
# ELASTICSEARCH_URL unset: the database fallback answers every search.
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
# Name of the alias that search reads and writes through; concrete indices are named
# "<alias>-<timestamp>" so that a rebuild can swap them.
SEARCH_INDEX_ALIAS = env_str("SEARCH_INDEX_ALIAS", "transferwiki-knowledge")
SEARCH_ES_TIMEOUT = float(env_str("SEARCH_ES_TIMEOUT", "5"))  # writes, rebuilds, checks
# The search path (search/backends/elasticsearch/client.py, docs/operations.md "Suchlast und
# Ausfälle"): a node that does not answer costs a visitor at most connect + read timeout, then
# the database answers; the node itself stops a search after SEARCH_ES_SERVER_TIMEOUT and
# returns what it found so far.
SEARCH_ES_CONNECT_TIMEOUT = float(env_str("SEARCH_ES_CONNECT_TIMEOUT", "0.5"))
SEARCH_ES_READ_TIMEOUT = float(env_str("SEARCH_ES_READ_TIMEOUT", "2"))
SEARCH_ES_SERVER_TIMEOUT = env_str("SEARCH_ES_SERVER_TIMEOUT", "500ms")
if not re.fullmatch(r"[1-9][0-9]{0,5}(ms|s)", SEARCH_ES_SERVER_TIMEOUT):
    raise ImproperlyConfigured(
        f"SEARCH_ES_SERVER_TIMEOUT muss eine Dauer wie 500ms oder 2s sein, nicht {SEARCH_ES_SERVER_TIMEOUT!r}."
    )
# How long a backend outage is remembered, for all web workers together (search/outage.py).
SEARCH_OUTAGE_SECONDS = float(env_str("SEARCH_OUTAGE_SECONDS", "10"))
# Shape of every new index (ensure_index and each search_rebuild): primary shards, and replicas
# as a number ("1") or as a range for auto_expand_replicas ("0-1", "0-all"). The default "0-1"
# keeps a single node green and gives a cluster of two or more nodes one replica.
SEARCH_INDEX_SHARDS = env_int("SEARCH_INDEX_SHARDS", 1)
SEARCH_INDEX_REPLICAS = env_str("SEARCH_INDEX_REPLICAS", "0-1").strip()
if SEARCH_INDEX_SHARDS < 1:
    raise ImproperlyConfigured("SEARCH_INDEX_SHARDS muss mindestens 1 sein.")
if not re.fullmatch(r"\d+|\d+-(\d+|all)", SEARCH_INDEX_REPLICAS):
    raise ImproperlyConfigured(
        f"SEARCH_INDEX_REPLICAS muss eine Zahl (z. B. 1) oder ein Bereich (z. B. 0-1, 0-all) sein, nicht {SEARCH_INDEX_REPLICAS!r}."
    )
# How long a rebuild waits for the replicas of the new index before it swaps the alias.
SEARCH_REBUILD_REPLICA_WAIT = float(env_str("SEARCH_REBUILD_REPLICA_WAIT", "60"))

# /health/ shows details (versions, hosts, errors) only to staff or with this token
# (header X-Health-Token); everyone else gets {"status": "ok" | "degraded" | "unavailable"}.
HEALTH_TOKEN = env_str("HEALTH_TOKEN")

# --- Open data -----------------------------------------------------------------------------
EXPORT_LICENSE_NAME = env_str("EXPORT_LICENSE_NAME", "CC BY 4.0")
EXPORT_LICENSE_URL = env_str("EXPORT_LICENSE_URL", "https://creativecommons.org/licenses/by/4.0/deed.de")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "elastic_transport": {"level": "WARNING"},
        "elasticsearch": {"level": "WARNING"},
        # Wagtail logs every page action and background task at INFO; that drowns commands.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
    },
}

# --- Index sync, rebuild and template documents (issue 5: search/sync.py, wiki/extraction.py) ---
# Upload checks (type by content, size limit, German messages) for every document form.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "wiki.document_forms.DocumentForm"
# Text taken from an uploaded document for search: bounded in size and in time.
DOCUMENT_TEXT_MAX_CHARS = env_int("DOCUMENT_TEXT_MAX_CHARS", 200_000)
# 4 s: with the subprocess start the upload request stays under 5 s; a very long PDF then
# keeps the text read so far (the editor is told).
DOCUMENT_EXTRACTION_SECONDS = float(env_str("DOCUMENT_EXTRACTION_SECONDS", "4"))
# Extraction runs in a child process (wiki/extraction_worker.py) with this address-space limit.
DOCUMENT_EXTRACTION_MEMORY_MB = env_int("DOCUMENT_EXTRACTION_MEMORY_MB", 512)
# Zip-based documents (wiki/zip_limits.py): unpacked total and per part, ratio, number of parts.
DOCUMENT_MAX_UNPACKED_BYTES = env_int("DOCUMENT_MAX_UNPACKED_BYTES", 100 * 1024 * 1024)
DOCUMENT_MAX_MEMBER_BYTES = env_int("DOCUMENT_MAX_MEMBER_BYTES", 50 * 1024 * 1024)
DOCUMENT_MAX_COMPRESSION_RATIO = env_int("DOCUMENT_MAX_COMPRESSION_RATIO", 150)
DOCUMENT_MAX_ZIP_MEMBERS = env_int("DOCUMENT_MAX_ZIP_MEMBERS", 5000)
# Outbox: apply right after commit (short timeout, so an outage never slows editors down),
# retry with exponential backoff up to SEARCH_SYNC_MAX_BACKOFF seconds, report (ERROR log,
# search_status) after SEARCH_SYNC_REPORT_AFTER failed attempts, keep applied rows for a week.
SEARCH_SYNC_INLINE = env_bool("SEARCH_SYNC_INLINE", True)
SEARCH_SYNC_INLINE_TIMEOUT = float(env_str("SEARCH_SYNC_INLINE_TIMEOUT", "2"))
# Refresh after an editor's change so it is searchable at once (not after up to 1 s).
SEARCH_SYNC_INLINE_REFRESH = env_bool("SEARCH_SYNC_INLINE_REFRESH", True)
SEARCH_SYNC_BATCH_SIZE = env_int("SEARCH_SYNC_BATCH_SIZE", 500)
SEARCH_SYNC_MAX_BACKOFF = env_int("SEARCH_SYNC_MAX_BACKOFF", 600)
SEARCH_SYNC_REPORT_AFTER = env_int("SEARCH_SYNC_REPORT_AFTER", 5)
SEARCH_SYNC_KEEP_DONE_DAYS = env_int("SEARCH_SYNC_KEEP_DONE_DAYS", 7)
# Query log (search/search_log.py): rows older than this are deleted by `prune_search_log`
# and once a day by `search_sync --loop`.
SEARCH_LOG_RETENTION_DAYS = env_int("SEARCH_LOG_RETENTION_DAYS", 90)
if SEARCH_LOG_RETENTION_DAYS < 1:
    raise ImproperlyConfigured("SEARCH_LOG_RETENTION_DAYS muss mindestens 1 sein (Tage).")
