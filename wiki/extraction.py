"""What is inside a document file: its kind (by content, not by name) and its text.

Used at upload/replace time (never while publishing), so a slow or broken file costs the
upload a few seconds at most and never blocks a publish. The text is bounded in size and
in time; whatever goes wrong is returned as a German message for editors instead of being
raised, because a template page must stay publishable with or without its document text.

`extract_text` does the work in the calling process; the site calls it only through
`refresh_document_text` (wiki/extraction_worker.py), which runs it in a separate process
with memory and time limits, so no document can exhaust a web worker. Zip-based formats are
checked against wiki/zip_limits.py before any parser sees them.
"""

import io
import logging
import re
import time
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

from django.conf import settings

from wiki.zip_limits import ZipLimitExceeded, ZipLimits, inspect_zip, read_member, verify_zip

logger = logging.getLogger(__name__)

DEFAULT_MAX_CHARS = 200_000
DEFAULT_TIME_LIMIT = 10.0  # seconds per document
# Files larger than this are not read for text at all (the upload limit is usually lower).
DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024

ODF_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}
# Main part of each Office Open XML kind; its presence tells DOCX from XLSX from PPTX.
OOXML_MAIN_PARTS = {
    "word/document.xml": "docx",
    "xl/workbook.xml": "xlsx",
    "ppt/presentation.xml": "pptx",
}
KIND_LABELS = {
    "pdf": "PDF",
    "docx": "Word (DOCX)",
    "xlsx": "Excel (XLSX)",
    "pptx": "PowerPoint (PPTX)",
    "odt": "OpenDocument-Text (ODT)",
    "ods": "OpenDocument-Tabelle (ODS)",
    "odp": "OpenDocument-Präsentation (ODP)",
    "text": "Text (TXT/CSV)",
    "ole": "altes Office-Format oder verschlüsseltes Office-Dokument",
    "zip": "ZIP-Archiv",
}
MEMORY_PROBLEM = "Die Datei braucht zum Auslesen zu viel Speicher; ihr Text wird nicht übernommen."
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _setting(name, default):
    # The extraction subprocess runs without Django settings; it passes every value explicitly.
    if not settings.configured:
        return default
    return getattr(settings, name, default)


class ExtractionProblem(Exception):
    """A problem an editor can understand (German message); the text stays empty."""


class _OutOfTime(Exception):
    pass


# --- Sniffing -----------------------------------------------------------------------------


def sniff_kind(fileobj):
    """The kind of file by its content: "pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp",
    "ole" (legacy Office or a password-protected OOXML file), "zip" (other archive), "text"
    (plain text, no NUL bytes) or None (anything else). Leaves the file position at 0."""
    fileobj.seek(0)
    head = fileobj.read(2048)
    fileobj.seek(0)
    if not head:
        return None
    # The PDF spec allows junk before the header; readers accept it within the first KiB.
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(fileobj)
    if _looks_like_text(head):
        return "text"
    return None


def _sniff_zip(fileobj):
    try:
        with zipfile.ZipFile(fileobj) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
                if mimetype in ODF_MIMETYPES:
                    return ODF_MIMETYPES[mimetype]
            if "[Content_Types].xml" in names:
                for part, kind in OOXML_MAIN_PARTS.items():
                    if part in names:
                        return kind
            return "zip"
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError):
        return None
    finally:
        fileobj.seek(0)


def _looks_like_text(head):
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still text.
        if exc.start >= len(head) - 3:
            return True
    try:
        decoded = head.decode("cp1252")
    except UnicodeDecodeError:
        return False
    controls = sum(1 for ch in decoded if ord(ch) < 32 and ch not in "\r\n\t\f")
    return controls <= len(decoded) // 100


def check_zip_size(fileobj, max_unpacked=None, *, verify=False, limits=None):
    """Raise ExtractionProblem when a zip-based file is encrypted or would unpack to an
    unreasonable size: declared sizes only (cheap, for the upload form), or with `verify`
    also the bytes really produced while decompressing (in the extraction subprocess)."""
    limits = limits or ZipLimits.from_settings()
    if max_unpacked:
        limits = ZipLimits(max_unpacked, min(limits.max_member, max_unpacked), limits.max_ratio, limits.max_members)
    try:
        with zipfile.ZipFile(fileobj) as archive:
            if any(info.flag_bits & 0x1 for info in archive.infolist()):
                raise ExtractionProblem("Die Datei ist passwortgeschützt; ihr Text kann nicht gelesen werden.")
            (verify_zip if verify else inspect_zip)(archive, limits)
    except ZipLimitExceeded as exc:
        raise ExtractionProblem(str(exc)) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, ValueError):
        raise ExtractionProblem("Die Datei ist beschädigt (kein gültiges ZIP-Archiv).") from None
    finally:
        fileobj.seek(0)


