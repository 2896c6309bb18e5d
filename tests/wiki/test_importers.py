"""import_knowledge / import_taxonomy: what an agency with a spreadsheet sees."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from wiki.models import CaseStudyPage, KnowledgePage, LessonPage, Tag, TemplatePage

pytestmark = pytest.mark.django_db

CASE_STUDY = {
    "external_id": "as-2021-bauantrag",
    "type": "case_study",
    "title": "Digitaler Bauantrag",
    "municipality": "05958004",
    "summary": "Bauanträge gehen online ein und werden digital geprüft.",
    "body": "Vorweg ein Satz.\n\n## Ziel\n\nSchneller genehmigen.\nOhne Papier.\n\n## Übertragbarkeit\n\nGut übertragbar auf kleine Kommunen.",
    "topics": ["Verwaltung und Bürgerservice"],
    "tags": ["Bauantrag", "OZG"],
    "phase": "rollout",
    "year": 2021,
    "live": True,
}
LESSON = {
    "external_id": "so-lesson-1",
    "type": "lesson",
    "title": "Bauämter früh einbinden",
    "municipality": "Soest",
    "summary": "Ohne die Sachbearbeitung scheitert jede Digitalisierung.",
    "body": "Wir haben zuerst die Software gekauft.\n\n## Was passiert ist\n\nNiemand nutzte sie.\n\n## Empfehlung\n\nErst Abläufe klären, dann kaufen.",
    "topics": ["Verwaltung und Bürgerservice"],
    "tags": ["OZG"],
    "case_study": "as-2021-bauantrag",
}
TEMPLATE = {
    "external_id": "as-vorlage-1",
    "type": "template",
    "title": "Muster-Ratsvorlage Digitaler Bauantrag",
    "municipality": "Arnsberg",
    "summary": "Ratsvorlage zur Einführung des digitalen Bauantrags.",
    "body": "Mit Begründung & Kostenschätzung.",
    "topics": ["Verwaltung und Bürgerservice"],
    "tags": [],
    "case_study": "as-2021-bauantrag",
}
DRAFT = {
    "external_id": "ol-entwurf",
    "type": "case_study",
    "title": "Smarte Straßenbeleuchtung (Entwurf)",
    "municipality": "Olpe",
    "summary": "Noch nicht freigegeben.",
    "body": "",
    "topics": ["Energie und Klima"],
    "tags": ["Straßenbeleuchtung"],
    "phase": "concept",
    "live": False,
}


def write_jsonl(tmp_path, records, name="wissen.jsonl"):
    path = tmp_path / name
    lines = [record if isinstance(record, str) else json.dumps(record, ensure_ascii=False) for record in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_import(path):
    out, err = io.StringIO(), io.StringIO()
    error = None
    try:
        call_command("import_knowledge", str(path), stdout=out, stderr=err)
    except CommandError as exc:
        error = exc
    return out.getvalue(), err.getvalue(), error


def test_import_creates_each_page_type_with_its_fields(site_tree, tmp_path):
    path = write_jsonl(tmp_path, [CASE_STUDY, LESSON, TEMPLATE, DRAFT])
    out, err, error = run_import(path)
    assert error is None, err
    assert "Zeile 1: as-2021-bauantrag angelegt" in out
    assert "4 Zeilen: 4 angelegt, 0 aktualisiert, 0 unverändert, 0 fehlerhaft." in out

    case = CaseStudyPage.objects.get(external_id="as-2021-bauantrag")
    assert case.live and case.municipality.name == "Arnsberg"
    assert case.get_parent().specific.municipality.name == "Arnsberg"
    assert case.phase == "rollout" and case.start_year == 2021
    assert sorted(case.tags.values_list("name", flat=True)) == ["Bauantrag", "OZG"]
    assert [block.block_type for block in case.body] == ["text", "section", "section"]
    assert [block.value["kind"] for block in list(case.body)[1:]] == ["goal", "transferability"]
    assert case.body[1].value["text"].source == "<p>Schneller genehmigen.<br/>Ohne Papier.</p>"

    lesson = LessonPage.objects.get(external_id="so-lesson-1")
    assert lesson.municipality.name == "Soest" and lesson.case_study_id == case.pk
    assert lesson.what_was_tried == "<p>Wir haben zuerst die Software gekauft.</p>"
    assert lesson.what_happened == "<p>Niemand nutzte sie.</p>"
    assert lesson.recommendation == "<p>Erst Abläufe klären, dann kaufen.</p>"

    template = TemplatePage.objects.get(external_id="as-vorlage-1")
    assert list(template.case_studies.all()) == [case]
    assert template.description == "<p>Mit Begründung &amp; Kostenschätzung.</p>"

    draft = CaseStudyPage.objects.get(external_id="ol-entwurf")
    assert draft.live is False
    assert draft.get_latest_revision().content["title"] == "Smarte Straßenbeleuchtung (Entwurf)"


def test_running_the_same_file_again_changes_nothing(site_tree, tmp_path):
    path = write_jsonl(tmp_path, [CASE_STUDY, LESSON, TEMPLATE, DRAFT])
    run_import(path)
    revisions = Revision.objects.count()
    tags = Tag.objects.count()
    pages = {
        page.pk: (page.live, page.last_published_at, page.latest_revision_id) for page in KnowledgePage.objects.all()
    }

    out, err, error = run_import(path)
    assert error is None, err
    assert "4 Zeilen: 0 angelegt, 0 aktualisiert, 4 unverändert, 0 fehlerhaft." in out
    assert Revision.objects.count() == revisions
    assert Tag.objects.count() == tags
    assert {
        page.pk: (page.live, page.last_published_at, page.latest_revision_id) for page in KnowledgePage.objects.all()
    } == pages


def test_bad_lines_are_reported_with_line_numbers_and_write_nothing(site_tree, tmp_path):
    lines = [
        CASE_STUDY,
        '{"external_id": "kaputt", "type": ',
        {**LESSON, "external_id": ""},
        {**CASE_STUDY, "external_id": "x-1", "municipality": "Entenhausen"},
        {**CASE_STUDY, "external_id": "x-2", "topics": ["Raumfahrt"]},
        {**CASE_STUDY, "external_id": "x-3", "phase": "fertig", "tags": ["Ganz neues Schlagwort"]},
        {**CASE_STUDY, "external_id": "x-4", "year": 1850},
        {**LESSON, "external_id": "x-5", "case_study": "gibt-es-nicht"},
        {**CASE_STUDY, "external_id": "x-6", "body": "## Zwischenfazit\n\nText"},
        {**CASE_STUDY, "title": "Doppelt"},
        {**CASE_STUDY, "external_id": "x-7", "type": "projekt"},
        {**CASE_STUDY, "external_id": "x-8", "titel": "Tippfehler"},
        {**CASE_STUDY, "external_id": "x-9", "summary": "x" * 601},
        "[1, 2]",
        LESSON,
    ]
    out, err, error = run_import(write_jsonl(tmp_path, lines))

    assert error is not None  # the command exits non-zero
    expected = {
        2: "kein gültiges JSON",
        3: "„external_id“ fehlt oder ist leer",
        4: "Kommune „Entenhausen“ unbekannt",
        5: "Handlungsfeld „Raumfahrt“ unbekannt",
        6: "„phase“ „fertig“ unbekannt",
        7: "Jahreszahl zwischen 1990 und 2100",
        8: "Fallstudie „gibt-es-nicht“",
        9: "unbekannte Überschrift „## Zwischenfazit“",
        10: "kommt schon in Zeile 1 vor",
        11: "„type“ muss case_study, lesson, template, guide oder event sein",
        12: "unbekanntes Feld „titel“",
        13: "höchstens 600",
        14: "JSON-Objekt",
    }
    for number, reason in expected.items():
        assert f"Zeile {number}: " in err and reason in err.split(f"Zeile {number}: ", 1)[1].split("\n", 1)[0], (
            number,
            err,
        )
    assert "15 Zeilen: 2 angelegt, 0 aktualisiert, 0 unverändert, 13 fehlerhaft." in out

    assert set(KnowledgePage.objects.values_list("external_id", flat=True)) == {"as-2021-bauantrag", "so-lesson-1"}
    assert CaseStudyPage.objects.get(external_id="as-2021-bauantrag").title == "Digitaler Bauantrag"
    # The tag of the failed line 6 was rolled back with it.
    assert not Tag.objects.filter(name="Ganz neues Schlagwort").exists()


def test_changed_lines_update_the_page_and_live_false_keeps_the_live_version(site_tree, tmp_path):
    run_import(write_jsonl(tmp_path, [CASE_STUDY, LESSON]))
    case = CaseStudyPage.objects.get(external_id="as-2021-bauantrag")
    first_url = case.url

    out, err, error = run_import(
        write_jsonl(tmp_path, [{**CASE_STUDY, "title": "Digitaler Bauantrag für alle", "phase": "operation"}])
    )
    assert error is None and "aktualisiert" in out
    case.refresh_from_db()
    assert case.title == "Digitaler Bauantrag für alle" and case.phase == "operation"
    assert case.url == first_url  # the address stays

    run_import(write_jsonl(tmp_path, [{**CASE_STUDY, "title": "Nur ein Entwurf", "live": False}]))
    case.refresh_from_db()
    assert case.live and case.title == "Digitaler Bauantrag für alle"
    assert case.has_unpublished_changes
    assert case.get_latest_revision().content["title"] == "Nur ein Entwurf"

    # Publishing the same content later publishes the stored draft.
    out, _, _ = run_import(write_jsonl(tmp_path, [{**CASE_STUDY, "title": "Nur ein Entwurf"}]))
    case.refresh_from_db()
    assert "veröffentlicht" in out and case.title == "Nur ein Entwurf" and not case.has_unpublished_changes


def test_missing_keys_leave_fields_alone_and_empty_values_clear_them(site_tree, tmp_path):
    run_import(write_jsonl(tmp_path, [CASE_STUDY]))
    partial = {key: CASE_STUDY[key] for key in ("external_id", "type")} | {"summary": "Neue Kurzbeschreibung."}
    run_import(write_jsonl(tmp_path, [partial]))
    case = CaseStudyPage.objects.get(external_id="as-2021-bauantrag")
    assert case.summary == "Neue Kurzbeschreibung."
    assert case.tags.count() == 2 and case.start_year == 2021

    run_import(write_jsonl(tmp_path, [{**partial, "tags": [], "year": None}]))
    case.refresh_from_db()
    assert case.tags.count() == 0 and case.start_year is None


def test_changed_municipality_moves_the_page(site_tree, tmp_path):
    run_import(write_jsonl(tmp_path, [CASE_STUDY]))
    out, err, error = run_import(write_jsonl(tmp_path, [{**CASE_STUDY, "municipality": "Menden (Sauerland)"}]))
    assert error is None, err
    case = CaseStudyPage.objects.get(external_id="as-2021-bauantrag")
    assert case.municipality.name == "Menden (Sauerland)"
    assert case.get_parent().specific.municipality.name == "Menden (Sauerland)"
    assert case.url.startswith("/kommunen/menden-sauerland/")


def test_tags_are_found_by_synonym_instead_of_duplicated(site_tree, tmp_path):
    Tag.objects.create(name="Onlinezugangsgesetz", synonyms="OZG")
    run_import(write_jsonl(tmp_path, [CASE_STUDY]))
    case = CaseStudyPage.objects.get(external_id="as-2021-bauantrag")
    assert sorted(case.tags.values_list("name", flat=True)) == ["Bauantrag", "Onlinezugangsgesetz"]
    assert not Tag.objects.filter(name="OZG").exists()


def test_type_of_an_existing_page_cannot_change(site_tree, tmp_path):
    run_import(write_jsonl(tmp_path, [CASE_STUDY]))
    _, err, error = run_import(write_jsonl(tmp_path, [{**LESSON, "external_id": CASE_STUDY["external_id"]}]))
    assert error is not None and "Zeile 1: " in err and "Typ" in err


def test_csv_file_in_export_layout_imports(site_tree, tmp_path):
    path = tmp_path / "liste.csv"
    path.write_text(
        "\ufeffexternal_id,type,title,municipality,summary,body,topics,tags,phase,year,case_study,live\r\n"
        'csv-1,case_study,Dorf-App,Bestwig,Eine App für das Dorfleben.,"Absatz eins\n\nAbsatz zwei",'
        "Beteiligung und Engagement; Daten und Infrastruktur,App; Ehrenamt,pilot,2023,,true\r\n"
        "csv-2,lesson,Kaputte Zeile,Bestwig,Kurz.,,Bildung,,falsch,,,true\r\n",
        encoding="utf-8",
    )
    out, err, error = run_import(path)
    # Record 1 spans lines 2-4 (a line break inside the quoted body), so record 2 is line 5.
    # One table holds all types: a phase on a lesson is ignored with a warning, not rejected.
    assert error is None, err
    assert "Hinweis: Zeile 5: „phase“ gibt es nur bei case_study – Spalte ignoriert" in err
    assert LessonPage.objects.get(external_id="csv-2").title == "Kaputte Zeile"
    page = CaseStudyPage.objects.get(external_id="csv-1")
    assert page.municipality.name == "Bestwig" and page.start_year == 2023
    assert sorted(page.topics.values_list("name", flat=True)) == [
        "Beteiligung und Engagement",
        "Daten und Infrastruktur",
    ]


def test_missing_file_is_a_clear_error(site_tree, tmp_path):
    with pytest.raises(CommandError, match="nicht gefunden"):
        call_command("import_knowledge", str(tmp_path / "fehlt.jsonl"), stdout=io.StringIO())


# --- taxonomy ---------------------------------------------------------------------------------


def test_import_taxonomy_is_idempotent_and_nests_tags(tmp_path):
    Tag.objects.create(name="Nahverkehr", synonyms="Bus")
    path = tmp_path / "taxonomie.json"
    path.write_text(
        json.dumps(
            {
                "tags": [
                    {"name": "Rufbus", "synonyms": ["On-Demand-Verkehr", "Anrufbus"], "parent": "Nahverkehr"},
                    {"name": "Nahverkehr", "synonyms": ["ÖPNV"], "parent": "Mobilität"},
                    {"name": "Mobilität", "description": "Alles, was bewegt."},
                ]
            }
        ),
        encoding="utf-8",
    )
    out = io.StringIO()
    call_command("import_taxonomy", str(path), stdout=out)
    assert "2 angelegt, 1 geändert" in out.getvalue()
    rufbus = Tag.objects.get(name="Rufbus")
    assert rufbus.parent.name == "Nahverkehr" and rufbus.parent.parent.name == "Mobilität"
    assert Tag.objects.get(name="Nahverkehr").synonym_list == ["Bus", "ÖPNV"]  # curated synonym kept

    out = io.StringIO()
    call_command("import_taxonomy", str(path), stdout=out)
    assert "0 angelegt, 0 geändert" in out.getvalue()


def test_import_taxonomy_with_errors_changes_nothing(tmp_path):
    path = tmp_path / "taxonomie.json"
    path.write_text(
        json.dumps({"tags": [{"name": "Sensorik"}, {"name": "LoRaWAN", "parent": "Funk"}, {"synonyms": ["x"]}]}),
        encoding="utf-8",
    )
    err = io.StringIO()
    with pytest.raises(CommandError, match="nichts geändert"):
        call_command("import_taxonomy", str(path), stdout=io.StringIO(), stderr=err)
    assert "Eintrag 3: „name“ fehlt" in err.getvalue()
    assert not Tag.objects.filter(name="Sensorik").exists()

    path.write_text(
        json.dumps({"tags": [{"name": "Sensorik"}, {"name": "LoRaWAN", "parent": "Funk"}]}), encoding="utf-8"
    )
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_taxonomy", str(path), stdout=io.StringIO(), stderr=err)
    assert "übergeordnetes Schlagwort „Funk“ unbekannt" in err.getvalue()
    assert not Tag.objects.filter(name__in=["Sensorik", "LoRaWAN"]).exists()
