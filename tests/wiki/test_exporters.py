"""export_knowledge and the public open-data downloads: public content only, and
import → export → import round-trips without change."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import PageViewRestriction, Revision

from wiki.models import CaseStudyPage, KnowledgePage

from .test_importers import CASE_STUDY, DRAFT, LESSON, TEMPLATE, run_import, write_jsonl

pytestmark = pytest.mark.django_db


def export(fmt="jsonl", tmp_path=None, name=None):
    if tmp_path is not None:
        path = tmp_path / (name or f"export.{fmt}")
        call_command("export_knowledge", "--format", fmt, "--output", str(path), stdout=io.StringIO())
        return path
    out = io.StringIO()
    call_command("export_knowledge", "--format", fmt, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def records(jsonl_text):
    return [json.loads(line) for line in jsonl_text.splitlines() if line.strip()]


def test_export_writes_the_import_format(site_tree, tmp_path):
    run_import(write_jsonl(tmp_path, [CASE_STUDY, LESSON, TEMPLATE]))
    exported = {record["external_id"]: record for record in records(export())}
    assert exported["as-2021-bauantrag"] == {
        **CASE_STUDY,
        "tags": ["Bauantrag", "OZG"],
        "body": "Vorweg ein Satz.\n\n## Ziel\n\nSchneller genehmigen.\nOhne Papier.\n\n## Übertragbarkeit\n\nGut übertragbar auf kleine Kommunen.",
    }
    assert exported["so-lesson-1"]["municipality"] == "05974040"  # AGS, unambiguous
    assert exported["so-lesson-1"]["body"] == (
        "## Was versucht wurde\n\nWir haben zuerst die Software gekauft.\n\n## Was passiert ist\n\nNiemand nutzte sie."
        "\n\n## Empfehlung\n\nErst Abläufe klären, dann kaufen."
    )
    assert exported["as-vorlage-1"]["case_study"] == "as-2021-bauantrag"
    assert list(exported["as-vorlage-1"]) == [
        "external_id",
        "type",
        "title",
        "municipality",
        "summary",
        "body",
        "topics",
        "tags",
        "case_study",
        "live",
    ]


def test_import_export_import_round_trips_without_change(site_tree, tmp_path):
    source = write_jsonl(
        tmp_path,
        [
            CASE_STUDY,
            LESSON,
            TEMPLATE,
            {**CASE_STUDY, "external_id": "cs-2", "body": "Nur  Text,\r\n  ohne   Überschrift.", "year": None},
        ],
    )
    run_import(source)
    first = export("jsonl", tmp_path, "first.jsonl")
    revisions = Revision.objects.count()

    out, err, error = run_import(first)
    assert error is None, err
    assert "4 Zeilen: 0 angelegt, 0 aktualisiert, 4 unverändert, 0 fehlerhaft." in out
    assert Revision.objects.count() == revisions
    second = export("jsonl", tmp_path, "second.jsonl")
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")

    # The CSV export re-imports without change too.
    csv_path = export("csv", tmp_path)
    out, err, error = run_import(csv_path)
    assert error is None, err
    assert "4 unverändert" in out
    assert Revision.objects.count() == revisions


def test_pages_made_in_the_admin_round_trip_by_their_generated_id(site_tree, tmp_path, page_factory):
    page = page_factory.case_study("Ohne externe Kennung", body=[{"type": "text", "value": "<p>Hallo <b>Welt</b></p>"}])
    record = next(r for r in records(export()) if r["title"] == "Ohne externe Kennung")
    assert record["external_id"] == f"tw:{page.translation_key}"
    out, err, error = run_import(write_jsonl(tmp_path, [record]))
    assert error is None and "1 unverändert" in out
    assert KnowledgePage.objects.filter(title="Ohne externe Kennung").count() == 1
    # Formatting the plain text cannot express survives an unchanged import.
    assert CaseStudyPage.objects.get(pk=page.pk).body[0].value.source == "<p>Hallo <b>Welt</b></p>"


def test_export_leaves_out_drafts_unpublished_and_restricted_pages(site_tree, tmp_path, page_factory):
    run_import(write_jsonl(tmp_path, [CASE_STUDY, DRAFT, {**LESSON, "case_study": "ol-entwurf"}]))
    private = page_factory.case_study("Interne Planung")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim")
    withdrawn = page_factory.case_study("Zurückgezogen")
    withdrawn.unpublish()
    # A live page with a newer draft: only the published version is exported.
    case = CaseStudyPage.objects.get(external_id="as-2021-bauantrag")
    draft = case.get_latest_revision_as_object()
    draft.title = "Unveröffentlichter Entwurfstitel"
    draft.save_revision()

    for text in (export(), "".join(export("csv", tmp_path).read_text(encoding="utf-8-sig"))):
        assert "Digitaler Bauantrag" in text
        for hidden in (
            "ol-entwurf",
            "Smarte Straßenbeleuchtung",
            "Interne Planung",
            "Zurückgezogen",
            "Unveröffentlichter Entwurfstitel",
        ):
            assert hidden not in text
    lesson = next(r for r in records(export()) if r["external_id"] == "so-lesson-1")
    assert "case_study" not in lesson  # the link to a draft is not revealed


def test_csv_export_is_a_spreadsheet_with_one_row_per_page(site_tree, tmp_path):
    run_import(write_jsonl(tmp_path, [CASE_STUDY, LESSON]))
    text = export("csv", tmp_path).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["external_id"] for row in rows] == ["as-2021-bauantrag", "so-lesson-1"]
    assert rows[0]["tags"] == "Bauantrag; OZG"
    assert rows[0]["year"] == "2021" and rows[0]["live"] == "true"
    assert rows[1]["phase"] == "" and rows[1]["case_study"] == "as-2021-bauantrag"


# --- public downloads -------------------------------------------------------------------------


def test_open_data_page_names_the_configured_licence_and_links_the_downloads(client, site_tree, settings):
    settings.EXPORT_LICENSE_NAME = "Datenlizenz Deutschland – Namensnennung – 2.0"
    settings.EXPORT_LICENSE_URL = "https://www.govdata.de/dl-de/by-2-0"
    response = client.get("/offene-daten/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Datenlizenz Deutschland – Namensnennung – 2.0" in html
    assert 'href="https://www.govdata.de/dl-de/by-2-0" rel="license"' in html
    assert 'href="/offene-daten/wissen.jsonl"' in html and 'href="/offene-daten/wissen.csv"' in html


def test_downloads_contain_public_pages_only(client, site_tree, tmp_path, page_factory):
    run_import(write_jsonl(tmp_path, [CASE_STUDY, DRAFT]))
    private = page_factory.case_study("Interne Planung")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(reverse("wiki:open_data_jsonl"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-ndjson")
    assert "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content).decode()
    assert [r["external_id"] for r in records(body)] == ["as-2021-bauantrag"]

    response = client.get(reverse("wiki:open_data_csv"))
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Digitaler Bauantrag" in body and "Interne Planung" not in body and "ol-entwurf" not in body
    assert client.post(reverse("wiki:open_data_csv")).status_code == 405


# --- adoptions (how many towns took a page over) -----------------------------------------------


def test_exports_carry_the_adoption_count_of_public_pages(client, site_tree, tmp_path, page_factory):
    from openpyxl import load_workbook

    from transfer.models import Adoption
    from wiki.exports.dcat import dataset
    from wiki.models import Municipality

    run_import(write_jsonl(tmp_path, [CASE_STUDY, LESSON, TEMPLATE]))
    case = CaseStudyPage.objects.get(external_id="as-2021-bauantrag")
    private = page_factory.case_study("Interne Planung")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    def adopt(page, ags, status):
        Adoption.objects.create(
            page=page,
            municipality=Municipality.objects.get(ags=ags),
            status=status,
            reason="Kein Personal." if status == "discarded" else "",
        )

    adopt(case, "05974040", "implemented")  # Soest
    adopt(case, "05958012", "interested")  # Brilon
    adopt(case, "05958008", "discarded")  # Bestwig: looked at it, did not adopt
    adopt(private, "05974040", "implemented")

    exported = {r["external_id"]: r for r in records(export())}
    assert exported["as-2021-bauantrag"]["adoptions"] == 2
    assert "adoptions" not in exported["as-vorlage-1"]  # like other extended columns: only when not 0
    assert "Interne Planung" not in json.dumps(exported, ensure_ascii=False)

    rows = list(csv.DictReader(io.StringIO(export("csv", tmp_path).read_text(encoding="utf-8-sig"))))
    assert {row["external_id"]: row["adoptions"] for row in rows} == {
        "as-2021-bauantrag": "2",
        "so-lesson-1": "0",
        "as-vorlage-1": "0",
    }

    sheet = list(
        load_workbook(io.BytesIO(client.get(reverse("wiki:open_data_xlsx")).content)).active.iter_rows(values_only=True)
    )
    column = sheet[0].index("adoptions")
    assert {row[0]: row[column] for row in sheet[1:]} == {"as-2021-bauantrag": 2, "so-lesson-1": 0, "as-vorlage-1": 0}

    assert "adoptions" in dataset("https://transferwiki.example")["dct:description"]

    # The export still re-imports without change: the count is for readers, not an import field.
    out, err, error = run_import(export("jsonl", tmp_path, "again.jsonl"))
    assert error is None, err
    assert "3 unverändert" in out
    out, err, error = run_import(export("csv", tmp_path, "again.csv"))
    assert error is None and "3 unverändert" in out and "Unbekannte Spalte" not in err + out
