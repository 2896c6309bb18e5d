"""A real three-node cluster (tests/search/cluster.py): the index keeps a replica through every
rebuild, and no update is lost while nodes stop and start again, also not the updates made
during a rebuild or while the node the site talks to is down (they wait in the outbox).

Takes about four and a half minutes on two shared cores (three node starts, two restarts),
so it runs in `make test-cluster` (part of `make bench`), not in `make test`. Without the
Elasticsearch distribution it is skipped locally and fails under CI=true.
"""

import uuid
from io import StringIO

import pytest
from django.core.management import call_command

from search import outage
from search.backends.elasticsearch import client
from search.backends.elasticsearch.index import alias_targets, ensure_index
from search.backends.elasticsearch.rebuild import rebuild
from search.models import IndexTask
from tests.conftest import require_service
from tests.search.cluster import Cluster, elasticsearch_home
from tests.search.factories import make_page
from tests.search.sync_helpers import ARNSBERG, OLPE, SOEST, public_ids, publish

pytestmark = [pytest.mark.cluster, pytest.mark.elasticsearch, pytest.mark.slow]


def _copies(es, alias):
    """{shard number: [(primary?, state, node), ...]} of the index behind `alias`."""
    name = alias_targets(es, alias)[0]
    copies = {}
    for row in es.cat.shards(index=name, format="json", h="shard,prirep,state,node"):
        copies.setdefault(row["shard"], []).append((row["prirep"] == "p", row["state"], row["node"]))
    return copies


def _assert_redundant(es, alias, nodes):
    """Every shard has a started primary and a started replica on another node."""
    name = alias_targets(es, alias)[0]
    assert es.cluster.health(index=name, wait_for_status="green", timeout="60s")["status"] == "green"
    settings_ = es.indices.get_settings(index=name, flat_settings=True)[name]["settings"]
    assert settings_["index.auto_expand_replicas"] == "0-1" and settings_["index.number_of_replicas"] == "1"
    for shard, copies in _copies(es, alias).items():
        assert sorted(primary for primary, _state, _node in copies) == [False, True], shard
        assert {state for _primary, state, _node in copies} == {"STARTED"}, shard
        assert len({node for *_rest, node in copies}) == 2 and {node for *_rest, node in copies} <= nodes


def _indexed(es, alias):
    es.indices.refresh(index=alias)
    hits = es.search(index=alias, query={"match_all": {}}, size=1000, _source=["title"])["hits"]["hits"]
    return {int(hit["_id"]): hit["_source"]["title"] for hit in hits}


def _expected():
    from wiki.models import KnowledgePage

    return dict(KnowledgePage.objects.live().public().values_list("pk", "title"))


def test_rebuild_and_publishing_while_nodes_stop_and_start(site_tree, settings, django_capture_on_commit_callbacks):
    require_service("Elasticsearch distribution", elasticsearch_home() is not None, "run scripts/services.sh install")
    settings.SEARCH_SYNC_INLINE_TIMEOUT = 10
    settings.SEARCH_INDEX_REPLICAS = "0-1"
    settings.SEARCH_INDEX_ALIAS = alias = f"cluster-{uuid.uuid4().hex[:8]}"
    committing = lambda: django_capture_on_commit_callbacks(execute=True)  # noqa: E731

    with Cluster() as cluster:
        first, second, third = cluster.nodes
        settings.ELASTICSEARCH_URL = first.url
        client._client_for.cache_clear()
        outage.reset()
        es = client.get_client().options(request_timeout=90)
        try:
            ensure_index(es, alias)
            with committing():
                pages = [make_page((ARNSBERG, OLPE, SOEST)[n % 3], f"Clusterseite {n}") for n in range(12)]
            rebuild(es, batch_size=4, grace_seconds=0)
            _assert_redundant(es, alias, {first.name, second.name, third.name})

            # A node leaves in the middle of a rebuild; editors keep publishing.
            state = {}

            def node_leaves_while_editors_work(done):
                if state:
                    return
                third.stop()
                with committing():
                    state["new"] = make_page(ARNSBERG, "Veröffentlicht während Knoten 3 fehlt")
                    state["edited"] = publish(pages[0], title="Geändert während Knoten 3 fehlt")

            result = rebuild(es, batch_size=4, grace_seconds=0, fault=node_leaves_while_editors_work)
            assert not result.replicas_missing  # two nodes still hold primary and replica
            _assert_redundant(es, alias, {first.name, second.name})
            assert _indexed(es, alias) == _expected()

            # It comes back; then the node the site talks to goes away: updates wait in the outbox.
            third.start()
            cluster.wait_for(nodes=3, status="green")
            first.stop()
            cluster.wait_for(nodes=2, status="yellow")  # (asked through a remaining node)
            with committing():
                state["while_down"] = make_page(OLPE, "Veröffentlicht während Knoten 1 fehlt")
                publish(pages[1], title="Geändert während Knoten 1 fehlt")
            waiting = IndexTask.objects.filter(done_at__isnull=True)
            assert set(waiting.values_list("page_id", flat=True)) >= {state["while_down"].pk, pages[1].pk}

            first.start()
            cluster.wait_for(nodes=3, status="green")
            call_command("search_sync", stdout=StringIO(), stderr=StringIO())
            assert not waiting.exists()
            indexed = _indexed(es, alias)
            assert indexed == _expected() and set(indexed) == public_ids()
            assert indexed[state["new"].pk] == "Veröffentlicht während Knoten 3 fehlt"
            assert indexed[pages[0].pk] == "Geändert während Knoten 3 fehlt"
            assert indexed[pages[1].pk] == "Geändert während Knoten 1 fehlt"

            # And a last rebuild on the full cluster: still a replica.
            rebuild(es, grace_seconds=0)
            _assert_redundant(es, alias, {first.name, second.name, third.name})
            assert _indexed(es, alias) == _expected()
        finally:
            client._client_for.cache_clear()
            outage.reset()
