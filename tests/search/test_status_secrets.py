"""`search_status` never prints a password: ELASTICSEARCH_URL and every URL with credentials
in its output (text and --json) appear as `scheme://user:***@host`."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from search.backends.elasticsearch import client
from search.status import mask_secrets
from tests.search.sync_helpers import closed_port

PASSWORD = "S3cret-Kennwort"


def _status(*args):
    out = StringIO()
    call_command("search_status", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def _with_credentials(url):
    scheme, rest = url.split("://", 1)
    return f"{scheme}://betrieb:{PASSWORD}@{rest}"


@pytest.mark.elasticsearch
def test_status_of_a_reachable_node_masks_the_password(index, settings):
    plain = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = _with_credentials(plain)
    client._client_for.cache_clear()
    out = _status()
    assert "erreichbar" in out and "NICHT erreichbar" not in out
    assert f"Elasticsearch:           {plain.replace('://', '://betrieb:***@')} – erreichbar" in out
    assert PASSWORD not in out
    data = json.loads(_status("--json"))
    assert data["elasticsearch"]["url"] == plain.replace("://", "://betrieb:***@")
    assert PASSWORD not in json.dumps(data)


def test_status_of_an_unreachable_node_masks_the_password_in_every_line(site_tree, settings):
    settings.ELASTICSEARCH_URL = f"https://betrieb:{PASSWORD}@127.0.0.1:{closed_port()}"
    client._client_for.cache_clear()
    try:
        out = _status()
        data = _status("--json")
    finally:
        client._client_for.cache_clear()
    assert "NICHT erreichbar" in out and "betrieb:***@127.0.0.1" in out
    assert PASSWORD not in out and PASSWORD not in data


@pytest.mark.parametrize(
    "text, masked",
    [
        ("https://user:pw@es.example.org:9243", "https://user:***@es.example.org:9243"),
        (
            "Fehler bei http://a:b%40c@host/x und smtp://m:n@mail:587",
            "Fehler bei http://a:***@host/x und smtp://m:***@mail:587",
        ),
        ("https://:nur-kennwort@host", "https://:***@host"),
        ("http://host:9200/pfad und user@example.org", "http://host:9200/pfad und user@example.org"),
        ("ohne Adresse", "ohne Adresse"),
    ],
)
def test_mask_secrets(text, masked):
    assert mask_secrets(text) == masked
    assert mask_secrets({"a": [text]}) == {"a": [masked]}
