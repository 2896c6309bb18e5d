"""The public JSON form of search results and the facet labelling shared by both backends."""

import pytest

from search import reference
from search.query import SearchQuery
from search.results import FACET_KEYS, Hit, SearchResults, make_facets
from tests.search.shapes import HIT_KEYS

pytestmark = pytest.mark.django_db


def test_to_dict_has_exactly_the_documented_keys():
    query = SearchQuery.from_params({"q": "Licht", "page_size": "5"}, reference.get())
    hit = Hit(
        id=3,
        type="case_study",
        title="Smarte Straßenbeleuchtung",
        url="/kommunen/arnsberg/licht/",
        summary="S",
        snippet="<mark>Licht</mark>",
        municipality={
            "ags": "05958004",
            "name": "Arnsberg",
            "district": "05958",
            "district_name": "Hochsauerlandkreis",
        },
        topics=["Energie und Klima"],
        tags=["LED"],
        phase="pilot",
        distance_km=12.345,
        score=7.5,
    )
    data = SearchResults(query=query, total=1, results=[hit], backend="elasticsearch", es_took_ms=3).to_dict()
    assert set(data) == {
        "query",
        "total",
        "page",
        "page_size",
        "backend",
        "results",
        "facets",
        "suggestion",
        "degraded",
        "repairs",
    }
    assert (data["query"], data["page"], data["page_size"]) == ("Licht", 1, 5)
    assert set(data["facets"]) == set(FACET_KEYS)
    result = data["results"][0]
    assert set(result) == HIT_KEYS
    assert result["distance_km"] == 12.3 and result["adoptions"] == 0


def test_facets_are_labelled_in_german_and_keep_selected_values():
    query = SearchQuery.from_params(
        {"type": ["template"], "municipality": ["05958004"], "phase": ["completed"]}, reference.get()
    )
    facets = make_facets(
        query,
        {
            "type": {"lesson": 2, "case_study": 5},
            "municipality": {"05974028": 1},
            "district": {"05958": 4, "05974": 1},
            "phase": {"pilot": 3},
        },
    )
    assert [(v.value, v.label, v.count) for v in facets["type"]] == [
        ("case_study", "Fallstudie", 5),
        ("lesson", "Erfahrung", 2),
        ("template", "Vorlage", 0),
    ]
    assert [v.label for v in facets["district"]] == ["Hochsauerlandkreis", "Kreis Soest"]
    assert {v.label for v in facets["municipality"]} == {"Arnsberg", "Lippstadt"}
    assert [(v.label, v.selected) for v in facets["phase"]] == [("Pilot", False), ("Abgeschlossen", True)]


def test_snippet_of_a_long_body_shows_the_passage_deep_inside():
    from search import analysis
    from search.results import snippet_for

    filler = "Allgemeine Verwaltungsarbeit im Rathaus. " * 400
    body = filler + "Die Straßenbeleuchtung der Ortsteile wurde erneuert. " + filler
    snippet = snippet_for({"body": body, "summary": "Kurz."}, analysis.analyze_query("Strassenbeleuchtung"))
    assert "<mark>Straßenbeleuchtung</mark>" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet) < 400
    # nothing to mark in the body: the summary is shown
    assert snippet_for({"body": body, "summary": "Kurz."}, analysis.analyze_query("Zeppelin")) == "Kurz."


def test_facet_labels_follow_a_renamed_tag_at_once():
    from wiki.models import Tag

    tag = Tag.objects.create(name="Carsharing")
    query = SearchQuery.from_params({}, reference.get())
    assert make_facets(query, {"tag": {tag.slug: 2}})["tag"][0].label == "Carsharing"
    tag.name = "Geteilte Autos"
    tag.save()
    assert make_facets(query, {"tag": {tag.slug: 2}})["tag"][0].label == "Geteilte Autos"
