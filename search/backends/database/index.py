"""Writing the database fallback index (search.models.SearchEntry) and reading its vocabulary.

The outbox hands the documents it built to `write_documents` (through
DatabaseBackend.apply); `upsert_entry(page)` / `delete_entry(page_id)` do the same for one
page. `rebuild_entries()` recreates everything (after a change of the analysis, or to repair
drift).

Each entry keeps the display part of the search document (what a hit shows and what snippets
are cut from), the pre-analysed `*_terms` of search.documents as space-padded text, one
SearchEntryKey row per filter value and the coordinates of its municipality. The vocabulary
(SearchTerm) keeps document frequencies of every term and readable word, adjusted on each
write, so typo variants, IDF weights and "Meinten Sie …?" need no scan of all entries.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from datetime import datetime

from django.db import IntegrityError, connection, transaction
from django.db.models import Count, F, Max
from django.utils.dateparse import parse_datetime

from search.backends.base import WriteOutcome
from search.models import SearchEntry, SearchEntryKey, SearchTerm
from wiki import page_types

from . import bulk_insert, fulltext

logger = logging.getLogger("search.sync")

TERM_FIELDS = ("title", "summary", "body", "document", "meta", "place")
MAX_TERM_LENGTH = 100
# Keys stripped from the stored document: they live in their own columns or tables.
# "vocabulary" (readable words) stays: the counts in SearchTerm are adjusted from it.
_NOT_STORED = {f"{name}_terms" for name in TERM_FIELDS} | {"title_prefixes", "tag_prefixes"}


# -- writing -------------------------------------------------------------------------------
def upsert_entry(page):
    """Bring the entry of `page` (a Page or its id) up to date; delete it when the page must
    not be found (draft, unpublished, view-restricted, not a knowledge page). Returns the
    entry or None."""
    from search.documents import build_document

    page_id = page if isinstance(page, int) else page.pk
    document = build_document(page)
    if document is None:
        delete_entry(page_id)
        return None
    return _write(page_id, document)


def write_documents(documents):
    """Write {page_id: document | None} (None deletes); returns a WriteOutcome. All in one
    transaction; when that fails, page by page, so one bad page does not hold up the others."""
    outcome = WriteOutcome()
    try:
        with transaction.atomic():
            for page_id, document in documents.items():
                _write_or_delete(page_id, document, outcome)
        return outcome
    except Exception:
        logger.warning("Batch update of database search entries failed; retrying page by page", exc_info=True)
    outcome = WriteOutcome()
    for page_id, document in documents.items():
        try:
            with transaction.atomic():
                _write_or_delete(page_id, document, outcome)
        except Exception as exc:
            logger.exception("Database search entry for page %s could not be written", page_id)
            outcome.failed[page_id] = f"Datenbank-Suchindex: {type(exc).__name__}: {exc}"[:2000]
    return outcome


def _write_or_delete(page_id, document, outcome):
    if document is None:
        delete_entry(page_id)
        outcome.deleted.add(page_id)
    else:
        _write(page_id, document)
        outcome.indexed.add(page_id)


def delete_entry(page_id):
    """Remove the entry of a page; a page without an entry is fine (idempotent)."""
    with transaction.atomic():
        entry = SearchEntry.objects.select_for_update().filter(page_id=page_id).first()
        if entry is None:
            return False
        _adjust_vocabulary(_entry_vocabulary(entry), ({}, {}))
        entry.delete()
    _changed()
    return True


def rebuild_entries(progress=None, batch_size=500, workers=None):
    """Recreate the whole fallback index from the live public knowledge pages.

    `progress(done, total)` is called after every batch. All in one transaction: readers see
    the old index until it commits. Entries of pages that are no longer indexable are gone;
    the vocabulary is recounted from scratch. Returns the entry count. workers: processes
    that build the entries (default: search.backends.rebuild_workers.worker_count).

    Why not page by page: the old rows go in two DELETE statements (no ORM cascade
    collecting 100,000 key rows), on SQLite the FTS5 tables are filled in one pass
    afterwards instead of by a trigger per row (fulltext.bulk_fill), and the documents are
    built in worker processes while this one writes the previous batch.
    """
    from search.backends.rebuild_workers import worker_count
    from wiki.models import KnowledgePage

    ids = list(KnowledgePage.objects.live().order_by("pk").values_list("pk", flat=True))
    total = len(ids)
    written, done = 0, 0
    terms, words = Counter(), Counter()
    with transaction.atomic(), fulltext.bulk_fill():
        _delete_all()
        for size, rows in _built_batches(ids, batch_size, workers or worker_count(total)):
            bulk_insert.insert(rows)
            for _values, _keys, (entry_terms, entry_words) in rows.values():
                terms.update(entry_terms)
                words.update(entry_words)
            written += len(rows)
            done += size
            if progress:
                progress(done, total)
        _replace_vocabulary(terms, words)
    fulltext.analyze_tables()
    _changed()
    return written


def _built_batches(ids, batch_size, workers):
    """(pages in the batch, {page id: entry values}) per batch of `ids`, in order. With
    workers, this process reads each batch from the database (its transaction) and forked
    workers, which never use the database, build the documents and entry values."""
    from search.documents import load_pages

    chunks = [ids[start : start + batch_size] for start in range(0, len(ids), batch_size)]
    if workers <= 1:
        for chunk in chunks:
            yield len(chunk), _entry_rows(load_pages(chunk, contiguous=True))
        return
    from collections import deque

    from search.backends.rebuild_workers import fork_pool

    in_flight = deque()
    with fork_pool(workers) as pool:
        try:
            for chunk in chunks:
                in_flight.append((len(chunk), pool.submit(_entry_rows, load_pages(chunk, contiguous=True))))
                while len(in_flight) >= 2 * workers:  # one batch queued behind each worker's
                    size, future = in_flight.popleft()
                    yield size, future.result()
            while in_flight:
                size, future = in_flight.popleft()
                yield size, future.result()
        finally:
            for _size, future in in_flight:
                future.cancel()


def _entry_rows(batch):
    """{page id: (column values, filter keys, vocabulary)} of the findable pages of a batch."""
    from search.documents import assemble_documents

    return {pk: _entry_values(doc) for pk, doc in assemble_documents(batch).items() if doc is not None}


def _delete_all():
    with connection.cursor() as cursor:
        for model in (SearchEntryKey, SearchEntry):
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")


def _write(page_id, document):
    values, keys, vocab = _entry_values(document)
    with transaction.atomic():
        entry = SearchEntry.objects.select_for_update().filter(page_id=page_id).first()
        if entry is None:
            try:
                with transaction.atomic():
                    entry = SearchEntry.objects.create(page_id=page_id, **values)
                created = True
            except IntegrityError:  # another applier created it a moment ago: update that one
                entry = SearchEntry.objects.select_for_update().get(page_id=page_id)
                created = False
        else:
            created = False
        old_vocab = ({}, {}) if created else _entry_vocabulary(entry)
        if not created:
            for name, value in values.items():
                setattr(entry, name, value)
            entry.save()
            entry.keys.all().delete()
        SearchEntryKey.objects.bulk_create(
            [SearchEntryKey(entry=entry, key=key, value=value, label=label[:255]) for key, value, label in keys]
        )
        _adjust_vocabulary(old_vocab, vocab)
    _changed()
    return entry


# -- document → row ------------------------------------------------------------------------
def _padded(terms):
    """ " a b c " so that `contains(" b ")` is a whole-term match."""
    if isinstance(terms, str):
        terms = terms.split()
    terms = [t for t in terms if t]
    return f" {' '.join(terms)} " if terms else ""


def filter_keys(document):
    """(key, value, label) triples for the filters and facets of a document."""
    keys = []
    doc_type = document.get("type")
    if doc_type:
        keys.append(("type", doc_type, page_types.type_label(doc_type)))
    municipality = document.get("municipality") or {}
    if municipality.get("ags"):
        keys.append(("municipality", municipality["ags"], municipality.get("name") or ""))
    if municipality.get("district"):
        keys.append(("district", municipality["district"], municipality.get("district_name") or ""))
    for topic in document.get("topics") or []:
        keys.append(("topic", topic["slug"], topic.get("name") or ""))
    tag_names = dict(zip(document.get("tag_slugs") or [], document.get("tag_names") or [], strict=False))
    for slug in document.get("tag_slugs") or []:
        keys.append(("tag", slug, tag_names.get(slug, "")))
    if document.get("phase"):
        keys.append(("phase", document["phase"], ""))
    for village in document.get("villages") or []:
        keys.append(("village", village, ""))
    for area in document.get("areas") or []:
        keys.append(("area", area, ""))
    unique = {}
    for key, value, label in keys:
        unique.setdefault((key, str(value)[:150]), label or "")
    return [(key, value, label) for (key, value), label in unique.items()]


def _entry_values(document):
    """(column values, filter keys, (term counts, word counts)) of a document."""
    municipality = document.get("municipality") or {}
    location = municipality.get("location") or {}
    per_field = {name: (document.get(f"{name}_terms") or "").split() for name in TERM_FIELDS}
    distinct = list(dict.fromkeys(t for name in TERM_FIELDS for t in per_field[name] if len(t) <= MAX_TERM_LENGTH))
    words = list(dict.fromkeys(_display_words(document)))
    values = {
        "page_type": document.get("type") or "",
        "municipality_ags": municipality.get("ags") or "",
        "district": municipality.get("district") or "",
        **{f"{name}_terms": _padded(per_field[name]) for name in TERM_FIELDS},
        "all_terms": _padded(distinct),
        "title_prefixes": _padded(document.get("title_prefixes") or []),
        "latitude": location.get("lat"),
        "longitude": location.get("lon"),
        "sort_date": _parse_date(document.get("sort_date")),
        "adoptions": document.get("adoptions") or 0,
        "document": {k: v for k, v in document.items() if k not in _NOT_STORED},
    }
    return values, filter_keys(document), ({t: 1 for t in distinct}, {w: 1 for w in words})


def _entry_vocabulary(entry):
    return {t: 1 for t in entry.all_terms.split()}, {w: 1 for w in _display_words(entry.document)}


def _display_words(document):
    return [w for w in document.get("vocabulary") or [] if len(w) <= MAX_TERM_LENGTH]


def _parse_date(value):
    if not value:
        return None
    if isinstance(value, datetime):
        return value
    return parse_datetime(str(value))


# -- vocabulary ----------------------------------------------------------------------------
def _adjust_vocabulary(old, new):
    """Move document frequencies from the old to the new term/word sets of one entry."""
    for kind, old_set, new_set in (
        (SearchTerm.Kind.TERM, set(old[0]), set(new[0])),
        (SearchTerm.Kind.WORD, set(old[1]), set(new[1])),
    ):
        added = sorted(new_set - old_set)
        removed = sorted(old_set - new_set)
        for start in range(0, len(added), 500):
            chunk = added[start : start + 500]
            SearchTerm.objects.bulk_create(
                [SearchTerm(kind=kind, term=t, doc_count=0) for t in chunk], ignore_conflicts=True
            )
            SearchTerm.objects.filter(kind=kind, term__in=chunk).update(doc_count=F("doc_count") + 1)
        for start in range(0, len(removed), 500):
            chunk = removed[start : start + 500]
            SearchTerm.objects.filter(kind=kind, term__in=chunk).update(doc_count=F("doc_count") - 1)
        if removed:
            SearchTerm.objects.filter(kind=kind, doc_count__lte=0).delete()


def _replace_vocabulary(terms, words):
    """The vocabulary from the document frequencies a rebuild counted while writing."""
    SearchTerm.objects.all().delete()
    SearchTerm.objects.bulk_create(
        [SearchTerm(kind=SearchTerm.Kind.TERM, term=t, doc_count=n) for t, n in terms.items()]
        + [SearchTerm(kind=SearchTerm.Kind.WORD, term=w, doc_count=n) for w, n in words.items()],
        batch_size=2000,
    )


# How long another process's write may go unnoticed by this process's vocabulary cache.
STAMP_SECONDS = 1.0


class _Cache:
    """Per-process cache of the vocabulary, valid while no entry changed.

    Writes in this process clear it at once; writes of other processes are noticed through
    the newest `updated_at` of the entries (an indexed MAX, cheap) and the entry count.
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.generation = 0
        self.values = {}
        self.checked = None  # (generation, monotonic time, database stamp)

    def get(self, name, build):
        stamp = self.stamp()
        cached = self.values.get(name)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        value = build()
        with self.lock:
            self.values[name] = (stamp, value)
        return value

    def stamp(self):
        """(generation, database stamp); the database is asked at most once per
        STAMP_SECONDS, so one search reading vocabulary, lexicon and count asks once."""
        now = time.monotonic()
        checked = self.checked
        if checked is not None and checked[0] == self.generation and now - checked[1] < STAMP_SECONDS:
            return (checked[0], checked[2])
        generation = self.generation
        db_stamp = _db_stamp()
        self.checked = (generation, now, db_stamp)
        return (generation, db_stamp)

    def clear(self):
        with self.lock:
            self.generation += 1
            self.values.clear()
            self.checked = None


