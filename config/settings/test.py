from .base import *  # noqa: F401,F403
from .env import env_str

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"

# Parallel test runs (several developers on one machine) keep apart by database and index name.
_test_db_name = env_str("TEST_DB_NAME")
if _test_db_name:
    DATABASES["default"].setdefault("TEST", {})["NAME"] = _test_db_name  # noqa: F405
# The tests choose Elasticsearch per test (fixture `elasticsearch`); nothing is configured by default.
ELASTICSEARCH_URL = None

# Serve static files straight from the app folders; production uses collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
