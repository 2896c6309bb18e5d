"""Shared fixtures: reference data and page tree, real services, per-test search indices.

Services are started by `scripts/services.sh` (called by `make test`), which exports
DATABASE_URL (PostgreSQL) and ELASTICSEARCH_TEST_URL. Without them a test that needs a service
is skipped locally and FAILS under CI=true, so a missing service can never pass silently.
"""

import os
import socket
import uuid

import pytest
from django.db import connection

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require_service(name, available, hint):
    if available:
        return
    message = f"{name} is not available ({hint})"
    if IN_CI:
        pytest.fail(message + " – in CI every service must run", pytrace=False)
    pytest.skip(message)  # only outside CI; under CI=true the line above fails the test


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Migrations load the municipalities and topics; the page tree is created once here."""
    from wiki.site_setup import ensure_page_tree

    with django_db_blocker.unblock():
        ensure_page_tree()


@pytest.fixture
def site_tree(db):
    """The home page (root of the default site) with the municipality pages below it."""
    from home.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def postgres(db):
    require_service("PostgreSQL", connection.vendor == "postgresql", "set DATABASE_URL to a PostgreSQL database")
    return connection


@pytest.fixture(scope="session")
def elasticsearch_url():
    url = os.environ.get("ELASTICSEARCH_TEST_URL")
    require_service("Elasticsearch", bool(url), "set ELASTICSEARCH_TEST_URL, e.g. via scripts/services.sh")
    return url


@pytest.fixture
def elasticsearch(settings, elasticsearch_url):
    """Points the site at the test node with a fresh alias name; deletes its indices after."""
    from search.backends.elasticsearch import client

    prefix = f"test-{os.environ.get('TEST_INDEX_PREFIX', 'tw')}-{uuid.uuid4().hex[:10]}"
    settings.ELASTICSEARCH_URL = elasticsearch_url
    settings.SEARCH_INDEX_ALIAS = prefix
    client._client_for.cache_clear()
    es = client.get_client()
    yield es
    es.options(ignore_status=404).indices.delete(index=f"{prefix}*", expand_wildcards="all")
    client._client_for.cache_clear()


@pytest.fixture
def closed_port():
    """A local port nobody listens on (bound, then released): where a setting points to
    make a real service unreachable without mocking it."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pytest_collection_modifyitems(config, items):
    """Mark tests by the services their fixtures need, so `make test` can run the rest on SQLite."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & {"elasticsearch", "elasticsearch_url"}:
            item.add_marker(pytest.mark.elasticsearch)
        if "postgres" in names:
            item.add_marker(pytest.mark.postgres)
