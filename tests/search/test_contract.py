"""The behavioural contract of search, run once per backend (Elasticsearch and database).

Both backends index the same real pages (published below several towns, plus a draft and a
view-restricted page) through their normal write path and must answer the same way: filters,
disjunctive facets, distance, pagination, highlighting, suggestions, autocomplete, hostile
input, and never a draft or private page.
"""

import json
from dataclasses import dataclass, field

import pytest
from django.conf import settings

from search import analysis, reference, service
from search.query import QueryError, SearchQuery
from tests.search.factories import make_page, tag
from tests.search.shapes import HIT_KEYS

ARNSBERG, OLPE, SOEST, ISERLOHN = "05958004", "05966024", "05974040", "05962024"
MENDEN, BAD_BERLEBURG, SUNDERN = "05962040", "05970004", "05958044"
HSK = "05958"


@dataclass
class Corpus:
    backend: object
    pages: dict = field(default_factory=dict)  # short name -> page
    hidden: dict = field(default_factory=dict)

    def id(self, name):
        return self.pages[name].pk

    def search(self, **params):
        return service.search(SearchQuery.from_params(params, reference.get()), backend=self.backend)

    def ids(self, **params):
        return [hit.id for hit in self.search(**params).results]

    def names(self, **params):
        by_id = {page.pk: name for name, page in self.pages.items()}
        by_id.update({page.pk: name for name, page in self.hidden.items()})
        return [by_id.get(i, i) for i in self.ids(**params)]


def _create_pages():
    sensorik = tag("Sensorik")
    lorawan = tag("LoRaWAN", parent=sensorik)
    nahverkehr = tag("Nahverkehr", synonyms=["ÖPNV"])
    pages = {
        "licht": make_page(
            ARNSBERG,
            "Smarte Straßenbeleuchtung mit LoRaWAN",
            "Sensoren schalten die Straßenlaternen nach Bedarf und sparen Strom.",
            body=["Die Stadt hat 400 Leuchten mit Funksensoren ausgestattet."],
            topics=("energie-und-klima", "daten-und-infrastruktur"),
            tags=[lorawan, "Straßenbeleuchtung"],
            phase="pilot",
        ),
        "haushalt": make_page(
            OLPE,
            "Digitale Bürgerbeteiligung zum Haushalt",
            "Bürgerinnen und Bürger beraten den Haushalt online.",
            topics=("beteiligung-und-engagement",),
            tags=["Bürgerbeteiligung"],
            phase="operation",
        ),
        "rufbus": make_page(
            SOEST,
            "Rufbus im ländlichen Raum",
            "Was wir beim Rufbus gelernt haben.",
            kind="lesson",
            body=["Der Nahverkehr in den Dörfern braucht flexible Angebote."],
            topics=("mobilitaet",),
            tags=[nahverkehr],
        ),
        "ausschreibung": make_page(
            ISERLOHN,
            "Muster-Ausschreibung für Umweltsensoren",
            "Ausschreibungstext für Sensoren im LoRaWAN-Netz.",
            kind="template",
            topics=("daten-und-infrastruktur",),
            tags=[lorawan],
        ),
        "dorf": make_page(
            BAD_BERLEBURG,
            "Neue Beleuchtung für die Straßen im Dorf",
            "LED-Leuchten an den Straßen der Ortsteile.",
            topics=("energie-und-klima",),
            phase="completed",
        ),
        "ozg": make_page(
            MENDEN,
            "OZG-Umsetzung im Bürgerbüro",
            "Die Stadt setzt das Onlinezugangsgesetz (OZG) Schritt für Schritt um.",
            topics=("verwaltung-und-buergerservice",),
            tags=["OZG"],
            phase="rollout",
        ),
        "bruecken": make_page(
            SUNDERN,
            "Erfahrungen mit Sensoren an Brücken",
            "Sensoren melden Schäden an Brücken frühzeitig.",
            kind="lesson",
            topics=("daten-und-infrastruktur",),
            tags=[sensorik],
        ),
    }
    hidden = {
        "draft": make_page(
            ARNSBERG,
            "Geheimer Entwurf Straßenbeleuchtung",
            "Sensoren Straßenbeleuchtung Entwurf.",
            publish=False,
            tags=[lorawan],
            topics=("energie-und-klima",),
        ),
        "private": make_page(
            OLPE,
            "Interne Notiz Straßenbeleuchtung",
            "Sensoren Straßenbeleuchtung intern.",
            restricted=True,
            tags=[lorawan],
            topics=("energie-und-klima",),
        ),
    }
    return pages, hidden


