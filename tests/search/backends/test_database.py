"""The database fallback backend (search/backends/database.py) on its own.

The behaviour both backends share is in tests/search/test_contract.py; these tests pin what is
specific to the fallback: German matching through the stored terms, ranking signals, facets
from the ORM on both the text and the browse path, autocomplete and "more like this".
Runs on SQLite by default and on PostgreSQL when DATABASE_URL points there.
"""

import pytest
from django.db.models import Q

from search import analysis, reference
from search.backends.database import DatabaseBackend
from search.backends.database import index as fallback_index
from search.geo import haversine_km
from search.models import SearchEntry
from search.query import SearchQuery
from tests.search.factories import make_page, tag
from wiki.models import Municipality, Tag

ARNSBERG, OLPE, SOEST, ISERLOHN, MENDEN, SIEGEN = (
    "05958004",
    "05966024",
    "05974040",
    "05962024",
    "05962040",
    "05970040",
)


@pytest.fixture
def corpus(site_tree):
    """Seven published pages in five Kreise, one draft and one private page, all indexed."""
    nahverkehr = tag("Nahverkehr", synonyms=["ÖPNV"])
    pages = {
        "lighting": make_page(
            ARNSBERG,
            "Smarte Straßenbeleuchtung mit LoRaWAN",
            "Sensoren schalten die Laternen nach Bedarf.",
            body=["Die Städte sparen Strom, weil die Sensoren Bewegung erkennen."],
            topics=("energie-und-klima",),
            tags=["LoRaWAN"],
            phase="rollout",
        ),
        "village": make_page(
            OLPE,
            "Neue Leuchten im Dorf",
            "Die Beleuchtung der Straßen im Ortskern wurde erneuert.",
            body=["Die Beleuchtung der Straßen im Ortskern wurde auf LED umgestellt."],
            kind="lesson",
            topics=("energie-und-klima",),
        ),
        "participation": make_page(
            SOEST,
            "Bürgerbeteiligung online",
            "Eine Plattform für die Beteiligung der Bürgerinnen und Bürger.",
            topics=("beteiligung-und-engagement",),
            tags=["Beteiligung"],
            phase="operation",
        ),
        "bus": make_page(
            ISERLOHN,
            "Rufbus für die Dörfer",
            "Ein Rufbus ergänzt den Nahverkehr am Abend.",
            topics=("mobilitaet",),
            tags=[nahverkehr],
            phase="pilot",
        ),
        "ozg": make_page(
            MENDEN,
            "Ratsvorlage zum OZG",
            "Vorlage für den Rat zur Umsetzung des Onlinezugangsgesetzes.",
            kind="template",
            topics=("verwaltung-und-buergerservice",),
        ),
        "siegen": make_page(
            SIEGEN,
            "Sensoren messen Parkplätze",
            "Parksensoren zeigen freie Plätze in der Innenstadt.",
            topics=("mobilitaet", "daten-und-infrastruktur"),
            tags=["LoRaWAN"],
            phase="pilot",
        ),
        "arnsberg_parking": make_page(
            ARNSBERG,
            "Parkleitsystem in Arnsberg",
            "Sensoren melden freie Parkplätze an die App.",
            topics=("mobilitaet",),
            tags=["LoRaWAN"],
            phase="concept",
        ),
        "draft": make_page(ARNSBERG, "Straßenbeleuchtung Entwurf", publish=False),
        "private": make_page(OLPE, "Straßenbeleuchtung intern", restricted=True),
    }
    for page in pages.values():
        fallback_index.upsert_entry(page)
    return pages


@pytest.fixture
def backend():
    return DatabaseBackend()


def synonyms():
    return analysis.SynonymMap.from_groups(analysis.synonym_groups_from_tags(Tag.objects.all()))


def search(backend, **params):
    return backend.search(SearchQuery.from_params(params, reference.get()), synonyms())


def ids(results):
    return [hit.id for hit in results.results]


def test_only_live_public_pages_are_entries(corpus):
    assert SearchEntry.objects.count() == 7
    assert not SearchEntry.objects.filter(page_id__in=[corpus["draft"].pk, corpus["private"].pk]).exists()


