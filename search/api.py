"""The public JSON API (issue 4): /api/search/, /api/search/suggest/, /api/search/openapi.json.

Thin: parse (search.query) → service → JSON. Every invalid parameter is a 400 naming it:
{"error": {"parameter": "radius", "message": "…"}}; query text never causes a server error.
"""

import logging

from django.db import DatabaseError
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from search import reference, service
from search.openapi import build_openapi
from search.params import parse_int
from search.query import MAX_Q_LENGTH, TYPES, QueryError, SearchQuery
from search.search_log import record_search

logger = logging.getLogger(__name__)

JSON = {"ensure_ascii": False}
SUGGEST_DEFAULT_LIMIT = 8
SUGGEST_MAX_LIMIT = 20
KIND_LABELS = {"tag": "Schlagwort"}


def error_response(parameter, message, status=400):
    return JsonResponse({"error": {"parameter": parameter, "message": message}}, status=status, json_dumps_params=JSON)


def _unavailable():
    return error_response(
        None, "Die Suche ist vorübergehend nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.", 503
    )


@require_GET
def search(request):
    try:
        query = SearchQuery.from_params(request.GET, reference.get())
        results = service.search(query)
    except QueryError as exc:
        return error_response(exc.param, exc.message)
    except DatabaseError:
        logger.exception("search API: database unavailable")
        return _unavailable()
    record_search(query, results)
    response = JsonResponse(results.to_dict(), json_dumps_params=JSON)
    timing = server_timing(results)
    if timing:
        response["Server-Timing"] = timing
    return response


def server_timing(results):
    """Where the time of a search went, for browser developer tools and the benchmark
    (Server-Timing header): the search service in this process and, of that, Elasticsearch's
    own `took`. Durations only; nothing about the query or the index."""
    parts = []
    if results.es_took_ms is not None:
        parts.append(f'es;dur={results.es_took_ms};desc="Elasticsearch"')
    if results.took_ms is not None:
        parts.append(f'search;dur={results.took_ms};desc="Suche"')
    return ", ".join(parts)


@require_GET
def suggest(request):
    q = request.GET.get("q", "")
    if len(q) > MAX_Q_LENGTH:
        return error_response("q", f"Der Suchtext ist zu lang (höchstens {MAX_Q_LENGTH} Zeichen).")
    raw_limit = request.GET.get("limit", "").strip()
    limit = SUGGEST_DEFAULT_LIMIT
    if raw_limit:
        limit = parse_int(raw_limit)
        if limit is None or not 1 <= limit <= SUGGEST_MAX_LIMIT:
            return error_response("limit", f"limit muss eine ganze Zahl zwischen 1 und {SUGGEST_MAX_LIMIT} sein.")
    try:
        suggestions = service.suggest(q, limit)
    except DatabaseError:
        logger.exception("suggest API: database unavailable")
        return _unavailable()
    items = []
    for item in suggestions:
        item = dict(item)
        item["kind_label"] = KIND_LABELS.get(item.get("kind")) or TYPES.get(item.get("type"), "Seite")
        items.append(item)
    response = JsonResponse({"query": q, "suggestions": items}, json_dumps_params=JSON)
    # Typing the same letters again should not cost another search; a minute of staleness is fine.
    response["Cache-Control"] = "public, max-age=60"
    return response


@require_GET
def openapi(request):
    return JsonResponse(build_openapi(), json_dumps_params=JSON)
