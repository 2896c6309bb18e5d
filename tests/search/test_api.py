"""The public JSON API (search/api.py): /api/search/ and /api/search/suggest/.

Runs on the database fallback (ELASTICSEARCH_URL unset in tests); that both backends answer
the same is the contract suite's job.
"""

import unicodedata

import pytest
from django.conf import settings

from search.analysis.text import limit_query
from search.backends.database import index as fallback_index
from search.models import SearchQueryLog
from tests.search.factories import index_in_elasticsearch, make_page
from tests.search.shapes import HIT_KEYS

ARNSBERG, OLPE = "05958004", "05966024"
SOEST, BRILON, BESTWIG = "05974040", "05958012", "05958008"


@pytest.fixture
def pages(site_tree):
    made = [
        make_page(
            ARNSBERG,
            "Smarte Straßenbeleuchtung mit LoRaWAN",
            "Sensoren schalten die Laternen nach Bedarf.",
            body=["Die Städte sparen Strom, weil die Sensoren Bewegung erkennen."],
            topics=("energie-und-klima",),
            tags=["LoRaWAN"],
            phase="rollout",
            external_id="SWF-1",
        ),
        make_page(
            OLPE,
            "Ratsvorlage Straßenbeleuchtung",
            "Muster für den Rat.",
            kind="template",
            topics=("energie-und-klima",),
        ),
        make_page(
            OLPE, "Bürgerbus im Dorf", "Ehrenamtliche fahren den Bus.", topics=("mobilitaet",), phase="operation"
        ),
    ]
    for page in made:
        fallback_index.upsert_entry(page)
    return made


def test_search_response_has_the_documented_shape(client, pages):
    response = client.get("/api/search/", {"q": "Straßenbeleuchtung", "near": OLPE})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
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
    assert data["repairs"] == []
    assert data["degraded"] is False  # no Elasticsearch configured: the database is the backend, not a stand-in
    assert data["query"] == "Straßenbeleuchtung" and data["backend"] == "database"
    assert data["total"] == 2 and data["page"] == 1 and data["page_size"] == 10
    assert set(data["facets"]) == {"type", "district", "municipality", "topic", "tag", "phase", "village", "area"}
    assert {"value": "template", "label": "Vorlage", "count": 1} in data["facets"]["type"]

    hit = next(h for h in data["results"] if h["external_id"] == "SWF-1")
    assert set(hit) == HIT_KEYS
    assert hit["missing"] == []
    assert hit["id"] == pages[0].pk and hit["type"] == "case_study" and hit["url"] == pages[0].url
    assert hit["municipality"] == {
        "ags": ARNSBERG,
        "name": "Arnsberg",
        "district": "05958",
        "district_name": "Hochsauerlandkreis",
    }
    assert hit["topics"] == ["Energie und Klima"] and hit["tags"] == ["LoRaWAN"] and hit["phase"] == "rollout"
    assert isinstance(hit["distance_km"], float) and hit["distance_km"] > 0
    # the title matched; the snippet is the summary
    assert hit["snippet"] == hit["summary"] == "Sensoren schalten die Laternen nach Bedarf."
    snippet = client.get("/api/search/", {"q": "Laterne"}).json()["results"][0]["snippet"]
    assert snippet == "Sensoren schalten die <mark>Laternen</mark> nach Bedarf."


def test_browse_and_repeated_filters(client, pages):
    everything = client.get("/api/search/").json()
    assert everything["total"] == 3 and everything["query"] == ""
    # values of one parameter OR-ed, parameters AND-ed
    data = client.get("/api/search/?type=case_study&type=template&topic=energie-und-klima&municipality=" + OLPE).json()
    assert [h["title"] for h in data["results"]] == ["Ratsvorlage Straßenbeleuchtung"]
    # a facet ignores its own selection
    assert {v["value"]: v["count"] for v in data["facets"]["municipality"]} == {ARNSBERG: 1, OLPE: 1}


