"""Index creation, mapping and bulk writes on the real Elasticsearch node
(search/backends/elasticsearch/index.py and mapping.py)."""

import pytest
from django.conf import settings

from search.backends.elasticsearch import index
from search.backends.elasticsearch.mapping import MAPPING_VERSION
from search.documents import build_documents_by_id
from tests.search.factories import index_in_elasticsearch, make_page

ARNSBERG, OLPE = "05958004", "05966024"


def test_ensure_index_creates_an_alias_to_a_versioned_index(elasticsearch):
    alias = settings.SEARCH_INDEX_ALIAS
    assert index.alias_target(elasticsearch, alias) is None
    name = index.ensure_index(elasticsearch, alias)
    assert name.startswith(alias + "-")
    assert index.alias_target(elasticsearch, alias) == name
    assert index.ensure_index(elasticsearch, alias) == name  # idempotent
    assert index.mapping_version(elasticsearch, alias) == MAPPING_VERSION
    mapping = elasticsearch.indices.get_mapping(index=alias).body[name]["mappings"]["properties"]
    assert mapping["municipality"]["properties"]["location"]["type"] == "geo_point"
    assert mapping["title_terms"]["analyzer"] == "whitespace"
    assert mapping["tag_slugs"]["type"] == "keyword"


def test_text_analyzer_uses_only_core_analysis(elasticsearch):
    alias = settings.SEARCH_INDEX_ALIAS
    index.ensure_index(elasticsearch, alias)
    tokens = elasticsearch.indices.analyze(index=alias, analyzer="tw_text", text="Die Städte und der Kreis")
    assert [t["token"] for t in tokens["tokens"]] == ["städte", "kreis"]


def test_bulk_upsert_and_delete(elasticsearch, site_tree):
    alias = settings.SEARCH_INDEX_ALIAS
    target = index.ensure_index(elasticsearch, alias)
    pages = [make_page(ARNSBERG, "Digitale Parkraumbewirtschaftung"), make_page(OLPE, "Smarte Mülleimer")]
    outcome = index_in_elasticsearch(elasticsearch, pages)
    assert (len(outcome.indexed), outcome.failed) == (2, {})
    assert index.document_count(elasticsearch, alias) == 2
    source = elasticsearch.get(index=alias, id=str(pages[0].pk))["_source"]
    assert source["title"] == "Digitale Parkraumbewirtschaftung"

    # upsert replaces, delete of a missing id is not an error
    outcome = index.write_documents(elasticsearch, target, build_documents_by_id(pages[:1]))
    assert (len(outcome.indexed), outcome.failed) == (1, {})
    outcome = index.write_documents(elasticsearch, alias, {pages[1].pk: None, 999999: None})
    assert outcome.failed == {}
    elasticsearch.indices.refresh(index=alias)
    assert index.document_count(elasticsearch, alias) == 1


def test_bulk_upsert_reports_rejected_documents(elasticsearch, site_tree):
    alias = settings.SEARCH_INDEX_ALIAS
    index.ensure_index(elasticsearch, alias)
    bad = {"id": 1, "title": "Kaputt", "start_year": "kein Jahr"}
    outcome = index.write_documents(elasticsearch, alias, {1: bad})
    assert not outcome.indexed and len(outcome.failed) == 1
    assert "document_parsing_exception" in outcome.failed[1]


def test_ensure_index_refuses_a_plain_index_under_the_alias_name(elasticsearch):
    alias = settings.SEARCH_INDEX_ALIAS
    elasticsearch.indices.create(index=alias)
    with pytest.raises(RuntimeError):
        index.ensure_index(elasticsearch, alias)
