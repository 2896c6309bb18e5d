"""The search backends and which of them this installation runs.

The database backend is always there (it answers when Elasticsearch is not configured or not
reachable); Elasticsearch is added when ELASTICSEARCH_URL is set. The outbox writes to every
configured backend, search_check and search_status ask every one.
"""

from django.conf import settings


def database_backend():
    from .database import DatabaseBackend  # imports the ORM models

    return DatabaseBackend()


def elasticsearch_backend(**options):
    from .elasticsearch import ElasticsearchBackend

    return ElasticsearchBackend(**options)


def elasticsearch_configured():
    return bool(settings.ELASTICSEARCH_URL)


def configured_backends():
    """Every backend this installation keeps an index for: the database first (local, so it
    never waits for a remote node), then Elasticsearch when configured."""
    backends = [database_backend()]
    if elasticsearch_configured():
        backends.append(elasticsearch_backend())
    return backends


def by_name(name):
    if name == "elasticsearch":
        return elasticsearch_backend()
    if name == "database":
        return database_backend()
    raise ValueError(f"unknown search backend {name!r}")
