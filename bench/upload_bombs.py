"""Memory and time of hostile document uploads in a web process (issue 16, item 4).

Each upload runs in a fresh Python process through the whole Django stack (middleware, upload
handlers, the Wagtail document form, saving, text extraction), as a gunicorn worker would
run it; the process reports its peak (VmHWM) and resident (VmRSS) memory before and after and
the request's wall time. Needs a migrated database (DATABASE_URL).

    python bench/upload_bombs.py            # JSON lines, one per file
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _status_kb(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _one(kind):
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from django.urls import reverse
    from wagtail.models import Collection

    from tests.wiki import sample_files
    from wiki.models import KnowledgeDocument

    data, name = {
        "odt": (sample_files.odt_bomb_bytes, "bombe.odt"),
        "docx": (sample_files.docx_bomb_bytes, "bombe.docx"),
        "pdf": (lambda: sample_files.pdf_bytes(["Parkraumsensoren"] * 50, pages=20), "normal.pdf"),
    }[kind]
    data = data()
    user, _ = get_user_model().objects.get_or_create(
        username="bench-uploads", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client()
    client.force_login(user)
    client.get("/admin/")  # warm up imports outside the measurement
    before_hwm, before_rss = _status_kb("VmHWM"), _status_kb("VmRSS")
    started = time.monotonic()
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": f"Bench {kind}",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, data),
        },
    )
    seconds = time.monotonic() - started
    stored = KnowledgeDocument.objects.filter(title=f"Bench {kind}")
    result = {
        "file": name,
        "file_kb": len(data) // 1024,
        "status": response.status_code,
        "stored": stored.exists(),
        "seconds": round(seconds, 2),
        "peak_growth_mb": round((_status_kb("VmHWM") - before_hwm) / 1024, 1),
        "rss_growth_mb": round((_status_kb("VmRSS") - before_rss) / 1024, 1),
        "problem": (stored.first().extraction_error if stored.exists() else ""),
    }
    for document in stored:
        try:
            document.file.delete(save=False)
        except ValueError:
            pass
        KnowledgeDocument.objects.filter(pk=document.pk).delete()
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    if len(sys.argv) > 1:
        _one(sys.argv[1])
    else:
        for kind in ("odt", "docx", "pdf"):
            subprocess.run([sys.executable, __file__, kind], check=False)
