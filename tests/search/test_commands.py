"""The operator commands: search_status, search_check, search_sync, search_rebuild."""

import os
import signal
import threading

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from search.backends.elasticsearch.index import alias_targets, create_index, new_index_name
from search.models import IndexTask
from search.sync import enqueue
from tests.search.factories import make_page
from tests.search.sync_helpers import ARNSBERG, OLPE, elasticsearch_down, pending_tasks, public_ids

pytestmark = pytest.mark.elasticsearch


def run(name, *args):
    from io import StringIO

    out = StringIO()
    call_command(name, *args, stdout=out, stderr=StringIO())
    return out.getvalue()


# --- search_status ---------------------------------------------------------------------------


def test_status_shows_backend_alias_counts_and_queue(index):
    with index.committing():
        make_page(ARNSBERG, "Statusseite eins")
        make_page(OLPE, "Statusseite zwei")
    with transaction.atomic():
        enqueue([12345678], reason="wartet")  # a task nobody applied yet
    index.refresh()
    out = run("search_status")
    target = alias_targets(index.es, index.alias)[0]
    assert "Aktives Suchsystem:      Elasticsearch" in out
    assert f"{index.alias} → {target}" in out
    assert f"Dokumente im Index:      {len(public_ids())}" in out
    assert f"Öffentliche Seiten:      {len(public_ids())}" in out
    assert "Warteschlange:           1 offen" in out


def test_status_reports_failed_tasks_and_the_last_error(index, settings):
    settings.SEARCH_SYNC_REPORT_AFTER = 1
    with elasticsearch_down(settings):
        with index.committing():
            make_page(ARNSBERG, "Wartet auf Elasticsearch")
        out = run("search_status")
    assert "NICHT erreichbar" in out
    assert "Datenbank-Ersatz" in out
    assert "Letzter Fehler:" in out and "ConnectionError" in out
    assert "gemeldet" in out


def test_status_warns_when_the_code_expects_a_newer_mapping(index, monkeypatch):
    from search.backends.elasticsearch import mapping as index_module

    monkeypatch.setattr(index_module, "MAPPING_VERSION", index_module.MAPPING_VERSION + 1)
    out = run("search_status")
    assert "WARNUNG" in out and "search_rebuild" in out and "Mapping-Version" in out


def test_status_lists_documents_whose_text_could_not_be_read(index, settings, tmp_path):
    from django.core.files.base import ContentFile

    from tests.wiki import sample_files
    from wiki.models import KnowledgeDocument

    settings.MEDIA_ROOT = tmp_path
    document = KnowledgeDocument(title="Passwortgeschützter Vertrag")
    document.file.save("vertrag.pdf", ContentFile(sample_files.encrypted_pdf_bytes("x")), save=False)
    document.save()
    out = run("search_status")
    assert "Passwortgeschützter Vertrag" in out and "verschlüsselt" in out


def test_status_without_elasticsearch(site_tree, settings):
    settings.ELASTICSEARCH_URL = None
    out = run("search_status")
    assert "Datenbank (Elasticsearch ist nicht konfiguriert)" in out


# --- search_check ----------------------------------------------------------------------------


def test_check_exits_non_zero_on_drift_and_zero_after_repair(index):
    with index.committing():
        page = make_page(ARNSBERG, "Wird vermisst")
    index.es.delete(index=index.alias, id=str(page.pk), refresh=True)
    with pytest.raises(CommandError) as excinfo:
        run("search_check")
    assert excinfo.value.returncode == 1
    out = run("search_check", "--repair")
    assert "fehlend (1)" in out and str(page.pk) in out
    assert "Abweichungen behoben" in out
    assert "keine Abweichung" in run("search_check")


# --- search_sync -----------------------------------------------------------------------------


def test_sync_once_drains_the_queue(index):
    with transaction.atomic():
        page = make_page(ARNSBERG, "Vom Cronjob übertragen")
    assert pending_tasks().exists()
    out = run("search_sync")
    assert "übertragen" in out
    assert not pending_tasks().exists()
    assert index.source(page)["title"] == "Vom Cronjob übertragen"
    assert "Keine ausstehenden Aufträge" in run("search_sync")


def test_sync_once_fails_visibly_while_elasticsearch_is_down(index, settings):
    with transaction.atomic():
        make_page(ARNSBERG, "Bleibt in der Warteschlange")
    with elasticsearch_down(settings):
        with pytest.raises(CommandError) as excinfo:
            run("search_sync")
    assert "bleiben in der Warteschlange" in str(excinfo.value)
    assert pending_tasks().exists()


def test_sync_loop_works_until_sigterm(index):
    with transaction.atomic():
        page = make_page(ARNSBERG, "Vom Dienst übertragen")
    saved = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    timer = threading.Timer(3.0, lambda: os.kill(os.getpid(), signal.SIGTERM))
    timer.start()
    try:
        out = run("search_sync", "--loop", "--interval", "0.2")
    finally:
        timer.cancel()
        signal.signal(signal.SIGTERM, saved[0])
        signal.signal(signal.SIGINT, saved[1])
    assert "search_sync beendet." in out
    assert not pending_tasks().exists()
    assert index.source(page)["title"] == "Vom Dienst übertragen"


def test_sync_rejects_a_bad_interval(site_tree):
    with pytest.raises(CommandError):
        run("search_sync", "--loop", "--interval", "0")


# --- search_rebuild --------------------------------------------------------------------------


def test_rebuild_failure_says_the_old_index_stays(index, monkeypatch):
    from search.backends.elasticsearch import rebuild as rebuild_module

    with index.committing():
        make_page(ARNSBERG, "Überlebt den Fehlschlag")
    old = alias_targets(index.es, index.alias)

    def refuse(*args, **kwargs):
        raise rebuild_module.RebuildError("Elasticsearch hat 1 Dokument(e) abgelehnt.")

    monkeypatch.setattr(rebuild_module, "_write", refuse)
    with pytest.raises(CommandError) as excinfo:
        run("search_rebuild")
    assert "alten Index" in str(excinfo.value)
    assert alias_targets(index.es, index.alias) == old


def test_rebuild_reports_cleaned_up_leftovers(index):
    orphan = create_index(index.es, new_index_name(index.alias))
    out = run("search_rebuild")
    assert orphan in out and "Reste eines abgebrochenen Neuaufbaus" in out


def test_rebuild_without_elasticsearch_rebuilds_the_database_index(site_tree, settings):
    from search.models import SearchEntry

    settings.ELASTICSEARCH_URL = None
    page = make_page(ARNSBERG, "Nur im Datenbank-Suchindex")
    SearchEntry.objects.all().delete()
    out = run("search_rebuild")
    assert "Datenbank-Suchindex neu aufgebaut" in out
    assert SearchEntry.objects.filter(page_id=page.pk).exists()
    assert not IndexTask.objects.filter(attempts__gt=0).exists()
