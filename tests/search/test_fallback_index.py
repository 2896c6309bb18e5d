"""Writing the database fallback index (search/backends/database/index.py)."""

import pytest
from wagtail.models import PageViewRestriction

from search.backends.database import index as fallback_index
from search.models import SearchEntry, SearchEntryKey, SearchTerm
from tests.search.factories import make_page, tag

ARNSBERG, OLPE = "05958004", "05966024"


@pytest.fixture
def lighting(site_tree):
    return make_page(
        ARNSBERG,
        "Smarte Straßenbeleuchtung mit LoRaWAN",
        "Sensoren schalten die Straßenlaternen nach Bedarf.",
        body=["Die Städte sparen Strom und Geld."],
        topics=("energie-und-klima", "mobilitaet"),
        tags=["LoRaWAN"],
        phase="rollout",
    )


def _keys(entry):
    return {(k.key, k.value) for k in SearchEntryKey.objects.filter(entry=entry)}


def test_upsert_stores_terms_filter_keys_and_location(lighting):
    entry = fallback_index.upsert_entry(lighting)

    assert entry.page_id == lighting.pk
    # whole terms, space-padded, so that a contains lookup matches a term and not a substring
    assert " beleucht " in entry.title_terms and " lorawan " in entry.title_terms
    assert " stadt " in entry.body_terms and " stadt " in entry.all_terms
    assert entry.title_terms.startswith(" ") and entry.title_terms.endswith(" ")
    assert " strassenbeleuchtung " in entry.title_prefixes
    assert _keys(entry) == {
        ("type", "case_study"),
        ("municipality", ARNSBERG),
        ("district", "05958"),
        ("topic", "energie-und-klima"),
        ("topic", "mobilitaet"),
        ("tag", "lorawan"),
        ("phase", "rollout"),
    }
    assert entry.latitude == pytest.approx(51.3833) and entry.longitude == pytest.approx(8.0833)
    assert entry.sort_date is not None
    assert entry.document["title"] == "Smarte Straßenbeleuchtung mit LoRaWAN"
    assert entry.document["url"] == lighting.url


def test_upsert_twice_keeps_one_entry_and_follows_changes(lighting):
    fallback_index.upsert_entry(lighting)
    lighting.title = "Intelligente Laternen"
    lighting.save_revision().publish()
    entry = fallback_index.upsert_entry(lighting)

    assert SearchEntry.objects.filter(page_id=lighting.pk).count() == 1
    assert " latern " in entry.title_terms or " laterne " in entry.title_terms
    assert " beleucht " not in entry.title_terms


def test_drafts_unpublished_and_private_pages_have_no_entry(site_tree, lighting):
    draft = make_page(OLPE, "Entwurf zur Bürgerbeteiligung", publish=False)
    assert fallback_index.upsert_entry(draft) is None
    assert not SearchEntry.objects.filter(page_id=draft.pk).exists()

    fallback_index.upsert_entry(lighting)
    lighting.unpublish()
    assert fallback_index.upsert_entry(lighting) is None
    assert not SearchEntry.objects.filter(page_id=lighting.pk).exists()

    private = make_page(OLPE, "Interne Notiz zum Breitband")
    fallback_index.upsert_entry(private)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    fallback_index.upsert_entry(private)
    assert not SearchEntry.objects.filter(page_id=private.pk).exists()


def test_delete_entry_is_idempotent_and_deleting_the_page_removes_the_entry(lighting):
    fallback_index.upsert_entry(lighting)
    assert fallback_index.delete_entry(lighting.pk) is True
    assert fallback_index.delete_entry(lighting.pk) is False

    fallback_index.upsert_entry(lighting)
    lighting.delete()
    assert not SearchEntry.objects.exists()


def test_vocabulary_counts_documents_and_follows_every_write(site_tree, lighting):
    other = make_page(OLPE, "Straßenbeleuchtung im Dorf", "Neue Leuchten für alle Straßen.")
    fallback_index.upsert_entry(lighting)
    fallback_index.upsert_entry(other)

    vocab = fallback_index.vocabulary()
    assert vocab["beleucht"] == 2
    assert vocab["lorawan"] == 1
    assert "Straßenbeleuchtung" in fallback_index.readable_words()

    fallback_index.delete_entry(lighting.pk)
    vocab = fallback_index.vocabulary()  # the cache must notice the write
    assert vocab["beleucht"] == 1
    assert "lorawan" not in vocab
    assert not SearchTerm.objects.filter(doc_count__lte=0).exists()


def test_lexicon_corrects_a_misspelt_title_word(lighting):
    fallback_index.upsert_entry(lighting)
    assert fallback_index.lexicon().correct("Strassenbeleuchtnug") == "Straßenbeleuchtung"


def test_rebuild_recreates_entries_removes_stale_ones_and_recounts(site_tree, lighting):
    other = make_page(OLPE, "Digitale Ratsarbeit", "Sitzungen ohne Papier.", kind="lesson")
    fallback_index.upsert_entry(lighting)
    fallback_index.upsert_entry(other)
    counts_before = dict(fallback_index.vocabulary())
    # drift: a stale entry of a page that went private, a vocabulary row out of step
    PageViewRestriction.objects.create(page=other, restriction_type=PageViewRestriction.PASSWORD, password="x")
    SearchTerm.objects.filter(term="beleucht").update(doc_count=42)

    calls = []
    written = fallback_index.rebuild_entries(progress=lambda done, total: calls.append((done, total)))

    assert written == 1
    assert list(SearchEntry.objects.values_list("page_id", flat=True)) == [lighting.pk]
    assert calls and calls[-1][0] == calls[-1][1]
    vocab = fallback_index.vocabulary()
    assert vocab["beleucht"] == 1
    assert "ratsarbeit" not in vocab and "ratsarbeit" in counts_before


