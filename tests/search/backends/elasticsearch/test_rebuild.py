"""Zero-downtime rebuild on the real node: searches keep answering completely, updates that
arrive meanwhile are kept, and an interrupted rebuild leaves the old index serving."""

import re
import threading

import pytest
from django.core.management import call_command
from wagtail.models import Page

from search.backends.elasticsearch.index import (
    alias_targets,
    concrete_indices,
    create_index,
    mapping_version,
    new_index_name,
)
from search.backends.elasticsearch.mapping import MAPPING_VERSION
from search.backends.elasticsearch.rebuild import rebuild
from search.models import SearchEntry
from tests.search.factories import make_page
from tests.search.sync_helpers import ARNSBERG, OLPE, SOEST, public_ids, publish

pytestmark = [pytest.mark.elasticsearch, pytest.mark.slow]


@pytest.fixture
def pages(index):
    with index.committing():
        return [
            make_page((ARNSBERG, OLPE, SOEST)[n % 3], f"Projekt Nummer {n}", f"Kurzbeschreibung {n}") for n in range(24)
        ]


def test_rebuild_swaps_the_alias_to_a_new_complete_index_and_removes_the_old(index, pages):
    old = alias_targets(index.es, index.alias)
    result = rebuild(batch_size=10, grace_seconds=0)
    assert alias_targets(index.es, index.alias) == [result.index] != old
    assert not index.es.indices.exists(index=old[0])
    assert index.ids() == public_ids()
    assert result.pages == len(public_ids()) and result.documents == len(public_ids())
    assert mapping_version(index.es, index.alias) == MAPPING_VERSION
    assert index.source(pages[0])["title"] == "Projekt Nummer 0"


def test_searches_keep_answering_completely_during_a_rebuild(index, pages):
    expected = len(public_ids())
    index.refresh()
    stop = threading.Event()
    answers, failures = [], []

    def search_continuously():
        while not stop.is_set():
            try:
                response = index.es.search(
                    index=index.alias, query={"match": {"title": "Projekt"}}, size=0, track_total_hits=True
                )
                answers.append(response["hits"]["total"]["value"])
            except Exception as exc:  # noqa: BLE001 - collected and asserted below
                failures.append(exc)

    def slow_down(done):
        stop.wait(0.05)  # give the searching thread time to run during every phase

    thread = threading.Thread(target=search_continuously)
    thread.start()
    try:
        for _ in range(2):
            # the default grace: the old index goes once the node reports no search on it
            rebuild(batch_size=4, fault=slow_down)
    finally:
        stop.set()
        thread.join()
    assert failures == []
    assert len(answers) > 10
    assert set(answers) == {expected}


def test_updates_during_the_rebuild_are_not_lost(index, pages):
    state = {}

    def editors_at_work(done):
        if state:
            return
        # Written through the alias into the old index while the new one is being filled.
        with index.committing():
            state["new"] = make_page(ARNSBERG, "Während des Neuaufbaus veröffentlicht")
            state["edited"] = publish(pages[-1], title="Während des Neuaufbaus geändert")
            pages[-2].unpublish()
            Page.objects.get(pk=pages[-3].pk).delete()

    rebuild(batch_size=5, fault=editors_at_work, grace_seconds=0)
    assert index.source(state["new"])["title"] == "Während des Neuaufbaus veröffentlicht"
    assert index.source(state["edited"])["title"] == "Während des Neuaufbaus geändert"
    assert index.source(pages[-2]) is None
    assert index.source(pages[-3].pk) is None
    assert index.ids() == public_ids()


def test_interrupted_rebuild_leaves_the_old_index_serving_and_cleans_up(index, pages):
    old = alias_targets(index.es, index.alias)
    before = index.count()

    def crash(done):
        if done >= 10:
            raise RuntimeError("Stromausfall im Rechenzentrum")

    with pytest.raises(RuntimeError):
        rebuild(batch_size=5, fault=crash, grace_seconds=0)
    assert alias_targets(index.es, index.alias) == old
    assert index.count() == before
    assert concrete_indices(index.es, index.alias) == old  # half-built index already removed


