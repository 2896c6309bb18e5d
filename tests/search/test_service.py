"""Backend choice, outage fallback and the synonym cache (search/service.py)."""

import pytest

from search import reference, service
from search.backends.database import index as fallback_index
from search.backends.elasticsearch import client
from search.query import QueryError, SearchQuery
from tests.search.factories import index_in_elasticsearch, make_page, tag

ARNSBERG = "05958004"


@pytest.fixture
def indexed_page(site_tree):
    page = make_page(ARNSBERG, "Digitale Sitzungen", "Der Rat tagt papierlos.")
    fallback_index.upsert_entry(page)
    return page


@pytest.fixture(autouse=True)
def fresh_state():
    service.reset_backend_state()
    service.invalidate_synonyms()
    yield
    service.reset_backend_state()
    service.invalidate_synonyms()
    client._client_for.cache_clear()


def query(**params):
    return SearchQuery.from_params(params, reference.get())


def test_without_elasticsearch_the_database_answers_without_warning(settings, indexed_page):
    settings.ELASTICSEARCH_URL = None
    results = service.search(query(q="Sitzungen"))
    assert (results.backend, results.degraded) == ("database", False)
    assert [hit.id for hit in results.results] == [indexed_page.pk]
    assert service.active_backend_name() == "database"


def test_elasticsearch_down_falls_back_and_remembers_the_outage(settings, indexed_page, monkeypatch):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # discard port: nothing listens
    client._client_for.cache_clear()
    attempts = []
    real = service.elasticsearch_backend

    def counting_backend():
        attempts.append(1)
        return real()

    monkeypatch.setattr(service, "elasticsearch_backend", counting_backend)
    results = service.search(query(q="Sitzungen"))
    assert (results.backend, results.degraded) == ("database", True)
    assert results.to_dict()["degraded"] is True
    assert [hit.id for hit in results.results] == [indexed_page.pk]
    # the next requests do not wait for the dead node again
    assert service.search(query(q="Rat")).degraded is True
    assert service.suggest("Digi") and service.active_backend_name() == "database"
    assert len(attempts) == 1


def test_elasticsearch_configured_but_index_missing_falls_back(settings, elasticsearch, indexed_page):
    results = service.search(query(q="Sitzungen"))
    assert (results.backend, results.degraded) == ("database", True)


def test_elasticsearch_answers_when_reachable(elasticsearch, indexed_page):
    from django.conf import settings

    from search.backends.elasticsearch import index

    index.ensure_index(elasticsearch, settings.SEARCH_INDEX_ALIAS)
    index_in_elasticsearch(elasticsearch, [indexed_page])
    results = service.search(query(q="Sitzungen"))
    assert (results.backend, results.degraded) == ("elasticsearch", False)
    assert [hit.id for hit in results.results] == [indexed_page.pk]


def test_page_past_the_end(settings, indexed_page):
    settings.ELASTICSEARCH_URL = None
    with pytest.raises(QueryError) as info:
        service.search(query(q="Sitzungen", page="2"))
    assert info.value.param == "page" and "1 Seite" in info.value.message


def test_synonym_cache_follows_tag_changes(db):
    assert not service.synonym_map().expand_term("partizipation")
    beteiligung = tag("Bürgerbeteiligung", synonyms=["Partizipation"])
    assert service.synonym_map().expand_term("partizipation")
    beteiligung.synonyms = ""
    beteiligung.save()
    assert not service.synonym_map().expand_term("partizipation")
    beteiligung.synonyms = "Partizipation"
    beteiligung.save()
    beteiligung.delete()
    assert not service.synonym_map().expand_term("partizipation")


def test_suggest_ignores_control_characters_and_short_input(settings, indexed_page):
    settings.ELASTICSEARCH_URL = None
    assert service.suggest("D") == []
    assert service.suggest("\x00Digi\x1b") and service.suggest("Digi" * 100) == []
