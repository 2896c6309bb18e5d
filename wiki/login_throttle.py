"""Brute-force protection for the admin login and for page passwords (django-axes).

The admin login goes through Django's `authenticate()`, which django-axes watches itself
(AxesStandaloneBackend + AxesMiddleware). Wagtail's page-password form does not authenticate a
user, so `authenticate_with_password` below wraps Wagtail's view: it asks axes whether this
client is locked out for this restriction, reports a wrong password to axes as a failed login
(the "username" is the restriction, so one protected page cannot lock out another), and
clears the record after a correct one. Both answer a lockout with the same German page (429).

Client address: REMOTE_ADDR only, unless settings say a reverse proxy is trusted
(`TRUSTED_PROXY_COUNT`, see config/settings/base.py): a header any client can set must never
decide whose attempts are counted.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import render
from wagtail import views as wagtail_views


def _cooloff_minutes():
    cooloff = settings.AXES_COOLOFF_TIME
    if isinstance(cooloff, timedelta):
        return max(1, int(cooloff.total_seconds() // 60))
    return max(1, int(float(cooloff) * 60))


def lockout_response(request, original_response=None, credentials=None):
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_minutes": _cooloff_minutes()}
    return render(request, "wiki/login_locked.html", context, status=429)


def client_ip(request):
    """The address attempts are counted for (settings.AXES_CLIENT_IP_CALLABLE).

    Behind N trusted reverse proxies (TRUSTED_PROXY_COUNT=N) the client is the N-th address
    from the right of X-Forwarded-For: each proxy appends the address it received from, and
    everything further left was written by the client itself and proves nothing."""
    trusted = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if trusted > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= trusted:
            return forwarded[-trusted]
    return request.META.get("REMOTE_ADDR")


def _credentials(page_view_restriction_id):
    return {"username": f"seitenpasswort-{page_view_restriction_id}"}


def authenticate_with_password(request, page_view_restriction_id, page_id):
    from axes.handlers.proxy import AxesProxyHandler
    from axes.utils import reset

    credentials = _credentials(page_view_restriction_id)
    if request.method == "POST" and not AxesProxyHandler.is_allowed(request, credentials):
        return lockout_response(request, credentials=credentials)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if request.method != "POST":
        return response
    if response.status_code in (301, 302):  # Wagtail redirects to the page after a correct password
        reset(ip=client_ip(request), username=credentials["username"])
    else:
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        if not AxesProxyHandler.is_allowed(request, credentials):
            return lockout_response(request, credentials=credentials)
    return response
