"""Text extraction from template documents: what a search can find inside a council paper,
and what happens with files that cannot be read."""

import io

import pytest
from django.core.files.base import ContentFile

from tests.wiki import sample_files
from wiki.extraction import extract_text, sniff_kind

COUNCIL_TEXT = "Die Verwaltung empfiehlt dem Rat die Einführung digitaler Parkraumsensoren in der Innenstadt."


@pytest.mark.parametrize(
    "kind,data",
    [
        ("pdf", lambda: sample_files.pdf_bytes(["Beschlussvorlage", COUNCIL_TEXT])),
        ("docx", lambda: sample_files.docx_bytes(["Beschlussvorlage", COUNCIL_TEXT])),
        ("odt", lambda: sample_files.odt_bytes([COUNCIL_TEXT], heading="Beschlussvorlage")),
        ("pptx", lambda: sample_files.pptx_bytes(["Beschlussvorlage", COUNCIL_TEXT])),
        ("text", lambda: f"Beschlussvorlage\n{COUNCIL_TEXT}\n".encode()),
    ],
)
def test_text_of_each_format_is_extracted(kind, data):
    result = extract_text(io.BytesIO(data()))
    assert result.kind == kind
    assert result.problem == ""
    assert "Beschlussvorlage" in result.text
    assert "Parkraumsensoren" in result.text
    assert "Innenstadt" in result.text


def test_xlsx_cells_and_sheet_names_are_extracted():
    data = sample_files.xlsx_bytes([["Position", "Betrag"], ["LoRaWAN-Gateway", 1200], ["Wartung", 300.5]])
    result = extract_text(io.BytesIO(data))
    assert result.kind == "xlsx"
    assert "Kosten" in result.text  # sheet title
    assert "LoRaWAN-Gateway" in result.text
    assert "1200" in result.text


def test_docx_table_cells_are_extracted_in_reading_order():
    data = sample_files.docx_bytes(["Einleitung"], table=[["Maßnahme", "Kosten"], ["Straßenbeleuchtung", "40.000 €"]])
    result = extract_text(io.BytesIO(data))
    assert result.text.index("Einleitung") < result.text.index("Straßenbeleuchtung")
    assert "40.000 €" in result.text


def test_sniffing_ignores_the_file_name_and_looks_at_content():
    assert sniff_kind(io.BytesIO(sample_files.pdf_bytes(["x"]))) == "pdf"
    assert sniff_kind(io.BytesIO(sample_files.docx_bytes(["x"]))) == "docx"
    assert sniff_kind(io.BytesIO(sample_files.xlsx_bytes([["x"]]))) == "xlsx"
    assert sniff_kind(io.BytesIO(sample_files.odt_bytes(["x"]))) == "odt"
    assert sniff_kind(io.BytesIO(sample_files.plain_zip_bytes())) == "zip"
    assert sniff_kind(io.BytesIO(sample_files.OLE_HEADER)) == "ole"
    assert sniff_kind(io.BytesIO(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)))) is None


def test_encrypted_pdf_is_reported_not_raised():
    result = extract_text(io.BytesIO(sample_files.encrypted_pdf_bytes(COUNCIL_TEXT)))
    assert result.text == ""
    assert "verschlüsselt" in result.problem


def test_pdf_with_owner_password_only_is_still_read():
    result = extract_text(io.BytesIO(sample_files.owner_only_pdf_bytes(COUNCIL_TEXT)))
    assert result.problem == ""
    assert "Parkraumsensoren" in result.text


def test_broken_pdf_is_reported_not_raised():
    data = sample_files.pdf_bytes([COUNCIL_TEXT])
    broken = data[:20] + b"\x00garbage" * 50
    result = extract_text(io.BytesIO(broken))
    assert result.text == ""
    assert result.problem


def test_broken_docx_is_reported_not_raised():
    data = sample_files.docx_bytes([COUNCIL_TEXT])
    result = extract_text(io.BytesIO(data[: len(data) // 2]))
    assert result.text == ""
    assert result.problem


def test_legacy_or_password_protected_office_file_is_reported():
    result = extract_text(io.BytesIO(sample_files.OLE_HEADER))
    assert "passwortgeschützt" in result.problem


def test_zip_bomb_is_refused(settings):
    settings.DOCUMENT_MAX_UNPACKED_BYTES = 1024 * 1024
    result = extract_text(io.BytesIO(sample_files.zip_bomb_bytes(3 * 1024 * 1024)))
    assert result.text == ""
    assert "entpackt" in result.problem


def test_text_is_bounded_and_the_cut_is_reported():
    paragraphs = [f"Absatz {n}: {COUNCIL_TEXT}" for n in range(200)]
    result = extract_text(io.BytesIO(sample_files.docx_bytes(paragraphs)), max_chars=1000)
    assert len(result.text) <= 1000
    assert result.text.startswith("Absatz 0")
    assert result.truncated
    assert "1.000 Zeichen" in result.problem


def test_time_limit_keeps_what_was_read_and_reports_it():
    data = sample_files.pdf_bytes([COUNCIL_TEXT], pages=3)
    result = extract_text(io.BytesIO(data), time_limit=1e-9)
    assert "länger als" in result.problem


def test_control_characters_never_reach_the_database():
    text = "Zeile mit\x07Steuerzeichen und\x1bEscape. " + "Fülltext " * 50
    result = extract_text(io.BytesIO(text.encode()))
    assert "\x07" not in result.text and "\x1b" not in result.text
    assert "Steuerzeichen" in result.text


# --- On the document model ----------------------------------------------------------------


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def make_document(title, filename, data):
    from wiki.models import KnowledgeDocument

    document = KnowledgeDocument(title=title)
    document.file.save(filename, ContentFile(data), save=False)
    document.save()
    return document


@pytest.mark.django_db
def test_uploaded_document_gets_its_text(media):
    document = make_document("Ratsvorlage", "ratsvorlage.pdf", sample_files.pdf_bytes([COUNCIL_TEXT]))
    document.refresh_from_db()
    assert "Parkraumsensoren" in document.extracted_text
    assert document.extraction_error == ""
    assert document.extracted_at is not None


@pytest.mark.django_db
def test_replacing_the_file_replaces_the_text(media):
    from wiki.models import KnowledgeDocument

    document = make_document(
        "Ratsvorlage", "ratsvorlage.docx", sample_files.docx_bytes(["Alter Entwurf zur Beleuchtung"])
    )
    document = KnowledgeDocument.objects.get(pk=document.pk)
    document.file.save(
        "ratsvorlage.docx", ContentFile(sample_files.docx_bytes(["Neuer Beschluss zum Radwegenetz"])), save=False
    )
    document._set_document_file_metadata()
    document.save()
    document.refresh_from_db()
    assert "Radwegenetz" in document.extracted_text
    assert "Beleuchtung" not in document.extracted_text


@pytest.mark.django_db
def test_saving_other_fields_does_not_extract_again(media, monkeypatch):
    from wiki import extraction

    document = make_document("Ratsvorlage", "ratsvorlage.pdf", sample_files.pdf_bytes([COUNCIL_TEXT]))
    calls = []
    monkeypatch.setattr(extraction, "extract_text", lambda *a, **k: calls.append(1))
    document.title = "Ratsvorlage (Fassung 2)"
    document.save()
    assert calls == []


@pytest.mark.django_db
def test_encrypted_document_is_stored_with_the_problem(media):
    document = make_document("Vertrag", "vertrag.pdf", sample_files.encrypted_pdf_bytes(COUNCIL_TEXT))
    document.refresh_from_db()
    assert document.extracted_text == ""
    assert "verschlüsselt" in document.extraction_error