@pytest.fixture(params=["elasticsearch", "database"])
def corpus(request, site_tree, settings):
    service.reset_backend_state()
    service.invalidate_synonyms()
    pages, hidden = _create_pages()
    everything = list(pages.values()) + list(hidden.values())
    if request.param == "elasticsearch":
        from search.backends.elasticsearch import ElasticsearchBackend, index

        from .factories import index_in_elasticsearch

        es = request.getfixturevalue("elasticsearch")
        alias = settings.SEARCH_INDEX_ALIAS
        index.ensure_index(es, alias)
        outcome = index_in_elasticsearch(es, everything)
        assert not outcome.failed and len(outcome.indexed) == len(pages)
        backend = ElasticsearchBackend(es, alias)
    else:
        from search.backends.database import DatabaseBackend
        from search.backends.database import index as fallback_index

        settings.ELASTICSEARCH_URL = None
        for page in everything:
            fallback_index.upsert_entry(page)
        backend = DatabaseBackend()
    yield Corpus(backend, pages, hidden)
    service.invalidate_synonyms()


# -- browsing and filters --------------------------------------------------------------------
def test_browse_lists_every_public_page_newest_first(corpus):
    results = corpus.search()
    assert results.total == 7
    assert corpus.names() == ["bruecken", "ozg", "dorf", "ausschreibung", "rufbus", "haushalt", "licht"]
    assert results.backend == corpus.backend.name


def test_values_of_one_parameter_are_ored(corpus):
    assert set(corpus.names(type=["lesson", "template"])) == {"rufbus", "ausschreibung", "bruecken"}
    assert set(corpus.names(phase=["pilot", "completed"])) == {"licht", "dorf"}
    assert set(corpus.names(municipality=[OLPE, MENDEN])) == {"haushalt", "ozg"}


def test_different_parameters_are_anded(corpus):
    assert corpus.names(type=["case_study"], district=[HSK]) == ["licht"]
    assert corpus.names(topic=["energie-und-klima"], phase=["completed"]) == ["dorf"]
    assert corpus.names(q="Sensoren", type=["lesson"]) == ["bruecken"]


def test_tag_filter_includes_pages_with_a_narrower_tag(corpus):
    assert set(corpus.names(tag=["sensorik"])) == {"licht", "ausschreibung", "bruecken"}
    assert set(corpus.names(tag=["lorawan"])) == {"licht", "ausschreibung"}


def test_facet_counts_are_disjunctive(corpus):
    results = corpus.search(type=["case_study"], district=[HSK])
    facets = {key: {v.value: v.count for v in values} for key, values in results.facets.items()}
    # type ignores its own selection but respects the district
    assert facets["type"] == {"case_study": 1, "lesson": 1}
    # district ignores its own selection but respects the type
    assert facets["district"] == {"05958": 1, "05966": 1, "05970": 1, "05962": 1}
    # other facets respect both selections
    assert facets["municipality"] == {ARNSBERG: 1}
    assert facets["phase"] == {"pilot": 1}
    assert facets["tag"] == {"lorawan": 1, "sensorik": 1, "strassenbeleuchtung": 1}
    labels = {v.value: v.label for v in results.facets["type"]}
    assert labels == {"case_study": "Fallstudie", "lesson": "Erfahrung"}
    assert {v.label for v in results.facets["district"]} >= {"Hochsauerlandkreis", "Kreis Olpe"}


def test_facets_without_selection_count_all_matches(corpus):
    results = corpus.search(q="Sensoren")
    counts = {v.value: v.count for v in results.facets["type"]}
    assert counts == {"case_study": 1, "template": 1, "lesson": 1}
    assert sum(counts.values()) == results.total == 3


