"""The public search page /suche/ (search/views.py, templates/search/), the similar-pages tag
and the curators' report of searches.

The HTML is parsed with BeautifulSoup and checked for what a user (and a screen reader) gets:
labels, fieldsets with legends, counts, a form that works without JavaScript.
"""

import socket
from urllib.parse import parse_qs

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.template import Context, Template
from wagtail.models import Page

from search import service
from search.backends.database import index as fallback_index
from search.models import SearchQueryLog
from tests.search.factories import make_page

ARNSBERG, OLPE, SOEST, SIEGEN = "05958004", "05966024", "05974040", "05970040"


@pytest.fixture
def pages(site_tree):
    made = {
        "lighting": make_page(
            ARNSBERG,
            "Smarte Straßenbeleuchtung mit LoRaWAN",
            "Sensoren schalten die Laternen nach Bedarf.",
            body=["Die Städte sparen Strom, weil die Sensoren <b>Bewegung</b> erkennen."],
            topics=("energie-und-klima",),
            tags=["LoRaWAN"],
            phase="rollout",
        ),
        "template": make_page(
            OLPE,
            "Ratsvorlage Straßenbeleuchtung",
            "Muster für den Rat zur neuen Beleuchtung.",
            kind="template",
            topics=("energie-und-klima",),
        ),
        "lesson": make_page(
            SOEST,
            "Beleuchtung nur mit Bürgerinfo",
            "Erst informieren, dann dimmen.",
            kind="lesson",
            topics=("energie-und-klima", "beteiligung-und-engagement"),
        ),
        "bus": make_page(
            SIEGEN, "Bürgerbus im Dorf", "Ehrenamtliche fahren den Bus.", topics=("mobilitaet",), phase="operation"
        ),
    }
    for page in made.values():
        fallback_index.upsert_entry(page)
    return made


def get(client, params=None, status=200):
    response = client.get("/suche/", params or {})
    assert response.status_code == status, response.content[:500]
    return BeautifulSoup(response.content, "html.parser")


def params(url):
    path, _, query = url.partition("?")
    assert path == "/suche/"
    return parse_qs(query)


def text(node):
    return " ".join(node.get_text().split())


def facet(soup, param):
    """{value: (label text, checked)} of one facet fieldset."""
    fieldset = soup.find("fieldset", id=f"facet-{param}")
    out = {}
    for box in fieldset.find_all("input", type="checkbox"):
        label = soup.find("label", attrs={"for": box["id"]})
        out[box["value"]] = (text(label), box.has_attr("checked"))
    return out


def test_page_is_a_plain_get_form_with_a_labelled_search_box(client, pages):
    soup = get(client)
    assert soup.html["lang"] == "de"
    form = soup.find("form", id="search-form")
    assert form["method"] == "get" and form["action"] == "/suche/" and form["role"] == "search"
    box = form.find("input", attrs={"name": "q"})
    assert box["type"] == "search"
    assert text(soup.find("label", attrs={"for": box["id"]})) == "Suchbegriff"
    assert box.get("aria-describedby") and soup.find(id=box["aria-describedby"].split()[0])
    # every control of the page is inside the one GET form, so a submit carries all of them
    for name in ("near", "radius", "type", "district", "municipality", "topic", "tag", "phase"):
        assert form.find(attrs={"name": name}) is not None, name
    assert form.find("button", type="submit")
    # no ARIA combobox roles before JavaScript adds the behaviour
    assert not box.has_attr("role")
    # scripts only from our own static files, loaded deferred
    scripts = soup.find_all("script")
    assert [s["src"] for s in scripts] == ["/static/js/search.js"] and scripts[0].has_attr("defer")


def test_facets_in_fieldsets_with_legends_and_counts(client, pages):
    soup = get(client, {"q": "Beleuchtung", "type": "case_study"})
    legends = [text(fs.legend) for fs in soup.select("aside fieldset")]
    assert legends == [
        "In meiner Nähe",
        "Inhaltstyp",
        "Kreis",
        "Kommune",
        "Handlungsfeld",
        "Schlagwort",
        "Projektphase",
    ]
    # disjunctive: the type facet ignores its own selection, so the other types stay choosable
    assert facet(soup, "type") == {
        "case_study": ("Fallstudie (1 Treffer)", True),
        "lesson": ("Erfahrung (1 Treffer)", False),
        "template": ("Vorlage (1 Treffer)", False),
    }
    assert facet(soup, "district") == {"05958": ("Hochsauerlandkreis (1 Treffer)", False)}
    assert facet(soup, "topic") == {"energie-und-klima": ("Energie und Klima (1 Treffer)", False)}
    assert facet(soup, "phase") == {"rollout": ("Umsetzung (1 Treffer)", False)}