GERMAN_CASES = [
    ("Städte", "lighting"),  # inflection
    ("Sensor", "lighting"),
    ("Strasse", "village"),  # ß spelling
    ("Buergerbeteiligung", "participation"),  # umlaut spelling
    ("ÖPNV", "bus"),  # curated synonym of the tag "Nahverkehr"
    ("OZG", "ozg"),  # acronym kept whole
    ("lorawan", "lighting"),
    ("Strassenbeleuchtng", "lighting"),  # small typo
]


def test_german_matching(corpus, backend):
    # one corpus for all cases: building it is the slow part of these tests
    for q, expected in GERMAN_CASES:
        results = search(backend, q=q)
        assert corpus[expected].pk in ids(results), (q, [h.title for h in results.results])
        assert results.backend == "database"


def test_compound_part_finds_the_compound_and_compound_finds_its_parts_ranked_lower(corpus, backend):
    by_part = ids(search(backend, q="Beleuchtung"))
    assert corpus["lighting"].pk in by_part and corpus["village"].pk in by_part

    by_compound = ids(search(backend, q="Straßenbeleuchtung"))
    # the page with the compound itself first, the page about "Beleuchtung der Straßen" after it
    assert by_compound[:2] == [corpus["lighting"].pk, corpus["village"].pk]


def test_title_outranks_body(corpus, backend):
    results = search(backend, q="Parkplätze")
    # both mention Parkplätze in the summary; only "Sensoren messen Parkplätze" in the title
    assert ids(results)[0] == corpus["siegen"].pk


def test_drafts_and_private_pages_are_never_found(corpus, backend):
    found = ids(search(backend, q="Straßenbeleuchtung")) + ids(search(backend, q="Entwurf intern"))
    browse = ids(search(backend, page_size="50"))
    for key in ("draft", "private"):
        assert corpus[key].pk not in found and corpus[key].pk not in browse


def test_browse_lists_everything_newest_first(corpus, backend):
    results = search(backend)
    assert results.total == 7
    expected = [
        corpus[k].pk for k in ("arnsberg_parking", "siegen", "ozg", "bus", "participation", "village", "lighting")
    ]
    assert ids(results) == expected


@pytest.mark.parametrize("q", ["", "Sensoren"])
def test_filters_or_within_and_across_parameters(corpus, backend, q):
    results = search(backend, q=q, type=["case_study"], district=["05958", "05970"], tag=["lorawan"])
    assert set(ids(results)) == {corpus["lighting"].pk, corpus["siegen"].pk, corpus["arnsberg_parking"].pk}
    results = search(backend, q=q, type=["case_study"], district=["05958"], phase=["pilot", "rollout"])
    assert set(ids(results)) == {corpus["lighting"].pk}


@pytest.mark.parametrize("q", ["", "Sensoren"])
def test_facet_counts_are_disjunctive_and_identical_on_text_and_browse_paths(corpus, backend, q):
    results = search(backend, q=q, district=["05958"], phase=["pilot", "concept"])
    facets = {key: {v.value: v.count for v in values} for key, values in results.facets.items()}
    if q:  # "Sensoren" matches lighting, siegen, arnsberg_parking
        # district ignores its own selection: pilot/concept pages with Sensoren in any Kreis
        assert facets["district"] == {"05958": 1, "05970": 1}
        # phase ignores its own selection: Sensoren pages in the HSK, any phase
        assert facets["phase"] == {"rollout": 1, "concept": 1, "pilot": 0}
    else:
        assert facets["district"] == {"05958": 1, "05962": 1, "05970": 1}
        assert facets["phase"] == {"rollout": 1, "concept": 1, "pilot": 0}
    assert facets["type"] == {"case_study": 1}
    assert results.total == 1


