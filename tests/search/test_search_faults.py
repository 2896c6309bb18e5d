"""A hanging Elasticsearch must not freeze the site (issue 16): a node that accepts
connections and never answers (bench/faults.py) costs the site one slow request per outage
interval, shared by all workers, and every search meanwhile is answered by the database,
marked degraded."""

from datetime import timedelta

import pytest
from django.utils import timezone

from bench.faults import HangingNode
from search import outage, service
from search.backends.database import index as fallback_index
from search.backends.elasticsearch import client as es_client
from search.models import BackendOutage
from tests.search.factories import make_page

ARNSBERG = "05958004"
CONNECT, READ = 0.5, 1.0
# A request that waits for the hanging node costs connect + read timeout plus the fallback's
# own work; "twice the timeouts" is a generous bound that only a blocked worker exceeds.
BOUND = 2 * (CONNECT + READ)


def _forget_locally():
    """What a second gunicorn worker knows: nothing of this process's memory."""
    with outage._lock:
        outage._down.clear()
        outage._read_at.clear()
        outage._probing.clear()


@pytest.fixture
def hanging(settings, site_tree):
    fallback_index.upsert_entry(make_page(ARNSBERG, "Smarte Straßenbeleuchtung", "Sensoren schalten die Laternen."))
    with HangingNode() as node:
        settings.ELASTICSEARCH_URL = node.url
        settings.SEARCH_ES_CONNECT_TIMEOUT = CONNECT
        settings.SEARCH_ES_READ_TIMEOUT = READ
        es_client._client_for.cache_clear()
        es_client._with_timeout.cache_clear()
        service.reset_backend_state()
        yield node
        service.reset_backend_state()
        es_client._client_for.cache_clear()
        es_client._with_timeout.cache_clear()


def _search(client, path="/api/search/", **params):
    import time

    started = time.monotonic()
    response = client.get(path, {"q": "Straßenbeleuchtung", **params})
    return response, time.monotonic() - started


def test_a_hanging_node_costs_one_slow_request_per_interval_for_all_workers(client, hanging):
    durations = []
    for _ in range(15):
        response, seconds = _search(client)
        durations.append(seconds)
        body = response.json()
        assert response.status_code == 200
        assert body["backend"] == "database" and body["degraded"] is True
        assert body["total"] == 1
    assert hanging.requests == 1  # only the first search waited for the node
    assert max(durations) < BOUND

    # A second worker (no memory of its own) learns of the outage from the shared table.
    _forget_locally()
    response, seconds = _search(client)
    assert response.json()["degraded"] is True and seconds < BOUND
    assert hanging.requests == 1

    # The interval has passed: one worker tries the node again, the others keep away.
    BackendOutage.objects.update(down_until=timezone.now() - timedelta(seconds=1))
    _forget_locally()
    response, seconds = _search(client)  # this worker wins the claim and probes
    assert response.json()["degraded"] is True and seconds < BOUND
    assert hanging.requests == 2
    _forget_locally()
    for _ in range(5):
        assert _search(client)[0].json()["degraded"] is True
    assert hanging.requests == 2
    assert BackendOutage.objects.get(name="elasticsearch").down_until > timezone.now()


def test_the_search_page_and_autocomplete_keep_answering(client, hanging):
    page, seconds = _search(client, path="/suche/")
    assert page.status_code == 200 and seconds < BOUND
    assert "Notbetrieb" in page.content.decode()
    suggest = client.get("/api/search/suggest/", {"q": "Straßenbel"})
    assert suggest.status_code == 200
    assert [s["text"] for s in suggest.json()["suggestions"]] == ["Smarte Straßenbeleuchtung"]
    assert hanging.requests == 1


def test_a_worker_that_probed_successfully_clears_the_outage_for_everyone(db):
    outage.reset()
    outage.mark_down("elasticsearch", "Zeitüberschreitung", 10)
    assert BackendOutage.objects.filter(name="elasticsearch").exists()
    _forget_locally()
    assert outage.is_down("elasticsearch")  # read from the shared row
    BackendOutage.objects.update(down_until=timezone.now() - timedelta(seconds=1))
    _forget_locally()
    assert not outage.is_down("elasticsearch")  # this worker claims the probe
    _forget_locally()
    assert outage.is_down("elasticsearch")  # another worker waits for it
    outage._probing.add("elasticsearch")  # back in the probing worker: the node answered
    outage.mark_up("elasticsearch")
    assert not BackendOutage.objects.exists()
    _forget_locally()
    assert not outage.is_down("elasticsearch")


def test_a_healthy_site_reads_the_shared_row_at_most_once_per_interval(db, django_assert_max_num_queries):
    outage.reset()
    with django_assert_max_num_queries(1):
        for _ in range(50):
            assert not outage.is_down("elasticsearch")