def test_results_list_with_badges_places_distance_and_highlighted_snippets(client, pages):
    soup = get(client, {"q": "Sensoren", "near": OLPE})
    status = soup.find(id="result-count")
    assert status["role"] == "status" and status["aria-live"] == "polite"
    assert text(status) == "1 Treffer für „Sensoren“."
    items = soup.select("ol.result-list > li")
    assert len(items) == 1
    item = items[0]
    assert text(item.select_one(".type-badge")) == "Fallstudie"
    link = item.find("h3").find("a")
    assert text(link) == "Smarte Straßenbeleuchtung mit LoRaWAN" and link["href"] == pages["lighting"].url
    meta = text(item.select_one(".meta"))
    assert "Arnsberg · Hochsauerlandkreis" in meta and "Phase: Umsetzung" in meta
    assert "km entfernt" in meta and "," in meta.split("km entfernt")[0]  # German decimal comma
    snippet = item.select_one(".snippet")
    assert [text(m) for m in snippet.find_all("mark")] == ["Sensoren"]
    assert snippet.find("b") is None and "Bewegung" in text(snippet)  # page markup is text, not HTML
    labels = [text(li) for li in item.select(".labels li")]
    assert labels == ["Energie und Klima", "#LoRaWAN"]


def test_near_me_picker_lists_all_59_towns_by_kreis_and_sort_offers_distance_only_with_a_town(client, pages):
    soup = get(client)
    near = soup.find("select", attrs={"name": "near"})
    assert text(soup.find("label", attrs={"for": near["id"]})) == "Meine Kommune"
    assert len([o for o in near.find_all("option") if o["value"]]) == 59
    assert [g["label"] for g in near.find_all("optgroup")] == sorted(g["label"] for g in near.find_all("optgroup"))
    radius = soup.find("select", attrs={"name": "radius"})
    assert text(soup.find("label", attrs={"for": radius["id"]})) == "Umkreis"
    # Issue 13: without query text the default order *is* newest first, and the page says so
    # instead of offering "Relevanz" and "Neueste zuerst" as if they differed.
    assert soup.find("select", attrs={"name": "sort"}) is None
    assert text(soup.find(id="sort-label")) == "Sortierung: Neueste zuerst"
    sort = get(client, {"q": "Beleuchtung"}).find("select", attrs={"name": "sort"})
    assert [(o["value"], text(o)) for o in sort.find_all("option")] == [
        ("relevance", "Relevanz"),
        ("date", "Neueste zuerst"),
    ]

    soup = get(client, {"near": ARNSBERG, "radius": "50", "sort": "distance"})
    assert soup.find("select", attrs={"name": "near"}).find("option", selected=True)["value"] == ARNSBERG
    assert soup.find("select", attrs={"name": "radius"}).find("option", selected=True)["value"] == "50"
    sort = soup.find("select", attrs={"name": "sort"})
    assert [(o["value"], text(o)) for o in sort.find_all("option")] == [
        ("relevance", "Neueste zuerst"),
        ("distance", "Entfernung"),
    ]
    assert sort.find("option", selected=True)["value"] == "distance"
    sort = get(client, {"q": "Beleuchtung", "near": ARNSBERG}).find("select", attrs={"name": "sort"})
    assert [o["value"] for o in sort.find_all("option")] == ["relevance", "date", "distance"]
    titles = [text(li.find("h3")) for li in soup.select("ol.result-list > li")]
    assert titles[0] == "Smarte Straßenbeleuchtung mit LoRaWAN"  # Arnsberg itself, 0 km
    assert "Bürgerbus im Dorf" not in titles  # Siegen is further than 50 km


def test_pagination_is_a_labelled_nav_with_prev_next(client, pages):
    soup = get(client, {"page_size": "1", "page": "2"})
    nav = soup.find("nav", attrs={"aria-label": "Seiten der Trefferliste"})
    assert nav is not None
    prev_link, next_link = nav.find("a", rel="prev"), nav.find("a", rel="next")
    assert prev_link["href"] == "/suche/?page_size=1" and next_link["href"] == "/suche/?page_size=1&page=3"
    assert text(nav.find("a", attrs={"aria-current": "page"})) == "Seite 2"
    assert soup.find("link", rel="next")["href"] == next_link["href"]
    assert soup.find("ol", class_="result-list")["start"] == "2"
    # page size survives a new search from the form
    assert soup.find("input", attrs={"type": "hidden", "name": "page_size"})["value"] == "1"


def test_empty_result_suggests_spelling_related_topics_and_dropping_filters(client, pages):
    soup = get(client, {"q": "Straßenbeleuchtnug Dorf", "type": "lesson"})
    assert text(soup.find(id="result-count")) == "Keine Treffer für „Straßenbeleuchtnug Dorf“."
    empty = soup.find(id="empty-state")
    suggestion = empty.find("p", class_="suggestion").find("a")
    assert text(suggestion) == "Straßenbeleuchtung Dorf"
    assert params(suggestion["href"]) == {"q": ["Straßenbeleuchtung Dorf"], "type": ["lesson"]}
    assert empty.find("a", string="Ohne Filter suchen")["href"] == "/suche/?q=Stra%C3%9Fenbeleuchtnug+Dorf"
    topics = {text(a): a["href"] for a in empty.select("ul a")}
    assert topics and all(href.startswith("/suche/?topic=") for href in topics.values())
    # a selected value stays, so it can be unticked; the other types say what a wider search
    # finds (pages with one of the two words)
    assert facet(soup, "type") == {
        "lesson": ("Erfahrung (0 Treffer)", True),
        "case_study": ("Fallstudie (2 Treffer)", False),
        "template": ("Vorlage (1 Treffer)", False),
    }
    assert soup.find("fieldset", id="facet-tag") is None

    soup = get(client, {"q": "Energie"})
    assert soup.find(id="empty-state") is None


