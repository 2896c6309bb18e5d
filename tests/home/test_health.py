import pytest

TOKEN = "monitoring-token"


@pytest.fixture(autouse=True)
def health_token(settings):
    settings.HEALTH_TOKEN = TOKEN


def details(client):
    """/health/ as the monitoring system sees it (with the token: all details)."""
    return client.get("/health/", HTTP_X_HEALTH_TOKEN=TOKEN)


@pytest.mark.django_db
def test_health_reports_database_and_fallback_search_without_elasticsearch(client, settings):
    settings.ELASTICSEARCH_URL = None
    response = details(client)
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] is True
    assert body["search"] == {"configured": False, "active_backend": "database", "elasticsearch_reachable": False}
    assert response["Cache-Control"].startswith("max-age=0")


def test_health_reports_elasticsearch_reachable(client, elasticsearch):
    body = details(client).json()
    assert body["search"]["active_backend"] == "elasticsearch"
    assert body["search"]["elasticsearch_reachable"] is True
    assert body["search"]["detail"].startswith("8.")
    assert body["degraded"] is False


@pytest.mark.django_db
def test_health_is_degraded_but_serving_when_elasticsearch_is_down(client, settings, closed_port):
    from search.backends.elasticsearch import client as es_client

    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{closed_port}"
    es_client._client_for.cache_clear()
    response = details(client)
    assert response.status_code == 200  # pages and the database fallback still work
    body = response.json()
    assert body["status"] == "degraded"
    assert body["degraded"] is True
    assert body["search"]["configured"] is True
    assert body["search"]["elasticsearch_reachable"] is False
    assert body["search"]["active_backend"] == "database"


def test_health_on_postgresql(client, postgres):
    body = details(client).json()
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


@pytest.mark.django_db
def test_anonymous_visitors_get_only_the_status(client, settings, closed_port):
    from search.backends.elasticsearch import client as es_client

    settings.ELASTICSEARCH_URL = f"http://elastic:secret@127.0.0.1:{closed_port}"
    es_client._client_for.cache_clear()
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded"}
    assert b"127.0.0.1" not in response.content and b"secret" not in response.content
    assert client.get("/health/", HTTP_X_HEALTH_TOKEN="falsch").json() == {"status": "degraded"}
    es_client._client_for.cache_clear()


@pytest.mark.django_db
def test_staff_see_the_details(client, settings, django_user_model):
    settings.ELASTICSEARCH_URL = None
    client.force_login(django_user_model.objects.create_user("technik", password="pw", is_staff=True))
    body = client.get("/health/").json()
    assert body["database"]["ok"] is True and body["search"]["active_backend"] == "database"
