"""Shared helpers of the sync, rebuild, drift and command tests (real Elasticsearch node)."""

import socket
from contextlib import contextmanager

import pytest
from django.conf import settings

from search import outage
from search.backends.elasticsearch import client
from search.backends.elasticsearch.index import ensure_index
from search.models import IndexTask

ARNSBERG, OLPE, SOEST, BRILON = "05958004", "05966024", "05974040", "05958012"


class Index:
    """The test node seen through the alias of this test."""

    def __init__(self, es, capture):
        self.es = es
        self._capture = capture

    @property
    def alias(self):
        return settings.SEARCH_INDEX_ALIAS

    @contextmanager
    def committing(self):
        """Run the after-commit hooks of what happens inside (as a real commit would)."""
        with self._capture(execute=True):
            yield

    def refresh(self):
        self.es.indices.refresh(index=self.alias)

    def source(self, page):
        self.refresh()
        page_id = page if isinstance(page, int) else page.pk
        response = self.es.options(ignore_status=404).get(index=self.alias, id=str(page_id))
        return response.get("_source") if response.get("found") else None

    def ids(self):
        self.refresh()
        hits = self.es.search(index=self.alias, query={"match_all": {}}, size=1000, _source=False)["hits"]["hits"]
        return {int(hit["_id"]) for hit in hits}

    def count(self):
        self.refresh()
        return self.es.count(index=self.alias)["count"]


@pytest.fixture
def index(elasticsearch, site_tree, django_capture_on_commit_callbacks, settings):
    settings.SEARCH_SYNC_INLINE_TIMEOUT = 10  # a busy test machine must not look like an outage
    ensure_index(elasticsearch, settings.SEARCH_INDEX_ALIAS)
    from .factories import index_in_elasticsearch

    # Start equal to the database, so that "index == database" holds whatever else the test
    # database already contains.
    index_in_elasticsearch(elasticsearch, public_ids())

    outage.reset()
    yield Index(elasticsearch, django_capture_on_commit_callbacks)
    outage.reset()


def pending_tasks():
    return IndexTask.objects.filter(done_at__isnull=True)


def closed_port():
    """A local port nobody listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def elasticsearch_down(settings):
    """Point the site at a closed port, as if the node were stopped."""
    url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{closed_port()}"
    client._client_for.cache_clear()
    try:
        yield
    finally:
        settings.ELASTICSEARCH_URL = url
        client._client_for.cache_clear()
        outage.reset()


def public_ids():
    from wiki.models import KnowledgePage

    return set(KnowledgePage.objects.live().public().values_list("pk", flat=True))


def publish(page, **changes):
    """Publish a new revision of `page` with `changes`, as an editor's save and publish would."""
    page = page.specific_class.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page
