import pytest
from bs4 import BeautifulSoup


@pytest.mark.django_db
def test_home_page_is_german_accessible_and_self_contained(client, site_tree):
    response = client.get("/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "de"
    assert soup.find("main", id="inhalt") is not None
    assert soup.find("a", class_="skip-link")["href"] == "#inhalt"
    assert soup.find("nav", attrs={"aria-label": "Hauptnavigation"}) is not None
    search_input = soup.find("input", attrs={"name": "q"})
    assert soup.find("label", attrs={"for": search_input["id"]}) is not None
    # No resource from outside the site (privacy: no CDN, fonts or scripts from elsewhere).
    for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
        for element in soup.find_all(tag):
            value = element.get(attr) or ""
            assert not value.startswith(("http:", "https:", "//")), value


def test_home_page_on_postgresql(client, postgres, site_tree):
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_municipalities_are_loaded_by_migration():
    from wiki.models import Municipality

    assert Municipality.objects.count() == 59
    assert set(Municipality.objects.filter(pioneer=True).values_list("name", flat=True)) == {
        "Arnsberg",
        "Bad Berleburg",
        "Menden (Sauerland)",
        "Olpe",
        "Soest",
        "Iserlohn",
    }
    assert Municipality.objects.values("district_ags").distinct().count() == 5
