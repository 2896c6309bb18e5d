"""Recording what people search for (search.models.SearchQueryLog), for the curators' report.

No personal data: no IP address, user, session or user agent; only the query text (lower-cased,
so "OZG" and "ozg" count together), the filters, the number of hits and the backend. Only first
pages are recorded, so paging through one search counts once. Recording never breaks a search.
"""

import logging

from django.db import DatabaseError, transaction

logger = logging.getLogger(__name__)


def record_search(query, results):
    if query.page != 1:
        return
    if not query.q and not query.has_filters and not query.near:
        return  # a plain visit of the search page is not a search
    from search.models import SearchQueryLog

    try:
        with transaction.atomic():
            SearchQueryLog.objects.create(
                query=query.q.lower()[:200],
                filters=query.log_filters(),
                result_count=results.total,
                backend=results.backend,
            )
    except DatabaseError:
        logger.warning("search query log not written", exc_info=True)
