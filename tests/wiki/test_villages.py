"""Villages (Ortsteile): CSV import, who maintains them, pages naming them, the town page's
list, search by a village's name on both backends, and import/export of the page columns."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from search import reference, service
from search.backends.database import DatabaseBackend
from search.backends.database import index as fallback_index
from search.query import SearchQuery
from wiki.imports import KnowledgeImporter
from wiki.models import CaseStudyPage, KnowledgePage, Municipality, Village
from wiki.villages import import_villages

from .conftest import ARNSBERG, SOEST, town
from .test_importers import CASE_STUDY

pytestmark = pytest.mark.django_db

CSV = (
    "\ufeffmunicipality;name;latitude;longitude\n"
    "Arnsberg;Hüsten;51,42;8,02\n"
    "05958004;Neheim;;\n"
    "Entenhausen;Duckburg;;\n"
    "Arnsberg;;;\n"
    "Arnsberg;Oeventrop;nördlich;8,14\n"
    "Arnsberg;Müschede;51,4;\n"
    "Arnsberg;hüsten;;\n"
    "Soest;Ostönnen;51,588;8,05\n"
)


def _import(text, tmp_path):
    path = tmp_path / "ortsteile.csv"
    path.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    error = None
    try:
        call_command("import_villages", str(path), stdout=out, stderr=err)
    except CommandError as exc:
        error = exc
    return out.getvalue(), err.getvalue(), error


def test_import_villages_reports_bad_lines_by_number_and_imports_the_rest(site_tree, tmp_path):
    out, err, error = _import(CSV, tmp_path)
    assert error is not None  # non-zero exit: some lines failed
    assert "Zeile 4: Kommune „Entenhausen“ unbekannt" in err
    assert "Zeile 5: „name“ fehlt" in err
    assert "Zeile 6: „latitude“ „nördlich“ ist keine Zahl" in err
    assert "Zeile 7: „latitude“ und „longitude“ gehören zusammen" in err
    assert "Zeile 8: „hüsten“ in Arnsberg steht schon in Zeile 2" in err
    assert "… 8 von 8 Zeilen" in out
    assert "Ortsteile: 8 Zeilen: 3 angelegt, 0 aktualisiert, 0 unverändert, 5 fehlerhaft." in out
    huesten = Village.objects.get(name="Hüsten")
    assert huesten.municipality.ags == ARNSBERG and (huesten.latitude, huesten.longitude) == (51.42, 8.02)
    assert Village.objects.get(name="Neheim").latitude is None
    # a second run changes nothing; a changed coordinate updates
    result = import_villages(CSV.replace("51,42;8,02", "51,43;8,02"))
    assert (result.created, result.updated, result.unchanged) == (0, 1, 2)
    assert Village.objects.count() == 3


def test_import_villages_needs_its_columns(site_tree):
    result = import_villages("gemeinde,ort\nArnsberg,Neheim\n")
    assert result.errors == [
        "Zeile 1: Spalte(n) „municipality“, „name“ fehlen; erwartet werden municipality, name, latitude, longitude"
    ]
    assert import_villages(b"\xff\xfe").errors[0].startswith("Datei: keine gültige UTF-8-Kodierung")


@pytest.fixture
def villages(site_tree):
    arnsberg = Municipality.objects.get(ags=ARNSBERG)
    return {
        "huesten": Village.objects.create(municipality=arnsberg, name="Hüsten"),
        "neheim": Village.objects.create(municipality=arnsberg, name="Neheim"),
        "ampen": Village.objects.create(municipality=Municipality.objects.get(ags=SOEST), name="Ampen"),
    }


@pytest.fixture
def village_pages(villages, page_factory):
    bus = page_factory.case_study("Bürgerbus für die Dörfer", for_villages=True)
    bus.villages.set([villages["huesten"]])
    bus.save_revision().publish()
    lesson = page_factory.lesson("Fahrplan mit den Dörfern abstimmen")
    lesson.villages.set([villages["huesten"], villages["neheim"]])
    lesson.save_revision().publish()
    draft = page_factory.case_study("Entwurf zum Dorfladen", live=False)
    draft.villages.set([villages["neheim"]])
    draft.save_revision()
    return {"bus": CaseStudyPage.objects.get(pk=bus.pk), "lesson": lesson, "draft": draft}


def test_pages_show_their_villages_and_the_town_page_lists_villages_with_content(client, village_pages):
    html = client.get(village_pages["bus"].url).content.decode()
    assert "<dt>Ortsteil</dt>" in html and "<li>Hüsten</li>" in html
    assert "Geeignet für</dt><dd>Dörfer und den ländlichen Raum" in html
    assert "<dt>Ortsteile</dt>" in client.get(village_pages["lesson"].url).content.decode()
    town_page = client.get(town(ARNSBERG).url).content.decode()
    section = town_page.split('id="villages"', 1)[1].split("</section>", 1)[0]
    assert "Ortsteile von Arnsberg (2)" in section
    huesten, neheim = section.split('<h3 class="village-name">')[1:]
    assert "Bürgerbus für die Dörfer" in huesten and "Fahrplan mit den Dörfern abstimmen" in huesten
    assert "Fahrplan mit den Dörfern abstimmen" in neheim and "Entwurf zum Dorfladen" not in neheim
    assert "Ampen" not in section


def _search(backend, **params):
    return service.search(SearchQuery.from_params(params, reference.get()), backend=backend)


def _ids(backend, q=None, **params):
    return {hit.id for hit in _search(backend, **({"q": q} if q else {}), **params).results}


def _check_village_search(backend, pages):
    found = {pages["bus"].pk, pages["lesson"].pk}
    assert _ids(backend, "Hüsten") == found
    assert _ids(backend, "Huesten") == found  # the umlaut spelled out
    assert _ids(backend, "Husten") == found  # and left out
    assert _ids(backend, "Neheim") == {pages["lesson"].pk}  # never the draft
    # the filters: by village (browsing and with text), and pages meant for rural areas
    assert _ids(backend, village=["05958004-neheim"]) == {pages["lesson"].pk}
    assert _ids(backend, "Fahrplan Bürgerbus", village=["05958004-huesten"]) == found
    assert _ids(backend, area=["rural"]) == {pages["bus"].pk}
    facets = _search(backend, q="Dörfer").facets
    assert {(v.value, v.label, v.count) for v in facets["village"]} == {
        ("05958004-huesten", "Hüsten (Arnsberg)", 2),
        ("05958004-neheim", "Neheim (Arnsberg)", 1),
    }
    assert [(v.value, v.label, v.count) for v in facets["area"]] == [("rural", "Für Dörfer / ländlichen Raum", 1)]


def test_search_finds_pages_by_village_name_on_the_database_backend(village_pages, settings):
    settings.ELASTICSEARCH_URL = None
    for page in KnowledgePage.objects.all():
        fallback_index.upsert_entry(page)
    _check_village_search(DatabaseBackend(), village_pages)


def test_search_finds_pages_by_village_name_on_elasticsearch(village_pages, elasticsearch, settings):
    from search.backends.elasticsearch import ElasticsearchBackend, index
    from tests.search.factories import index_in_elasticsearch

    index.ensure_index(elasticsearch, settings.SEARCH_INDEX_ALIAS)
    index_in_elasticsearch(elasticsearch, list(KnowledgePage.objects.values_list("pk", flat=True)))
    _check_village_search(ElasticsearchBackend(elasticsearch, settings.SEARCH_INDEX_ALIAS), village_pages)


def test_renaming_a_village_reindexes_the_pages_naming_it(village_pages, villages, django_capture_on_commit_callbacks):
    from search.models import IndexTask

    IndexTask.objects.all().delete()
    villages["huesten"].name = "Hüsten (Ruhr)"
    villages["huesten"].save()
    queued = set(IndexTask.objects.values_list("page_id", flat=True))
    assert {village_pages["bus"].pk, village_pages["lesson"].pk} <= queued


def _refused(response):
    """Wagtail answers a refused admin request with 403 or a redirect to the dashboard."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def test_curators_and_own_town_editors_maintain_villages(client, villages, editor_arnsberg, curator):
    client.force_login(editor_arnsberg)
    listing = client.get(reverse("wagtailsnippets_wiki_village:list")).content.decode()
    assert "Hüsten" in listing and "Ampen" not in listing
    form = client.get(reverse("wagtailsnippets_wiki_village:add")).content.decode()
    soest = Municipality.objects.get(ags=SOEST)
    arnsberg = Municipality.objects.get(ags=ARNSBERG)
    assert f'value="{arnsberg.pk}"' in form and f'value="{soest.pk}"' not in form
    created = client.post(
        reverse("wagtailsnippets_wiki_village:add"),
        {"municipality": arnsberg.pk, "name": "Herdringen", "latitude": "", "longitude": ""},
    )
    assert created.status_code == 302 and Village.objects.filter(name="Herdringen").exists()
    refused = client.post(reverse("wagtailsnippets_wiki_village:add"), {"municipality": soest.pk, "name": "Meiningsen"})
    assert refused.status_code == 200 and not Village.objects.filter(name="Meiningsen").exists()
    other = reverse("wagtailsnippets_wiki_village:edit", args=[villages["ampen"].pk])
    assert _refused(client.post(other, {"municipality": soest.pk, "name": "Umbenannt"}))
    villages["ampen"].refresh_from_db()
    assert villages["ampen"].name == "Ampen"
    assert _refused(client.get(other))
    assert _refused(client.post(reverse("wagtailsnippets_wiki_village:delete", args=[villages["ampen"].pk])))
    assert Village.objects.filter(pk=villages["ampen"].pk).exists()
    # the page form offers only the villages of the page's town
    page_form = client.get(
        reverse("wagtailadmin_pages:add", args=["wiki", "casestudypage", town(ARNSBERG).pk])
    ).content.decode()
    assert "Hüsten" in page_form and "Ampen" not in page_form

    client.force_login(curator)
    assert "Ampen" in client.get(reverse("wagtailsnippets_wiki_village:list")).content.decode()
    assert client.post(other, {"municipality": soest.pk, "name": "Ampen-Süd"}).status_code == 302
    villages["ampen"].refresh_from_db()
    assert villages["ampen"].name == "Ampen-Süd"


