"""Issue 13: a town's page is useful without content of its own: what nearby towns (by
distance) and towns of the same size class have published; no "(0)" dead-end headings."""

import re

import pytest

from .conftest import ARNSBERG, SOEST, town

pytestmark = pytest.mark.django_db

SUNDERN, BALVE, WINTERBERG = "05958044", "05962008", "05958048"


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace(" )", ")")


def section(html, section_id):
    return html.split(f'id="{section_id}"', 1)[1].split("</section>", 1)[0]


def test_town_without_content_shows_nearby_and_similar_towns(client, page_factory):
    page_factory.case_study("Bürgerbus-App", ags=ARNSBERG)
    page_factory.lesson("Sensoren früh testen", ags=SOEST)
    page_factory.case_study("Noch im Entwurf", ags=BALVE, live=False)
    page_factory.template("Dorf-App Vertrag", ags=WINTERBERG)

    response = client.get(town(SUNDERN).url)
    assert response.status_code == 200
    html = response.content.decode()
    text = text_of(html)
    assert "(0)" not in text
    assert "Sundern (Sauerland) hat noch keine Fallstudie, Erfahrung oder Vorlage veröffentlicht." in text
    assert 'href="/admin/"' in section(html, "own-content")

    nearby = section(html, "nearby-towns")
    names = re.findall(r'<h3><a href="[^"]+">([^<]+)</a>', nearby)
    assert names == ["Arnsberg", "Soest", "Winterberg"]  # by distance from Sundern; Balve only has a draft
    assert "Bürgerbus-App" in nearby and "km entfernt" in text_of(nearby)
    assert "Noch im Entwurf" not in html
    assert (
        f'href="/suche/?near={SUNDERN}&amp;radius=30"' in nearby or f'href="/suche/?near={SUNDERN}&radius=30"' in nearby
    )


def test_similar_size_lists_other_towns_of_the_same_size_class(client, page_factory):
    from wiki import municipality_context

    page_factory.case_study("Bürgerbus-App", ags=ARNSBERG)  # 50.000 and more
    page_factory.case_study("Wärmeplanung", ags=SOEST)  # 20.000 to 50.000
    municipality_context.NEARBY_TOWNS, old = 0, municipality_context.NEARBY_TOWNS
    try:
        html = client.get(town("05974028").url).content.decode()  # Lippstadt, 50.000 and more
    finally:
        municipality_context.NEARBY_TOWNS = old
    similar = section(html, "similar-towns")
    assert "Arnsberg" in similar and "Soest" not in similar
    assert "50.000 Einwohner und mehr" in text_of(similar)


def test_town_with_content_lists_only_its_published_types(client, page_factory):
    page_factory.case_study("Bürgerbus-App", ags=ARNSBERG)
    html = client.get(town(ARNSBERG).url).content.decode()
    own = text_of(section(html, "own-content"))
    assert "Fallstudien (1)" in own and "Bürgerbus-App" in own
    assert "Erfahrungen" not in own and "Vorlagen" not in own
