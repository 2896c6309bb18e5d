import socket

import pytest


def closed_port():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


@pytest.mark.django_db
def test_health_reports_database_and_fallback_search_without_elasticsearch(client, settings):
    settings.ELASTICSEARCH_URL = None
    response = client.get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] is True
    assert body["search"] == {"configured": False, "active_backend": "database", "elasticsearch_reachable": False}
    assert response["Cache-Control"].startswith("max-age=0")


def test_health_reports_elasticsearch_reachable(client, elasticsearch):
    body = client.get("/health/").json()
    assert body["search"]["active_backend"] == "elasticsearch"
    assert body["search"]["elasticsearch_reachable"] is True
    assert body["search"]["detail"].startswith("8.")
    assert body["degraded"] is False


@pytest.mark.django_db
def test_health_is_degraded_but_serving_when_elasticsearch_is_down(client, settings):
    from search.backends.elasticsearch import client as es_client

    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{closed_port()}"
    es_client._client_for.cache_clear()
    response = client.get("/health/")
    assert response.status_code == 200  # pages and the database fallback still work
    body = response.json()
    assert body["status"] == "degraded"
    assert body["degraded"] is True
    assert body["search"]["configured"] is True
    assert body["search"]["elasticsearch_reachable"] is False
    assert body["search"]["active_backend"] == "database"


def test_health_on_postgresql(client, postgres):
    body = client.get("/health/").json()
    assert body["database"] == {"ok": True, "vendor": "postgresql"}


@pytest.mark.django_db
def test_health_is_503_when_the_database_is_unavailable(client, monkeypatch):
    # A real database outage cannot be produced inside the test transaction; break the cursor.
    from django.db import connection

    def broken_cursor(*args, **kwargs):
        raise ConnectionError("database gone")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
