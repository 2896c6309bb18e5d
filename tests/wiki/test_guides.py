"""Guides (Leitfäden): the page, who publishes it, step completion per town, search on both
backends, start page, feed, and import → export → import."""

import csv
import io
import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client
from wagtail.models import GroupPagePermission

from search import reference, service
from search.backends.database import DatabaseBackend
from search.backends.database import index as fallback_index
from search.query import SearchQuery
from wiki.imports import KnowledgeImporter
from wiki.models import GuidePage, GuideStepCompletion, KnowledgePage, Municipality

from .conftest import ARNSBERG, SOEST, make_page, town
from .test_importers import CASE_STUDY, LESSON, TEMPLATE, run_import, write_jsonl

pytestmark = pytest.mark.django_db


def _steps(*steps):
    return [
        {"type": "step", "value": {"heading": heading, "text": text, "links": [page.pk for page in links]}}
        for heading, text, links in steps
    ]


@pytest.fixture
def guide(site_tree, page_factory):
    shown = page_factory.case_study("Füllstandssensoren in Containern")
    hidden = page_factory.case_study("Geheimer Entwurf", live=False)
    template = page_factory.template("Ratsvorlage Sensoren")
    page = make_page(
        GuidePage,
        ARNSBERG,
        "Einstieg für neue Kommunen",
        summary="In sechs Schritten zum ersten Projekt.",
        audience="beginners",
        effort="sechs Monate",
        author_kind="agency",
        intro="<p>Niemand muss bei null anfangen.</p>",
        steps=_steps(
            ("Bestandsaufnahme", "Was gibt es schon?", [shown, hidden]),
            ("Ratsbeschluss", "Rückhalt sichern.", [template]),
        ),
        topics=("Verwaltung und Bürgerservice",),
    )
    page.shown, page.hidden, page.template = shown, hidden, template
    return page


def test_guide_page_shows_all_fields_in_german_and_only_public_links(client, guide):
    html = client.get(guide.url).content.decode()
    assert "Leitfaden" in html and "Einstieg für neue Kommunen" in html
    for text in (
        "Zielgruppe",
        "Kommunen am Anfang",
        "Geschätzter Aufwand",
        "sechs Monate",
        "Verfasst von",
        "Südwestfalen Agentur",
        "Die Schritte (2)",
        "Bestandsaufnahme",
        "Was gibt es schon?",
        "Niemand muss bei null anfangen",
        "Füllstandssensoren in Containern",
        "Ratsvorlage Sensoren",
    ):
        assert text in html, text
    assert "Geheimer Entwurf" not in html
    assert "<h3>Bestandsaufnahme</h3>" in html
    # a visitor gets no step buttons (and no form that would set a cookie)
    assert "als erledigt markieren" not in html and "csrftoken" not in client.cookies


def test_only_curators_may_publish_guides(guide, curator, editor_arnsberg, roles):
    assert guide.permissions_for_user(curator).can_publish()
    assert not guide.permissions_for_user(editor_arnsberg).can_publish()
    assert guide.permissions_for_user(editor_arnsberg).can_edit()
    # Even a group that may publish pages below the town page may not publish a guide …
    publishers = Group.objects.create(name="Stadt Arnsberg mit Veröffentlichungsrecht")
    GroupPagePermission.objects.create(
        group=publishers,
        page=town(ARNSBERG),
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page"),
    )
    GroupPagePermission.objects.create(
        group=publishers,
        page=town(ARNSBERG),
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page"),
    )
    editor_arnsberg.groups.add(publishers)
    editor = type(editor_arnsberg).objects.get(pk=editor_arnsberg.pk)
    assert not guide.permissions_for_user(editor).can_publish()
    case_study = KnowledgePage.objects.exclude(pk=guide.pk).filter(municipality__ags=ARNSBERG).first().specific
    assert case_study.permissions_for_user(editor).can_publish()  # … while other pages it may
    # … and the admin's publish button does not publish it.
    client = Client()
    client.force_login(editor)
    response = client.get(f"/admin/pages/{guide.pk}/edit/")
    assert response.status_code == 200 and 'name="action-publish"' not in response.content.decode()


def _mark(client, guide, step_id, ags=ARNSBERG, done="1", **extra):
    return client.post(f"/leitfaeden/{guide.pk}/schritte/{step_id}/", {"municipality": ags, "done": done, **extra})


