"""Atom feeds per topic, tag, town, Kreis, type and search: valid Atom, public pages only."""

import xml.etree.ElementTree as ET

import pytest

from tests.transfer.conftest import restrict

ATOM = "{http://www.w3.org/2005/Atom}"


def parse_atom(response):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert (root.find(f"{ATOM}{name}").text or "").strip(), name
    entries = root.findall(f"{ATOM}entry")
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert (entry.find(f"{ATOM}{name}").text or "").strip(), name
        assert entry.find(f"{ATOM}link").get("href").startswith("http")
    return [entry.find(f"{ATOM}title").text for entry in entries]


@pytest.fixture
def pages(page_factory):
    from search.backends.database import index as fallback_index

    made = {
        "public": page_factory.case_study("Bürgerbus digital", tags=["Bürgerbus"], topics=("Mobilität",)),
        "template": page_factory.template(
            "Muster-Ausschreibung Bürgerbus", ags=page_factory.SOEST, topics=("Mobilität",)
        ),
        "draft": page_factory.case_study("Geheimer Entwurf", live=False, tags=["Bürgerbus"]),
        "restricted": restrict(page_factory.case_study("Nur intern", tags=["Bürgerbus"])),
    }
    # The search side's own after-commit indexing does not run inside a test transaction.
    for page in made.values():
        fallback_index.upsert_entry(page)
    return made


def test_feeds_of_every_kind_parse_and_exclude_drafts(db, client, pages):
    topic = pages["public"].topics.first().slug
    tag = pages["public"].tags.first().slug
    urls = [
        f"/feeds/handlungsfeld/{topic}.xml",
        f"/feeds/schlagwort/{tag}.xml",
        "/feeds/kommune/05958004.xml",
        "/feeds/kreis/05958.xml",
        "/feeds/art/case_study.xml",
        "/feeds/suche.xml?q=Bürgerbus",
    ]
    for url in urls:
        titles = parse_atom(client.get(url))
        assert any("Bürgerbus digital" in t for t in titles), url
        assert not any("Geheimer Entwurf" in t or "Nur intern" in t for t in titles), url
    assert parse_atom(client.get("/feeds/kommune/05974040.xml")) == ["Vorlage: Muster-Ausschreibung Bürgerbus (Soest)"]
    assert parse_atom(client.get("/feeds/art/template.xml")) == ["Vorlage: Muster-Ausschreibung Bürgerbus (Soest)"]


def test_search_feed_takes_the_search_parameters(db, client, pages):
    titles = parse_atom(client.get("/feeds/suche.xml?q=Bürgerbus&type=template"))
    assert titles == ["Vorlage: Muster-Ausschreibung Bürgerbus (Soest)"]


def test_bad_parameters_are_400_or_404_in_german(db, client, pages):
    response = client.get("/feeds/suche.xml?radius=5")
    assert response.status_code == 400 and "radius" in response.content.decode()
    assert client.get("/feeds/handlungsfeld/gibt-es-nicht.xml").status_code == 404
    assert client.get("/feeds/kreis/99999.xml").status_code == 404
    assert client.get("/feeds/art/unbekannt.xml").status_code == 404


def test_control_characters_are_stripped(db, client, page_factory):
    page_factory.case_study("Steuerzeichen\x0b im Titel", summary="Kurz\x08 und\x1f knapp")
    root = ET.fromstring(client.get("/feeds/kommune/05958004.xml").content)
    entry = root.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == "Fallstudie: Steuerzeichen im Titel (Arnsberg)"
    assert entry.find(f"{ATOM}summary").text == "Kurz und knapp"


def test_feed_links_for_pages_and_searches(db, pages):
    from django.template import Context, Template

    from search import reference
    from search.query import SearchQuery

    html = Template("{% load transfer_tags %}{% feed_head_links page %}").render(Context({"page": pages["public"]}))
    assert 'rel="alternate" type="application/atom+xml"' in html
    assert (
        "/feeds/kommune/05958004.xml" in html and "/feeds/kreis/05958.xml" in html and "/feeds/handlungsfeld/" in html
    )
    query = SearchQuery.from_params({"q": ["Bürgerbus"], "page": ["2"]}, reference.get())
    html = Template("{% load transfer_tags %}{% follow_links search_query=query %}").render(Context({"query": query}))
    assert 'href="/feeds/suche.xml?q=B%C3%BCrgerbus"' in html and "Diese Suche als Feed" in html
    assert 'href="/folgen/?q=B%C3%BCrgerbus"' in html


def test_search_feed_links_to_itself_with_its_parameters(db, client, pages):
    root = ET.fromstring(client.get("/feeds/suche.xml?q=Bürgerbus&page=3").content)
    self_link = root.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link == "http://testserver/feeds/suche.xml?q=B%C3%BCrgerbus"
    assert root.find(f"{ATOM}id").text == "http://testserver/suche/?q=B%C3%BCrgerbus"