@pytest.mark.parametrize(
    "params, parameter",
    [
        ({"type": "article"}, "type"),
        ({"district": "5958"}, "district"),
        ({"district": "12345"}, "district"),  # well-formed, but no Kreis of Südwestfalen
        ({"municipality": "0595800"}, "municipality"),
        ({"municipality": "11000000"}, "municipality"),  # Berlin
        ({"topic": "Mobilität!"}, "topic"),
        ({"phase": "done"}, "phase"),
        ({"near": "Arnsberg"}, "near"),
        ({"near": ARNSBERG, "radius": "1000"}, "radius"),
        ({"near": ARNSBERG, "radius": "-5"}, "radius"),
        ({"near": ARNSBERG, "radius": "nah"}, "radius"),
        ({"radius": "20"}, "radius"),
        ({"sort": "distance"}, "sort"),
        ({"sort": "popular"}, "sort"),
        ({"page": "0"}, "page"),
        ({"page": "zwei"}, "page"),
        ({"page": "2"}, "page"),  # past the end: three hits fit on one page
        ({"page_size": "51"}, "page_size"),
        ({"q": "x" * 201}, "q"),
        ({"q": "Licht\x00"}, "q"),
    ],
)
def test_invalid_parameters_are_400_naming_the_parameter(client, pages, params, parameter):
    response = client.get("/api/search/", params)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["parameter"] == parameter
    assert len(error["message"]) > 10
    assert not SearchQueryLog.objects.exists()


HOSTILE = [
    '"',
    "'",
    "\\",
    "\\\\\\",
    "*",
    "?",
    "~1",
    "^2",
    "a:b",
    "title:OZG",
    "(",
    ")]}",
    "{",
    "/",
    "//",
    "' OR 1=1 --",
    '"; DROP TABLE search_searchentry; --',
    "%",
    "%%",
    "_",
    "%_\\",
    "<script>alert(1)</script>",
    "<mark>x</mark>",
    "&amp;",
    "AND",
    "OR NOT",
    '+-&&||!(){}[]^"~*?:\\/',
    "ÄÖÜß",
    "\u200b\u200d",
    "\ufeff",
    "🚲🚌",
    "ﷺ",
    "a" * 200,
    " ".join(["wort"] * 39),
    "\U0010ffff",
    "\t\n",
    "-",
    "--",
    "…",
]


def test_hostile_query_strings_never_cause_a_server_error(client, pages):
    for q in HOSTILE:
        response = client.get("/api/search/", {"q": q})
        assert response.status_code == 200, q
        data = response.json()
        # Echoed as searched: normalised, and cut to the limits of the folded text.
        assert data["query"] == limit_query(unicodedata.normalize("NFC", " ".join(q.split()))), q
        for hit in data["results"]:
            assert "<script>" not in hit["snippet"], q
        response = client.get("/api/search/suggest/", {"q": q})
        assert response.status_code == 200, q
    too_long = client.get("/api/search/", {"q": " ".join(["wort"] * 60)})
    assert too_long.status_code == 400 and too_long.json()["error"]["parameter"] == "q"


def test_invalid_percent_encoding_is_handled(client, pages):
    response = client.get("/api/search/?q=%FF%FE%ZZ&tag=%C3")
    assert response.status_code in (200, 400)
    assert "error" in response.json() or "results" in response.json()


def test_only_get_is_allowed(client, pages):
    assert client.post("/api/search/", {"q": "x"}).status_code == 405


def test_suggest_returns_titles_and_tags(client, pages):
    data = client.get("/api/search/suggest/", {"q": "straßenbel"}).json()
    assert data["query"] == "straßenbel"
    titles = [s["text"] for s in data["suggestions"] if s["kind"] == "page"]
    assert set(titles) == {"Smarte Straßenbeleuchtung mit LoRaWAN", "Ratsvorlage Straßenbeleuchtung"}
    page = next(s for s in data["suggestions"] if s["kind"] == "page" and s["text"].startswith("Ratsvorlage"))
    assert page["url"] == pages[1].url and page["type"] == "template" and page["kind_label"] == "Vorlage"

    tags = client.get("/api/search/suggest/", {"q": "lora"}).json()["suggestions"]
    assert tags[0] == {
        "text": "LoRaWAN",
        "kind": "tag",
        "value": "lorawan",
        "url": "/suche/?tag=lorawan",
        "kind_label": "Schlagwort",
    }
    assert client.get("/api/search/suggest/", {"q": "s"}).json()["suggestions"] == []
    assert client.get("/api/search/suggest/").json()["suggestions"] == []


