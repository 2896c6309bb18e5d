import hmac

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from search.backends.elasticsearch import client


def _may_see_details(request):
    """Staff, or a monitoring system that sends the configured HEALTH_TOKEN (header
    `X-Health-Token`). Anonymous visitors learn nothing about versions, hosts or errors."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.is_staff:
        return True
    token = getattr(settings, "HEALTH_TOKEN", None)
    sent = request.headers.get("X-Health-Token", "")
    return bool(token) and hmac.compare_digest(sent.encode(), token.encode())


@never_cache
def health(request):
    """State of the database and the search backend.

    200 while the site can serve pages (database up); Elasticsearch down only degrades
    search to the database fallback, so it sets "degraded" instead of failing the check.
    The public answer is only the status; details for staff or with HEALTH_TOKEN.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = {"ok": True, "vendor": connection.vendor}
    except Exception as exc:  # noqa: BLE001 - any database error means "not reachable" here
        database = {"ok": False, "vendor": connection.vendor, "error": type(exc).__name__}

    configured = bool(client.settings.ELASTICSEARCH_URL)
    reachable, detail = client.ping()
    search = {
        "configured": configured,
        "active_backend": "elasticsearch" if reachable else "database",
        "elasticsearch_reachable": reachable,
    }
    if configured:
        search["detail"] = detail
    degraded = configured and not reachable
    status = "ok" if database["ok"] and not degraded else ("degraded" if database["ok"] else "unavailable")
    body = {"status": status}
    if _may_see_details(request):
        body.update({"database": database, "search": search, "degraded": degraded})
    return JsonResponse(body, status=200 if database["ok"] else 503)
