"""Loads the demo content from wiki/demo/data/ through the importers agencies use.

The data is in the import format: `schlagwoerter.json` for import_taxonomy, and JSON Lines
for import_knowledge (case studies first, because lessons and templates refer to them; guides
and events last, because they link to the other three),
with the template documents as files in `documents/`, and `ortsteile.csv` (the pioneer towns'
villages, which pages name) for import_villages. So every `make run` exercises the import path. What is demo-specific stays here:

- pages are marked "Demo-Inhalt" (`is_demo`) when they are created;
- the one password-protected page gets its view restriction before its first publication,
  so it is never public (a password does not belong in an import file);
- pages a person edited or unpublished, and tags curators renamed or merged, are left alone
  (the importers' `keep_edits` and `keep_existing` options);
- a mistake in the data stops the whole load, and nothing of it is written.

Idempotent: a second run writes no page, revision, tag or document.
"""

import json
from collections import Counter
from pathlib import Path

from django.db import transaction
from wagtail.models import PageViewRestriction

from wiki.imports import DocumentStore, KnowledgeImporter, TaxonomyImportError, import_taxonomy, read_jsonl
from wiki.models import ContactPerson, KnowledgePage

DATA = Path(__file__).resolve().parent / "data"
TAXONOMY_FILE = "schlagwoerter.json"
VILLAGES_FILE = "ortsteile.csv"
PAGE_FILES = [
    ("fallstudien.jsonl", "Fallstudien"),
    ("erfahrungen.jsonl", "Erfahrungen"),
    ("vorlagen.jsonl", "Vorlagen"),
    ("leitfaeden.jsonl", "Leitfäden"),  # after the pages their steps link to
    ("veranstaltungen.jsonl", "Veranstaltungen"),
]
COLLECTION_NAME = "Demo"
# Shared password of the restricted demo page; demo data only, protects nothing real.
RESTRICTED_PASSWORD = "demo-intern"
RESTRICTED = {"demo-cs-903": RESTRICTED_PASSWORD}
OUTCOMES = [
    ("created", "neu"),
    ("updated", "aktualisiert"),
    ("unchanged", "unverändert"),
    ("skipped", "redaktionell bearbeitet, übersprungen"),
]


class DemoDataError(Exception):
    """The demo data is wrong (a typo in wiki/demo/data/); the message names file and line."""


def demo_records(name):
    """(line, record) of one JSON Lines file of the demo data."""
    return list(read_jsonl((DATA / name).read_bytes()))


def demo_taxonomy():
    return json.loads((DATA / TAXONOMY_FILE).read_text(encoding="utf-8"))


class DemoLoader:
    def __init__(self, write=print):
        self.write = write
        self.stats = {}

    def _report(self, label, counts):
        total = sum(counts.values())
        parts = [f"{counts[key]} {name}" for key, name in OUTCOMES if counts.get(key)]
        self.write(f"{label}: {total} ({', '.join(parts) or 'keine'})")
        self.stats[label] = dict(counts)

    def load_tags(self):
        taxonomy = demo_taxonomy()
        try:
            created, updated = import_taxonomy(taxonomy, keep_existing=True)
        except TaxonomyImportError as error:
            raise DemoDataError(f"{TAXONOMY_FILE}: {'; '.join(error.problems)}") from error
        unchanged = len(taxonomy["tags"]) - created - updated
        self._report("Schlagwörter", Counter(created=created, updated=updated, unchanged=unchanged))

    def load_villages(self):
        from wiki.villages import import_villages

        result = import_villages((DATA / VILLAGES_FILE).read_bytes())
        if result.errors:
            raise DemoDataError(f"{VILLAGES_FILE}: {'; '.join(result.errors)}")
        self._report("Ortsteile", Counter(created=result.created, updated=result.updated, unchanged=result.unchanged))

    def load_pages(self):
        documents = DocumentStore(DATA / "documents", COLLECTION_NAME)
        # Demo tags all come from schlagwoerter.json: an unknown name is a typo, not a new tag.
        importer = KnowledgeImporter(keep_edits=True, create_tags=False, documents=documents, on_create=_mark_as_demo)
        for name, label in PAGE_FILES:
            summary = importer.run(demo_records(name), progress=lambda result, name=name: _stop_on_error(name, result))
            self._report(label, Counter(result.status for result in summary.results))
            if name == "fallstudien.jsonl":
                contacts = ContactPerson.objects.filter(
                    pk__in=KnowledgePage.objects.filter(is_demo=True).values("casestudypage__contact")
                ).count()
                self.write(f"Ansprechpersonen: {contacts}")
        self._report("Dokumente", Counter(documents.counts))

    @staticmethod
    def ensure_restrictions():
        for external_id, password in RESTRICTED.items():
            page = KnowledgePage.objects.filter(external_id=external_id).first()
            if page is not None:
                _restrict(page, password)

    @transaction.atomic
    def run(self):
        self.load_tags()
        self.load_villages()
        self.load_pages()
        self.ensure_restrictions()
        return self.stats


def _stop_on_error(name, result):
    if result.status == "failed":
        raise DemoDataError(f"{name}, Zeile {result.line}: {result.message}")


def _mark_as_demo(page):
    """Called by the importer for each new page, before its first version is published."""
    page.is_demo = True
    KnowledgePage.objects.filter(pk=page.pk).update(is_demo=True)
    if page.external_id in RESTRICTED:
        _restrict(page, RESTRICTED[page.external_id])


def _restrict(page, password):
    if not PageViewRestriction.objects.filter(page=page).exists():
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password=password)