def test_suggest_limit_and_bad_parameters(client, pages):
    assert len(client.get("/api/search/suggest/", {"q": "str", "limit": "1"}).json()["suggestions"]) == 1
    for params, parameter in (
        ({"q": "x" * 201}, "q"),
        ({"q": "str", "limit": "0"}, "limit"),
        ({"q": "str", "limit": "viele"}, "limit"),
    ):
        response = client.get("/api/search/suggest/", params)
        assert response.status_code == 400
        assert response.json()["error"]["parameter"] == parameter


def test_searches_are_logged_without_personal_data(client, pages, django_user_model):
    user = django_user_model.objects.create_user("kaemmerin", password="x")
    client.force_login(user)
    client.get("/api/search/", {"q": "OZG Leitfaden", "topic": "mobilitaet"}, REMOTE_ADDR="203.0.113.7")
    client.get("/api/search/", {"q": "Straßenbeleuchtung"})
    client.get("/api/search/", {"q": "Straßenbeleuchtung", "page": "1", "page_size": "1"})
    client.get("/api/search/", {"q": "Straßenbeleuchtung", "page": "2", "page_size": "1"})  # paging: not a new search
    client.get("/api/search/suggest/", {"q": "stra"})  # keystrokes are not searches

    logs = list(SearchQueryLog.objects.order_by("id").values("query", "filters", "result_count", "backend"))
    assert logs == [
        {"query": "ozg leitfaden", "filters": {"topic": ["mobilitaet"]}, "result_count": 0, "backend": "database"},
        {"query": "straßenbeleuchtung", "filters": {}, "result_count": 2, "backend": "database"},
        {"query": "straßenbeleuchtung", "filters": {}, "result_count": 2, "backend": "database"},
    ]
    stored = " ".join(str(v) for row in SearchQueryLog.objects.values() for v in row.values())
    assert "203.0.113.7" not in stored and "kaemmerin" not in stored


def test_elasticsearch_time_is_reported_in_server_timing(client, pages, elasticsearch):
    from search import service
    from search.backends.elasticsearch import index

    service.reset_backend_state()
    index.ensure_index(elasticsearch, settings.SEARCH_INDEX_ALIAS)
    index_in_elasticsearch(elasticsearch, pages)
    response = client.get("/api/search/", {"q": "Straßenbeleuchtung"})
    assert response.json()["backend"] == "elasticsearch" and response.json()["total"] == 2
    timing = {entry.split(";")[0].strip(): entry for entry in response["Server-Timing"].split(",")}
    assert set(timing) == {"es", "search"}
    es_ms = float(timing["es"].split("dur=")[1].split(";")[0])
    search_ms = float(timing["search"].split("dur=")[1].split(";")[0])
    assert 0 <= es_ms <= search_ms


def test_the_database_backend_sends_no_elasticsearch_timing(client, pages):
    response = client.get("/api/search/", {"q": "Straßenbeleuchtung"})
    assert response.json()["backend"] == "database"
    assert "es;" not in response.get("Server-Timing", "")


# -- adoptions: the count per hit and sort=adoptions -------------------------------------------


def adopt(page, ags, status="implemented"):
    from transfer.models import Adoption
    from wiki.models import Municipality

    return Adoption.objects.create(
        page=page,
        municipality=Municipality.objects.get(ags=ags),
        status=status,
        reason="Zu teuer." if status == "discarded" else "",
    )


