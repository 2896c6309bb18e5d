"""Issue 13: the curators' query report counts searches, not page views or filter clicks;
it separates "nothing found" from "the filters excluded everything"; the period is chosen
by the curator; the table downloads as CSV for German Excel."""

import pytest
from bs4 import BeautifulSoup

from search.backends.database import index as fallback_index
from search.models import SearchQueryLog
from tests.search.factories import make_page

ARNSBERG, SIEGEN = "05958004", "05970040"


@pytest.fixture
def pages(site_tree):
    page = make_page(ARNSBERG, "Bürgerbus im Dorf", "Ehrenamtliche fahren den Bus.", topics=("mobilitaet",))
    fallback_index.upsert_entry(page)
    return page


@pytest.fixture
def curator_client(client, django_user_model, site_tree):
    from wiki.permissions import ensure_curator_group

    curator = django_user_model.objects.create_user("kuratorin", password="x")
    curator.groups.add(ensure_curator_group())
    client.force_login(curator)
    return client


def logged():
    return list(SearchQueryLog.objects.order_by("pk").values_list("query", "result_count", "unfiltered_count"))


def test_a_search_counts_once_however_often_its_filters_change(client, pages):
    client.get("/suche/", {"q": "Bürgerbus"})
    # refinements of the same text, coming from the search page: not new searches
    same = "http://testserver/suche/?q=B%C3%BCrgerbus"
    client.get("/suche/", {"q": "Bürgerbus", "type": "case_study"}, HTTP_REFERER=same)
    client.get("/suche/", {"q": "bürgerbus ", "sort": "date"}, HTTP_REFERER=same)
    assert logged() == [("bürgerbus", 1, None)]
    # a changed text is a new search, also from the search page
    client.get("/suche/", {"q": "Dorfbus"}, HTTP_REFERER=same)
    # the same text started elsewhere (start page, bookmark without Referer) counts again
    client.get("/suche/", {"q": "Bürgerbus"}, HTTP_REFERER="http://testserver/")
    client.get("/suche/", {"q": "Bürgerbus"})
    assert [row[0] for row in logged()] == ["bürgerbus", "dorfbus", "bürgerbus", "bürgerbus"]
    # a Referer from another host is not a refinement
    client.get("/suche/", {"q": "Bürgerbus"}, HTTP_REFERER="http://elsewhere.example/suche/?q=B%C3%BCrgerbus")
    assert len(logged()) == 5


def test_filtered_zero_results_record_the_hits_without_filters(client, pages):
    client.get("/suche/", {"q": "Bürgerbus", "type": "template"})
    client.get("/suche/", {"q": "Zeppelin", "type": "template"})
    client.get("/suche/", {"q": "Zeppelin"}, HTTP_REFERER="http://testserver/")
    assert logged() == [("bürgerbus", 0, 1), ("zeppelin", 0, 0), ("zeppelin", 0, None)]


def test_report_separates_nothing_found_from_filtered_out(curator_client, site_tree):
    for query, count, unfiltered in (("ozg", 3, None), ("zeppelin", 0, None), ("zeppelin", 0, 0), ("bürgerbus", 0, 4)):
        SearchQueryLog.objects.create(query=query, result_count=count, unfiltered_count=unfiltered, backend="database")
    soup = BeautifulSoup(curator_client.get("/admin/reports/suchanfragen/").content, "html.parser")

    def table(table_id):
        return [
            [" ".join(td.get_text().split()) for td in tr.find_all("td")][:2]
            for tr in soup.select(f"#{table_id} tbody tr")
        ]

    assert table("zero-queries") == [["zeppelin", "2"]]
    assert table("filtered-out-queries") == [["bürgerbus", "1"]]
    assert "4 Suchen seit" in soup.get_text()


def test_report_period_is_chosen_and_a_bad_period_is_a_german_400(curator_client, site_tree):
    SearchQueryLog.objects.create(query="neu", result_count=1, backend="database")
    old = SearchQueryLog.objects.create(query="vor zwei monaten", result_count=1, backend="database")
    SearchQueryLog.objects.filter(pk=old.pk).update(created_at="2000-01-01T00:00:00Z")
    recent = SearchQueryLog.objects.create(query="vor 50 tagen", result_count=1, backend="database")
    from datetime import timedelta

    from django.utils import timezone

    SearchQueryLog.objects.filter(pk=recent.pk).update(created_at=timezone.now() - timedelta(days=50))

    def top(days):
        response = curator_client.get("/admin/reports/suchanfragen/", {"days": days})
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.find("select", id="report-days").find("option", selected=True)["value"] == days
        return [tr.find("td").get_text() for tr in soup.select("#top-queries tbody tr")]

    assert top("30") == ["neu"]
    assert top("90") == ["neu", "vor 50 tagen"]
    response = curator_client.get("/admin/reports/suchanfragen/", {"days": "abc"})
    assert response.status_code == 400
    assert "Unbekannter Zeitraum „abc“ (Parameter days)" in response.content.decode()


def test_report_downloads_as_csv_for_german_excel(curator_client, site_tree):
    for query, count, unfiltered in (
        ("straßenlaterne", 0, None),
        ("straßenlaterne", 0, 2),
        ("straßenlaterne", 5, None),
        ("=cmd", 1, None),
    ):
        SearchQueryLog.objects.create(query=query, result_count=count, unfiltered_count=unfiltered, backend="database")
    response = curator_client.get("/admin/reports/suchanfragen/", {"days": "7", "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="suchanfragen-7-tage-')
    body = response.content
    assert body.startswith("\ufeff".encode())  # BOM
    lines = body.decode("utf-8-sig").splitlines()
    assert lines[0] == "Suchbegriff;Suchen;davon nichts gefunden;davon Filter schlossen alles aus;zuletzt gesucht"
    assert lines[1].startswith("straßenlaterne;3;1;1;")
    assert lines[2].startswith("'=cmd;1;0;0;")  # no formula in Excel


def test_report_is_for_curators_only(client, django_user_model, site_tree):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("redakteur", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/reports/suchanfragen/", {"format": "csv"}).status_code in (302, 403)
