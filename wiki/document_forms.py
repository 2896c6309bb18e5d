"""Upload checks for documents: the content must match the extension, within the size limit.

Wired in through settings.WAGTAILDOCS_DOCUMENT_FORM_BASE, so the single upload, the multiple
upload and the "replace file" form of the Wagtail admin all check the same way. A renamed
executable, a legacy .doc saved as .docx, a password-protected Office file or a zip bomb is
refused with a German message that says what to do instead. Zip bombs are caught here from the
archive's directory alone (wiki/zip_limits.py), before any byte is decompressed; a file over
the size limit never arrives whole (wiki/upload_limits.py).
"""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from wagtail.documents.forms import BaseDocumentForm

from wiki.extraction import KIND_LABELS, ExtractionProblem, check_zip_size, sniff_kind
from wiki.upload_limits import upload_limit

# Which content each extension must have.
EXPECTED_KIND = {
    "pdf": "pdf",
    "docx": "docx",
    "xlsx": "xlsx",
    "pptx": "pptx",
    "odt": "odt",
    "ods": "ods",
    "odp": "odp",
    "txt": "text",
    "csv": "text",
}
ZIP_KINDS = {"docx", "xlsx", "pptx", "odt", "ods", "odp"}


def _size_text(size):
    # filesizeformat uses the active language; uploads happen in the German admin.
    return filesizeformat(size)


def allowed_extensions():
    configured = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or list(EXPECTED_KIND)
    return [ext for ext in configured if ext in EXPECTED_KIND]


def check_upload(uploaded):
    """Raise ValidationError (German) unless the uploaded file is an allowed document."""
    name = os.path.basename(getattr(uploaded, "name", "") or "")
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    allowed = allowed_extensions()
    if extension not in allowed:
        raise ValidationError(
            "Dateien mit der Endung „.%(ext)s“ können nicht hochgeladen werden. Erlaubt sind: %(allowed)s.",
            code="invalid_extension",
            params={"ext": extension or "(keine)", "allowed": ", ".join(f".{ext}" for ext in allowed)},
        )

    size = getattr(uploaded, "size", None)
    limit = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)
    if getattr(uploaded, "too_large", False):
        # Cut off while receiving (wiki/upload_limits.py): only "more than the limit" is known.
        raise ValidationError(
            "Die Datei ist zu groß (über %(limit)s). Erlaubt sind höchstens %(limit)s.",
            code="file_too_large",
            params={"limit": _size_text(upload_limit())},
        )
    if size == 0:
        raise ValidationError("Die Datei ist leer.", code="empty")
    if limit is not None and size is not None and size > limit:
        raise ValidationError(
            "Die Datei ist zu groß (%(size)s). Erlaubt sind höchstens %(limit)s.",
            code="file_too_large",
            params={"size": _size_text(size), "limit": _size_text(limit)},
        )

    expected = EXPECTED_KIND[extension]
    kind = sniff_kind(uploaded)
    if kind == "ole":
        raise ValidationError(
            "Die Datei ist passwortgeschützt oder im alten Office-Format (.doc, .xls, .ppt). Bitte speichern "
            "Sie sie ohne Kennwort als DOCX, XLSX, ODT oder PDF und laden Sie sie erneut hoch.",
            code="ole",
        )
    if kind != expected:
        if kind is None or kind == "zip" or kind not in KIND_LABELS:
            raise ValidationError(
                "Der Inhalt der Datei passt nicht zur Endung „.%(ext)s“: Es ist keine gültige %(expected)s-Datei. "
                "Vielleicht ist sie beschädigt oder wurde umbenannt.",
                code="content_mismatch",
                params={"ext": extension, "expected": KIND_LABELS[expected]},
            )
        raise ValidationError(
            "Die Datei endet auf „.%(ext)s“, ist aber eine %(actual)s-Datei. Bitte laden Sie die richtige Datei "
            "hoch oder speichern Sie sie im passenden Format.",
            code="content_mismatch",
            params={"ext": extension, "actual": KIND_LABELS[kind]},
        )
    if kind in ZIP_KINDS:
        try:
            check_zip_size(uploaded)
        except ExtractionProblem as exc:
            raise ValidationError(str(exc), code="unsafe_archive") from None
    uploaded.seek(0)


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form with content checks and German size messages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and getattr(field, "max_upload_size", None) is not None:
            limit = _size_text(field.max_upload_size)
            field.error_messages["file_too_large"] = (
                "Die Datei ist zu groß (%(file_size)s). Erlaubt sind höchstens %(max_filesize)s."
            )
            field.error_messages["file_too_large_unknown_size"] = (
                f"Die Datei ist zu groß. Erlaubt sind höchstens {limit}."
            )
            field.help_text = (
                f"PDF, Word (DOCX), Excel (XLSX), OpenDocument (ODT, ODS) u. a., höchstens {limit}. "
                "Der Text der Datei wird für die Suche ausgelesen."
            )
            # Editors see on the document's edit form why its text is not (fully) searchable.
            problem = getattr(self.instance, "extraction_error", "")
            if self.instance.pk and problem:
                field.help_text += f" Hinweis zur aktuellen Datei: {problem}"

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        # Only a new upload is checked; an unchanged file on the edit form is already stored.
        if isinstance(uploaded, UploadedFile):
            check_upload(uploaded)
        return uploaded