def test_facet_values_are_labelled_in_german(corpus, backend):
    results = search(backend)
    labels = {key: {v.value: v.label for v in values} for key, values in results.facets.items()}
    assert labels["type"]["case_study"] == "Fallstudie" and labels["type"]["template"] == "Vorlage"
    assert labels["district"]["05958"] == "Hochsauerlandkreis"
    assert labels["municipality"][ARNSBERG] == "Arnsberg"
    assert labels["topic"]["mobilitaet"] == "Mobilität"
    assert labels["tag"]["lorawan"] == "LoRaWAN"
    assert labels["phase"]["rollout"] == "Umsetzung"


@pytest.mark.parametrize("q", ["", "Sensoren"])
def test_radius_filters_and_distance_sorts(corpus, backend, q):
    arnsberg = Municipality.objects.get(ags=ARNSBERG)
    siegen = Municipality.objects.get(ags=SIEGEN)
    far = haversine_km(arnsberg.latitude, arnsberg.longitude, siegen.latitude, siegen.longitude)

    within = search(backend, q=q, near=ARNSBERG, radius="30")
    assert corpus["siegen"].pk not in ids(within)
    assert all(hit.distance_km <= 30 for hit in within.results)

    by_distance = search(backend, q=q, near=SIEGEN, sort="distance", page_size="50")
    distances = [hit.distance_km for hit in by_distance.results]
    assert distances == sorted(distances)
    assert by_distance.results[0].id == corpus["siegen"].pk and distances[0] == 0
    assert by_distance.results[-1].distance_km == pytest.approx(
        max(h.distance_km for h in by_distance.results), abs=0.05
    )
    from_arnsberg = search(backend, q=q, near=ARNSBERG, page_size="50")
    siegen_hit = next(h for h in from_arnsberg.results if h.id == corpus["siegen"].pk)
    assert siegen_hit.distance_km == pytest.approx(far, abs=0.05)


def test_near_boosts_close_pages_without_filtering(corpus, backend):
    # "freie" appears once, in the summary, of siegen and of arnsberg_parking: equal matches
    plain = ids(search(backend, q="freie"))
    near_arnsberg = ids(search(backend, q="freie", near=ARNSBERG))
    near_siegen = ids(search(backend, q="freie", near=SIEGEN))
    assert set(plain) == set(near_arnsberg) == set(near_siegen)
    assert near_arnsberg.index(corpus["arnsberg_parking"].pk) < near_arnsberg.index(corpus["siegen"].pk)
    assert near_siegen.index(corpus["siegen"].pk) < near_siegen.index(corpus["arnsberg_parking"].pk)


def test_pagination_slices_the_same_ranking(corpus, backend):
    everything = ids(search(backend, page_size="50"))
    pages = [ids(search(backend, page=str(n), page_size="3")) for n in (1, 2, 3)]
    assert [len(p) for p in pages] == [3, 3, 1]
    assert sum(pages, []) == everything


def test_snippets_mark_matches_and_escape_text(site_tree, backend):
    page = make_page(SOEST, "Schule digital", "Tablets <script>alert(1)</script> für alle Schulen & Kitas.")
    fallback_index.upsert_entry(page)
    hit = search(backend, q="Schulen").results[0]
    assert "<mark>Schulen</mark>" in hit.snippet
    assert "<script>" not in hit.snippet and "&lt;script&gt;" in hit.snippet


def test_spelling_suggestion(corpus, backend):
    results = search(backend, q="Bürgerbeteilgung")
    assert results.suggestion == "Bürgerbeteiligung"
    assert search(backend, q="Bürgerbeteiligung").suggestion is None


def test_a_typo_retry_keeps_the_words_the_index_knows(site_tree, backend):
    staat = make_page(OLPE, "Friedhof und Staat", "Der Staat regelt Friedhöfe.")
    stadt = make_page(ARNSBERG, "Stadtentwicklung", "Die Stadt plant neu.")
    for page in (staat, stadt):
        fallback_index.upsert_entry(page)
    # both words are known, no page has both: each page is found for its own word and lacks
    # the other; a look-alike ("Staat") never stands in for "Stadt"
    missing = {hit.id: hit.missing for hit in search(backend, q="Stadt Friedhof").results}
    assert missing == {staat.pk: ["Stadt"], stadt.pk: ["Friedhof"]}
    assert ids(search(backend, q="Friedhof Staatt")) == [staat.pk]


