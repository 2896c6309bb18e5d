"""The one Elasticsearch client of the process, built from settings."""

from functools import lru_cache

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


def ping():
    """(reachable, detail) without raising; used by /health/ and by backend selection."""
    if not settings.ELASTICSEARCH_URL:
        return False, "nicht konfiguriert"
    try:
        # Not info() ("GET /"): that endpoint lives in the rest-root module, which minimal
        # distributions such as the integ-test-zip do not ship.
        nodes = get_client().options(request_timeout=2).nodes.info(node_id="_local", metric="_none", filter_path="nodes.*.version")
    except Exception as exc:  # any transport or HTTP error means "not reachable" here
        return False, f"{type(exc).__name__}: {exc}"[:300]
    versions = [node.get("version", "") for node in nodes.get("nodes", {}).values()]
    return True, versions[0] if versions else ""
