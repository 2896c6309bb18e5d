"""Issue 13: the start page leads somewhere: newest case studies and templates, topics with
counts (the same as the search's), pioneer towns, a way in for editors, and the search box
that search.js turns into the autocomplete combobox."""

import re

import pytest
from bs4 import BeautifulSoup

from search.backends.database import index as fallback_index
from tests.search.factories import make_page

ARNSBERG, OLPE = "05958004", "05966024"


def text(node):
    return " ".join(node.get_text().split())


@pytest.fixture
def soup(client, site_tree):
    pages = [
        make_page(ARNSBERG, "Digitale Parkraumsteuerung", topics=("mobilitaet",)),
        make_page(OLPE, "Ratsvorlage Parken", kind="template", topics=("mobilitaet",)),
        make_page(OLPE, "Entwurf Parkhaus", publish=False, topics=("mobilitaet",)),
        make_page(OLPE, "Internes Konzept", restricted=True, topics=("mobilitaet",)),
    ]
    for page in pages:
        fallback_index.upsert_entry(page)
    response = client.get("/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_title_is_not_doubled(soup):
    assert text(soup.title) == "Transferwiki Südwestfalen"


def test_newest_case_studies_and_templates_without_drafts(soup):
    cases = [text(a) for a in soup.select("#newest-case-studies .teaser-list a")]
    templates = [text(a) for a in soup.select("#newest-templates .teaser-list a")]
    assert cases == ["Digitale Parkraumsteuerung"]
    assert templates == ["Ratsvorlage Parken"]
    assert "Entwurf Parkhaus" not in soup.get_text() and "Internes Konzept" not in soup.get_text()


def test_topics_with_the_count_the_search_shows(client, soup):
    tiles = {a["href"]: text(a) for a in soup.select("#home-topics a")}
    assert len(tiles) == 10
    assert tiles["/suche/?topic=mobilitaet"] == "Mobilität 2 Beiträge"
    search = BeautifulSoup(client.get("/suche/?topic=mobilitaet").content, "html.parser")
    assert text(search.find(id="result-count")).startswith("2 Treffer")
    assert tiles["/suche/?topic=bildung"] == "Bildung 0 Beiträge"


def test_pioneer_towns_and_editor_login(soup):
    towns = [text(a) for a in soup.select("#pioneer-towns .town-chips a")]
    assert towns == ["Arnsberg", "Bad Berleburg", "Iserlohn", "Menden (Sauerland)", "Olpe", "Soest"]
    login = soup.select_one("#for-editors a")
    assert text(login) == "Für Redaktionen: Anmelden" and login["href"] == "/admin/"


def test_search_box_is_ready_for_the_autocomplete(soup):
    form = soup.find("form", id="search-form")
    assert form["action"] == "/suche/" and form["data-suggest-url"] == "/api/search/suggest/"
    box = form.find("input", id="search-q")
    assert box["name"] == "q" and soup.find("label", attrs={"for": "search-q"})
    assert [s["src"] for s in soup.find_all("script")] == ["/static/js/search.js"]


def test_footer_has_its_links_list(soup):
    footer = soup.find("footer")
    nav = footer.find("nav", attrs={"aria-label": "Fußzeile"})
    assert nav is not None and re.search("Offene Daten", text(nav))