def test_parent_tags_are_filter_keys_too(site_tree):
    mobility = tag("Mobilität")
    sharing = tag("Carsharing", parent=mobility)
    page = make_page(OLPE, "Carsharing im Kreis Olpe", tags=[sharing])
    entry = fallback_index.upsert_entry(page)
    assert {("tag", "carsharing"), ("tag", "mobilitaet")} <= _keys(entry)


def test_search_check_finds_a_damaged_full_text_index_and_rebuild_repairs_it(lighting, settings):
    from django.db import connection

    from search.backends.database import DatabaseBackend

    backend = DatabaseBackend()
    fallback_index.upsert_entry(lighting)
    expected = {lighting.pk: None}
    assert backend.check(expected).count == 0
    if connection.vendor == "sqlite":
        # the engine's index loses the page while the entry stays
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_entry_fts(search_entry_fts) VALUES ('delete-all')")
        assert backend.check(expected).stale == [lighting.pk]
    backend.rebuild()
    assert backend.check(expected).count == 0
    from search import reference
    from search.query import SearchQuery

    results = backend.search(SearchQuery.from_params({"q": "Straßenbeleuchtung"}, reference.get()))
    assert [hit.id for hit in results.results] == [lighting.pk]


def _found(q):
    from search import reference
    from search.backends.database import DatabaseBackend
    from search.query import SearchQuery

    return [hit.id for hit in DatabaseBackend().search(SearchQuery.from_params({"q": q}, reference.get())).results]


def test_pages_written_after_a_rebuild_are_found_and_deleted_ones_vanish(site_tree, lighting):
    # The rebuild fills the engine's index in one pass; the per-write path must work after it.
    fallback_index.upsert_entry(lighting)
    fallback_index.rebuild_entries()
    assert _found("Straßenbeleuchtung") == [lighting.pk]

    later = make_page(OLPE, "Digitale Ratsarbeit", "Sitzungen ohne Papier.", kind="lesson")
    fallback_index.upsert_entry(later)
    assert _found("Ratsarbeit") == [later.pk]
    lighting.title = "Smarte Laternen mit LoRaWAN"
    lighting.save_revision().publish()
    fallback_index.upsert_entry(lighting)
    assert _found("Laternen") == [lighting.pk]
    fallback_index.delete_entry(later.pk)
    assert _found("Ratsarbeit") == []
    assert backend_check_count(lighting) == 0


def backend_check_count(page):
    from search.backends.database import DatabaseBackend

    return DatabaseBackend().check({page.pk: None}).count


def test_a_failed_rebuild_leaves_the_old_index_searchable(site_tree, lighting, monkeypatch):
    fallback_index.upsert_entry(lighting)

    def broken(batch, page_ids=None):
        raise RuntimeError("document builder failed")

    monkeypatch.setattr("search.documents.assemble_documents", broken)
    with pytest.raises(RuntimeError):
        fallback_index.rebuild_entries()
    monkeypatch.undo()
    assert _found("Straßenbeleuchtung") == [lighting.pk]
    later = make_page(OLPE, "Digitale Ratsarbeit", "Sitzungen ohne Papier.", kind="lesson")
    fallback_index.upsert_entry(later)
    assert _found("Ratsarbeit") == [later.pk]


def test_a_rebuild_with_worker_processes_writes_the_same_entries(site_tree, lighting):
    other = make_page(OLPE, "Digitale Ratsarbeit", "Sitzungen ohne Papier.", kind="lesson")
    fallback_index.rebuild_entries(workers=1)
    serial = {e.page_id: (e.all_terms, _keys(e)) for e in SearchEntry.objects.all()}
    vocab = dict(fallback_index.vocabulary())

    assert fallback_index.rebuild_entries(batch_size=1, workers=2) == 2

    assert {e.page_id: (e.all_terms, _keys(e)) for e in SearchEntry.objects.all()} == serial
    assert dict(fallback_index.vocabulary()) == vocab
    assert _found("Ratsarbeit") == [other.pk]


def test_a_rebuild_stores_exactly_what_a_single_write_stores(site_tree):
    # The rebuild writes with COPY on PostgreSQL; backslashes, tabs, line breaks, quotes and
    # umlauts must arrive unchanged.
    page = make_page(
        OLPE,
        'Pfad C:\\Daten\\neu – "Bürger"\tApp',
        "Zeile eins\nZeile zwei\r\nÄrger mit \\N und ß",
        body=["Tab\tund Rückstrich \\ am Ende\\"],
    )
    fields = ["document", "title_terms", "summary_terms", "body_terms", "all_terms", "sort_date", "latitude"]
    fallback_index.upsert_entry(page)
    single = SearchEntry.objects.filter(page=page).values(*fields).get()
    single_keys = _keys(SearchEntry.objects.get(page=page))

    fallback_index.rebuild_entries()

    assert SearchEntry.objects.filter(page=page).values(*fields).get() == single
    assert _keys(SearchEntry.objects.get(page=page)) == single_keys
    assert _found("Ärger") == [page.pk]
