"""The public search page /suche/: a plain GET form that works without JavaScript.

Thin: parse (search.query) → service → template. Everything the template needs beyond the
results (facet checkboxes, pagination links, "Meinten Sie …?") is prepared by small helpers
here so that the template stays declarative.
"""

import logging
from urllib.parse import urlencode

from django.db import DatabaseError
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from search import analysis, page_context, reference, service
from search.query import FILTER_PARAMS, MAX_Q_LENGTH, QueryError, SearchQuery
from search.search_log import record_search

logger = logging.getLogger(__name__)

FACET_LEGENDS = {
    "type": "Inhaltstyp",
    "district": "Kreis",
    "municipality": "Kommune",
    "topic": "Handlungsfeld",
    "tag": "Schlagwort",
    "phase": "Projektphase",
    "village": "Ortsteil",
    "area": "Raum",
}
RADIUS_CHOICES = [
    ("", "kein Umkreis"),
    ("10", "10 km"),
    ("20", "20 km"),
    ("30", "30 km"),
    ("50", "50 km"),
    ("100", "100 km"),
]
SORT_CHOICES = [("relevance", "Relevanz"), ("date", "Neueste zuerst"), ("distance", "Entfernung")]
PAGE_WINDOW = 2  # page links either side of the current page


@require_GET
def search_page(request):
    query = results = error = None
    status = 200
    try:
        query = SearchQuery.from_params(request.GET, reference.get())
        results = service.search(query)
    except QueryError as exc:
        error = {"parameter": exc.param, "message": exc.message}
        status = 400
    except DatabaseError:
        logger.exception("search page: database unavailable")
        error = {
            "parameter": None,
            "message": "Die Suche ist vorübergehend nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.",
        }
        status = 503
    if results is not None:
        record_search(query, results, request)
    return render(request, "search/search_page.html", _context(request, query, results, error), status=status)


def _context(request, query, results, error):
    raw = request.GET
    near = (query.near if query else raw.get("near", "")) or ""
    form = {
        "q": query.q if query else raw.get("q", "")[:MAX_Q_LENGTH],
        "near": near,
        "radius": raw.get("radius", "").strip(),
        "sort": query.sort if query else raw.get("sort", "relevance"),
        "page_size_param": raw.get("page_size", "") if query and query.page_size != 10 else "",
    }
    context = {
        "form": form,
        "error": error,
        "results": results,
        "degraded": bool(results and results.degraded),
        "max_q_length": MAX_Q_LENGTH,
        "municipality_choices": _municipality_choices(),
        "radius_choices": _radius_choices(form["radius"]),
        "sort_choices": page_context.sort_choices(SORT_CHOICES, query, near),
        "facet_groups": [],
        "pagination": {},
        "active": {"chips": [], "reset_url": None, "count": 0},
    }
    if results is None:
        return context
    context["facet_groups"] = page_context.split_facet_groups(_facet_groups(results))
    context["active"] = page_context.active_filters(query, results)
    context["pagination"] = _pagination(query, results)
    context["first_index"] = query.offset + 1
    context["last_index"] = query.offset + len(results.results)
    if results.suggestion:
        context["suggestion_url"] = _url(query.to_params(q=results.suggestion, page=None))
    if results.total == 0:
        if query.has_filters or query.near:
            context["without_filters_url"] = _url([("q", query.q)] if query.q else [])
        context["related_topics"] = _related_topics(query.q)
    return context


def _url(pairs):
    base = reverse("search:page")
    return f"{base}?{urlencode(pairs)}" if pairs else base


def _facet_groups(results):
    groups = []
    for param in FILTER_PARAMS:
        options = [
            {
                "id": f"f-{param}-{value.value}",
                "value": value.value,
                "label": value.label,
                "count": value.count,
                "checked": value.selected,
            }
            for value in results.facets.get(param, [])
        ]
        groups.append({"param": param, "legend": FACET_LEGENDS[param], "options": options})
    return groups


def _pagination(query, results):
    pages_total = results.num_pages
    if pages_total <= 1:
        return {"pages": []}
    current = query.page
    shown = sorted({1, pages_total, *range(max(1, current - PAGE_WINDOW), min(pages_total, current + PAGE_WINDOW) + 1)})
    pages, previous = [], 0
    for number in shown:
        if number - previous > 1:
            pages.append(None)  # gap, rendered as "…"
        pages.append({"number": number, "url": _page_url(query, number), "current": number == current})
        previous = number
    return {
        "pages": pages,
        "prev_url": _page_url(query, current - 1) if current > 1 else None,
        "next_url": _page_url(query, current + 1) if current < pages_total else None,
    }


def _page_url(query, number):
    return _url(query.to_params(page=None if number == 1 else number))


def _municipality_choices():
    from wiki.models import Municipality

    groups = {}
    for town in Municipality.objects.order_by("district_name", "name").only("ags", "name", "district_name"):
        groups.setdefault(town.district_name, []).append(town)
    return list(groups.items())


def _radius_choices(current):
    choices = list(RADIUS_CHOICES)
    if current and current not in {value for value, _label in choices}:
        choices.append((current, f"{current} km"))  # a radius from a shared link stays selected
    return choices


def _related_topics(q, limit=6):
    """Topics whose name or description shares a term with the query; all topics otherwise,
    so that an empty result always offers a way on."""
    from wiki.models import Topic

    topics = list(Topic.objects.all())
    wanted = set(analysis.analyze_query(q).all_terms()) if q else set()
    related = [t for t in topics if wanted & set(analysis.index_terms(f"{t.name} {t.description}"))]
    chosen = related[:limit] if related else topics
    return [{"name": t.name, "url": _url([("topic", t.slug)])} for t in chosen]
