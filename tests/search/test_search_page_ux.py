"""Issue 13 on the search page: active filters as removable chips with "Alle Filter
zurücksetzen", the "Filter (n aktiv)" disclosure after the search box, a skip link to the
results, linked topics and tags, "mehr anzeigen" instead of clipped facet boxes, a zero-result
page that says it once, and tag counts that agree with the tag overview."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from search.backends.database import index as fallback_index
from tests.search.factories import make_page, tag

ARNSBERG, OLPE, SOEST = "05958004", "05966024", "05974040"


def get(client, params=None, path="/suche/"):
    response = client.get(path, params or {})
    assert response.status_code == 200, response.content[:300]
    return BeautifulSoup(response.content, "html.parser")


def text(node):
    return " ".join(node.get_text().split())


def query_of(href):
    parts = urlsplit(href)
    assert parts.path == "/suche/"
    return parse_qs(parts.query)


@pytest.fixture
def pages(site_tree):
    rufbus = tag("Rufbus")
    mobility = tag("Mobilität digital")
    rufbus.parent = mobility
    rufbus.save()
    made = [
        make_page(
            ARNSBERG, "Rufbus im Sauerland", "Ein Rufbus fährt nach Bedarf.", topics=("mobilitaet",), tags=[rufbus]
        ),
        make_page(
            OLPE,
            "Rufbus-Vertrag",
            "Vertrag mit dem Verkehrsbetrieb.",
            kind="template",
            topics=("mobilitaet",),
            tags=[rufbus],
        ),
        make_page(SOEST, "Digitale Fahrgastinfo", "Anzeigen an Haltestellen.", topics=("mobilitaet",), tags=[mobility]),
    ]
    for page in made:
        fallback_index.upsert_entry(page)
    return made


def test_active_filters_are_removable_chips_with_a_reset_link(client, pages):
    soup = get(client, {"q": "Rufbus", "type": ["case_study", "template"], "near": ARNSBERG, "radius": "50"})
    chips = {text(a): a["href"] for a in soup.select("#active-filters .filter-chip")}
    assert set(chips) == {
        "Typ: Fallstudie × – Filter entfernen",
        "Typ: Vorlage × – Filter entfernen",
        "Umkreis: 50 km um Arnsberg × – Filter entfernen",
    }
    # removing one value keeps the other one and the text
    assert query_of(chips["Typ: Fallstudie × – Filter entfernen"]) == {
        "q": ["Rufbus"],
        "type": ["template"],
        "near": [ARNSBERG],
        "radius": ["50"],
    }
    # removing the town also removes its radius (a radius without a town is an error)
    assert query_of(chips["Umkreis: 50 km um Arnsberg × – Filter entfernen"]) == {
        "q": ["Rufbus"],
        "type": ["case_study", "template"],
    }
    reset = soup.find(id="reset-filters")
    assert text(reset) == "Alle Filter zurücksetzen" and query_of(reset["href"]) == {"q": ["Rufbus"]}
    # the disclosure says how many filters are active
    assert text(soup.find(id="filters-heading")) == "Filter (3 aktiv)"
    assert get(client, {"q": "Rufbus"}).find(id="active-filters") is None
    assert text(get(client, {"q": "Rufbus"}).find(id="filters-heading")) == "Filter"


def test_filters_come_before_results_in_a_disclosure_and_a_skip_link_leads_to_the_results(client, pages):
    soup = get(client, {"q": "Rufbus"})
    disclosure = soup.find("details", id="filters")
    assert disclosure.summary is not None and disclosure.find("fieldset") is not None
    # closed as delivered: on a phone one summary line, not three screens of filters
    assert not disclosure.has_attr("open")
    skip = [a for a in soup.select("a.skip-link") if a["href"] == "#search-results"]
    assert skip and text(skip[0]) == "Zu den Suchergebnissen springen"
    results = soup.find(id="search-results")
    assert results["tabindex"] == "-1"
    # selects are applied by a visible button, never on change (no data-auto-apply around them)
    for name in ("near", "radius"):
        select = soup.find("select", attrs={"name": name})
        assert select.find_parent(attrs={"data-auto-apply": True}) is None
        assert select.find_parent("fieldset").find("button", type="submit") is not None
    sort = soup.find("select", attrs={"name": "sort"})
    assert sort.find_parent(attrs={"data-auto-apply": True}) is None
    assert not sort.find_next_sibling("button").has_attr("data-apply-button")


def test_topics_and_tags_on_results_link_to_their_search(client, pages):
    soup = get(client, {"q": "Rufbus Sauerland"})
    item = soup.select("ol.result-list > li")[0]
    links = {text(a): a["href"] for a in item.select(".labels a")}
    assert links == {"Mobilität": "/suche/?topic=mobilitaet", "#Rufbus": "/suche/?tag=rufbus"}


def test_long_facets_show_eight_and_the_rest_behind_mehr_anzeigen(client, site_tree):
    towns = [
        "05958004",
        "05958016",
        "05958020",
        "05958024",
        "05958028",
        "05958032",
        "05958036",
        "05958040",
        "05958044",
        "05958048",
    ]
    for i, ags in enumerate(towns):
        fallback_index.upsert_entry(make_page(ags, f"Dorf-App Nummer {i}", "Eine App fürs Dorf."))
    soup = get(client, {"q": "Dorf-App"})
    fieldset = soup.find("fieldset", id="facet-municipality")
    more = fieldset.find("details", class_="facet-more")
    assert len(fieldset.select(":scope > ul.facet-list > li")) == 8
    assert len(more.select("li")) == 2 and "2 weitere" in text(more.summary)
    assert not more.has_attr("open")
    # a ticked option behind "mehr anzeigen" is never hidden
    hidden_value = more.find("input")["value"]
    soup = get(client, {"q": "Dorf-App", "municipality": hidden_value})
    more = soup.find("fieldset", id="facet-municipality").find("details", class_="facet-more")
    assert more is None or more.has_attr("open") or hidden_value not in str(more)


def test_zero_results_say_it_once(client, pages):
    soup = get(client, {"q": "Zeppelinlandeplatz"})
    page_text = text(soup.find(id="search-results"))
    assert page_text.count("Keine Treffer") == 1
    assert "nichts gefunden" not in page_text


def test_tag_overview_count_equals_the_search_count_also_for_parent_tags(client, pages):
    overview = client.get("/schlagwoerter/").content.decode()
    overview_text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", overview)).replace(" )", ")")
    for slug, name in (("mobilitaet-digital", "Mobilität digital"), ("rufbus", "Rufbus")):
        status = text(get(client, {"tag": slug}).find(id="result-count"))
        hits = int(status.split()[0])
        assert f"{name} ({hits} Beitr" in overview_text, (name, hits)
    assert "Mobilität digital (3 Beiträge)" in overview_text  # own page + two of its child tag


def test_zero_results_because_of_filters_offer_one_way_out(client, pages):
    soup = get(client, {"q": "Rufbus", "type": "lesson"})
    links = [
        a
        for a in soup.find(id="search-results").find_all("a")
        if a["href"] == "/suche/?q=Rufbus" and "filter-chip" not in a.get("class", [])
    ]
    assert [text(a) for a in links] == ["Ohne Filter suchen"]
    assert soup.select("#active-filters .filter-chip")  # the chip to remove the one filter stays


# -- issue 11: what partial matching did ------------------------------------------------------
def test_results_lacking_a_word_say_which_and_full_matches_do_not(client, pages):
    soup = get(client, {"q": "Rufbus Sauerland Förderung"})
    results = soup.select(".result")
    assert text(results[0].select_one("h3")) == "Rufbus im Sauerland"
    assert text(results[0].select_one(".missing-words")) == "Nicht gefunden: Förderung"
    vertrag = next(r for r in results if text(r.select_one("h3")) == "Rufbus-Vertrag")
    assert text(vertrag.select_one(".missing-words")) == "Nicht gefunden: Sauerland, Förderung"
    soup = get(client, {"q": "Rufbus Sauerland"})
    assert text(soup.select(".result")[0].select_one("h3")) == "Rufbus im Sauerland"
    assert soup.select_one(".result:first-child .missing-words") is None


def test_a_repaired_typo_is_named_on_the_page(client, pages):
    soup = get(client, {"q": "Rufbsu Sauerland"})
    assert text(soup.select_one(".repairs")) == "Statt „Rufbsu“ wurde auch nach „Rufbus“ gesucht."
    assert text(soup.select(".result")[0].select_one("h3")) == "Rufbus im Sauerland"
    assert get(client, {"q": "Rufbus Sauerland"}).select_one(".repairs") is None
