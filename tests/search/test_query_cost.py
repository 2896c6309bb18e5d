"""What one anonymous query may cost (issue 16): typo tolerance bounded per query and per
word, a server-side time limit on every search request, and a timed-out answer served as
degraded instead of an error or a second, more expensive request."""

import random
import string

import pytest

from search import analysis, reference, service
from search.backends.elasticsearch import ElasticsearchBackend, ElasticsearchQueryBuilder
from search.query import SearchQuery
from tests.search.factories import index_in_elasticsearch, make_page

ARNSBERG = "05958004"


def _random_words(count, length, seed=7):
    rng = random.Random(seed)
    return " ".join("".join(rng.choice(string.ascii_lowercase) for _ in range(length)) for _ in range(count))


# -- the bounds, without a node -------------------------------------------------------------
def test_long_words_get_no_typo_tolerance():
    assert analysis.max_edits_for("strassenbeleuchtnug") == 2
    assert analysis.max_edits_for("x" * (analysis.MAX_FUZZY_WORD_CHARS + 1)) == 0
    assert analysis.similar_terms("a" * 40, ["a" * 39, "a" * 41]) == []


def test_at_most_three_unknown_words_of_a_query_are_typos():
    lexicon = analysis.Lexicon(["Straßenbeleuchtung", "Bürgerbus"])
    parsed = analysis.analyze_query(_random_words(12, 12) + " Straßenbeleuchtung OZG 2024")
    unknown = lexicon.unknown_words(parsed.groups)
    assert len(unknown) == analysis.MAX_FUZZY_WORDS == 3
    assert unknown == {g.surface for g in parsed.groups[:3]}  # the first ones, in query order
    assert lexicon.unknown_words(analysis.analyze_query("Strassenbeleuchtnug Buergrbus").groups) == {
        "Strassenbeleuchtnug",
        "Buergrbus",
    }


def test_did_you_mean_looks_up_at_most_three_words(monkeypatch):
    lexicon = analysis.Lexicon(["Straßenbeleuchtung", "Bürgerbus"])
    looked_up = []
    original = lexicon.correct
    monkeypatch.setattr(lexicon, "correct", lambda surface: looked_up.append(surface) or original(surface))
    assert analysis.suggest("Strassenbeleuchtnug", lexicon) == "Straßenbeleuchtung"
    looked_up.clear()
    analysis.suggest(_random_words(20, 10), lexicon)
    assert len(looked_up) == analysis.MAX_FUZZY_WORDS


@pytest.mark.django_db
def test_every_search_request_carries_the_server_side_timeout(settings):
    settings.SEARCH_ES_SERVER_TIMEOUT = "300ms"
    for params in ({}, {"q": "Straßenbeleuchtung"}, {"q": "Strassenbeleuchtnug", "near": ARNSBERG, "sort": "distance"}):
        query = SearchQuery.from_params(params, reference.get())
        parsed = analysis.analyze_query(query.q) if query.q else None
        for fuzzy in (False, True):
            body = ElasticsearchQueryBuilder(query, parsed, fuzzy=fuzzy).build()
            assert body["timeout"] == "300ms"
            assert "terminate_after" not in body  # it would falsify totals, facets and ranking


def test_a_malformed_server_timeout_is_refused_at_start():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={"DJANGO_SETTINGS_MODULE": "config.settings.test", "SEARCH_ES_SERVER_TIMEOUT": "eine Minute", "PATH": ""},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0 and "SEARCH_ES_SERVER_TIMEOUT" in result.stderr


# -- on the real node -------------------------------------------------------------------------
class _TimingOut:
    """The real test node, except that every search reports that it hit the server-side time
    limit: what a node under an expensive query answers, which a small test index never does."""

    def __init__(self, es):
        self._es = es
        self.bodies = []

    def options(self, **_options):
        return self

    def search(self, **kwargs):
        self.bodies.append(kwargs.get("body"))
        response = self._es.search(**kwargs)
        body = dict(response.body)
        body["timed_out"] = True
        return body

    def __getattr__(self, name):
        return getattr(self._es, name)


@pytest.fixture
def indexed(elasticsearch, site_tree):
    from django.conf import settings

    from search.backends.elasticsearch import index

    index.ensure_index(elasticsearch, settings.SEARCH_INDEX_ALIAS)
    pages = [
        make_page(ARNSBERG, "Smarte Straßenbeleuchtung", "Sensoren schalten die Laternen."),
        make_page(ARNSBERG, "Bürgerbus im Dorf", "Ehrenamtliche fahren den Bus."),
    ]
    index_in_elasticsearch(elasticsearch, pages)
    service.reset_backend_state()
    return elasticsearch


def test_a_timed_out_answer_is_served_degraded_without_a_fuzzy_retry(indexed):
    timing_out = _TimingOut(indexed)
    backend = ElasticsearchBackend(client=timing_out)
    found = service.search(SearchQuery.from_params({"q": "Straßenbeleuchtung"}, reference.get()), backend=backend)
    assert found.backend == "elasticsearch" and found.degraded is True
    assert [h.title for h in found.results] == ["Smarte Straßenbeleuchtung"]
    searches = len(timing_out.bodies)
    # unknown words that nothing matches: normally a fuzzy retry would follow
    nothing = service.search(SearchQuery.from_params({"q": "Xylofon Zwiebelkuchen"}, reference.get()), backend=backend)
    assert nothing.degraded is True and nothing.total == 0
    assert len(timing_out.bodies) == searches + 1  # no second, fuzzy request


def test_the_typo_retry_fuzzes_at_most_three_words(indexed):
    backend = ElasticsearchBackend(client=indexed)
    parsed = analysis.analyze_query("Strassenbeleuchtnug " + _random_words(10, 14))
    unknown = backend.unknown_words(parsed)
    assert len(unknown) == 3 and "Strassenbeleuchtnug" in unknown
    query = SearchQuery.from_params({"q": "Strassenbeleuchtnug"}, reference.get())
    found = service.search(query, backend=backend)
    assert [h.title for h in found.results] == ["Smarte Straßenbeleuchtung"]  # typos still forgiven
    assert found.degraded is False