# -- distance --------------------------------------------------------------------------------
def test_radius_filters_and_distance_sort_orders_nearest_first(corpus):
    results = corpus.search(near=ARNSBERG, radius="25", sort="distance")
    assert [corpus.names(near=ARNSBERG, radius="25", sort="distance")] == [["licht", "bruecken", "rufbus", "ozg"]]
    distances = [hit.distance_km for hit in results.results]
    assert distances == sorted(distances)
    assert distances[0] == pytest.approx(0.0, abs=0.1)
    assert distances[1] == pytest.approx(8.3, abs=0.2)
    assert all(d <= 25 for d in distances)
    # the radius narrows the facet counts too
    assert {v.value: v.count for v in results.facets["type"]} == {"case_study": 2, "lesson": 2}


def test_near_alone_only_adds_distances(corpus):
    results = corpus.search(near=ARNSBERG)
    assert results.total == 7
    assert all(hit.distance_km is not None for hit in results.results)
    far = next(hit for hit in results.results if hit.id == corpus.id("dorf"))
    assert far.distance_km == pytest.approx(42.6, abs=0.3)
    assert all(hit.distance_km is None for hit in corpus.search().results)


def test_text_search_with_radius_and_distance_sort(corpus):
    assert corpus.names(q="Sensoren", near=ARNSBERG, radius="30", sort="distance") == [
        "licht",
        "bruecken",
        "ausschreibung",
    ]


# -- pagination ------------------------------------------------------------------------------
def test_pages_partition_the_results(corpus):
    seen = []
    for page in (1, 2, 3):
        results = corpus.search(page_size="3", page=str(page))
        assert results.total == 7
        seen.extend(hit.id for hit in results.results)
    assert len(seen) == 7 and set(seen) == {p.pk for p in corpus.pages.values()}
    assert len(corpus.search(page_size="3", page="3").results) == 1


def test_page_past_the_end_is_an_error_naming_the_page(corpus):
    with pytest.raises(QueryError) as info:
        corpus.search(page_size="3", page="4")
    assert info.value.param == "page"
    with pytest.raises(QueryError):
        corpus.search(q="Sensoren", page="2")
    # no results at all is not an error, whatever the page
    assert corpus.search(q="Zeppelinlandeplatz", page="2").total == 0


# -- text, highlighting, suggestions ---------------------------------------------------------
def test_snippets_mark_the_matched_words_and_escape_the_rest(corpus):
    results = corpus.search(q="Sensor")
    assert results.total == 3
    for hit in results.results:
        assert "<mark>" in hit.snippet
        without_marks = hit.snippet.replace("<mark>", "").replace("</mark>", "")
        assert "<" not in without_marks
    licht = next(hit for hit in results.results if hit.id == corpus.id("licht"))
    assert "<mark>Funksensoren</mark>" in licht.snippet or "<mark>Sensoren</mark>" in licht.snippet


def test_title_matches_rank_above_compound_part_matches(corpus):
    names = corpus.names(q="Straßenbeleuchtung")
    assert names[0] == "licht"
    assert "dorf" in names  # "Beleuchtung für die Straßen": both parts, ranked lower


def test_curated_synonym_and_acronym(corpus):
    assert corpus.names(q="ÖPNV") == ["rufbus"]
    assert corpus.names(q="ozg") == ["ozg"]


def test_new_synonym_takes_effect_without_reindex(corpus):
    assert corpus.names(q="Partizipation") == []
    beteiligung = tag("Bürgerbeteiligung")
    beteiligung.synonyms = "Partizipation"
    beteiligung.save()
    assert corpus.names(q="Partizipation") == ["haushalt"]


def test_typo_finds_the_page_and_suggests_the_spelling(corpus):
    results = corpus.search(q="Strasenbeleuchtung")
    assert corpus.id("licht") in [hit.id for hit in results.results]
    assert results.suggestion is not None
    assert analysis.fold(results.suggestion) == "strassenbeleuchtung"
    assert corpus.search(q="Straßenbeleuchtung").suggestion is None