def adopt_all(capture, pages):
    """The template by two towns, the case study by one (a discarded one does not count),
    recorded as a user would: the outbox brings the counts to the index after commit."""
    lora, template, _bus = pages
    with capture(execute=True):
        adopt(template, SOEST)
        adopt(template, BRILON, status="interested")
        adopt(lora, SOEST, status="preparing")
        adopt(lora, BESTWIG, status="discarded")


def titles_and_counts(data):
    return [(hit["title"], hit["adoptions"]) for hit in data["results"]]


def test_hits_carry_their_adoptions_and_sort_by_them(client, pages, django_capture_on_commit_callbacks):
    adopt_all(django_capture_on_commit_callbacks, pages)
    relevance = client.get("/api/search/", {"q": "Straßenbeleuchtung"}).json()
    assert dict(titles_and_counts(relevance)) == {
        "Smarte Straßenbeleuchtung mit LoRaWAN": 1,
        "Ratsvorlage Straßenbeleuchtung": 2,
    }
    most = client.get("/api/search/", {"q": "Straßenbeleuchtung", "sort": "adoptions"}).json()
    assert titles_and_counts(most) == [
        ("Ratsvorlage Straßenbeleuchtung", 2),
        ("Smarte Straßenbeleuchtung mit LoRaWAN", 1),
    ]
    browse = client.get("/api/search/", {"sort": "adoptions"}).json()
    assert titles_and_counts(browse) == [
        ("Ratsvorlage Straßenbeleuchtung", 2),
        ("Smarte Straßenbeleuchtung mit LoRaWAN", 1),
        ("Bürgerbus im Dorf", 0),
    ]


def test_changing_or_deleting_an_adoption_updates_the_count(client, pages, django_capture_on_commit_callbacks):
    from transfer.models import Adoption

    adopt_all(django_capture_on_commit_callbacks, pages)
    template = pages[1]
    with django_capture_on_commit_callbacks(execute=True):
        for adoption in Adoption.objects.filter(page=template):
            adoption.status, adoption.reason = "discarded", "Passt nicht."
            adoption.save()
    browse = client.get("/api/search/", {"sort": "adoptions"}).json()
    assert titles_and_counts(browse)[0] == ("Smarte Straßenbeleuchtung mit LoRaWAN", 1)
    assert dict(titles_and_counts(browse))["Ratsvorlage Straßenbeleuchtung"] == 0
    with django_capture_on_commit_callbacks(execute=True):
        Adoption.objects.filter(page=pages[0]).delete()
    assert {hit["adoptions"] for hit in client.get("/api/search/").json()["results"]} == {0}


def test_unknown_sort_names_the_allowed_ones_in_german(client, pages):
    response = client.get("/api/search/", {"sort": "beliebt"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert (
        error["parameter"] == "sort" and "Unbekannte Sortierung" in error["message"] and "adoptions" in error["message"]
    )


def test_elasticsearch_sorts_by_adoptions_kept_current_by_the_outbox(
    client, pages, elasticsearch, settings, django_capture_on_commit_callbacks
):
    from search import service
    from search.backends.elasticsearch import index

    settings.SEARCH_SYNC_INLINE_TIMEOUT = 10
    service.reset_backend_state()
    index.ensure_index(elasticsearch, settings.SEARCH_INDEX_ALIAS)
    index_in_elasticsearch(elasticsearch, pages)
    adopt_all(django_capture_on_commit_callbacks, pages)
    elasticsearch.indices.refresh(index=settings.SEARCH_INDEX_ALIAS)
    most = client.get("/api/search/", {"q": "Straßenbeleuchtung", "sort": "adoptions"}).json()
    assert most["backend"] == "elasticsearch"
    assert titles_and_counts(most) == [
        ("Ratsvorlage Straßenbeleuchtung", 2),
        ("Smarte Straßenbeleuchtung mit LoRaWAN", 1),
    ]
    browse = client.get("/api/search/", {"sort": "adoptions"}).json()
    assert [count for _title, count in titles_and_counts(browse)] == [2, 1, 0]