def test_related_topics_follow_the_query(client, pages):
    # pages with "Klima" exist, but not in Siegen: the empty result offers the topic
    soup = get(client, {"q": "Klima Wohnungsbau Zukunft", "municipality": SIEGEN})
    topics = [text(a) for a in soup.find(id="empty-state").select("ul a")]
    assert topics == ["Energie und Klima"]


@pytest.mark.parametrize(
    "params, parameter",
    [
        ({"radius": "9999", "near": ARNSBERG}, "radius"),
        ({"type": "blog"}, "type"),
        ({"page": "7"}, "page"),
        ({"q": "x" * 300}, "q"),
    ],
)
def test_bad_parameters_show_a_german_message_with_status_400(client, pages, params, parameter):
    soup = get(client, params, status=400)
    alert = soup.find(attrs={"role": "alert"})
    assert alert is not None and "Die Suche konnte nicht ausgeführt werden." in text(alert)
    assert soup.find("form", id="search-form") is not None  # the user can correct the search right there
    if parameter in ("radius", "q"):
        field = soup.find(attrs={"name": parameter})
        assert field["aria-invalid"] == "true" and "search-error" in field["aria-describedby"]


def test_degraded_notice_when_elasticsearch_is_configured_but_down(client, pages, settings):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{closed_port}"
    service.reset_backend_state()
    try:
        soup = get(client, {"q": "Beleuchtung"})
    finally:
        service.reset_backend_state()
    notice = soup.find(id="degraded-notice")
    assert text(notice) == "Die Suche läuft gerade im Notbetrieb; Ergebnisse können unvollständig sein."
    assert len(soup.select("ol.result-list > li")) == 3  # the database fallback still answers

    settings.ELASTICSEARCH_URL = None
    assert get(client, {"q": "Beleuchtung"}).find(id="degraded-notice") is None


def test_page_searches_are_logged(client, pages):
    get(client)  # a plain visit is not a search
    get(client, {"q": "Bürgerbus", "near": SIEGEN})
    assert list(SearchQueryLog.objects.values_list("query", "filters", "result_count")) == [
        ("bürgerbus", {"near": SIEGEN}, 1)
    ]


# -- {% similar_pages page %} -------------------------------------------------------------
def render_similar(page):
    return Template("{% load search_tags %}{% similar_pages page %}").render(Context({"page": page}))


def test_similar_pages_tag_lists_pages_from_other_towns(pages):
    html = BeautifulSoup(render_similar(pages["template"]), "html.parser")
    assert text(html.find("h2")) == "Ähnliche Fallstudien"
    links = {text(a): a["href"] for a in html.find_all("a")}
    assert links.get("Smarte Straßenbeleuchtung mit LoRaWAN") == pages["lighting"].url
    assert "Ratsvorlage Straßenbeleuchtung" not in links


def test_similar_pages_tag_renders_nothing_on_error_or_without_matches(pages, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("search is down")

    monkeypatch.setattr(service, "similar", broken)
    assert render_similar(pages["lighting"]).strip() == ""
    monkeypatch.undo()
    assert render_similar(Page.objects.get(depth=1)).strip() == ""  # not an indexed page


# -- curators' report -------------------------------------------------------------------------
def test_report_of_top_and_zero_result_queries_for_curators_only(client, django_user_model, site_tree):
    for query, count in (("ozg", 3), ("breitband", 1), ("fahrradboxen", 0), ("fahrradboxen", 0)):
        SearchQueryLog.objects.create(query=query, result_count=count, backend="database")
    old = SearchQueryLog.objects.create(query="uralt", result_count=0, backend="database")
    SearchQueryLog.objects.filter(pk=old.pk).update(created_at="2000-01-01T00:00:00Z")

    editor = django_user_model.objects.create_user("redakteur", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/reports/suchanfragen/").status_code in (302, 403)

    from wiki.permissions import ensure_curator_group

    curator = django_user_model.objects.create_user("kuratorin", password="x")
    curator.groups.add(ensure_curator_group())
    client.force_login(curator)
    response = client.get("/admin/reports/suchanfragen/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    top = [[text(td) for td in tr.find_all("td")][:2] for tr in soup.select("#top-queries tbody tr")]
    assert top == [["fahrradboxen", "2"], ["breitband", "1"], ["ozg", "1"]]
    zero = [[text(td) for td in tr.find_all("td")][:2] for tr in soup.select("#zero-queries tbody tr")]
    assert zero == [["fahrradboxen", "2"]]  # "uralt" is older than 30 days