_cache = _Cache()


def _db_stamp():
    row = SearchEntry.objects.aggregate(newest=Max("updated_at"), newest_id=Max("id"), count=Count("id"))
    return (row["newest"], row["newest_id"], row["count"])


def _changed():
    # After commit as well: another thread must not cache what a rolled-back write saw.
    _cache.clear()
    transaction.on_commit(_cache.clear)


def vocabulary():
    """{term: document frequency} of every indexed term (stems, parts, acronyms). A mapping,
    usable as a set; cached per process until the index changes."""
    return _cache.get("terms", lambda: dict(_terms_of(SearchTerm.Kind.TERM)))


def readable_words():
    """{word: document frequency} of readable words of titles, summaries and tags, for
    analysis.suggest ("Meinten Sie …?")."""
    return _cache.get("words", lambda: dict(_terms_of(SearchTerm.Kind.WORD)))


def lexicon():
    """analysis.Lexicon over readable_words(), cached like the vocabulary."""
    from search import analysis

    return _cache.get("lexicon", lambda: analysis.Lexicon(readable_words()))


def cached(name, build):
    """`build()` cached per process until the index changes (as the vocabulary is)."""
    return _cache.get(name, build)


def entry_count():
    return _cache.stamp()[1][2]


def _terms_of(kind):
    return (
        SearchTerm.objects.filter(kind=kind, doc_count__gt=0).values_list("term", "doc_count").iterator(chunk_size=5000)
    )
