"""Issue 13: the 500 page is styled, has a viewport tag and a way back, and renders with
nothing but the template engine (no database, no context processors, no static files)."""

from bs4 import BeautifulSoup
from django.template import loader


def test_500_page_renders_standalone_without_database():
    # No django_db mark: any database access while rendering would fail this test.
    html = loader.get_template("500.html").render({})
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html["lang"] == "de"
    assert soup.find("meta", attrs={"name": "viewport"})["content"] == "width=device-width, initial-scale=1"
    assert soup.find("style") is not None and not soup.find("link", rel="stylesheet")
    assert soup.find("a", string="Zur Startseite")["href"] == "/"
    assert soup.find("h1").get_text() == "Ein Fehler ist aufgetreten"


def test_500_handler_uses_it(rf):
    from django.views import defaults

    response = defaults.server_error(rf.get("/kaputt/"))
    assert response.status_code == 500 and b"Zur Startseite" in response.content
