"""The region map: every town a linked, named point; pioneers marked; adoption lines."""

import re
import xml.etree.ElementTree as ET

from django.template import Context, Template
from django.test import RequestFactory

from tests.transfer.conftest import BESTWIG, adopt, restrict
from transfer.region_map import build_map, render_svg

SVG = "{http://www.w3.org/2000/svg}"
SOEST = "05974040"


def _svg(html):
    return ET.fromstring(re.search(r"<svg.*?</svg>", html, re.S).group(0))


def test_map_has_59_linked_points_with_accessible_names(db, page_factory):
    page_factory.case_study()
    root = _svg(str(render_svg(build_map())))
    assert root.get("role") == "group" and root.find(f"{SVG}title").text.startswith("Karte")
    links = root.findall(f".//{SVG}a")
    assert len(links) == 59
    names = [a.get("aria-label") for a in links]
    assert all(names) and len(set(names)) == 59
    arnsberg = next(a for a in links if a.get("aria-label").startswith("Arnsberg,"))
    assert "Pionierkommune" in arnsberg.get("aria-label") and "1 öffentliche Seite" in arnsberg.get("aria-label")
    assert arnsberg.get("href") == "/kommunen/arnsberg/"
    assert arnsberg.find(f"{SVG}polygon") is not None  # pioneers are diamonds, the others circles
    assert sum(1 for a in links if a.find(f"{SVG}polygon") is not None) == 6
    districts = {a.get("aria-label").split(", ")[1] for a in links}
    assert len(districts) == 5


def test_points_are_placed_by_coordinates(db):
    points = {p.municipality.name: p for p in build_map().points}
    # Olpe lies south of Arnsberg and Soest north; Iserlohn west of Arnsberg.
    assert points["Olpe"].y > points["Arnsberg"].y > points["Soest"].y
    assert points["Iserlohn"].x < points["Arnsberg"].x


def test_adoption_lines_only_for_public_pages(db, page_factory):
    public = page_factory.case_study()
    hidden = page_factory.case_study("Geschützt")
    adopt(public, SOEST)
    adopt(hidden, BESTWIG)
    restrict(hidden)
    root = _svg(str(render_svg(build_map())))
    lines = root.findall(f".//{SVG}g[@class='map-links']/{SVG}line")
    assert [line.find(f"{SVG}title").text for line in lines] == ["Arnsberg → Soest: 1 Übernahme"]


def test_tag_highlights_results_and_draws_radius(db):
    template = Template('{% load transfer_tags %}{% region_map highlight=hits center="05958004" radius_km="20" %}')
    request = RequestFactory().get("/")
    html = template.render(Context({"request": request, "hits": [SOEST]}))
    root = _svg(html)
    soest = next(a for a in root.iter(f"{SVG}a") if a.get("aria-label").startswith("Soest,"))
    assert "hervorgehoben" in soest.get("aria-label")
    circle = root.find(f".//{SVG}circle[@class='map-radius']")
    assert circle.find(f"{SVG}title").text == "Umkreis 20 km um Arnsberg"
    # the list alternative
    assert "<details" in html and "<summary>Kommunen als Liste (1 hervorgehoben)</summary>" in html
    assert html.count("<caption>") == 5


def test_bad_radius_is_ignored_not_an_error(db, client):
    response = client.get("/karte/?near=05958004&radius=abc")
    assert response.status_code == 200 and "map-radius" not in response.content.decode()