def test_half_built_index_of_a_killed_rebuild_is_removed_by_the_next_run(index, pages):
    old = alias_targets(index.es, index.alias)
    # What a killed process leaves behind: an index with the naming pattern, no alias.
    orphan = create_index(index.es, new_index_name(index.alias))
    index.es.index(index=orphan, id="1", document={"id": 1, "title": "halb"})
    assert orphan in concrete_indices(index.es, index.alias)
    result = rebuild(batch_size=50, grace_seconds=0)
    assert orphan in result.cleaned_up
    assert concrete_indices(index.es, index.alias) == [result.index]
    assert old[0] not in concrete_indices(index.es, index.alias)


def test_rebuild_replaces_a_plain_index_under_the_alias_name(elasticsearch, site_tree, settings):
    alias = settings.SEARCH_INDEX_ALIAS
    elasticsearch.indices.create(index=alias)  # e.g. auto-created by a stray write
    page = make_page(ARNSBERG, "Nach dem Aufräumen auffindbar")
    result = rebuild(grace_seconds=0)
    assert alias_targets(elasticsearch, alias) == [result.index]
    elasticsearch.indices.refresh(index=alias)
    assert elasticsearch.get(index=alias, id=str(page.pk))["_source"]["title"] == "Nach dem Aufräumen auffindbar"


def test_rebuild_command_shows_progress_and_rebuilds_the_database_index(index, pages, capsys):
    SearchEntry.objects.all().delete()
    call_command("search_rebuild", "--database", "--batch-size", "8")
    out = capsys.readouterr().out
    assert "Seiten/s" in out
    assert f"/ {len(public_ids())} Seiten" in out
    assert "Alias" in out and "zeigt jetzt auf" in out
    # German number format, and the rate the benchmark reads from that line
    closing = next(line for line in out.splitlines() if "zeigt jetzt auf" in line)
    assert re.search(r"Seiten in \d+,\d s, [\d.]+ Seiten/s;", closing)
    from bench.run import _fill_rate

    assert _fill_rate(out.splitlines()) > 0
    assert set(SearchEntry.objects.values_list("page_id", flat=True)) == public_ids()
    assert index.ids() == public_ids()


def test_rebuild_with_worker_processes_gives_the_same_index_and_leaves_no_processes(index, pages):
    import multiprocessing

    from search.documents import build_document

    draft = make_page(ARNSBERG, "Entwurf im Neuaufbau", publish=False)
    private = make_page(OLPE, "Geschützt im Neuaufbau", restricted=True)
    seen = []
    result = rebuild(
        batch_size=5, grace_seconds=0, workers=2, progress=lambda done, total, s: seen.append((done, total))
    )
    assert index.ids() == public_ids() and draft.pk not in index.ids() and private.pk not in index.ids()
    assert result.documents == len(public_ids())
    assert seen[-1] == (result.pages, result.pages) and len(seen) > 2  # live pages, incl. the restricted one
    for page in pages[:3] + pages[-2:]:
        assert index.source(page) == build_document(page)
    assert multiprocessing.active_children() == []


def test_failure_in_a_worker_process_stops_the_rebuild_and_the_old_index_keeps_serving(index, pages, monkeypatch):
    import multiprocessing

    from search import documents
    from search.backends.elasticsearch.rebuild import RebuildError

    old = alias_targets(index.es, index.alias)
    before = index.count()
    original = documents._document
    broken = pages[13].pk

    def failing(page, *args):
        if page.pk == broken:
            raise ValueError("kaputter Inhalt")
        return original(page, *args)

    monkeypatch.setattr(documents, "_document", failing)  # inherited by the forked workers
    with pytest.raises(RebuildError, match=f"Seite {broken}.*kaputter Inhalt"):
        rebuild(batch_size=5, grace_seconds=0, workers=2)
    assert alias_targets(index.es, index.alias) == old
    assert index.count() == before
    assert concrete_indices(index.es, index.alias) == old
    assert multiprocessing.active_children() == []


def test_a_worker_process_that_dies_fails_the_rebuild_clearly(index, pages, monkeypatch):
    import os

    from search import documents
    from search.backends.elasticsearch.rebuild import RebuildError

    old = alias_targets(index.es, index.alias)

    def dying(page, *args):
        os._exit(3)  # what the kernel's OOM killer leaves behind

    monkeypatch.setattr(documents, "_document", dying)
    with pytest.raises(RebuildError, match="unerwartet beendet"):
        rebuild(batch_size=5, grace_seconds=0, workers=2)
    assert alias_targets(index.es, index.alias) == old
    assert concrete_indices(index.es, index.alias) == old


def test_rebuild_command_rejects_zero_workers(index):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--workers"):
        call_command("search_rebuild", "--workers", "0")
