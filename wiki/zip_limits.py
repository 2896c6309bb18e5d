"""Limits for zip-based documents (DOCX, XLSX, PPTX, ODT, ODS, ODP): zip bombs stop here.

Two checks, both cheap next to what a parser would do with the file:

- `inspect_zip` reads only the central directory (no decompression): number of members,
  declared unpacked size per member and in total, and the compression ratio of each larger
  member. Real office files compress their XML 5-40:1; a 700 KB ODT that declares 190 MB
  (ratio ~300:1) is a bomb. The upload form runs it, so a bomb is refused in milliseconds.
- `verify_zip` then decompresses every member in chunks and counts the bytes that really come
  out, stopping at the first limit crossed – so an archive whose directory lies about its sizes
  is refused while reading, not after a parser has built a 1.5 GB tree from it. It runs in the
  extraction subprocess (wiki/extraction_worker.py), never in a web worker.

`read_member` is the capped read for readers that open members themselves.
"""

from dataclasses import dataclass

MB = 1024 * 1024
CHUNK = 256 * 1024
# Ratios are only judged for members above this size; tiny files compress wildly either way.
RATIO_MIN_BYTES = 1 * MB


class ZipLimitExceeded(Exception):
    """The archive crosses a limit; the message is German, for editors."""


@dataclass(frozen=True)
class ZipLimits:
    max_total: int = 100 * MB
    max_member: int = 50 * MB
    max_ratio: int = 150
    max_members: int = 5000

    @classmethod
    def from_settings(cls):
        from django.conf import settings

        defaults = cls()
        if not settings.configured:  # the extraction subprocess passes its limits explicitly
            return defaults
        return cls(
            max_total=getattr(settings, "DOCUMENT_MAX_UNPACKED_BYTES", defaults.max_total),
            max_member=getattr(settings, "DOCUMENT_MAX_MEMBER_BYTES", defaults.max_member),
            max_ratio=getattr(settings, "DOCUMENT_MAX_COMPRESSION_RATIO", defaults.max_ratio),
            max_members=getattr(settings, "DOCUMENT_MAX_ZIP_MEMBERS", defaults.max_members),
        )


def _mb(size):
    return f"{max(1, size // MB)} MB"


def _too_big_total(limits):
    return ZipLimitExceeded(
        f"Die Datei ist entpackt über {_mb(limits.max_total)} groß; ihr Text wird nicht übernommen."
    )


def _too_big_member(name, limits):
    return ZipLimitExceeded(
        f"Ein Teil der Datei ({name[:80]}) ist entpackt über {_mb(limits.max_member)} groß; ihr Text wird nicht übernommen."
    )


def inspect_zip(archive, limits):
    """Check the declared sizes of an open ZipFile; raises ZipLimitExceeded."""
    members = archive.infolist()
    if len(members) > limits.max_members:
        raise ZipLimitExceeded(
            f"Die Datei besteht aus über {limits.max_members} Teilen; das ist für ein Dokument ungewöhnlich, "
            "ihr Text wird nicht übernommen."
        )
    total = 0
    for info in members:
        total += info.file_size
        if info.file_size > limits.max_member:
            raise _too_big_member(info.filename, limits)
        if info.file_size >= RATIO_MIN_BYTES and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise ZipLimitExceeded(
                f"Die Datei ist ungewöhnlich stark gepackt ({info.file_size // max(info.compress_size, 1)}:1, "
                f"entpackt {_mb(info.file_size)}); ihr Text wird zum Schutz des Servers nicht übernommen."
            )
    if total > limits.max_total:
        raise _too_big_total(limits)


def verify_zip(archive, limits):
    """Decompress every member, counting the bytes really produced; raises ZipLimitExceeded at
    the first limit crossed (zipfile.BadZipFile for a wrong CRC)."""
    inspect_zip(archive, limits)
    total = 0
    for info in archive.infolist():
        if info.is_dir():
            continue
        produced = 0
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                produced += len(chunk)
                total += len(chunk)
                if produced > limits.max_member:
                    raise _too_big_member(info.filename, limits)
                if total > limits.max_total:
                    raise _too_big_total(limits)


def read_member(archive, name, limits):
    """The bytes of one member, refusing to produce more than the member limit."""
    parts, produced = [], 0
    with archive.open(name) as stream:
        while chunk := stream.read(CHUNK):
            produced += len(chunk)
            if produced > limits.max_member:
                raise _too_big_member(name, limits)
            parts.append(chunk)
    return b"".join(parts)
