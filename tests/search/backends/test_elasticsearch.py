"""The Elasticsearch backend: the request it builds (no node needed) and ranking behaviour that
only Elasticsearch has to show (on the real test node)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.conf import settings

from search import analysis, reference
from search.backends.elasticsearch import ElasticsearchBackend, ElasticsearchQueryBuilder, index
from search.query import SearchQuery
from tests.search.factories import index_in_elasticsearch, make_page, tag

ARNSBERG, OLPE, SOEST = "05958004", "05966024", "05974040"


def build(params, fuzzy=False, synonyms=None):
    query = SearchQuery.from_params(params, reference.get())
    parsed = analysis.analyze_query(query.q, synonyms) if query.q else None
    now = datetime(2026, 1, 1, tzinfo=UTC)
    return ElasticsearchQueryBuilder(query, parsed, fuzzy=fuzzy, now=now).build()


def find(node, key):
    """All values of `key` anywhere in a nested request body."""
    found = []
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key:
                found.append(v)
            found.extend(find(v, key))
    elif isinstance(node, list):
        for item in node:
            found.extend(find(item, key))
    return found


# -- the request, without a node -----------------------------------------------------------
@pytest.mark.django_db
class TestQueryBuilder:
    def test_browse_is_match_all_newest_first(self):
        body = build({})
        assert body["query"] == {"match_all": {}}
        assert body["sort"][0] == {"sort_date": {"order": "desc", "missing": "_last"}}
        assert "post_filter" not in body
        assert (body["from"], body["size"], body["track_total_hits"]) == (0, 10, True)

    def test_pagination_sets_from_and_size(self):
        body = build({"page": "3", "page_size": "20"})
        assert (body["from"], body["size"]) == (40, 20)

    def test_selected_filters_go_to_post_filter_and_facets_skip_their_own(self):
        body = build({"type": ["case_study", "lesson"], "district": ["05958"], "tag": ["lorawan"]})
        assert body["post_filter"] == {
            "bool": {
                "filter": [
                    {"terms": {"type": ["case_study", "lesson"]}},
                    {"terms": {"municipality.district": ["05958"]}},
                    {"terms": {"tag_slugs": ["lorawan"]}},
                ]
            }
        }
        type_filter = body["aggs"]["facet_type"]["filter"]["bool"]["filter"]
        assert {"terms": {"type": ["case_study", "lesson"]}} not in type_filter
        assert {"terms": {"municipality.district": ["05958"]}} in type_filter
        assert {"terms": {"tag_slugs": ["lorawan"]}} in type_filter
        assert body["aggs"]["facet_phase"]["filter"]["bool"]["filter"] == body["post_filter"]["bool"]["filter"]
        assert set(body["aggs"]) == {
            f"facet_{k}" for k in ("type", "district", "municipality", "topic", "tag", "phase", "village", "area")
        }

    def test_radius_is_a_query_filter_that_also_narrows_facets(self):
        body = build({"near": ARNSBERG, "radius": "15"})
        geo = find(body["query"], "geo_distance")
        assert geo and geo[0]["distance"] == "15.0km"
        assert "post_filter" not in body

    def test_near_boosts_by_distance_and_distance_sort_uses_the_location(self):
        body = build({"q": "Sensoren", "near": ARNSBERG, "sort": "distance"})
        gauss = find(body["query"], "gauss")
        assert gauss and "municipality.location" in gauss[0]
        assert "_geo_distance" in body["sort"][0]
        assert not find(body["query"], "geo_distance")  # near alone never filters

    def test_half_the_content_words_are_required_and_fields_weighted(self):
        body = build({"q": "wie haben andere Städte smarte Straßenbeleuchtung mit Sensoren gebaut"})
        words = [
            b
            for b in find(body["query"], "bool")
            if "minimum_should_match" in b and all("_name" in c.get("bool", {}) for c in b["should"])
        ]
        # "wie haben andere Städte … mit" is filler; four content words, half of them required
        assert [b["minimum_should_match"] for b in words] == [2]
        assert [c["bool"]["_name"] for c in words[0]["should"]] == ["w0", "w1", "w2", "w3"]
        fields = find(body["query"], "fields")[0]
        assert "title_terms^3" in fields and "body_terms^1" in fields

    def test_compound_parts_are_required_together_and_weighted_lower(self):
        body = build({"q": "Straßenbeleuchtung"})
        cross = [m for m in find(body["query"], "multi_match") if m.get("type") == "cross_fields"]
        assert cross and cross[0]["operator"] == "and" and cross[0]["boost"] < 1
        assert set(cross[0]["query"].split()) >= {"beleucht"}

    def test_fuzziness_only_in_the_retry_and_never_for_acronyms(self):
        assert not find(build({"q": "Strasenbeleuchtung OZG"}), "fuzziness")
        fuzzy = [m for m in find(build({"q": "Strasenbeleuchtung OZG"}, fuzzy=True), "multi_match") if "fuzziness" in m]
        assert len(fuzzy) == 1 and "ozg" not in fuzzy[0]["query"]
        assert fuzzy[0]["prefix_length"] == 1

    def test_the_retry_can_leave_known_words_exact(self):
        body = build({"q": "Stadt Beleuchtnug"}, fuzzy=frozenset({"Beleuchtnug"}))
        fuzzy = [m for m in find(body, "multi_match") if "fuzziness" in m]
        assert len(fuzzy) == 1 and "beleuchtnug" in fuzzy[0]["query"] and "stadt" not in fuzzy[0]["query"]
        # template document text is not searched for look-alikes
        assert not any(f.startswith("document_terms") for f in fuzzy[0]["fields"])

    def test_synonyms_are_searched_with_lower_weight(self):
        synonyms = analysis.SynonymMap.from_groups([["Nahverkehr", "ÖPNV"]])
        matches = find(build({"q": "ÖPNV"}, synonyms=synonyms), "multi_match")
        boosts = {m["query"]: m["boost"] for m in matches}
        assert boosts.get("nahverkehr") == pytest.approx(0.8)

    def test_text_without_searchable_words_matches_nothing(self):
        assert find(build({"q": "*:* der die das"}), "match_none")


# -- behaviour on the node -----------------------------------------------------------------
def index_pages(es, pages):
    alias = settings.SEARCH_INDEX_ALIAS
    index.ensure_index(es, alias)
    outcome = index_in_elasticsearch(es, pages)
    assert not outcome.failed
    return ElasticsearchBackend(es, alias)


def run(backend, **params):
    return backend.search(SearchQuery.from_params(params, reference.get()))


def test_reports_elasticsearch_took_and_the_backend(elasticsearch, site_tree):
    backend = index_pages(elasticsearch, [make_page(ARNSBERG, "Offene Daten")])
    results = run(backend, q="Daten")
    assert results.backend == "elasticsearch"
    assert isinstance(results.es_took_ms, int) and results.es_took_ms >= 0
    assert results.took_ms >= 0
    assert [hit.title for hit in results.results] == ["Offene Daten"]


def test_a_correct_word_does_not_find_look_alikes(elasticsearch, site_tree):
    stadt = make_page(ARNSBERG, "Stadtentwicklung", "Die Stadt plant neu.")
    staat = make_page(OLPE, "Förderung vom Staat", "Der Staat fördert.")
    backend = index_pages(elasticsearch, [stadt, staat])
    assert [hit.id for hit in run(backend, q="Stadt").results] == [stadt.pk]
    # a real typo (no exact match at all) is forgiven
    assert [hit.id for hit in run(backend, q="Staatt").results] == [staat.pk]


def test_a_typo_retry_keeps_the_words_the_corpus_knows(elasticsearch, site_tree):
    staat = make_page(OLPE, "Friedhof und Staat", "Der Staat regelt Friedhöfe.")
    stadt = make_page(ARNSBERG, "Stadtentwicklung", "Die Stadt plant neu.")
    backend = index_pages(elasticsearch, [staat, stadt])
    # "Stadt" and "Friedhof" are both known, no page has both: each page comes for its own
    # word, and no look-alike ("Staat") may pretend to be the other one
    missing = {hit.id: hit.missing for hit in run(backend, q="Stadt Friedhof").results}
    assert missing == {staat.pk: ["Stadt"], stadt.pk: ["Friedhof"]}
    # a misspelt word next to a known one is still forgiven
    assert [hit.id for hit in run(backend, q="Friedhof Staatt").results] == [staat.pk]


def test_near_boosts_the_nearby_page_and_recency_decides_otherwise(elasticsearch, site_tree):
    olpe = make_page(OLPE, "Carsharing im Quartier", "Carsharing für Pendler.", body=["Autos teilen."])
    arnsberg = make_page(ARNSBERG, "Carsharing im Quartier", "Carsharing für Pendler.", body=["Autos teilen."])
    # the Olpe page is a year older
    from wiki.models import KnowledgePage

    year_ago = datetime.now(UTC) - timedelta(days=365)
    KnowledgePage.objects.filter(pk=olpe.pk).update(first_published_at=year_ago, last_published_at=year_ago)
    backend = index_pages(elasticsearch, [olpe, arnsberg])
    assert [hit.id for hit in run(backend, q="Carsharing").results] == [arnsberg.pk, olpe.pk]
    assert [hit.id for hit in run(backend, q="Carsharing", near=OLPE).results] == [olpe.pk, arnsberg.pk]


def test_recency_never_beats_a_better_match(elasticsearch, site_tree):
    old = make_page(SOEST, "Glasfaser für Schulen", "Ausbau der Glasfaser an allen Schulen.")
    new = make_page(ARNSBERG, "Digitale Schule", "Tablets im Unterricht.", body=["Später auch Glasfaser."])
    from wiki.models import KnowledgePage

    long_ago = datetime.now(UTC) - timedelta(days=5 * 365)
    KnowledgePage.objects.filter(pk=old.pk).update(first_published_at=long_ago, last_published_at=long_ago)
    backend = index_pages(elasticsearch, [old, new])
    assert [hit.id for hit in run(backend, q="Glasfaser").results] == [old.pk, new.pk]


def test_a_tag_counts_more_than_a_mention_in_the_body(elasticsearch, site_tree):
    sharing = tag("Bürgerbus")
    tagged = make_page(SOEST, "Mobil auf dem Land", "Ehrenamtliche fahren Senioren.", tags=[sharing])
    plain = make_page(OLPE, "Bericht aus dem Rat", "Themen der Sitzung.", body=["Auch der Bürgerbus wurde erwähnt."])
    backend = index_pages(elasticsearch, [tagged, plain])
    assert [hit.id for hit in run(backend, q="Bürgerbus").results] == [tagged.pk, plain.pk]


def test_hits_carry_display_fields(elasticsearch, site_tree):
    page = make_page(
        ARNSBERG,
        "Sensoren im Wald",
        "Waldbrand früh erkennen.",
        topics=("energie-und-klima",),
        tags=["Waldbrand"],
        external_id="SWF-77",
    )
    backend = index_pages(elasticsearch, [page])
    hit = run(backend, q="Waldbrand", near=SOEST).results[0]
    assert hit.to_dict() | {"snippet": None} == {
        "id": page.pk,
        "external_id": "SWF-77",
        "type": "case_study",
        "title": "Sensoren im Wald",
        "url": page.url,
        "summary": "Waldbrand früh erkennen.",
        "snippet": None,
        "municipality": {
            "ags": ARNSBERG,
            "name": "Arnsberg",
            "district": "05958",
            "district_name": "Hochsauerlandkreis",
        },
        "topics": ["Energie und Klima"],
        "tags": ["Waldbrand"],
        "phase": "pilot",
        "distance_km": 21.4,
        "missing": [],
        "adoptions": 0,
    }
    assert "<mark>Waldbrand</mark>" in hit.snippet


def test_similar_when_the_index_does_not_know_the_page(elasticsearch, site_tree):
    backend = index_pages(elasticsearch, [make_page(ARNSBERG, "Irgendwas")])
    assert backend.similar(987654) == []
