"""import_knowledge with spreadsheets (CSV with ; or , and XLSX): one table for all types,
warnings instead of rejections for columns a type does not have, and a round trip through
every export format."""

import csv
import io

import pytest
from django.core.files.base import ContentFile
from openpyxl import Workbook, load_workbook
from wagtail.models import Revision

from wiki.models import (
    CaseStudyPage,
    ContactPerson,
    KnowledgeDocument,
    KnowledgePage,
    LessonPage,
    MunicipalityPage,
    TemplatePage,
)

from .test_exporters import export
from .test_importers import run_import

pytestmark = pytest.mark.django_db

HEADER = [
    "external_id",
    "type",
    "title",
    "municipality",
    "summary",
    "body",
    "topics",
    "tags",
    "phase",
    "year",
    "case_study",
    "end_year",
    "partners",
    "related",
    "effort_time",
    "licence",
    "contact_name",
    "contact_email",
    "template_kind",
    "documents",
    "bemerkung",
]
ROWS = [
    [
        "mix-cs",
        "case_study",
        "Dorf-App für Bestwig",
        "Bestwig",
        "Eine App für das Dorfleben.",
        "## Ziel\n\nAlle erreichen.\n\n## Umsetzung\n\n- Schulung\n- Sprechstunde",
        "Beteiligung und Engagement|Daten und Infrastruktur",
        "Dorf-App; Ehrenamt",
        "pilot",
        "2023",
        "",
        "2025",
        "Meschede; 05958004",
        "",
        "drei Monate",
        "CC BY 4.0",
        "Eva Musterfrau",
        "e.musterfrau@example.org",
        "",
        "",
        "intern",
    ],
    [
        "mix-ll",
        "lesson",
        "Sprechstunden im Dorfladen",
        "Bestwig",
        "Ohne Sprechstunde keine Nutzung.",
        "## Empfehlung\n\nVor Ort erklären.",
        "Beteiligung und Engagement",
        "Ehrenamt",
        "pilot",
        "2023",
        "mix-cs",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
    ],
    [
        "mix-tpl",
        "template",
        "Muster-Nutzungsbedingungen Dorf-App",
        "Bestwig",
        "Nutzungsbedingungen zum Anpassen.",
        "Mit Hinweisen zur Moderation.",
        "Beteiligung und Engagement",
        "",
        "",
        "",
        "mix-cs",
        "",
        "",
        "",
        "",
        "CC0",
        "",
        "",
        "Vertrag",
        "Nutzungsbedingungen (PDF)",
        "",
    ],
]


@pytest.fixture
def document(db):
    document = KnowledgeDocument(title="Nutzungsbedingungen (PDF)")
    document.file.save("nutzung.pdf", ContentFile(b"%PDF-1.4 Nutzungsbedingungen"), save=False)
    document.save()
    return document