def test_autocomplete_offers_titles_and_tags(corpus):
    texts = [s["text"] for s in service.suggest("Straßenbel", backend=corpus.backend)]
    assert "Smarte Straßenbeleuchtung mit LoRaWAN" in texts
    suggestions = service.suggest("lora", backend=corpus.backend)
    assert {"text": "LoRaWAN", "kind": "tag"}.items() <= next(s for s in suggestions if s["kind"] == "tag").items()
    pages = [s for s in suggestions if s["kind"] == "page"]
    assert pages and all(s["url"].startswith("/kommunen/") for s in pages)
    assert service.suggest("x", backend=corpus.backend) == []


def test_similar_pages_leave_out_the_page_and_its_town(corpus):
    hits = service.similar(corpus.pages["licht"], limit=4, backend=corpus.backend)
    ids = [hit.id for hit in hits]
    assert corpus.id("ausschreibung") in ids
    assert corpus.id("licht") not in ids
    assert all(hit.municipality["ags"] != ARNSBERG for hit in hits)


# -- partial matching ------------------------------------------------------------------------
def test_pages_with_most_words_come_after_pages_with_all_and_say_what_they_lack(corpus):
    results = corpus.search(q="Sensoren Brücken Förderung")
    names = corpus.names(q="Sensoren Brücken Förderung")
    assert names[0] == "bruecken"  # two of three words; no page has all three
    first = results.results[0]
    assert first.missing == ["Förderung"]
    assert "licht" in names  # one word of three is enough for three content words
    licht = next(hit for hit in results.results if hit.id == corpus.id("licht"))
    assert licht.missing == ["Brücken", "Förderung"]
    assert results.to_dict()["results"][0]["missing"] == ["Förderung"]
    assert corpus.search(q="Sensoren Brücken").results[0].missing == []


def test_question_words_and_filler_neither_restrict_nor_show_as_missing(corpus):
    results = corpus.search(q="gibt es schon Erfahrungen mit dem Rufbus bei uns")
    assert corpus.names(q="gibt es schon Erfahrungen mit dem Rufbus bei uns")[0] == "rufbus"
    assert results.results[0].missing == []
    assert results.total == corpus.search(q="Rufbus").total


def test_facet_counts_cover_the_partial_matches(corpus):
    results = corpus.search(q="Sensoren Brücken Förderung")
    assert sum(v.count for v in results.facets["type"]) == results.total
    lessons = corpus.search(q="Sensoren Brücken Förderung", type=["lesson"])
    assert corpus.names(q="Sensoren Brücken Förderung", type=["lesson"]) == ["bruecken"]
    assert {v.value: v.count for v in lessons.facets["type"]} == {v.value: v.count for v in results.facets["type"]}


def test_a_typo_inside_a_longer_query_is_repaired_and_reported(corpus):
    results = corpus.search(q="Rufbsu ländlicher Raum")
    assert results.results and results.results[0].id == corpus.id("rufbus")
    assert ("Rufbsu", "Rufbus") in results.repairs
    assert {"typed": "Rufbsu", "searched": "Rufbus"} in results.to_dict()["repairs"]
    assert corpus.search(q="Rufbus ländlicher Raum").repairs == []


def test_a_word_hinting_at_a_type_raises_it_without_filtering(corpus):
    names = corpus.names(q="Vorlage Sensoren LoRaWAN")
    assert names[0] == "ausschreibung"
    assert "licht" in names and "bruecken" in names
    hit = corpus.search(q="Vorlage Sensoren LoRaWAN").results[0]
    assert "Vorlage" not in hit.missing  # the template is what "Vorlage" asked for


# -- safety ----------------------------------------------------------------------------------
HOSTILE = [
    '"',
    '"Straße',
    "\\",
    "a\\b\\",
    "*:*",
    "*",
    "?",
    '{"a":1}',
    "[]",
    "()",
    "((((",
    "title:x AND y",
    "OR",
    "NOT AND",
    "' OR 1=1 --",
    "'; DROP TABLE wiki_tag; --",
    "%_%",
    "<script>alert(1)</script>",
    "ÖPNV 🚌 ÄÖÜß",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "\u200b\u200d",
    "日本語",
    "/regex.*/",
    "~1",
    "^2",
    "a" * 200,
    " ".join(["Sensor"] * 28),
    "-",
    "--",
    "__",
    "..",
    "Straßen-",
    "-beleuchtung",
    "0",
    "00000000",
]