# --- Text collection ----------------------------------------------------------------------


class _Collector:
    """Collects text up to a character budget and a deadline."""

    def __init__(self, max_chars, time_limit):
        self.max_chars = max_chars
        self.deadline = time.monotonic() + time_limit
        self.parts = []
        self.size = 0
        self.truncated = False

    @property
    def full(self):
        return self.size >= self.max_chars

    def add(self, text):
        """Add a piece of text; returns False once the budget is used up."""
        self.tick()
        if not text:
            return not self.full
        text = _clean(text)
        if not text:
            return not self.full
        room = self.max_chars - self.size
        if len(text) > room:
            text = text[:room]
            self.truncated = True
        self.parts.append(text)
        self.size += len(text) + 1
        if self.size >= self.max_chars:
            self.truncated = True
            return False
        return True

    def tick(self):
        if time.monotonic() > self.deadline:
            raise _OutOfTime()

    def text(self):
        return "\n".join(self.parts)[: self.max_chars]


_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(text):
    # NUL and other control characters are rejected by PostgreSQL text columns.
    text = _CONTROL.sub(" ", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


# --- Per-format readers -------------------------------------------------------------------


def _read_pdf(fileobj, out):
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(fileobj, strict=False)
        if reader.is_encrypted:
            # Many PDFs carry only an owner password ("no printing"); they open with an empty
            # user password. Anything else we cannot read.
            try:
                if not reader.decrypt(""):
                    raise ExtractionProblem("Die PDF-Datei ist verschlüsselt; ihr Text kann nicht gelesen werden.")
            except (DependencyError, NotImplementedError, FileNotDecryptedError):
                raise ExtractionProblem(
                    "Die PDF-Datei ist verschlüsselt; ihr Text kann nicht gelesen werden."
                ) from None
        for page in reader.pages:
            out.tick()
            if not out.add(page.extract_text() or ""):
                break
    except (FileNotDecryptedError, DependencyError):
        raise ExtractionProblem("Die PDF-Datei ist verschlüsselt; ihr Text kann nicht gelesen werden.") from None
    except PdfReadError as exc:
        raise ExtractionProblem(f"Die PDF-Datei ist beschädigt ({exc}).") from None


def _read_docx(fileobj, out):
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(fileobj)
    paragraph_tag, text_tag, tab_tag = qn("w:p"), qn("w:t"), qn("w:tab")
    # Walking the XML keeps paragraphs and table cells in reading order.
    for element in document.element.body.iter(paragraph_tag):
        pieces = []
        for node in element.iter(text_tag, tab_tag):
            pieces.append((node.text or "") if node.tag == text_tag else " ")
        if not out.add("".join(pieces)):
            return
    for section in document.sections:
        for part in (section.header, section.footer):
            for paragraph in part.paragraphs:
                if not out.add(paragraph.text):
                    return


def _read_xlsx(fileobj, out):
    import openpyxl

    workbook = openpyxl.load_workbook(fileobj, read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            if not out.add(sheet.title):
                return
            for row in sheet.iter_rows(values_only=True):
                cells = [str(value) for value in row if value is not None and str(value).strip()]
                if cells and not out.add("\t".join(cells)):
                    return
    finally:
        workbook.close()


def _read_odf(fileobj, out):
    from odf import teletype
    from odf.namespaces import TEXTNS
    from odf.opendocument import load

    document = load(fileobj)
    blocks = {(TEXTNS, "p"), (TEXTNS, "h")}

    def walk(node):
        for child in node.childNodes:
            if getattr(child, "qname", None) in blocks:
                if not out.add(teletype.extractText(child)):
                    return False
            elif child.nodeType == child.ELEMENT_NODE:
                if walk(child) is False:
                    return False
        return True

    walk(document.body)


_DRAWING_NS = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _read_pptx(fileobj, out, limits=None):
    # python-pptx is not a dependency; slide text is plain DrawingML runs.
    limits = limits or ZipLimits.from_settings()
    with zipfile.ZipFile(fileobj) as archive:
        slides = [name for name in archive.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", name)]
        slides.sort(key=lambda name: int(re.search(r"(\d+)", name.rsplit("/", 1)[1]).group(1)))
        for name in slides:
            root = ElementTree.fromstring(read_member(archive, name, limits))
            for paragraph in root.iter(f"{_DRAWING_NS}p"):
                text = "".join(node.text or "" for node in paragraph.iter(f"{_DRAWING_NS}t"))
                if not out.add(text):
                    return


def _read_text(fileobj, out):
    raw = fileobj.read(out.max_chars * 4)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = raw.decode("utf-8", "replace")
    for line in text.splitlines():
        if not out.add(line):
            return


READERS = {
    "pdf": _read_pdf,
    "docx": _read_docx,
    "xlsx": _read_xlsx,
    "pptx": _read_pptx,
    "odt": _read_odf,
    "ods": _read_odf,
    "odp": _read_odf,
    "text": _read_text,
}


# --- Public API ---------------------------------------------------------------------------


@dataclass
class Extraction:
    text: str
    problem: str  # German, for editors; empty when everything was read
    kind: str | None
    truncated: bool = False


def extract_text(fileobj, *, max_chars=None, time_limit=None, limits=None):
    """Text of a document file (binary file object), bounded; never raises for bad files.
    In this process: the site calls it through extraction_worker.refresh_document_text (a limited subprocess)."""
    max_chars = max_chars or _setting("DOCUMENT_TEXT_MAX_CHARS", DEFAULT_MAX_CHARS)
    time_limit = time_limit or _setting("DOCUMENT_EXTRACTION_SECONDS", DEFAULT_TIME_LIMIT)
    kind = None
    out = _Collector(max_chars, time_limit)
    try:
        size = _size_of(fileobj)
        max_bytes = _setting("DOCUMENT_EXTRACTION_MAX_BYTES", DEFAULT_MAX_FILE_BYTES)
        if size is not None and size > max_bytes:
            raise ExtractionProblem(
                f"Die Datei ist größer als {max_bytes // (1024 * 1024)} MB; ihr Text wird nicht übernommen."
            )
        kind = sniff_kind(fileobj)
        if kind == "ole":
            raise ExtractionProblem(
                "Die Datei ist passwortgeschützt oder in einem alten Office-Format; ihr Text kann nicht gelesen werden."
            )
        reader = READERS.get(kind)
        if reader is None:
            raise ExtractionProblem("Das Dateiformat wird für die Volltextsuche nicht unterstützt.")
        if kind in {"docx", "xlsx", "pptx", "odt", "ods", "odp"}:
            check_zip_size(fileobj, verify=True, limits=limits)
        reader(fileobj, out)
    except ExtractionProblem as exc:
        return Extraction(out.text(), str(exc), kind, out.truncated)
    except _OutOfTime:
        seconds = int(time_limit)
        return Extraction(
            out.text(),
            f"Das Auslesen des Textes dauerte länger als {seconds} Sekunden; nur der bis dahin gelesene Text wird durchsucht.",
            kind,
            True,
        )
    except MemoryError:
        return Extraction("", MEMORY_PROBLEM, kind)
    except Exception as exc:  # noqa: BLE001 - third-party parsers raise anything on broken files
        logger.warning("Text extraction failed (%s): %s", kind, exc, exc_info=True)
        return Extraction(
            out.text(), f"Die Datei konnte nicht gelesen werden (beschädigt?): {type(exc).__name__}.", kind
        )
    finally:
        try:
            fileobj.seek(0)
        except Exception:  # noqa: BLE001
            pass
    problem = ""
    if out.truncated:
        problem = f"Nur die ersten {max_chars:,} Zeichen des Textes werden durchsucht.".replace(",", ".")
    return Extraction(out.text(), problem, kind, out.truncated)


def _size_of(fileobj):
    try:
        position = fileobj.tell()
        fileobj.seek(0, io.SEEK_END)
        size = fileobj.tell()
        fileobj.seek(position)
        return size
    except (AttributeError, OSError, ValueError):
        return None
