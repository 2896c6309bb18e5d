"""The database fallback index: one row per searchable page, written by search.backends.database.index.

Terms are stored as space-padded, whitespace-separated text (" stadt sensor lorawan ") so that a
whole-term match is a plain `contains` lookup, which behaves the same on SQLite and PostgreSQL
(everything is folded to lower case by search.analysis, so SQLite's case-insensitive LIKE and
PostgreSQL's case-sensitive LIKE agree). Filter values live in a child table so that filters and
disjunctive facet counts are ordinary ORM joins and aggregates on both databases.

On PostgreSQL a LIKE over every entry's terms is a full scan (~100 ms at 10,000 pages), so
there the terms are also matched as an array, `string_to_array(all_terms, ' ')`, through a
GIN index on that expression (migration 0004; the lookups below); same rows, ~4 ms.
"""

from django.db import models
from django.db.models import Lookup

RANK_INDEX = "search_entry_rank"


class SearchEntry(models.Model):
    # CASCADE: a page deleted by any route (admin, shell, tree move of a parent) cannot linger
    # in the fallback index even if the sync code never ran.
    page = models.OneToOneField("wagtailcore.Page", verbose_name="Seite", on_delete=models.CASCADE, related_name="+")
    page_type = models.CharField("Typ", max_length=20, db_index=True)
    municipality_ags = models.CharField("AGS", max_length=8, blank=True, db_index=True)
    district = models.CharField("Kreisschlüssel", max_length=5, blank=True)
    # Pre-analysed terms per field (search.analysis), space-padded: " stadt sensor lorawan ".
    title_terms = models.TextField("Titel-Terme", blank=True)
    summary_terms = models.TextField("Kurzbeschreibungs-Terme", blank=True)
    body_terms = models.TextField("Text-Terme", blank=True)
    document_terms = models.TextField("Dokument-Terme", blank=True)
    meta_terms = models.TextField("Handlungsfeld- und Schlagwort-Terme", blank=True)
    place_terms = models.TextField("Orts-Terme", blank=True)
    # Distinct terms of all fields: the one column candidate selection scans.
    all_terms = models.TextField("Alle Terme", blank=True)
    # Folded, unstemmed title words and compound parts, for autocomplete by prefix.
    title_prefixes = models.TextField("Titel-Wortanfänge", blank=True)
    latitude = models.FloatField("Breitengrad", null=True, blank=True)
    longitude = models.FloatField("Längengrad", null=True, blank=True)
    sort_date = models.DateTimeField("Datum", null=True, blank=True, db_index=True)
    # Towns that adopt the page (the document's "adoptions"): the key of sort=adoptions.
    adoptions = models.PositiveIntegerField("Übernahmen", default=0)
    document = models.JSONField("Suchdokument", default=dict)
    updated_at = models.DateTimeField("Aktualisiert", auto_now=True, db_index=True)

    class Meta:
        verbose_name = "Eintrag im Datenbank-Suchindex"
        verbose_name_plural = "Einträge im Datenbank-Suchindex"
        # What ranking and sorting read of each candidate, by id: SQLite otherwise walks each
        # row's overflow pages past the stored document to reach page_id and adoptions
        # (search/backends/database/fulltext.py names it; 54 → 34 ms for 7,500 candidates).
        indexes = [
            models.Index(
                fields=["id", "page_type", "sort_date", "page_id", "adoptions", "municipality_ags"],
                name=RANK_INDEX,
            )
        ]

    def __str__(self):
        return self.document.get("title") or f"Seite {self.page_id}"


class SearchEntryKey(models.Model):
    """One filter value of an entry, e.g. (topic, mobilitaet, Mobilität)."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="keys")
    key = models.CharField("Filter", max_length=20)
    value = models.CharField("Wert", max_length=150)
    label = models.CharField("Bezeichnung", max_length=255, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["entry", "key", "value"], name="search_entrykey_unique")]
        # (key, value, entry): facet counts read the candidates' keys from this index alone
        # (a covering index; on SQLite 84 → 20 ms for 9,000 candidates of 10,000 pages).
        indexes = [models.Index(fields=["key", "value", "entry"], name="search_entrykey_kve")]
        verbose_name = "Filterwert"
        verbose_name_plural = "Filterwerte"

    def __str__(self):
        return f"{self.key}:{self.value}"


class SearchTerm(models.Model):
    """Vocabulary of the fallback index with document frequencies, maintained incrementally.

    kind "term": analysed terms (stems, parts, acronyms) for typo variants and IDF weights;
    kind "word": readable words of titles, summaries and tags for "Meinten Sie …?".
    """

    class Kind(models.TextChoices):
        TERM = "term", "Term"
        WORD = "word", "Wort"

    kind = models.CharField("Art", max_length=4, choices=Kind.choices)
    term = models.CharField("Term", max_length=100)
    doc_count = models.IntegerField("Dokumente", default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "term"], name="search_term_unique")]
        verbose_name = "Suchterm"
        verbose_name_plural = "Suchterme"

    def __str__(self):
        return self.term


class _TermArrayLookup(Lookup):
    """`all_terms` as a PostgreSQL text array against a list of terms: the expression the GIN
    index of migration 0004 covers. PostgreSQL only (search.backends.database uses LIKE
    elsewhere)."""

    prepare_rhs = False  # the list of terms is one array parameter, not a string
    operator = None

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"string_to_array({lhs}, ' ') {self.operator} %s::text[]", [*lhs_params, list(self.rhs)]


class HasAnyTerm(_TermArrayLookup):
    lookup_name = "has_any_term"
    operator = "&&"


class HasEveryTerm(_TermArrayLookup):
    lookup_name = "has_every_term"
    operator = "@>"


SearchEntry._meta.get_field("all_terms").register_lookup(HasAnyTerm)
SearchEntry._meta.get_field("all_terms").register_lookup(HasEveryTerm)