def test_hostile_query_text_never_errors(corpus):
    # One corpus for all strings: each one is a plain search, a filtered distance search and
    # an autocomplete request.
    for text in HOSTILE:
        results = corpus.search(q=text)
        data = json.loads(json.dumps(results.to_dict()))
        assert data["backend"] == corpus.backend.name, text
        for hit in data["results"]:
            assert "<script>" not in hit["snippet"], text
        service.suggest(text, backend=corpus.backend)
        corpus.search(q=text, type=["case_study"], near=ARNSBERG, sort="distance")


def test_drafts_and_private_pages_are_never_returned(corpus):
    hidden_ids = {page.pk for page in corpus.hidden.values()}
    for params in (
        {},
        {"q": "Straßenbeleuchtung"},
        {"q": "Geheimer Entwurf"},
        {"q": "Interne Notiz"},
        {"tag": ["lorawan"]},
        {"municipality": [ARNSBERG, OLPE]},
        {"near": ARNSBERG, "sort": "distance"},
    ):
        results = corpus.search(**params)
        assert hidden_ids.isdisjoint(hit.id for hit in results.results), params
    assert corpus.search(q="Geheimer Entwurf").total == 0
    counts = {v.value: v.count for v in corpus.search(tag=["lorawan"]).facets["tag"]}
    assert counts["lorawan"] == 2  # not 4: hidden pages do not count either
    texts = [s["text"] for s in service.suggest("Geheim", backend=corpus.backend)]
    texts += [s["text"] for s in service.suggest("Interne", backend=corpus.backend)]
    assert texts == []
    for name in ("licht", "haushalt"):
        similar_ids = {hit.id for hit in service.similar(corpus.pages[name], backend=corpus.backend)}
        assert hidden_ids.isdisjoint(similar_ids)
    assert service.similar(corpus.hidden["draft"], backend=corpus.backend) == []


def test_json_has_the_documented_shape(corpus):
    data = corpus.search(q="Sensoren", near=ARNSBERG).to_dict()
    assert set(data) >= {"query", "total", "page", "page_size", "backend", "results", "facets", "suggestion", "repairs"}
    hit = data["results"][0]
    assert set(hit) == HIT_KEYS
    assert set(hit["municipality"]) == {"ags", "name", "district", "district_name"}
    assert all(isinstance(name, str) for name in hit["topics"] + hit["tags"])
    assert set(data["facets"]) == {"type", "district", "municipality", "topic", "tag", "phase", "village", "area"}
    assert settings.SEARCH_INDEX_ALIAS


# -- adoptions ---------------------------------------------------------------------------------
def test_sort_by_adoptions_puts_the_most_adopted_first_then_relevance_or_date(corpus):
    from search.documents import build_documents_by_id
    from transfer.models import Adoption
    from wiki.models import Municipality

    def adopt(name, *towns, status="implemented"):
        for ags in towns:
            Adoption.objects.create(
                page=corpus.pages[name],
                municipality=Municipality.objects.get(ags=ags),
                status=status,
                reason="Zu teuer." if status == "discarded" else "",
            )

    adopt("ausschreibung", OLPE, SOEST, MENDEN)
    adopt("licht", OLPE, SOEST)
    adopt("dorf", ARNSBERG, SOEST, MENDEN, status="discarded")  # looked at, not adopted: 0
    # The index gets the counts through each backend's write path (the outbox's apply()).
    corpus.backend.apply(build_documents_by_id([page.pk for page in corpus.pages.values()]), inline=True)

    by_relevance = corpus.names(q="Sensoren")
    most = corpus.names(q="Sensoren", sort="adoptions")
    assert most[:2] == ["ausschreibung", "licht"]
    assert most[2:] == [name for name in by_relevance if name not in ("ausschreibung", "licht")]
    newest = corpus.names()
    assert corpus.names(sort="adoptions") == ["ausschreibung", "licht"] + [
        n for n in newest if n not in ("ausschreibung", "licht")
    ]
    counts = {hit.title: hit.adoptions for hit in corpus.search(sort="adoptions").results}
    assert counts[corpus.pages["ausschreibung"].title] == 3 and counts[corpus.pages["dorf"].title] == 0
