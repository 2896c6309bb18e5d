"""The one Elasticsearch client of the process, built from settings, and its variant for the
search path.

Writes, rebuilds and checks use the client with SEARCH_ES_TIMEOUT (bulk requests may take
seconds). Everything a visitor waits for (searches, autocomplete, similar pages, the lexicon
of "did you mean") goes through `for_search()`: a short connect timeout and a short read
timeout, so that a node that accepts connections but does not answer costs a request at most
SEARCH_ES_CONNECT_TIMEOUT + SEARCH_ES_READ_TIMEOUT before the database answers, instead of
blocking a web worker (search/outage.py then keeps the other requests away from it).
"""

from functools import lru_cache

import urllib3
from django.conf import settings


class SearchUnavailable(Exception):
    """Elasticsearch is not configured or cannot be reached."""


@lru_cache(maxsize=4)
def _client_for(url, timeout):
    from elasticsearch import Elasticsearch

    # Few retries: a search request must fall back to the database quickly, not hang.
    return Elasticsearch(url, request_timeout=timeout, max_retries=1, retry_on_timeout=False)


def get_client():
    """The configured client, or raise SearchUnavailable when no ELASTICSEARCH_URL is set."""
    if not settings.ELASTICSEARCH_URL:
        raise SearchUnavailable("ELASTICSEARCH_URL ist nicht gesetzt.")
    return _client_for(settings.ELASTICSEARCH_URL, settings.SEARCH_ES_TIMEOUT)


def search_timeout():
    """The connect and read timeouts of the search path (settings, from the environment)."""
    return urllib3.Timeout(
        connect=getattr(settings, "SEARCH_ES_CONNECT_TIMEOUT", 0.5),
        read=getattr(settings, "SEARCH_ES_READ_TIMEOUT", 2.0),
    )


def server_timeout():
    """Elasticsearch's own time limit for one search ("500ms"): past it the node returns what
    it collected so far with `timed_out: true` instead of working on."""
    return getattr(settings, "SEARCH_ES_SERVER_TIMEOUT", "500ms")


@lru_cache(maxsize=8)
def _with_timeout(client, connect, read):
    return client.options(request_timeout=urllib3.Timeout(connect=connect, read=read))


def for_search(client=None):
    """`client` (default: the configured one) with the short timeouts of the search path."""
    timeout = search_timeout()
    return _with_timeout(client or get_client(), timeout.connect_timeout, timeout.read_timeout)


def ping():
    """(reachable, detail) without raising; used by /health/ and by backend selection."""
    if not settings.ELASTICSEARCH_URL:
        return False, "nicht konfiguriert"
    try:
        # Not info() ("GET /"): that endpoint lives in the rest-root module, which minimal
        # distributions such as the integ-test-zip do not ship.
        nodes = for_search().nodes.info(node_id="_local", metric="_none", filter_path="nodes.*.version")
    except Exception as exc:  # noqa: BLE001 - any transport or HTTP error means "not reachable" here
        return False, f"{type(exc).__name__}: {exc}"[:300]
    versions = [node.get("version", "") for node in nodes.get("nodes", {}).values()]
    return True, versions[0] if versions else ""
