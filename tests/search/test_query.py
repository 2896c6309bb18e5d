"""Parsing and validation of search parameters (search/query.py)."""

import pytest
from django.http import QueryDict

from search import analysis, reference
from search.query import MAX_PAGE_SIZE, QueryError, SearchQuery

ARNSBERG = "05958004"
HSK = "05958"

pytestmark = pytest.mark.django_db


def parse(qs):
    return SearchQuery.from_params(QueryDict(qs), reference.get())


def error_of(qs):
    with pytest.raises(QueryError) as info:
        parse(qs)
    return info.value


def test_defaults_for_an_empty_request():
    query = parse("")
    assert query.q == ""
    assert query.types == () and query.tags == ()
    assert (query.sort, query.page, query.page_size) == ("relevance", 1, 10)
    assert query.is_browse and query.effective_sort == "date"


def test_repeatable_filters_keep_every_value_once():
    query = parse(
        f"type=lesson&type=case_study&type=lesson&district={HSK}&municipality={ARNSBERG}&topic=mobilitaet&tag=lorawan&phase=pilot"
    )
    assert query.types == ("lesson", "case_study")
    assert query.districts == (HSK,)
    assert query.municipalities == (ARNSBERG,)
    assert query.topics == ("mobilitaet",)
    assert query.tags == ("lorawan",)
    assert query.phases == ("pilot",)


def test_accepts_a_plain_dict_of_lists_and_strings():
    query = SearchQuery.from_params(
        {"q": "  Straßen   beleuchtung ", "type": ["template"], "page": "2"}, reference.get()
    )
    assert query.q == "Straßen beleuchtung"
    assert query.types == ("template",)
    assert query.page == 2


def test_empty_form_fields_are_ignored():
    query = parse("q=&near=&radius=&sort=&type=&page=")
    assert query == SearchQuery()


def test_near_resolves_the_location_of_the_municipality():
    query = parse(f"near={ARNSBERG}&radius=25&sort=distance")
    assert query.near == ARNSBERG and query.radius_km == 25.0
    lat, lon = query.near_location
    assert 51 < lat < 52 and 7 < lon < 9


@pytest.mark.parametrize(
    "qs, param",
    [
        ("type=article", "type"),
        ("phase=started", "phase"),
        ("municipality=5958004", "municipality"),
        ("municipality=0595800X", "municipality"),
        ("municipality=09162000", "municipality"),  # well-formed, but München is not in Südwestfalen
        ("district=0595", "district"),
        ("district=09162", "district"),
        ("near=abc", "near"),
        ("near=09162000", "near"),
        ("near=05958004&radius=0", "radius"),
        ("near=05958004&radius=500", "radius"),
        ("near=05958004&radius=nan", "radius"),
        ("near=05958004&radius=zehn", "radius"),
        ("radius=10", "radius"),
        ("sort=distance", "sort"),
        ("sort=popular", "sort"),
        ("page=0", "page"),
        ("page=-1", "page"),
        ("page=1.5", "page"),
        ("page=zwei", "page"),
        ("page=99999999999", "page"),
        ("page_size=0", "page_size"),
        (f"page_size={MAX_PAGE_SIZE + 1}", "page_size"),
        ("page_size=abc", "page_size"),
        ("page=1&page=2", "page"),
        ("q=" + "a" * 201, "q"),
        ("q=Licht%00Strasse", "q"),
        ("q=%1b[31m", "q"),
        ("tag=Not+A+Slug", "tag"),
        ("topic=%3Cscript%3E", "topic"),
    ],
)
def test_invalid_parameters_are_named_in_a_german_message(qs, param):
    error = error_of(qs)
    assert error.param == param
    assert error.message and error.message[0].isupper()
    assert error.as_dict()["param"] == param


def test_page_window_is_bounded_by_page_size():
    assert parse("page=200&page_size=50").page == 200
    assert error_of("page=201&page_size=50").param == "page"


def test_q_of_exactly_200_characters_is_accepted():
    text = ("Bürgerbeteiligung " * 12)[:200].strip()
    assert len(text) == 200
    assert SearchQuery.from_params({"q": [text]}, reference.get()).q == text


@pytest.mark.parametrize(
    "text",
    [
        "¼" * 200,  # 200 typed characters, 600 after folding (1⁄4)
        "ﷺ" * 200,  # one ligature folds to 18 characters
        "x" * 200,  # a single "word" of 200 letters
        " ".join("qwrtzpsdfghjk"[i % 13] * 12 for i in range(15)),  # long random words
        " ".join(["Straße"] * 28),  # 224 folded characters: within the limit, unchanged
        " ".join(["Ort"] * 50),  # 50 words
    ],
)
def test_q_is_cut_to_the_limits_of_its_folded_text(text):
    q = SearchQuery.from_params({"q": [text]}, reference.get()).q
    assert q and text.startswith(q)
    assert analysis.folded_length(q) <= analysis.MAX_FOLDED_QUERY_CHARS
    assert len(analysis.tokenize(q)) <= analysis.MAX_QUERY_WORDS
    assert all(analysis.folded_length(t.surface) <= analysis.MAX_FOLDED_WORD_CHARS for t in analysis.tokenize(q))
    if text.startswith("Straße"):
        assert q == text  # a long German query within the limits stays whole


def test_q_without_any_word_is_not_turned_into_browsing():
    query = SearchQuery.from_params({"q": ["‰" * 200]}, reference.get())
    assert query.q and not query.is_browse


@pytest.mark.parametrize(
    "text",
    ['"Straße', "a\\b", "*:*", '{"a":1}', "Bürger' OR 1=1 --", "ÖPNV 🚌", "AND OR NOT", "(((", "tab\there"],
)
def test_hostile_text_is_accepted_as_plain_text(text):
    query = SearchQuery.from_params({"q": [text]}, reference.get())
    assert query.q == " ".join(text.split())


def test_radius_accepts_a_german_decimal_comma():
    assert parse(f"near={ARNSBERG}&radius=12,5").radius_km == 12.5


def test_to_params_round_trips_and_overrides():
    query = parse(f"q=Licht&type=lesson&tag=lorawan&near={ARNSBERG}&radius=20&sort=date&page=3")
    again = SearchQuery.from_params(QueryDict("&".join(f"{k}={v}" for k, v in query.to_params())), reference.get())
    assert again == query
    assert ("page", "3") not in query.to_params(page=None)
    assert query.to_params(type=["case_study", "template"]).count(("type", "template")) == 1
