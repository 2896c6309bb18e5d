"""Outages and rejections: the site keeps working, nothing is lost, nothing is dropped."""

import logging
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from search.backends.elasticsearch import index as es_index
from search.drift import check
from search.models import IndexTask, SearchEntry
from search.sync import Applier, backoff_seconds, enqueue
from tests.search.factories import make_page
from tests.search.sync_helpers import (
    ARNSBERG,
    OLPE,
    SOEST,
    elasticsearch_down,
    pending_tasks,
    public_ids,
    publish,
)

pytestmark = [pytest.mark.elasticsearch, pytest.mark.slow]


def test_outage_costs_a_delay_and_no_update(index, settings):
    with index.committing():
        kept = make_page(ARNSBERG, "Bleibt unverändert")
        edited = make_page(OLPE, "Wird bearbeitet")
        withdrawn = make_page(SOEST, "Wird zurückgezogen")
        deleted = make_page(SOEST, "Wird gelöscht")

    with elasticsearch_down(settings):
        # Editors work as usual: every one of these returns normally.
        with index.committing():
            created = make_page(ARNSBERG, "Neu während des Ausfalls", "Geschrieben, als Elasticsearch fehlte.")
            edited = publish(edited, title="Bearbeitet während des Ausfalls")
            withdrawn.unpublish()
            Page.objects.get(pk=deleted.pk).delete()
        failing = pending_tasks()
        assert failing.exists()
        assert all(t.attempts >= 1 and t.last_error and t.next_attempt_at > timezone.now() for t in failing)
        # The database fallback is current even while Elasticsearch is away.
        assert SearchEntry.objects.filter(page_id=created.pk).exists()
        assert SearchEntry.objects.get(page_id=edited.pk).document["title"] == "Bearbeitet während des Ausfalls"
        assert not SearchEntry.objects.filter(page_id=withdrawn.pk).exists()
        # A drain while still down keeps everything queued and says so.
        with pytest.raises(CommandError):
            call_command("search_sync", verbosity=0)
        assert pending_tasks().count() == failing.count()

    call_command("search_sync", verbosity=0)
    assert not pending_tasks().exists()
    index.refresh()
    assert index.ids() == public_ids()
    assert index.source(edited)["title"] == "Bearbeitet während des Ausfalls"
    assert index.source(created)["title"] == "Neu während des Ausfalls"
    assert index.source(withdrawn) is None and index.source(deleted.pk) is None
    assert index.source(kept)["title"] == "Bleibt unverändert"
    result = check()
    assert not result.drift_found, (result.elasticsearch, result.database)


def test_after_an_outage_the_web_process_does_not_wait_for_elasticsearch_again(index, settings, monkeypatch):
    with elasticsearch_down(settings):
        with index.committing():
            first = make_page(ARNSBERG, "Erster Versuch")
        calls = []
        original = es_index.write_documents
        monkeypatch.setattr(es_index, "write_documents", lambda *a, **k: calls.append(1) or original(*a, **k))
        with index.committing():
            second = make_page(ARNSBERG, "Zweiter Versuch")
        # The second publish skipped Elasticsearch (circuit open) but is queued like the first.
        assert calls == []
        assert pending_tasks().filter(page_id__in=[first.pk, second.pk]).count() >= 2
    call_command("search_sync", verbosity=0)
    assert {first.pk, second.pk} <= index.ids()


def test_backoff_grows_and_is_capped(settings):
    settings.SEARCH_SYNC_MAX_BACKOFF = 600
    delays = [backoff_seconds(n) for n in range(1, 12)]
    assert delays == sorted(delays)
    assert delays[0] < delays[3] < delays[-1] == 600


def test_rejected_document_is_retried_then_reported_never_dropped(index, settings, monkeypatch, caplog):
    """A document that conflicts with the mapping (a year that is not a number)."""
    from search import documents

    settings.SEARCH_SYNC_REPORT_AFTER = 3
    original = documents.build_documents_by_id

    def conflicting(pages):
        result = original(pages)
        return {pk: (dict(doc, start_year="kein Jahr") if doc else doc) for pk, doc in result.items()}

    with index.committing():
        page = make_page(ARNSBERG, "Wird abgelehnt", start_year=2021)
    monkeypatch.setattr(documents, "build_documents_by_id", conflicting)
    with index.committing():
        page = publish(page, title="Abgelehnte Fassung")

    task = IndexTask.objects.filter(page_id=page.pk, done_at__isnull=True).latest("id")
    assert task.attempts == 1
    assert "HTTP 400" in task.last_error and "start_year" in task.last_error
    with caplog.at_level(logging.ERROR, logger="search.sync"):
        for _ in range(3):
            Applier().drain(respect_backoff=False)
    task.refresh_from_db()
    assert task.done_at is None and task.attempts >= 3
    assert any("failed" in r.getMessage() and r.levelno == logging.ERROR for r in caplog.records)
    from search.status import collect_status

    status = collect_status()
    assert status["queue"]["failed"] >= 1
    assert any("gescheitert" in w for w in status["warnings"])
    assert index.source(page)["title"] == "Wird abgelehnt"  # the last good version stays

    monkeypatch.setattr(documents, "build_documents_by_id", original)
    call_command("search_sync", verbosity=0)
    assert not pending_tasks().exists()
    assert index.source(page)["title"] == "Abgelehnte Fassung"


