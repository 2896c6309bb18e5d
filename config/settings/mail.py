"""E-mail settings from one URL (EMAIL_URL), e.g. `smtp://user:password@mail.example.org:587?tls=1`.

Schemes: smtp (optionally `?tls=1` for STARTTLS or `?ssl=1`), smtps (implicit TLS, port 465),
console (print mails, for trials), locmem (tests). User and password are URL-encoded
(`%40` for @). Query parameter `timeout` (seconds, default 10) bounds how long a review
notification may hold up the editor's request when the mail server does not answer.
SMTP goes through wiki.mail.ReportingEmailBackend, which logs a failed send as ERROR and tells
the editor instead of failing silently.
"""

from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

SMTP_BACKEND = "wiki.mail.ReportingEmailBackend"
SIMPLE_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}
_TRUE = {"1", "true", "yes", "on"}


def email_settings(url):
    """Django settings (a dict) for an EMAIL_URL."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in SIMPLE_BACKENDS:
        return {"EMAIL_BACKEND": SIMPLE_BACKENDS[scheme]}
    if scheme not in {"smtp", "smtps"}:
        raise ImproperlyConfigured(
            f"EMAIL_URL: unbekanntes Schema {scheme!r}; erlaubt sind smtp, smtps, console und locmem."
        )
    if not parts.hostname:
        raise ImproperlyConfigured("EMAIL_URL: der Mailserver (Host) fehlt, z. B. smtp://mail.example.org:587?tls=1.")
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    use_ssl = scheme == "smtps" or query.get("ssl", "").lower() in _TRUE
    use_tls = not use_ssl and query.get("tls", "").lower() in _TRUE
    try:
        port = parts.port or (465 if use_ssl else 587 if use_tls else 25)
        timeout = float(query.get("timeout", "10"))
    except ValueError:
        raise ImproperlyConfigured("EMAIL_URL: Port oder timeout ist keine Zahl.") from None
    return {
        "EMAIL_BACKEND": SMTP_BACKEND,
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": use_tls,
        "EMAIL_USE_SSL": use_ssl,
        "EMAIL_TIMEOUT": timeout,
    }