def test_village_columns_import_and_export(villages, site_tree):
    importer = KnowledgeImporter()
    record = {**CASE_STUDY, "villages": ["hüsten", "Neheim"], "for_villages": True}
    assert importer.import_record(1, record).status == "created"
    page = CaseStudyPage.objects.get(external_id=CASE_STUDY["external_id"])
    assert page.for_villages and {v.name for v in page.villages.all()} == {"Hüsten", "Neheim"}
    out = io.StringIO()
    call_command("export_knowledge", "--format", "jsonl", stdout=out, stderr=io.StringIO())
    exported = json.loads(out.getvalue().splitlines()[0])
    assert exported["villages"] == ["Hüsten", "Neheim"] and exported["for_villages"] is True
    again = KnowledgeImporter().import_record(1, exported)
    assert again.status == "unchanged", again.message
    wrong = KnowledgeImporter().import_record(2, {**record, "external_id": "x-2", "villages": ["Ampen"]})
    assert (
        wrong.status == "failed"
        and "Ortsteil „Ampen“ gibt es in Arnsberg nicht (bekannt: Hüsten, Neheim)" in wrong.message
    )


def test_demo_villages_cover_the_pioneer_towns(site_tree):
    from wiki.demo.loader import DATA, VILLAGES_FILE

    result = import_villages((DATA / VILLAGES_FILE).read_bytes())
    assert not result.errors and result.created >= 24
    pioneers = set(Municipality.objects.filter(pioneer=True).values_list("pk", flat=True))
    assert pioneers <= set(Village.objects.values_list("municipality_id", flat=True))


def test_bad_village_and_area_parameters_get_a_german_400(client, site_tree):
    response = client.get("/api/search/", {"village": "Hüsten"})
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "village"
    assert "05958004-huesten" in response.json()["error"]["message"]
    response = client.get("/api/search/", {"area": "stadt"})
    assert response.status_code == 400 and response.json()["error"]["parameter"] == "area"
    assert client.get("/suche/", {"area": "stadt"}).status_code == 400
