from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from search.backends.elasticsearch import client


@never_cache
def health(request):
    """State of the database and the search backend.

    200 while the site can serve pages (database up); Elasticsearch down only degrades
    search to the database fallback, so it sets "degraded" instead of failing the check.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = {"ok": True, "vendor": connection.vendor}
    except Exception as exc:
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
    return JsonResponse(
        {"status": status, "database": database, "search": search, "degraded": degraded},
        status=200 if database["ok"] else 503,
    )
