"""Production: every secret comes from the environment; missing ones stop the start."""

from .base import *  # noqa: F401,F403
from .env import env_bool, env_int, env_list, env_str
from .mail import email_settings

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY", required=True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("ALLOWED_HOSTS muss in Produktion gesetzt sein (kommagetrennt).")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# TLS is terminated by the reverse proxy in front of gunicorn.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    # Preload-list submission is a one-way commitment for the whole domain; a municipal
    # operator opts in deliberately, so the reminder is not a deployment defect.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# E-mail (review notifications): EMAIL_URL, e.g. smtp://user:password@mail.example.org:587?tls=1
# (config/settings/mail.py). Unset: SMTP on localhost:25; a failed send is logged as ERROR and
# shown to the editor (wiki/mail.py), never silent.
globals().update(email_settings(env_str("EMAIL_URL", "smtp://localhost:25")))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "transferwiki@localhost")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
