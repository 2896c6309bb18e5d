"""Shards and replicas of the Elasticsearch index come from settings (SEARCH_INDEX_SHARDS,
SEARCH_INDEX_REPLICAS, default auto_expand_replicas "0-1") and survive every rebuild, on the
real node; a cluster with too few nodes for them is reported, not hidden."""

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command

from search.backends.elasticsearch.index import alias_targets
from search.backends.elasticsearch.rebuild import rebuild
from tests.search.factories import make_page
from tests.search.sync_helpers import ARNSBERG

SHAPE = "index.number_of_*,index.auto_expand_replicas"


def _shape(es, alias):
    name = alias_targets(es, alias)[0]
    values = es.indices.get_settings(index=name, name=SHAPE, flat_settings=True)[name]["settings"]
    return {key.removeprefix("index."): value for key, value in values.items()}, es.cluster.health(index=name)["status"]


def _run(name, *args):
    out = StringIO()
    call_command(name, *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.mark.elasticsearch
def test_new_and_rebuilt_indices_expand_to_one_replica_by_default(index):
    with index.committing():
        make_page(ARNSBERG, "Replikate im Cluster")
    shape, health = _shape(index.es, index.alias)  # created by ensure_index
    assert shape == {"number_of_shards": "1", "number_of_replicas": "0", "auto_expand_replicas": "0-1"}
    assert health == "green"  # a single node: no replica to place, so no yellow index
    for _ in range(2):
        result = rebuild(grace_seconds=0)
        shape, health = _shape(index.es, index.alias)
        assert shape["auto_expand_replicas"] == "0-1" and shape["number_of_shards"] == "1" and health == "green"
        assert not result.replicas_missing
    status = _run("search_status")
    assert "Shards/Replikate:        1 / 0 (konfiguriert 0-1, Zustand green)" in status
    assert "Replikate" not in "".join(line for line in status.splitlines() if line.startswith("WARNUNG"))


@pytest.mark.elasticsearch
def test_a_fixed_number_of_shards_and_replicas_is_kept_by_the_rebuild(index, settings):
    settings.SEARCH_INDEX_SHARDS = 2
    settings.SEARCH_INDEX_REPLICAS = "0"
    with index.committing():
        make_page(ARNSBERG, "Zwei Shards")
    out = _run("search_rebuild")
    shape, health = _shape(index.es, index.alias)
    assert shape == {"number_of_shards": "2", "number_of_replicas": "0", "auto_expand_replicas": "false"}
    assert "Shards und Replikate: 2 Shard(s), 0 Replikat(e)." in out
    assert index.ids()  # the documents are there


@pytest.mark.elasticsearch
def test_replicas_the_cluster_cannot_place_are_reported(index, settings):
    with index.committing():
        make_page(ARNSBERG, "Zu wenige Knoten")
    settings.SEARCH_INDEX_REPLICAS = "1"
    settings.SEARCH_REBUILD_REPLICA_WAIT = 0.5
    out = _run("search_rebuild")
    shape, health = _shape(index.es, index.alias)
    assert shape["number_of_replicas"] == "1" and health == "yellow"
    assert "WARNUNG: Nicht alle Replikate sind verteilt" in out
    assert "WARNUNG: Der Index ist yellow: nicht alle Replikate sind verteilt" in _run("search_status")
    settings.SEARCH_INDEX_REPLICAS = "0-1"
    assert "konfiguriert sind 1 und 0-1" in _run("search_status")
    # (the fixture deletes the yellow index at once: the shared test node stays green)


def _settings(**env):
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.SEARCH_INDEX_SHARDS, settings.SEARCH_INDEX_REPLICAS)"
    )
    environment = {k: v for k, v in os.environ.items() if not k.startswith("SEARCH_INDEX_")}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.test", **env)
    return subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True, timeout=60)


def test_shards_and_replicas_come_from_the_environment():
    assert _settings().stdout.split() == ["1", "0-1"]
    assert _settings(SEARCH_INDEX_SHARDS="3", SEARCH_INDEX_REPLICAS="0-all").stdout.split() == ["3", "0-all"]
    refused = _settings(SEARCH_INDEX_REPLICAS="viele")
    assert refused.returncode != 0 and "SEARCH_INDEX_REPLICAS muss eine Zahl" in refused.stderr
