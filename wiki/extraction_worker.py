"""Document text extraction in a separate process with memory and time limits.

Why a subprocess and not the outbox worker: the editor sees right after the upload whether
the text could be read (the document form shows the problem), and the search outbox should
only ever move finished text into the index. Why not in the web worker itself: a parser's
memory cannot be bounded from inside the process that runs it (a 700 KB ODT made odfpy hold
1.5 GB, and CPython hardly returns it to the system afterwards). The child is a fresh
interpreter (not a fork of the web worker, which holds database connections and threads):
it sets RLIMIT_AS and RLIMIT_CPU on itself before importing any parser, reads the file from a
temporary copy, and answers one JSON object on stdout. The parent kills it at the wall-clock
limit. The web worker's memory grows only by the file copy buffer.

`refresh_document_text` is the site's one entry point (the document receivers call it); this
module imports wiki.extraction, never the other way round. Its imports stay inside the
functions so the child imports nothing but the standard library before it limits itself.

    python -m wiki.extraction_worker PATH '{"max_chars": …, "time_limit": …, "memory_mb": …, …}'
"""

import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

logger = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MEMORY_MB = 512
# Interpreter start and parser imports, on top of the extraction's own time limit.
STARTUP_SECONDS = 1.5
COPY_CHUNK = 1024 * 1024


def _options():
    from django.conf import settings

    from wiki.extraction import DEFAULT_MAX_CHARS, DEFAULT_MAX_FILE_BYTES, DEFAULT_TIME_LIMIT
    from wiki.zip_limits import ZipLimits

    limits = ZipLimits.from_settings()
    return {
        "max_chars": getattr(settings, "DOCUMENT_TEXT_MAX_CHARS", DEFAULT_MAX_CHARS),
        "time_limit": float(getattr(settings, "DOCUMENT_EXTRACTION_SECONDS", DEFAULT_TIME_LIMIT)),
        "max_bytes": getattr(settings, "DOCUMENT_EXTRACTION_MAX_BYTES", DEFAULT_MAX_FILE_BYTES),
        "memory_mb": getattr(settings, "DOCUMENT_EXTRACTION_MEMORY_MB", DEFAULT_MEMORY_MB),
        "zip": {
            "max_total": limits.max_total,
            "max_member": limits.max_member,
            "max_ratio": limits.max_ratio,
            "max_members": limits.max_members,
        },
    }


def extract_text_isolated(fileobj):
    """Like wiki.extraction.extract_text, but in a limited child process; never raises."""
    from wiki.extraction import MEMORY_PROBLEM, Extraction

    options = _options()
    with tempfile.NamedTemporaryFile(prefix="tw-extract-", suffix=".bin") as copy:
        fileobj.seek(0)
        while chunk := fileobj.read(COPY_CHUNK):
            copy.write(chunk)
            if copy.tell() > options["max_bytes"]:
                break  # the child refuses it by size; no need to copy the rest
        copy.flush()
        fileobj.seek(0)
        env = dict(
            os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(PROJECT_ROOT), os.environ.get("PYTHONPATH")]))
        )
        env.pop("DJANGO_SETTINGS_MODULE", None)  # the child needs no settings and no database
        try:
            completed = subprocess.run(
                [sys.executable, "-m", "wiki.extraction_worker", copy.name, json.dumps(options)],
                capture_output=True,
                timeout=options["time_limit"] + STARTUP_SECONDS,
                env=env,
                cwd=str(PROJECT_ROOT),
                check=False,
            )
        except subprocess.TimeoutExpired:
            seconds = int(options["time_limit"])
            return Extraction(
                "",
                f"Das Auslesen des Textes dauerte länger als {seconds} Sekunden; der Text wird nicht übernommen.",
                None,
                True,
            )
        except OSError as exc:
            logger.error("Could not start the text extraction process: %s", exc)
            return Extraction("", "Der Text der Datei konnte nicht ausgelesen werden (Serverfehler).", None)
    try:
        answer = json.loads(completed.stdout.decode("utf-8"))
        return Extraction(answer["text"], answer["problem"], answer["kind"], answer["truncated"])
    except (ValueError, KeyError, TypeError):
        stderr = completed.stderr.decode("utf-8", "replace")[-2000:]
        if completed.returncode != 0 and ("MemoryError" in stderr or completed.returncode in (-9, -6)):
            return Extraction("", MEMORY_PROBLEM, None)
        logger.error("Text extraction process failed (exit %s): %s", completed.returncode, stderr)
        return Extraction("", "Der Text der Datei konnte nicht ausgelesen werden (Serverfehler).", None)


def refresh_document_text(document):
    """Extract the text of a KnowledgeDocument's file into its fields (not saved)."""
    from django.utils import timezone

    from wiki.extraction import Extraction

    started = time.monotonic()
    try:
        document.file.open("rb")
        try:
            result = extract_text_isolated(document.file)
        finally:
            document.file.seek(0)
    except (OSError, ValueError) as exc:
        result = Extraction("", f"Die Datei ist nicht lesbar: {type(exc).__name__}.", None)
    document.extracted_text = result.text
    document.extraction_error = result.problem[:500]
    document.extracted_at = timezone.now()
    logger.info(
        "Extracted %d characters from document %s (%s) in %.2fs%s",
        len(result.text),
        document.pk or "(new)",
        result.kind,
        time.monotonic() - started,
        f"; problem: {result.problem}" if result.problem else "",
    )
    return result


def _limit_self(memory_mb, seconds):
    import resource

    memory = int(memory_mb) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = int(seconds) + 2
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))


def main(argv):
    path, options = argv[1], json.loads(argv[2])
    _limit_self(options["memory_mb"], options["time_limit"])
    import django.conf

    # Django's lazy settings stay unconfigured: extraction uses the values passed in.
    assert not django.conf.settings.configured

    from wiki.extraction import extract_text
    from wiki.zip_limits import ZipLimits

    limits = ZipLimits(**options["zip"])
    with open(path, "rb") as fileobj:
        result = extract_text(fileobj, max_chars=options["max_chars"], time_limit=options["time_limit"], limits=limits)
    sys.stdout.write(
        json.dumps({"text": result.text, "problem": result.problem, "kind": result.kind, "truncated": result.truncated})
    )


if __name__ == "__main__":
    main(sys.argv)
