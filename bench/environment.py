"""Where the benchmark runs: its database, the Elasticsearch node, Django setup, the machine."""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

PROJECT_DIR = Path(__file__).resolve().parent.parent
# BENCH_SETTINGS_MODULE: a settings module of your own that extends config.settings.bench.
SETTINGS_MODULE = os.environ.get("BENCH_SETTINGS_MODULE", "config.settings.bench")


class BenchError(SystemExit):
    """A precondition is missing; the message says what to do."""

    def __init__(self, message):
        super().__init__(f"bench: {message}")


def elasticsearch_url():
    url = (
        os.environ.get("BENCH_ELASTICSEARCH_URL")
        or os.environ.get("ELASTICSEARCH_TEST_URL")
        or os.environ.get("ELASTICSEARCH_URL")
    )
    if not url:
        raise BenchError(
            "no Elasticsearch node: set ELASTICSEARCH_TEST_URL (scripts/services.sh env) or BENCH_ELASTICSEARCH_URL"
        )
    host = urlsplit(url).hostname
    if host not in {"127.0.0.1", "localhost", "::1"}:
        raise BenchError(f"the benchmark only talks to 127.0.0.1, not {host}")
    return url.rstrip("/")


def database_url(size, seed):
    """One database per corpus (size, seed) on the PostgreSQL server of DATABASE_URL, so that
    corpora of different sizes are kept and reused side by side."""
    explicit = os.environ.get("BENCH_DATABASE_URL")
    if explicit:
        return explicit
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith(("postgres://", "postgresql://")):
        raise BenchError("DATABASE_URL must point at PostgreSQL (scripts/services.sh env), or set BENCH_DATABASE_URL")
    parts = urlsplit(base)
    if parts.hostname not in {"127.0.0.1", "localhost", "::1"}:
        raise BenchError(f"the benchmark only talks to 127.0.0.1, not {parts.hostname}")
    return urlunsplit(parts._replace(path=f"/tw_bench_{size}_s{seed}"))


def ensure_database(url, fresh=False):
    """Create the bench database if missing (drop it first with fresh). Returns True if new."""
    import psycopg2
    from psycopg2 import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    conn = psycopg2.connect(admin)
    conn.autocommit = True
    try:
        with conn.cursor() as cursor:
            if fresh:
                cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone():
                return False
            cursor.execute(
                sql.SQL("CREATE DATABASE {} ENCODING 'UTF8' TEMPLATE template0").format(sql.Identifier(name))
            )
            return True
    finally:
        conn.close()


def configure(db_url, es_url, size, seed):
    """Environment for this process and every child (gunicorn, management commands).
    Index names carry size and seed, so runs of different corpora on one node never meet."""
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS_MODULE
    os.environ["DATABASE_URL"] = db_url
    os.environ["ELASTICSEARCH_URL"] = es_url
    os.environ["BENCH_REFERENCE_ES_URL"] = es_url
    os.environ["SEARCH_INDEX_ALIAS"] = f"bench-transferwiki-{size}-s{seed}"
    os.environ["BENCH_REFERENCE_PREFIX"] = f"bench-wagtail-{size}-s{seed}-"
    os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
    if str(PROJECT_DIR) not in sys.path:
        sys.path.insert(0, str(PROJECT_DIR))
    import django

    django.setup()


def loadavg():
    """The machine's load averages (1, 5, 15 min), rounded; None where the OS has none."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def child_env(**overrides):
    """Environment for a subprocess; a value of None removes the variable."""
    env = dict(os.environ)
    env["PYTHONUNBUFFERED"] = "1"
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


# -- machine description ---------------------------------------------------------------------
def _read(path):
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def machine(es_client=None):
    cpuinfo = _read("/proc/cpuinfo")
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    meminfo = _read("/proc/meminfo")
    total = re.search(r"^MemTotal:\s*(\d+) kB", meminfo, re.M)
    info = {
        "nproc": os.cpu_count(),
        "cpu_model": model.group(1).strip() if model else platform.processor(),
        "ram_gib": round(int(total.group(1)) / 1024 / 1024, 1) if total else None,
        "kernel": platform.release(),
        "python": platform.python_version(),
    }
    try:
        import django
        import elasticsearch
        import wagtail

        info["django"] = django.get_version()
        info["wagtail"] = wagtail.__version__
        info["elasticsearch_py"] = (
            ".".join(str(p) for p in elasticsearch.__versionstr__.split(".")[:3])
            if hasattr(elasticsearch, "__versionstr__")
            else str(elasticsearch.__version__)
        )
    except Exception:  # noqa: BLE001 - a missing version is not worth failing a run
        pass
    try:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            info["postgresql"] = cursor.fetchone()[0]
    except Exception:  # noqa: BLE001
        pass
    if es_client is not None:
        try:
            # nodes.info, not info() ("GET /"): the integ-test-zip has no rest-root module.
            nodes = es_client.options(request_timeout=30).nodes.info(metric="jvm")["nodes"]
            node = next(iter(nodes.values()))
            info["elasticsearch"] = node.get("version")
            info["elasticsearch_build"] = node.get("build_flavor") or node.get("build_type", "")
            info["elasticsearch_nodes"] = len(nodes)
            info["elasticsearch_heap_mib"] = round(node["jvm"]["mem"]["heap_max_in_bytes"] / 1024 / 1024)
            modules = es_client.options(request_timeout=30).nodes.info(node_id="_local", metric="plugins")["nodes"]
            names = sorted(m["name"] for n in modules.values() for m in n.get("modules", []))
            info["elasticsearch_modules"] = names
        except Exception as exc:  # noqa: BLE001
            info["elasticsearch_error"] = str(exc)[:200]
    try:
        java = subprocess.run(["java", "-version"], capture_output=True, text=True, timeout=20)
        first = (java.stderr or java.stdout).splitlines()[0]
        info["java"] = first.strip()
    except Exception:  # noqa: BLE001
        pass
    return info


def es_cpu_seconds(es):
    """CPU time of the Elasticsearch node(s) so far; None if the node does not say. On a
    node shared with other work this includes that work."""
    try:
        nodes = es.options(request_timeout=30).nodes.stats(metric="process")["nodes"]
        return sum(n["process"]["cpu"]["total_in_millis"] for n in nodes.values()) / 1000
    except Exception:  # noqa: BLE001
        return None
