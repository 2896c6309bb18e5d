"""Hostile uploads cannot exhaust a web worker (issue 16, item 4): zip bombs built here, the
upload limit enforced while receiving, extraction in a limited subprocess.

Memory is sampled from /proc/self/status (VmRSS) every few milliseconds while the request
runs in this process, as it would in a gunicorn worker; bench/upload_bombs.py measures the
same in fresh processes (VmHWM) for the report.
"""

import io
import struct
import threading
import time
import zipfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Collection

from tests.wiki import sample_files
from wiki.extraction import extract_text
from wiki.extraction_worker import refresh_document_text
from wiki.models import KnowledgeDocument

pytestmark = pytest.mark.django_db
MB = 1024 * 1024


def _rss():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


class PeakMemory:
    """Highest resident memory above the level at the start, sampled in a thread."""

    def __enter__(self):
        self.start, self.peak, self._stop = _rss(), 0, threading.Event()
        self.started = time.monotonic()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self):
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, _rss() - self.start)

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _rss() - self.start)
        self.seconds = time.monotonic() - self.started
        self.kept = _rss() - self.start


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("bomben-admin", "b@example.org", "pw"))
    client.get(reverse("wagtaildocs:add"))  # imports and caches outside the measurement
    return client


def _upload(admin_client, name, data):
    return admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Bombe", "collection": Collection.get_first_root_node().pk, "file": SimpleUploadedFile(name, data)},
    )


@pytest.fixture(scope="module")
def odt_bomb():
    return sample_files.odt_bomb_bytes()  # ~680 KB, content.xml ~190 MB


@pytest.fixture(scope="module")
def docx_bomb():
    return sample_files.docx_bomb_bytes()  # ~700 KB, document.xml ~190 MB


@pytest.mark.parametrize("name,bomb", [("satzung.odt", "odt_bomb"), ("vorlage.docx", "docx_bomb")])
def test_zip_bomb_upload_is_refused_quickly_and_cheaply(admin_client, request, name, bomb):
    data = request.getfixturevalue(bomb)
    assert len(data) < 1 * MB
    with PeakMemory() as memory:
        response = _upload(admin_client, name, data)
    assert response.status_code == 200
    assert "entpackt" in response.content.decode()
    assert not KnowledgeDocument.objects.exists()
    assert memory.seconds < 5, memory.seconds
    assert memory.peak < 200 * MB, memory.peak / MB


def test_bomb_past_the_directory_checks_is_stopped_by_the_subprocess(settings, odt_bomb):
    """Even with the archive checks switched off, the parser's memory is the child's problem."""
    settings.DOCUMENT_MAX_UNPACKED_BYTES = 10**12
    settings.DOCUMENT_MAX_MEMBER_BYTES = 10**12
    settings.DOCUMENT_MAX_COMPRESSION_RATIO = 10**9
    settings.DOCUMENT_EXTRACTION_MEMORY_MB = 400
    settings.DOCUMENT_EXTRACTION_SECONDS = 3
    document = KnowledgeDocument(title="Bombe")
    document.file.save("bombe.odt", ContentFile(odt_bomb), save=False)
    with PeakMemory() as memory:
        result = refresh_document_text(document)
    assert result.problem  # out of memory or out of time, said in German
    assert "Speicher" in result.problem or "länger als" in result.problem
    assert memory.seconds < 5, memory.seconds
    assert memory.peak < 200 * MB, memory.peak / MB


def _lying_zip():
    """A DOCX whose directory declares 10 bytes for a member that really unpacks to 5 MB."""
    data = bytearray(sample_files.zip_bomb_bytes(5 * MB))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    # Local header: uncompressed size at offset 22; central directory entry: at offset 24.
    struct.pack_into("<I", data, info.header_offset + 22, 10)
    for offset in _central_entries(bytes(data)):
        name_length = struct.unpack_from("<H", data, offset + 28)[0]
        if bytes(data[offset + 46 : offset + 46 + name_length]) == b"word/document.xml":
            struct.pack_into("<I", data, offset + 24, 10)
    return bytes(data)


def _central_entries(data):
    offset = data.find(b"PK\x01\x02")
    while offset != -1:
        yield offset
        offset = data.find(b"PK\x01\x02", offset + 4)


def test_archive_lying_about_its_sizes_never_unpacks_more_than_declared():
    data = _lying_zip()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.getinfo("word/document.xml").file_size == 10  # passes every declared check
    with PeakMemory() as memory:
        result = extract_text(io.BytesIO(data))
    assert result.text == ""
    assert "beschädigt" in result.problem
    assert memory.peak < 50 * MB


def test_too_many_parts_are_refused(settings):
    settings.DOCUMENT_MAX_ZIP_MEMBERS = 20
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        for number in range(30):
            archive.writestr(f"word/media/bild{number}.png", b"x")
    result = extract_text(io.BytesIO(out.getvalue()))
    assert "Teilen" in result.problem


def test_normal_documents_still_get_their_text_through_the_subprocess(settings):
    document = KnowledgeDocument(title="Satzung")
    document.file.save(
        "satzung.odt", ContentFile(sample_files.odt_bytes(["Parkraumsensoren in der Innenstadt"])), save=False
    )
    result = refresh_document_text(document)
    assert result.problem == ""
    assert "Parkraumsensoren" in document.extracted_text


def test_upload_over_the_limit_is_cut_off_while_receiving(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 100_000
    data = sample_files.pdf_bytes(["Seite"]) + b"%" + b"0" * 300_000
    response = _upload(admin_client, "gross.pdf", data)
    assert response.status_code == 200
    assert "Die Datei ist zu groß" in response.content.decode()
    assert not KnowledgeDocument.objects.exists()


def test_upload_handler_hands_on_only_a_placeholder(rf, settings):
    from wiki.upload_limits import LimitedUploadHandler, TooLargeUpload

    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    request = rf.post("/", {"file": SimpleUploadedFile("gross.pdf", b"%PDF-" + b"0" * 50_000)})
    request.upload_handlers = [LimitedUploadHandler(request)] + request.upload_handlers
    upload = request.FILES["file"]
    assert isinstance(upload, TooLargeUpload)
    assert upload.read() == b""  # nothing beyond the limit was kept
    assert upload.size > 1000
