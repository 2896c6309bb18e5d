"""The transfer features where visitors meet them: adoptions on case studies, templates and
town pages, the most adopted solutions and the map on the start page, the map on the town
index and the search page, feed links in the head and as visible links."""

import pytest
from bs4 import BeautifulSoup

from search.backends.database import index as fallback_index
from tests.transfer.conftest import BESTWIG, adopt, restrict, town

pytestmark = pytest.mark.django_db

SOEST = "05974040"
ARNSBERG = "05958004"


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def text(node):
    return " ".join(node.get_text().split()) if node is not None else ""


def map_points(soup):
    svg = soup.select_one("svg.region-map-svg")
    assert svg is not None, "no map on the page"
    return {a["aria-label"].split(",")[0]: a for a in svg.select("a.map-point")}


def head_feeds(soup):
    return {
        link["title"]: link["href"] for link in soup.head.select('link[rel="alternate"][type="application/atom+xml"]')
    }


def test_case_study_shows_adoptions_and_feeds_in_head(client, page_factory):
    page = page_factory.case_study("Digitale Parkraumsteuerung", tags=("Parken",))
    adopt(page, SOEST, note="Start im Frühjahr")
    adopt(page, BESTWIG, status="discarded", reason="Kein Personal")
    soup = get(client, page.url)
    panel = soup.select_one("section#uebernahmen")
    assert text(panel.h2) == "Übernommen von 1 Kommune"
    assert "Soest: umgesetzt" in text(panel) and "Start im Frühjahr" in text(panel)
    assert "Bestwig: verworfen" in text(panel) and "Kein Personal" in text(panel)
    feeds = head_feeds(soup)
    assert feeds["Neues aus Arnsberg"] == f"/feeds/kommune/{ARNSBERG}.xml"
    assert feeds["Schlagwort Parken"].startswith("/feeds/schlagwort/")


def test_template_page_shows_adoptions(client, page_factory):
    page = page_factory.template("Muster-Ratsvorlage Parken")
    soup = get(client, page.url)
    assert text(soup.select_one("section#uebernahmen h2")) == "Noch von keiner Kommune übernommen"
    adopt(page, SOEST, status="interested")
    soup = get(client, page.url)
    assert text(soup.select_one("section#uebernahmen h2")) == "Übernommen von 1 Kommune"
    assert "Soest: interessiert" in text(soup.select_one("section#uebernahmen"))


def test_lesson_page_has_no_adoption_panel(client, page_factory):
    soup = get(client, page_factory.lesson().url)
    assert soup.select_one("section#uebernahmen") is None


def test_town_page_shows_what_was_taken_over_and_follow_links(client, page_factory):
    page = page_factory.case_study("Mobilstation")
    adopt(page, SOEST)
    arnsberg = get(client, town(ARNSBERG).url)
    section = arnsberg.select_one("section.municipality-adoptions")
    assert "Andere Kommunen haben von Arnsberg übernommen" in text(
        section
    ) and "Mobilstation – Soest: umgesetzt" in text(section)
    soest = get(client, town(SOEST).url)
    assert "Mobilstation von Arnsberg: umgesetzt" in text(soest.select_one("section.municipality-adoptions"))
    follow = soest.select_one("nav.follow-links")
    links = {text(a): a["href"] for a in follow.select("a")}
    assert links["Neues aus Soest (Atom-Feed)"] == f"/feeds/kommune/{SOEST}.xml"
    assert links["Per E-Mail folgen"] == f"/folgen/?municipality={SOEST}"
    assert head_feeds(soest)["Neues aus Soest"] == f"/feeds/kommune/{SOEST}.xml"


def test_start_page_shows_most_adopted_and_the_map(client, page_factory):
    page = page_factory.case_study("Mobilstation")
    adopt(page, SOEST)
    adopt(page, BESTWIG, status="preparing")
    soup = get(client, "/")
    most = soup.select_one("section.most-adopted")
    assert "Mobilstation (Arnsberg) – von 2 Kommunen übernommen" in text(most)
    points = map_points(soup)
    assert len(points) == 59 and points["Arnsberg"]["href"] == "/kommunen/arnsberg/"
    lines = [text(line.title) for line in soup.select("svg.region-map-svg g.map-links line")]
    assert sorted(lines) == ["Arnsberg → Bestwig: 1 Übernahme", "Arnsberg → Soest: 1 Übernahme"]
    assert soup.select_one("figure.region-map details.region-map-list table") is not None  # list alternative


def test_town_index_shows_the_map(client, site_tree):
    soup = get(client, "/kommunen/")
    assert len(map_points(soup)) == 59
    assert text(soup.select_one("#map-heading")) == "Karte der Region"


def test_search_page_highlights_hits_draws_radius_and_offers_the_search_as_feed(client, page_factory):
    page = page_factory.case_study("Parkraum digital steuern", ags=SOEST)
    fallback_index.upsert_entry(page)
    soup = get(client, f"/suche/?q=Parkraum&near={ARNSBERG}&radius=30")
    assert "1 Treffer" in text(soup.select_one("#result-count"))
    points = map_points(soup)
    assert "hervorgehoben" in points["Soest"]["aria-label"]
    assert "hervorgehoben" not in points["Arnsberg"]["aria-label"]
    circle = soup.select_one("svg.region-map-svg circle.map-radius")
    assert circle is not None and text(circle.title) == "Umkreis 30 km um Arnsberg"
    feed = soup.select_one("nav.follow-links a[type='application/atom+xml']")
    assert text(feed) == "Diese Suche als Feed (Atom-Feed)"
    assert feed["href"].startswith("/feeds/suche.xml?") and "q=Parkraum" in feed["href"] and "radius=30" in feed["href"]
    assert head_feeds(soup)["Diese Suche als Feed"] == feed["href"]
    assert client.get(feed["href"]).status_code == 200


def test_search_page_with_a_bad_parameter_has_no_map_and_no_500(client, site_tree):
    response = client.get("/suche/?sort=unbekannt")
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("svg.region-map-svg") is None and soup.select_one("nav.follow-links") is None


def test_unpublished_and_restricted_pages_never_show_their_adoptions_or_points(client, page_factory):
    public = page_factory.case_study("Öffentliche Lösung")
    draft = page_factory.case_study("Geheimer Entwurf")
    hidden = restrict(page_factory.template("Geschützte Vorlage"))
    for page in (public, draft, hidden):
        adopt(page, SOEST)
    draft.unpublish()
    secret = ("Geheimer Entwurf", "Geschützte Vorlage")

    start = get(client, "/")
    assert "Öffentliche Lösung" in text(start.select_one("section.most-adopted"))
    # One public page of Arnsberg: the point and the line count that one only.
    arnsberg = map_points(start)["Arnsberg"]["aria-label"]
    assert "1 öffentliche Seite," in arnsberg and "von anderen 1-mal übernommen" in arnsberg
    lines = [text(line.title) for line in start.select("svg.region-map-svg g.map-links line")]
    assert lines == ["Arnsberg → Soest: 1 Übernahme"]
    for url in ("/", "/kommunen/", town(ARNSBERG).url, town(SOEST).url, "/suche/?q=Entwurf"):
        html = client.get(url).content.decode()
        assert not any(title in html for title in secret), url
    # The unpublished page itself is gone; the restricted one asks for its password.
    assert client.get(f"/uebernahmen/{draft.pk}/").status_code in (302, 404)
    assert "Übernommen von" not in client.get(hidden.url).content.decode()