def test_read_only_index_is_retried_and_reported(index, settings):
    with index.committing():
        page = make_page(ARNSBERG, "Vor der Sperre")
    index.es.indices.put_settings(index=index.alias, settings={"index.blocks.write": True})
    try:
        with index.committing():
            page = publish(page, title="Während der Sperre")
        task = pending_tasks().get(page_id=page.pk)
        assert "cluster_block_exception" in task.last_error or "blocked" in task.last_error
        with pytest.raises(CommandError):
            call_command("search_sync", verbosity=0)
        task.refresh_from_db()
        assert task.attempts == 2 and task.done_at is None
    finally:
        index.es.indices.put_settings(index=index.alias, settings={"index.blocks.write": False})
    call_command("search_sync", verbosity=0)
    assert index.source(page)["title"] == "Während der Sperre"


def test_a_crashed_applier_leaves_its_tasks_for_the_next_one(index):
    with transaction.atomic():
        page = make_page(ARNSBERG, "Mitten im Absturz")
    # Tasks claimed by a worker that died: the lease ran out.
    IndexTask.objects.filter(done_at__isnull=True).update(claimed_until=timezone.now() - timedelta(seconds=1))
    Applier().drain(respect_backoff=True)
    assert index.source(page)["title"] == "Mitten im Absturz"
    assert not pending_tasks().exists()


def test_claimed_tasks_are_not_applied_twice_at_once(index):
    with transaction.atomic():
        make_page(ARNSBERG, "Gerade in Arbeit")
    IndexTask.objects.filter(done_at__isnull=True).update(claimed_until=timezone.now() + timedelta(minutes=2))
    result = Applier().drain(respect_backoff=False)
    assert result.tasks == 0
    assert pending_tasks().exists()


def test_a_stale_write_from_a_slower_applier_is_corrected(index, monkeypatch):
    """Applier A reads version 1, applier B applies version 2, then A's write lands: the
    re-check after writing must notice the newer task and write again."""
    with index.committing():
        page = make_page(ARNSBERG, "Version 1")
    with transaction.atomic():
        enqueue([page.pk], reason="slow applier")
    original = es_index.write_documents
    state = {"raced": False}

    def slow_write(es, target, documents, **kwargs):
        if not state["raced"]:
            state["raced"] = True
            # Meanwhile an editor publishes version 2 and its task is applied at once.
            with index.committing():
                publish(page, title="Version 2")
        return original(es, target, documents, **kwargs)

    monkeypatch.setattr(es_index, "write_documents", slow_write)
    Applier().drain(respect_backoff=False)
    assert index.source(page)["title"] == "Version 2"


def test_without_elasticsearch_configured_the_fallback_is_kept_and_tasks_complete(
    site_tree, settings, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = None
    with django_capture_on_commit_callbacks(execute=True):
        page = make_page(ARNSBERG, "Nur Datenbank")
    assert SearchEntry.objects.filter(page_id=page.pk).exists()
    assert not IndexTask.objects.filter(page_id=page.pk, done_at__isnull=True).exists()


def test_a_page_whose_document_cannot_be_built_does_not_block_the_others(index, monkeypatch):
    from search import documents

    with transaction.atomic():
        good = make_page(ARNSBERG, "Gute Seite")
        bad = make_page(OLPE, "Kaputte Seite")
    original = documents.build_documents_by_id

    def breaks_on_bad(pages):
        ids = [p if isinstance(p, int) else p.pk for p in pages]
        if bad.pk in ids:
            raise ValueError("kaputte Daten")
        return original(pages)

    monkeypatch.setattr(documents, "build_documents_by_id", breaks_on_bad)
    Applier().drain(respect_backoff=False)
    assert index.source(good)["title"] == "Gute Seite"
    failed = pending_tasks().filter(page_id=bad.pk)
    assert failed.exists() and "kaputte Daten" in failed.first().last_error
