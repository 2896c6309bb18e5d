"""Query-log retention: rows older than SEARCH_LOG_RETENTION_DAYS (default 90, from the
environment) are deleted by `prune_search_log` and once a day by `search_sync --loop`."""

import os
import signal
import subprocess
import sys
import threading
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from search import search_log
from search.models import SearchQueryLog

pytestmark = pytest.mark.django_db


def _logged(days_ago, query):
    row = SearchQueryLog.objects.create(query=query, result_count=1, backend="database")
    SearchQueryLog.objects.filter(pk=row.pk).update(created_at=timezone.now() - timedelta(days=days_ago, minutes=1))
    return row


def _queries():
    return sorted(SearchQueryLog.objects.values_list("query", flat=True))


def _run(*args):
    out = StringIO()
    call_command("prune_search_log", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_command_deletes_rows_older_than_90_days_by_default():
    _logged(91, "alt"), _logged(400, "uralt"), _logged(89, "jung"), _logged(0, "heute")
    out = _run()
    assert _queries() == ["heute", "jung"]
    cutoff = (timezone.now() - timedelta(days=90)).strftime("%d.%m.%Y")
    assert f"2 Suchanfragen älter als 90 Tage (vor dem {cutoff}) gelöscht." in out


def test_the_setting_and_the_option_change_the_period(settings):
    settings.SEARCH_LOG_RETENTION_DAYS = 30
    _logged(31, "einunddreißig"), _logged(29, "neunundzwanzig"), _logged(6, "sechs")
    assert "1 Suchanfragen älter als 30 Tage" in _run()
    assert "1 Suchanfragen älter als 7 Tage" in _run("--days", "7")
    assert _queries() == ["sechs"]


def test_a_period_below_one_day_is_refused_in_german():
    _logged(5, "bleibt")
    with pytest.raises(CommandError, match="--days: Die Aufbewahrungsfrist muss mindestens 1 Tag sein."):
        _run("--days", "0")
    assert _queries() == ["bleibt"]


def test_large_logs_are_deleted_in_batches_with_progress():
    for n in range(5):
        _logged(100, f"alt {n}")
    _logged(1, "neu")
    seen = []
    assert search_log.prune(batch_size=2, progress=lambda done, total: seen.append((done, total))) == 5
    assert seen == [(2, 5), (4, 5), (5, 5)]
    assert _queries() == ["neu"]


def _settings_value(**env):
    code = "import django; django.setup(); from django.conf import settings; print(settings.SEARCH_LOG_RETENTION_DAYS)"
    environment = {k: v for k, v in os.environ.items() if k != "SEARCH_LOG_RETENTION_DAYS"}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.test", **env)
    return subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True, timeout=60)


def test_the_period_comes_from_the_environment():
    assert _settings_value().stdout.strip() == "90"
    assert _settings_value(SEARCH_LOG_RETENTION_DAYS="365").stdout.strip() == "365"
    refused = _settings_value(SEARCH_LOG_RETENTION_DAYS="0")
    assert refused.returncode != 0 and "SEARCH_LOG_RETENTION_DAYS muss mindestens 1 sein" in refused.stderr


def test_the_sync_loop_prunes_the_log(site_tree, settings):
    settings.ELASTICSEARCH_URL = None
    _logged(120, "alt"), _logged(3, "neu")
    saved = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    timer = threading.Timer(1.5, lambda: os.kill(os.getpid(), signal.SIGTERM))
    timer.start()
    try:
        call_command("search_sync", "--loop", "--interval", "0.2", stdout=StringIO(), stderr=StringIO())
    finally:
        timer.cancel()
        signal.signal(signal.SIGTERM, saved[0])
        signal.signal(signal.SIGINT, saved[1])
    assert _queries() == ["neu"]
