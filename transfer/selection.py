"""What a follower follows: a choice of topic, tag, town, Kreis, type or any search, kept as
search parameters (the same ones /suche/ understands), and the public pages it selects.

Structured choices (no text, no radius) are answered from the database, so that a digest can
ask "what changed since X" for all of a topic. A search with text or a radius goes through the
search service (one small function below), exactly as the search page does.
"""

from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.http import QueryDict

from search.query import FILTER_PARAMS, QueryError, SearchQuery
from wiki.models import KnowledgePage, Municipality, Tag, Topic
from wiki.models.pages import public_pages

__all__ = ["QueryError", "parse", "normalise", "describe", "selected_pages"]

# How many search hits a text search subscription looks at (newest first).
SEARCH_WINDOW = 200
SEARCH_PAGE_SIZE = 50


def parse(params):
    """SearchQuery from a QueryDict, dict or query string; raises QueryError (German)."""
    if isinstance(params, str):
        params = QueryDict(params)
    from search import reference

    query = SearchQuery.from_params(params, reference.get())
    return query.replace(page=1, sort="relevance")


def normalise(query):
    """Canonical query string of a choice: same choice, same string (for de-duplication)."""
    pairs = [(k, v) for k, v in query.to_params(page=None, page_size=None, sort=None)]
    return urlencode(sorted(pairs))


def is_empty(query):
    return not query.q and not query.has_filters and not query.near


def describe(query):
    """German description of a choice, e.g. "Handlungsfeld Mobilität, Kommune Arnsberg"."""
    parts = []
    if query.q:
        parts.append(f"Suche „{query.q}“")
    labels = {
        "type": ("Art", lambda values: [_type_labels().get(v, v) for v in values]),
        "district": (
            "Kreis",
            lambda v: _names(Municipality.objects.filter(district_ags__in=v).values_list("district_name", flat=True)),
        ),
        "municipality": (
            "Kommune",
            lambda v: _names(Municipality.objects.filter(ags__in=v).values_list("name", flat=True)),
        ),
        "topic": ("Handlungsfeld", lambda v: _names(Topic.objects.filter(slug__in=v).values_list("name", flat=True))),
        "tag": ("Schlagwort", lambda v: _names(Tag.objects.filter(slug__in=v).values_list("name", flat=True))),
        "phase": ("Projektphase", lambda v: list(v)),
    }
    for param in FILTER_PARAMS:
        values = query.selected(param)
        if values:
            label, resolve = labels[param]
            parts.append(f"{label} {' oder '.join(resolve(values) or values)}")
    if query.near:
        town = Municipality.objects.filter(ags=query.near).first()
        name = town.name if town else query.near
        parts.append(
            f"im Umkreis von {query.radius_km:g} km um {name}" if query.radius_km else f"in der Nähe von {name}"
        )
    return ", ".join(parts) or "Alle neuen Seiten"


def _names(values):
    return sorted(set(values))


def knowledge_types():
    """TYPE_CODE -> concrete page model, for every knowledge page type there is."""
    found, todo = {}, list(KnowledgePage.__subclasses__())
    while todo:
        model = todo.pop()
        todo.extend(model.__subclasses__())
        if getattr(model, "TYPE_CODE", None) and not model._meta.abstract:
            found[model.TYPE_CODE] = model
    return found


def _type_labels():
    return {code: str(model._meta.verbose_name) for code, model in knowledge_types().items()}


def _structured(queryset, query):
    if query.types:
        models = [model for code, model in knowledge_types().items() if code in query.types]
        queryset = queryset.filter(content_type__in=ContentType.objects.get_for_models(*models).values())
    if query.districts:
        queryset = queryset.filter(municipality__district_ags__in=query.districts)
    if query.municipalities:
        queryset = queryset.filter(municipality__ags__in=query.municipalities)
    if query.topics:
        queryset = queryset.filter(topics__slug__in=query.topics)
    if query.tags:
        queryset = queryset.filter(tags__slug__in=query.tags)
    if query.phases:
        case_study = knowledge_types().get("case_study")
        queryset = queryset.filter(pk__in=case_study.objects.filter(phase__in=query.phases).values("pk"))
    return queryset.distinct()


def search_page_ids(query):
    """Page ids the search service returns for `query`, newest first (read-only use of the
    search package; the only place here that calls it)."""
    from search import service

    ids = []
    for number in range(1, SEARCH_WINDOW // SEARCH_PAGE_SIZE + 1):
        results = service.search(query.replace(page=number, page_size=SEARCH_PAGE_SIZE, sort="date"))
        ids.extend(hit.id for hit in results.results)
        if not results.has_next:
            break
    return ids


def selected_pages(query, since=None, until=None, limit=None):
    """Public knowledge pages of a choice, most recently published first; with `since`, only
    pages first published or changed (re-published) after it."""
    pages = public_pages(KnowledgePage.objects.all()).select_related("municipality", "content_type")
    if query.q or query.near:
        pages = pages.filter(pk__in=search_page_ids(query))
    else:
        pages = _structured(pages, query)
    if since is not None:
        pages = pages.filter(last_published_at__gt=since)
    if until is not None:
        pages = pages.filter(last_published_at__lte=until)
    pages = pages.order_by("-last_published_at", "-pk").prefetch_related("topics")
    return pages[:limit] if limit else pages