def test_editors_mark_steps_of_their_own_town_and_the_town_page_shows_progress(guide, editor_arnsberg, editor_soest):
    first, second = guide.step_ids()
    arnsberg = Municipality.objects.get(ags=ARNSBERG)
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor_arnsberg)
    page = client.get(guide.url).content.decode()
    assert "Für Arnsberg als erledigt markieren" in page and 'name="csrfmiddlewaretoken"' in page
    # without the CSRF token the POST is refused
    assert _mark(client, guide, first).status_code == 403
    token = client.cookies["csrftoken"].value
    response = _mark(client, guide, first, csrfmiddlewaretoken=token)
    assert response.status_code == 302 and response["Location"].endswith(f"#schritt-{first}")
    assert GuideStepCompletion.objects.filter(guide=guide, municipality=arnsberg, step_id=first).count() == 1
    _mark(client, guide, first, csrfmiddlewaretoken=token)  # twice is still once
    assert GuideStepCompletion.objects.filter(guide=guide, municipality=arnsberg).count() == 1
    assert "Erledigt für Arnsberg" in client.get(guide.url).content.decode()

    town_page = Client().get(town(ARNSBERG).url).content.decode()
    assert "Leitfäden: So weit ist Arnsberg" in town_page and "1 von 2 Schritten erledigt" in town_page
    assert '<progress max="2" value="1"' in town_page
    assert "0 von 2 Schritten erledigt" in Client().get(town(SOEST).url).content.decode()

    # another town's editor may not mark Arnsberg's steps
    other = Client()
    other.force_login(editor_soest)
    refused = _mark(other, guide, second)
    assert refused.status_code == 403 and "Redaktion von Arnsberg" in refused.content.decode()
    assert _mark(other, guide, second, ags=SOEST).status_code == 302
    # unmarking
    _mark(client, guide, first, done="0", csrfmiddlewaretoken=token)
    assert not GuideStepCompletion.objects.filter(guide=guide, municipality=arnsberg).exists()


def test_marking_steps_refuses_bad_requests_in_german(guide, editor_arnsberg, curator):
    step = guide.step_ids()[0]
    anonymous = _mark(Client(), guide, step)
    assert anonymous.status_code == 403 and "melden Sie sich an" in anonymous.content.decode()
    client = Client()
    client.force_login(editor_arnsberg)
    assert client.get(f"/leitfaeden/{guide.pk}/schritte/{step}/").status_code == 405
    bad = _mark(client, guide, step, ags="5958004")
    assert bad.status_code == 400 and "„municipality“" in bad.content.decode()
    unknown_town = _mark(client, guide, step, ags="99999999")
    assert unknown_town.status_code == 400 and "unbekannt" in unknown_town.content.decode()
    assert _mark(client, guide, step, done="ja").status_code == 400
    assert _mark(client, guide, "kein-schritt").status_code == 404
    assert _mark(client, guide.shown, step).status_code == 404  # not a guide
    # the redirect never leaves the site
    away = _mark(client, guide, step, next="https://example.org/")
    assert away.status_code == 302 and away["Location"] == guide.url
    # curators may mark for any town
    curating = Client()
    curating.force_login(curator)
    assert _mark(curating, guide, step, ags=SOEST).status_code == 302
    # a draft guide cannot be marked
    draft = make_page(GuidePage, ARNSBERG, "Entwurf eines Leitfadens", live=False, steps=_steps(("Eins", "", [])))
    assert _mark(client, draft, draft.step_ids()[0]).status_code == 404


def test_start_page_lists_learning_paths_and_the_feed_carries_guides(client, guide):
    make_page(GuidePage, ARNSBERG, "Datenstrategie für Verwaltungsspitzen", audience="leadership")
    home = client.get("/").content.decode()
    assert "Lernpfade und Leitfäden" in home and "Einstieg für neue Kommunen" in home
    # beginners' paths come first
    assert home.index("Einstieg für neue Kommunen") < home.index("Datenstrategie für Verwaltungsspitzen")
    assert "Kommunen am Anfang · 2 Schritte · sechs Monate" in home
    feed = client.get("/neu.xml").content.decode()
    assert "Leitfaden: Einstieg für neue Kommunen (Arnsberg)" in feed


def _search_guides(backend, **params):
    query = SearchQuery.from_params({"type": ["guide"], **params}, reference.get())
    return service.search(query, backend=backend)


def test_type_guide_filters_and_step_text_is_found_on_the_database_backend(client, guide, settings):
    settings.ELASTICSEARCH_URL = None
    for page in KnowledgePage.objects.all():
        fallback_index.upsert_entry(page)
    data = client.get("/api/search/", {"type": "guide"}).json()
    assert [hit["title"] for hit in data["results"]] == ["Einstieg für neue Kommunen"]
    assert {"value": "guide", "label": "Leitfaden", "count": 1} in client.get("/api/search/").json()["facets"]["type"]
    # a one-word step heading is indexed
    found = _search_guides(DatabaseBackend(), q="Bestandsaufnahme")
    assert [hit.id for hit in found.results] == [guide.pk]


