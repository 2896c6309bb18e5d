"""Recording what people search for (search.models.SearchQueryLog), for the curators' report.

No personal data: no IP address, user, session or user agent; only the query text (lower-cased,
so "OZG" and "ozg" count together), the filters, the number of hits and the backend. Recording
never breaks a search.

What counts as one search (the report's numbers rest on this rule):
- only first pages (paging through one search counts once);
- not the plain visit of /suche/ without text and filters;
- not a refinement: a request whose Referer is the search page with the same query text is a
  filter click, a sort change or a removed chip of a search already counted. A new row is
  written only when the text changes (or the search starts elsewhere: start page, a tag link,
  a bookmark). The Referer is only compared, never stored. Without a Referer (some privacy
  settings strip it) every first page counts, so the rule can over-count but never drops a
  new search.
- A filtered search that found nothing also records how many hits the text alone has
  (`unfiltered_count`), so that "nothing found" and "the filters excluded everything" differ.

Rows are kept for SEARCH_LOG_RETENTION_DAYS (default 90) and then deleted by `prune`
(`manage.py prune_search_log`, and once a day by `search_sync --loop`): every anonymous search
writes a row, so without a limit the table only grows.
"""

import logging
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.db import DatabaseError, transaction
from django.urls import reverse
from django.utils import timezone

logger = logging.getLogger(__name__)


def record_search(query, results, request=None):
    if query.page != 1:
        return
    if not query.q and not query.has_filters and not query.near:
        return  # a plain visit of the search page is not a search
    if request is not None and is_refinement(request, query.q):
        return
    from search.models import SearchQueryLog

    try:
        unfiltered = _unfiltered_count(query) if results.total == 0 else None
        with transaction.atomic():
            SearchQueryLog.objects.create(
                query=query.q.lower()[:200],
                filters=query.log_filters(),
                result_count=results.total,
                unfiltered_count=unfiltered,
                backend=results.backend,
            )
    except DatabaseError:
        logger.warning("search query log not written", exc_info=True)


def is_refinement(request, q):
    """True if the request comes from the search page showing the same query text."""
    referer = request.META.get("HTTP_REFERER", "")
    if not referer:
        return False
    parts = urlsplit(referer)
    if parts.netloc and parts.netloc != request.get_host():
        return False
    if parts.path != reverse("search:page"):
        return False
    previous = parse_qs(parts.query).get("q", [""])[0]
    return _normalise(previous) == _normalise(q)


def _normalise(text):
    return " ".join(text.split()).casefold()


def _unfiltered_count(query):
    """Hits of the text alone, for a filtered search without hits; None if not filtered."""
    if not query.has_filters or not query.q:
        return None
    from search import service
    from search.query import SearchQuery

    try:
        return service.search(SearchQuery(q=query.q, page_size=1)).total
    except Exception:  # the log is a side matter: a failing extra search must not break the page
        logger.warning("unfiltered count for the query log failed", exc_info=True)
        return None


# --- Retention ----------------------------------------------------------------------------

PRUNE_BATCH = 5000  # rows per DELETE: short statements, no long lock on a large table


def retention_days():
    return getattr(settings, "SEARCH_LOG_RETENTION_DAYS", 90)


def prune_cutoff(days=None):
    days = retention_days() if days is None else days
    if days < 1:
        raise ValueError("Die Aufbewahrungsfrist muss mindestens 1 Tag sein.")
    return timezone.now() - timedelta(days=days)


def prune(days=None, batch_size=PRUNE_BATCH, progress=None):
    """Delete query-log rows older than `days` (default SEARCH_LOG_RETENTION_DAYS), in
    batches; progress(deleted_so_far, total) after each. Returns the number deleted."""
    from search.models import SearchQueryLog

    cutoff = prune_cutoff(days)
    old = SearchQueryLog.objects.filter(created_at__lt=cutoff)
    total = old.count()
    deleted = 0
    while deleted < total:
        ids = list(old.order_by("pk").values_list("pk", flat=True)[:batch_size])
        if not ids:
            break
        deleted += SearchQueryLog.objects.filter(pk__in=ids).delete()[0]
        if progress is not None:
            progress(deleted, total)
    return deleted
