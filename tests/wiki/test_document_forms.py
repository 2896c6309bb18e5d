"""Upload checks: the content must match the extension, within the size limit, with German
messages; in the form and through the Wagtail admin views."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents.forms import get_document_form
from wagtail.models import Collection

from tests.wiki import sample_files
from wiki.models import KnowledgeDocument

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def form_for(name, data, title="Ratsvorlage"):
    form_class = get_document_form(KnowledgeDocument)
    upload = SimpleUploadedFile(name, data)
    return form_class(
        data={"title": title, "collection": Collection.get_first_root_node().pk},
        files={"file": upload},
        user=None,
    )


def errors(form):
    return " ".join(form.errors.get("file", []))


@pytest.mark.parametrize(
    "name,data",
    [
        ("ratsvorlage.pdf", lambda: sample_files.pdf_bytes(["Beschluss"])),
        ("konzept.docx", lambda: sample_files.docx_bytes(["Konzept"])),
        ("kosten.xlsx", lambda: sample_files.xlsx_bytes([["Posten", 1]])),
        ("satzung.odt", lambda: sample_files.odt_bytes(["Satzung"])),
        ("folien.pptx", lambda: sample_files.pptx_bytes(["Folie"])),
        ("liste.csv", lambda: b"Kommune;Projekt\nOlpe;Parken\n"),
    ],
)
def test_real_documents_are_accepted(name, data):
    form = form_for(name, data())
    assert form.is_valid(), form.errors


def test_the_configured_document_form_is_ours(settings):
    from wiki.document_forms import DocumentForm

    assert issubclass(get_document_form(KnowledgeDocument), DocumentForm)


def test_a_renamed_program_is_refused():
    form = form_for("ratsvorlage.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + bytes(range(256)) * 4)
    assert not form.is_valid()
    assert "passt nicht zur Endung „.pdf“" in errors(form)


def test_a_pdf_named_docx_is_refused_with_what_it_really_is():
    form = form_for("konzept.docx", sample_files.pdf_bytes(["Eigentlich ein PDF"]))
    assert not form.is_valid()
    assert "endet auf „.docx“, ist aber eine PDF-Datei" in errors(form)


def test_an_xlsx_named_docx_is_refused():
    form = form_for("konzept.docx", sample_files.xlsx_bytes([["a"]]))
    assert not form.is_valid()
    assert "Excel" in errors(form)


def test_legacy_or_password_protected_office_files_are_refused_with_advice():
    form = form_for("vertrag.docx", sample_files.OLE_HEADER)
    assert not form.is_valid()
    assert "passwortgeschützt oder im alten Office-Format" in errors(form)


def test_a_plain_zip_named_docx_is_refused():
    form = form_for("vorlage.docx", sample_files.plain_zip_bytes())
    assert not form.is_valid()
    assert "keine gültige Word (DOCX)-Datei" in errors(form)


def test_a_zip_bomb_is_refused(settings):
    settings.DOCUMENT_MAX_UNPACKED_BYTES = 1024 * 1024
    form = form_for("bombe.docx", sample_files.zip_bomb_bytes(3 * 1024 * 1024))
    assert not form.is_valid()
    assert "entpackt" in errors(form)


def test_a_binary_file_named_csv_is_refused():
    form = form_for("daten.csv", b"\x00\x01\x02\x03" * 100)
    assert not form.is_valid()
    assert "keine gültige Text" in errors(form)


def test_an_extension_outside_the_list_is_refused():
    form = form_for("programm.exe", b"MZ" + b"\0" * 100)
    assert not form.is_valid()
    message = errors(form)
    assert "„.exe“" in message or ".exe" in message


def test_an_empty_file_is_refused():
    form = form_for("leer.pdf", b"")
    assert not form.is_valid()
    assert form.errors.get("file")


def test_too_big_files_get_a_german_message(settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    form = form_for("gross.pdf", sample_files.pdf_bytes(["x" * 50] * 40))
    assert not form.is_valid()
    assert "Die Datei ist zu groß" in errors(form)
    assert "höchstens" in errors(form)


# --- through the admin ---------------------------------------------------------------------


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("dokumente-admin", "d@example.org", "pw")
    client.force_login(user)
    return client


def post_upload(admin_client, name, data, title="Ratsvorlage Parken"):
    return admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": title, "collection": Collection.get_first_root_node().pk, "file": SimpleUploadedFile(name, data)},
    )


def test_admin_upload_of_a_disguised_file_shows_the_message_and_stores_nothing(admin_client):
    response = post_upload(admin_client, "ratsvorlage.docx", sample_files.pdf_bytes(["PDF"]))
    assert response.status_code == 200
    assert "ist aber eine PDF-Datei" in response.content.decode()
    assert not KnowledgeDocument.objects.exists()


def test_admin_upload_of_a_good_file_stores_it_with_its_text(admin_client):
    response = post_upload(
        admin_client, "ratsvorlage.pdf", sample_files.pdf_bytes(["Parkraumsensoren in der Innenstadt"])
    )
    assert response.status_code == 302
    document = KnowledgeDocument.objects.get()
    assert "Parkraumsensoren" in document.extracted_text


def test_admin_multiple_upload_refuses_a_disguised_file(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("kosten.xlsx", sample_files.docx_bytes(["Word"]))},
    )
    assert response.status_code == 200
    payload = response.json()
    assert payload["success"] is False
    assert "Word (DOCX)" in payload["error_message"]
    assert not KnowledgeDocument.objects.exists()


def test_the_edit_form_tells_editors_why_the_text_is_not_searchable(admin_client):
    from django.core.files.base import ContentFile

    document = KnowledgeDocument(title="Verschlüsselte Satzung")
    document.file.save("satzung.pdf", ContentFile(sample_files.encrypted_pdf_bytes("Satzung")), save=False)
    document.save()
    response = admin_client.get(reverse("wagtaildocs:edit", args=[document.pk]))
    assert response.status_code == 200
    assert "verschlüsselt" in response.content.decode()
