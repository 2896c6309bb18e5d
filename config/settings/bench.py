"""Settings of the benchmark (`make bench` / `python -m bench`).

Production-like (DEBUG off, persistent DB connections), with two additions:
- its own search alias, so a benchmark never touches the index of a development site;
- Wagtail's own Elasticsearch 8 backend as the reference ("wagtail_es8"), on the same node
  under its own index prefix, with AUTO_UPDATE off so that it costs nothing on page saves and
  is filled only by the timed `update_index --backend wagtail_es8`.
The harness sets DATABASE_URL to its own database (one per corpus size and seed).
"""

from .base import *  # noqa: F401,F403
from .base import BASE_DIR, WAGTAILSEARCH_BACKENDS
from .env import env_str

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / "var" / "bench-media"
SEARCH_INDEX_ALIAS = env_str("SEARCH_INDEX_ALIAS", "bench-transferwiki")

BENCH_REFERENCE_ES_URL = env_str("BENCH_REFERENCE_ES_URL")
BENCH_REFERENCE_BACKEND = "wagtail_es8"
BENCH_REFERENCE_PREFIX = env_str("BENCH_REFERENCE_PREFIX", "bench-wagtail-")
if BENCH_REFERENCE_ES_URL:
    WAGTAILSEARCH_BACKENDS = {
        **WAGTAILSEARCH_BACKENDS,
        BENCH_REFERENCE_BACKEND: {
            "BACKEND": "bench.reference_backend",
            "URLS": [BENCH_REFERENCE_ES_URL],
            "INDEX_PREFIX": BENCH_REFERENCE_PREFIX,
            "AUTO_UPDATE": False,
            "TIMEOUT": 60,
        },
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