def write_csv(tmp_path, rows, delimiter=";", bom=True, name="tabelle.csv"):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows([HEADER, *rows])
    path = tmp_path / name
    path.write_bytes((("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8"))
    return path


def test_semicolon_csv_with_all_types_imports_with_warnings_instead_of_rejections(site_tree, tmp_path, document):
    out, err, error = run_import(write_csv(tmp_path, ROWS))
    assert error is None, err
    assert "3 Zeilen: 3 angelegt" in out
    # A lesson has no phase or year: ignored, the line is imported, the warning names line and column
    # (the case study's body spans lines 2-9, so the lesson starts on line 10).
    assert "Hinweis: Zeile 10: „phase“ gibt es nur bei case_study – Spalte ignoriert" in err
    assert "Hinweis: Zeile 10: „year“ gibt es nur bei case_study – Spalte ignoriert" in err
    # The unknown column is reported once, not per line.
    assert err.count("„bemerkung“") == 1

    case = CaseStudyPage.objects.get(external_id="mix-cs")
    assert case.live and case.phase == "pilot" and (case.start_year, case.end_year) == (2023, 2025)
    assert sorted(case.topics.values_list("name", flat=True)) == [
        "Beteiligung und Engagement",
        "Daten und Infrastruktur",
    ]
    assert sorted(case.partner_municipalities.values_list("name", flat=True)) == ["Arnsberg", "Meschede"]
    assert case.effort_time == "drei Monate" and case.contact.email == "e.musterfrau@example.org"
    assert "<ul><li>Schulung</li><li>Sprechstunde</li></ul>" in case.body[1].value["text"].source
    lesson = LessonPage.objects.get(external_id="mix-ll")
    assert lesson.case_study_id == case.pk and "Vor Ort erklären" in lesson.recommendation
    template = TemplatePage.objects.get(external_id="mix-tpl")
    assert template.template_kind == "contract" and template.licence == "CC0"
    assert [item.document_id for item in template.documents.all()] == [document.pk]


def test_comma_csv_without_bom_and_bad_lines_named_with_reason(site_tree, tmp_path, document):
    rows = [ROWS[0], [*ROWS[1][:3], "Atlantis", *ROWS[1][4:]], ROWS[2]]
    out, err, error = run_import(write_csv(tmp_path, rows, delimiter=",", bom=False))
    assert error is not None
    assert "Zeile 10: Kommune „Atlantis“ unbekannt" in err
    assert "3 Zeilen: 2 angelegt, 0 aktualisiert, 0 unverändert, 1 fehlerhaft." in out
    assert not KnowledgePage.objects.filter(external_id="mix-ll").exists()


def test_xlsx_first_sheet_with_numbers_as_spreadsheets_store_them(site_tree, tmp_path, document):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    first = list(ROWS[0])
    first[3] = 5958008  # AGS of Bestwig typed as a number: the leading zero is gone
    first[9] = 2023
    first[11] = 2025.0
    sheet.append(first)
    for row in ROWS[1:]:
        sheet.append(row)
    workbook.create_sheet("Notizen").append(["wird nicht gelesen"])
    path = tmp_path / "tabelle.xlsx"
    workbook.save(path)

    out, err, error = run_import(path)
    assert error is None, err
    assert "3 Zeilen: 3 angelegt" in out
    case = CaseStudyPage.objects.get(external_id="mix-cs")
    assert case.municipality.name == "Bestwig" and (case.start_year, case.end_year) == (2023, 2025)


def test_import_right_after_migrate_creates_the_town_page_it_needs(site_tree, tmp_path, document):
    MunicipalityPage.objects.get(municipality__name="Bestwig").delete()
    out, err, error = run_import(write_csv(tmp_path, ROWS))
    assert error is None, err
    page = CaseStudyPage.objects.get(external_id="mix-cs")
    assert page.get_parent().specific.municipality.name == "Bestwig"


def test_large_file_reports_progress_and_a_summary(site_tree, tmp_path):
    rows = [[f"p-{n}", "projekt", "Titel", "Bestwig", "Kurz.", *[""] * (len(HEADER) - 5)] for n in range(210)]
    out, err, error = run_import(write_csv(tmp_path, rows))
    assert "… 50 von 210 Datensätzen (23 %)" in err and "… 200 von 210 Datensätzen (95 %)" in err
    assert "210 Zeilen: 0 angelegt, 0 aktualisiert, 0 unverändert, 210 fehlerhaft." in out
    assert error is not None


@pytest.mark.parametrize("fmt", ["csv", "csv-excel", "xlsx"])
def test_mixed_spreadsheet_round_trips_through_export(site_tree, tmp_path, document, fmt):
    run_import(write_csv(tmp_path, ROWS))
    revisions = Revision.objects.count()
    contacts = ContactPerson.objects.count()
    first = export(fmt, tmp_path, f"first.{'xlsx' if fmt == 'xlsx' else 'csv'}")

    out, err, error = run_import(first)
    assert error is None, err
    assert "3 Zeilen: 0 angelegt, 0 aktualisiert, 3 unverändert, 0 fehlerhaft." in out
    assert "Hinweis" not in err  # town name and URL columns are known to the importer
    assert Revision.objects.count() == revisions and ContactPerson.objects.count() == contacts

    second = export(fmt, tmp_path, f"second.{'xlsx' if fmt == 'xlsx' else 'csv'}")
    if fmt == "xlsx":
        rows = lambda path: list(load_workbook(path).active.iter_rows(values_only=True))  # noqa: E731
        assert rows(second) == rows(first)
        header, *data = rows(first)
        record = dict(zip(header, data[0], strict=True))
        assert record["municipality_name"] == "Bestwig" and record["url"].endswith(
            "/kommunen/bestwig/dorf-app-fuer-bestwig/"
        )
    else:
        assert second.read_bytes() == first.read_bytes()
        assert first.read_bytes().startswith("\ufeff".encode())
        text = first.read_text(encoding="utf-8-sig")
        delimiter = ";" if fmt == "csv-excel" else ","
        rows = list(csv.DictReader(io.StringIO(text), delimiter=delimiter))
        assert rows[0]["municipality_name"] == "Bestwig" and rows[0]["partners"] == "05958004; 05958032"
        assert rows[2]["documents"] == "Nutzungsbedingungen (PDF)"


def test_cells_that_would_run_as_formulas_are_neutralised_and_round_trip(site_tree, tmp_path):
    row = [
        "formel",
        "case_study",
        '=HYPERLINK("http://example.org","klick")',
        "Bestwig",
        "+49 2904 000 (fiktiv)",
        "- erster Punkt\n- zweiter Punkt",
        "Beteiligung und Engagement",
        "@home",
        "pilot",
        "2023",
        *[""] * (len(HEADER) - 10),
    ]
    run_import(write_csv(tmp_path, [row]))
    page = CaseStudyPage.objects.get(external_id="formel")
    assert page.title.startswith("=HYPERLINK") and page.summary == "+49 2904 000 (fiktiv)"

    for fmt in ("csv", "csv-excel"):
        path = export(fmt, tmp_path, f"{fmt}.csv")
        rows = list(
            csv.DictReader(
                io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";" if fmt == "csv-excel" else ","
            )
        )
        assert rows[0]["title"] == "'" + page.title
        assert rows[0]["summary"] == "'+49 2904 000 (fiktiv)" and rows[0]["tags"] == "'@home"
        assert rows[0]["body"].startswith("'- erster Punkt")
        out, err, error = run_import(path)
        assert error is None and "1 unverändert" in out, err
    path = export("xlsx", tmp_path, "formel.xlsx")
    sheet = load_workbook(path).active
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    out, err, error = run_import(path)
    assert error is None and "1 unverändert" in out, err
