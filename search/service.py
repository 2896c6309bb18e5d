"""The one entry point views, API and templates use: pick a backend, run, check the result.

Backend choice: Elasticsearch when ELASTICSEARCH_URL is set and the node answers; otherwise the
database fallback. When Elasticsearch is configured but fails, the request is answered from the
database with `degraded=True` (the search page says results may be incomplete), and the failure
is remembered for a few seconds so that a dead node does not cost every request a timeout.

Curated synonyms are read from the tags once and cached; a tag change (or any change that
wiki.signals.knowledge_pages_changed reports) drops the cache (receivers in
search/signals_cache.py, connected in SearchConfig.ready()), and a short lifetime covers
other processes. That is how a new synonym takes effect without a reindex. Outages are
remembered in search/outage.py, shared with the outbox.
"""

from __future__ import annotations

import logging
import math

from django.conf import settings

from . import analysis, outage
from .backends import database_backend, elasticsearch_backend, elasticsearch_configured
from .backends.base import BackendUnavailable
from .expiring import Expiring
from .query import MAX_Q_LENGTH, QueryError

logger = logging.getLogger(__name__)

NEGATIVE_CACHE_SECONDS = 10.0
SYNONYM_CACHE_SECONDS = 60.0
MAX_SUGGEST_LIMIT = 20
ELASTICSEARCH = "elasticsearch"

_synonyms = Expiring(SYNONYM_CACHE_SECONDS)


# -- backend choice --------------------------------------------------------------------------
def reset_backend_state():
    """Forget remembered outages (tests; after the operator fixed the node)."""
    outage.reset()


def _run(operation, backend):
    """operation(backend) with the choice and the fallback; returns (result, backend name, degraded)."""
    if backend is not None:
        backend = _resolve(backend)
        return operation(backend), backend.name, False
    if elasticsearch_configured() and not outage.is_down(ELASTICSEARCH):
        try:
            es_backend = elasticsearch_backend()
            result = operation(es_backend)
            outage.mark_up(ELASTICSEARCH)  # no query unless this worker was trying the node again
            return result, es_backend.name, False
        except BackendUnavailable as exc:
            logger.warning("Elasticsearch unavailable, answering from the database: %s", exc)
            outage.mark_down(ELASTICSEARCH, exc, getattr(settings, "SEARCH_OUTAGE_SECONDS", NEGATIVE_CACHE_SECONDS))
        except Exception:  # noqa: BLE001 - any Elasticsearch failure falls back
            logger.exception("Elasticsearch request failed, answering from the database")
    db_backend = database_backend()
    return operation(db_backend), db_backend.name, elasticsearch_configured()


def _resolve(backend):
    if isinstance(backend, str):
        from .backends import by_name

        return by_name(backend)
    return backend


# -- operations ------------------------------------------------------------------------------
def search(query, backend=None):
    """SearchResults for a validated SearchQuery. `backend`: None (choose), "elasticsearch",
    "database" or a backend instance. Raises QueryError("page") for a page past the end."""
    synonyms = synonym_map()
    results, _name, degraded = _run(lambda b: b.search(query, synonyms), backend)
    # Degraded: answered by the fallback, or Elasticsearch stopped at its time limit.
    results.degraded = degraded or results.degraded
    if query.page > 1 and not results.results and results.total > 0:
        pages = math.ceil(results.total / query.page_size)
        raise QueryError(
            "page",
            f"Seite {query.page} gibt es nicht: {results.total} Treffer passen auf {pages} "
            f"{'Seite' if pages == 1 else 'Seiten'}.",
        )
    return results


def suggest(q, limit=8, backend=None):
    """Autocomplete suggestions (list of dicts, see SearchBackend.suggest) for typed text.
    Never raises for odd text: control characters and excess length are cut away."""
    text = "".join(ch for ch in str(q or "") if ch.isprintable() or ch == " ")[:MAX_Q_LENGTH].strip()
    text = analysis.limit_query(text)  # the limits of the folded text, as for searches
    limit = max(1, min(int(limit), MAX_SUGGEST_LIMIT))
    if len(text) < 2:
        return []
    suggestions, _name, _degraded = _run(lambda b: b.suggest(text, limit), backend)
    return suggestions


def similar(page, limit=4, backend=None):
    """Hits like `page` (a Page or its id), other municipalities only."""
    page_id = page if isinstance(page, int) else page.pk
    hits, _name, _degraded = _run(lambda b: b.similar(page_id, limit), backend)
    return hits


def active_backend_name():
    """What would answer now ("elasticsearch" | "database"), without a network call."""
    if elasticsearch_configured() and not outage.is_down(ELASTICSEARCH):
        return ELASTICSEARCH
    return "database"


# -- synonyms --------------------------------------------------------------------------------
def synonym_map():
    """The curated synonyms of all tags as an analysis.SynonymMap (cached)."""
    return _synonyms.get(_read_synonyms)


def _read_synonyms():
    from wiki.models import Tag

    tags = Tag.objects.exclude(synonyms="").only("name", "synonyms")
    return analysis.SynonymMap.from_groups(analysis.synonym_groups_from_tags(tags))


def invalidate_synonyms(**_kwargs):
    _synonyms.clear()