HOSTILE = [
    '"',
    "\\",
    "*",
    "?",
    "' OR 1=1 --",
    "%",
    "_",
    "a" * 200,
    "(((",
    "<mark>",
    "🚲 Fahrrad",
    "ß",
    "AND OR NOT",
    "\u200b",
    "x" * 60 + " " + "y" * 60,
]


def test_hostile_queries_return_results_not_errors(corpus, backend):
    for q in HOSTILE:
        results = search(backend, q=q)
        assert results.total >= 0, q


def test_like_wildcards_in_queries_are_literal(corpus, backend):
    assert search(backend, q="%").total == 0
    assert search(backend, q="_").total == 0


def test_autocomplete_by_prefix_on_titles_and_tags(corpus, backend):
    titles = [s["text"] for s in backend.suggest("Straßenbel") if s["kind"] == "page"]
    assert titles == ["Smarte Straßenbeleuchtung mit LoRaWAN"]
    # a compound part counts as a word start
    assert "Smarte Straßenbeleuchtung mit LoRaWAN" in [s["text"] for s in backend.suggest("beleuch")]
    tags = [s for s in backend.suggest("lora") if s["kind"] == "tag"]
    assert tags and tags[0]["text"] == "LoRaWAN" and tags[0]["value"] == "lorawan"
    assert all(s["text"] != "Straßenbeleuchtung Entwurf" for s in backend.suggest("Straßen"))
    assert backend.suggest("") == [] and backend.suggest("%") == []


def test_similar_pages_share_topics_and_terms_but_not_the_municipality(corpus, backend):
    similar = [hit.id for hit in backend.similar(corpus["arnsberg_parking"].pk, limit=5)]
    assert similar and similar[0] == corpus["siegen"].pk
    assert corpus["lighting"].pk not in similar  # same municipality (Arnsberg)
    assert corpus["arnsberg_parking"].pk not in similar
    assert backend.similar(corpus["draft"].pk) == []


def test_postgresql_matches_whole_terms_through_the_gin_index(postgres, site_tree):
    from search.backends.database.matching import has_terms as _has_terms

    pages = {
        "werk": make_page(ARNSBERG, "Stadtwerke vernetzt", "Die Stadtwerke messen."),
        "stadt": make_page(OLPE, "Stadt plant", "Eine Stadt plant neu."),
        "beide": make_page(SOEST, "Stadt und Sensor", "Sensoren in der Stadt."),
    }
    for page in pages.values():
        fallback_index.upsert_entry(page)

    def found(q):
        return {e.page_id for e in SearchEntry.objects.filter(q)}

    like = {t: found(Q(all_terms__contains=f" {t} ")) for t in ("stadt", "sensor", "stad", "stadtwerk")}
    # the array lookups select exactly what LIKE " term " selects: whole terms (and the
    # compound parts stored as terms), never a mere prefix
    for term in like:
        assert found(_has_terms([term])) == like[term]
    assert like["stad"] == set() and like["stadtwerk"] == {pages["werk"].pk}
    assert found(_has_terms(["stadtwerk", "sensor"])) == {pages["werk"].pk, pages["beide"].pk}
    assert found(_has_terms(["stadt", "sensor"], every=True)) == {pages["beide"].pk}
    # and PostgreSQL can answer them from the index of migration 0004 (same expression)
    with postgres.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = SearchEntry.objects.filter(_has_terms(["stadt"])).values("id").query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_entry_terms_gin" in plan


def test_autocomplete_offers_a_tag_as_soon_as_a_page_with_it_is_indexed(corpus, backend):
    # The tag counts are cached per process; a write must make the new tag appear at once.
    assert not [s for s in backend.suggest("Wärmepu") if s["kind"] == "tag"]
    page = make_page(SOEST, "Quartier mit Erdwärme", "Ein Nahwärmenetz für das Neubaugebiet.", tags=["Wärmepumpe"])
    fallback_index.upsert_entry(page)
    assert [s["text"] for s in backend.suggest("Wärmepu") if s["kind"] == "tag"] == ["Wärmepumpe"]