def test_type_guide_filters_and_step_text_is_found_on_elasticsearch(guide, elasticsearch, settings):
    from search.backends.elasticsearch import ElasticsearchBackend, index
    from tests.search.factories import index_in_elasticsearch

    index.ensure_index(elasticsearch, settings.SEARCH_INDEX_ALIAS)
    index_in_elasticsearch(elasticsearch, list(KnowledgePage.objects.values_list("pk", flat=True)))
    backend = ElasticsearchBackend(elasticsearch, settings.SEARCH_INDEX_ALIAS)
    assert [hit.id for hit in _search_guides(backend).results] == [guide.pk]
    assert [hit.id for hit in _search_guides(backend, q="Bestandsaufnahme").results] == [guide.pk]
    facets = service.search(SearchQuery.from_params({}, reference.get()), backend=backend).facets
    assert {"value": "guide", "label": "Leitfaden", "count": 1} in [value.to_dict() for value in facets["type"]]


GUIDE = {
    "external_id": "sw-guide-1",
    "type": "guide",
    "title": "Einstieg für neue Kommunen",
    "municipality": "Olpe",
    "summary": "Der Lernpfad für Kommunen, die neu anfangen.",
    "body": "Niemand muss bei null anfangen.",
    "topics": ["Verwaltung und Bürgerservice"],
    "tags": ["OZG"],
    "audience": "beginners",
    "effort": "sechs Monate",
    "author": "agency",
    "steps": [
        {"heading": "Bestandsaufnahme", "text": "Was gibt es schon?", "links": ["as-2021-bauantrag", "so-lesson-1"]},
        {"heading": "Ratsbeschluss", "text": "Rückhalt sichern.", "links": [TEMPLATE["external_id"]]},
    ],
    "live": True,
}


def _export(fmt="jsonl"):
    out = io.StringIO()
    call_command("export_knowledge", "--format", fmt, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_guides_import_export_and_reimport_unchanged(site_tree, tmp_path):
    out, err, error = run_import(write_jsonl(tmp_path, [CASE_STUDY, LESSON, TEMPLATE, GUIDE]))
    assert error is None, err
    guide = GuidePage.objects.get(external_id="sw-guide-1")
    assert guide.get_audience_display() == "Kommunen am Anfang" and guide.effort == "sechs Monate"
    assert [step["heading"] for step in guide.step_list()] == ["Bestandsaufnahme", "Ratsbeschluss"]
    assert [page.title for page in guide.step_list()[0]["links"]] == ["Digitaler Bauantrag", "Bauämter früh einbinden"]

    exported = {json.loads(line)["external_id"]: json.loads(line) for line in _export().splitlines()}
    assert exported["sw-guide-1"] == {**GUIDE, "municipality": "05966024"}
    # JSON Lines and CSV exports re-import without a change
    path = tmp_path / "export.jsonl"
    path.write_text(_export(), encoding="utf-8")
    out, _err, _error = run_import(path)
    assert "0 angelegt, 0 aktualisiert, 4 unverändert" in out
    csv_path = tmp_path / "export.csv"
    csv_path.write_text(_export("csv"), encoding="utf-8")
    row = next(
        row for row in csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))) if row["type"] == "guide"
    )
    assert json.loads(row["steps"])[1]["heading"] == "Ratsbeschluss"
    out, err, _error = run_import(csv_path)
    assert "0 angelegt, 0 aktualisiert, 4 unverändert" in out, out + err


def test_reimport_keeps_the_ids_of_steps_with_the_same_heading(site_tree, tmp_path):
    run_import(write_jsonl(tmp_path, [CASE_STUDY, LESSON, TEMPLATE, GUIDE]))
    before = GuidePage.objects.get(external_id="sw-guide-1").step_ids()
    changed = {
        **GUIDE,
        "steps": [{"heading": "Vorab", "text": "Neu."}, {**GUIDE["steps"][0], "text": "Anders."}, GUIDE["steps"][1]],
    }
    out, err, _error = run_import(write_jsonl(tmp_path, [changed], name="neu.jsonl"))
    assert "1 aktualisiert" in out, err
    after = GuidePage.objects.get(external_id="sw-guide-1").step_ids()
    assert after[1:] == before and after[0] not in before


@pytest.mark.parametrize(
    "steps, reason",
    [
        ("kein json", "„steps“ ist kein gültiges JSON"),
        ([{"heading": ""}], "„heading“ fehlt"),
        ([{"heading": "A", "farbe": "rot"}], "erlaubt sind die Felder heading, text und links"),
        ([{"heading": "A", "links": ["gibt-es-nicht"]}], "„gibt-es-nicht“ („steps, Schritt 1“) nicht gefunden"),
    ],
)
def test_bad_steps_are_refused_with_the_reason(site_tree, steps, reason):
    result = KnowledgeImporter().import_record(3, {**GUIDE, "steps": steps})
    assert result.status == "failed" and reason in result.message, result.message
    assert not GuidePage.objects.exists()


def test_guide_columns_on_other_types_of_a_spreadsheet_are_ignored_with_a_warning(site_tree):
    result = KnowledgeImporter(spreadsheet=True).import_record(4, {**CASE_STUDY, "audience": "beginners"})
    assert result.status == "created"
    assert result.warnings == ["Zeile 4: „audience“ gibt es nur bei guide – Spalte ignoriert"]
