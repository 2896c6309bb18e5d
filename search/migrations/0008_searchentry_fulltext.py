"""The database fallback searches with the database's own full-text engine.

SQLite: FTS5 tables over the pre-analysed term columns (one FTS column per field, so `bm25()`
takes the field weights) and over the autocomplete prefixes, as external-content tables kept
current by triggers, so every write of an entry updates them in the same transaction.
PostgreSQL: generated, weighted `tsvector` columns with GIN indexes (configuration 'simple':
the terms are already analysed). The model does not declare these columns, so it stays the
same on both databases; other databases keep neither. Existing entries are indexed here.

A later migration that alters `search_searchentry` makes Django rebuild the table on SQLite,
which drops these triggers: such a migration must create them again (SQLITE_TRIGGERS).
"""

from django.db import migrations

FIELDS = ("title_terms", "summary_terms", "meta_terms", "body_terms", "place_terms", "document_terms")

SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_entry_fts USING fts5("
    + ", ".join(FIELDS)
    + ", content='search_searchentry', content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    (
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_entry_prefix_fts USING fts5(title_prefixes,"
        " content='search_searchentry', content_rowid='id', tokenize='unicode61 remove_diacritics 0',"
        " prefix='1 2 3 4')"
    ),
]
_cols = ", ".join(FIELDS)
_new = ", ".join(f"new.{f}" for f in FIELDS)
_old = ", ".join(f"old.{f}" for f in FIELDS)
SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER IF NOT EXISTS search_entry_fts_ai AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_entry_fts(rowid, {_cols}) VALUES (new.id, {_new});
        INSERT INTO search_entry_prefix_fts(rowid, title_prefixes) VALUES (new.id, new.title_prefixes);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_entry_fts_ad AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_entry_fts(search_entry_fts, rowid, {_cols}) VALUES ('delete', old.id, {_old});
        INSERT INTO search_entry_prefix_fts(search_entry_prefix_fts, rowid, title_prefixes)
            VALUES ('delete', old.id, old.title_prefixes);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_entry_fts_au AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO search_entry_fts(search_entry_fts, rowid, {_cols}) VALUES ('delete', old.id, {_old});
        INSERT INTO search_entry_prefix_fts(search_entry_prefix_fts, rowid, title_prefixes)
            VALUES ('delete', old.id, old.title_prefixes);
        INSERT INTO search_entry_fts(rowid, {_cols}) VALUES (new.id, {_new});
        INSERT INTO search_entry_prefix_fts(rowid, title_prefixes) VALUES (new.id, new.title_prefixes);
    END""",
    "INSERT INTO search_entry_fts(search_entry_fts) VALUES ('rebuild')",
    "INSERT INTO search_entry_prefix_fts(search_entry_prefix_fts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_entry_fts_ai",
    "DROP TRIGGER IF EXISTS search_entry_fts_ad",
    "DROP TRIGGER IF EXISTS search_entry_fts_au",
    "DROP TABLE IF EXISTS search_entry_fts",
    "DROP TABLE IF EXISTS search_entry_prefix_fts",
]

# Weight classes: A title, B summary and topics/tags, C body, D places and template documents.
POSTGRES_CREATE = [
    """ALTER TABLE search_searchentry ADD COLUMN IF NOT EXISTS search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', title_terms), 'A')
        || setweight(to_tsvector('simple', summary_terms || ' ' || meta_terms), 'B')
        || setweight(to_tsvector('simple', body_terms), 'C')
        || setweight(to_tsvector('simple', place_terms || ' ' || document_terms), 'D')
    ) STORED""",
    """ALTER TABLE search_searchentry ADD COLUMN IF NOT EXISTS prefix_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('simple', title_prefixes)) STORED""",
    "CREATE INDEX IF NOT EXISTS search_entry_vector_gin ON search_searchentry USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS search_entry_prefix_gin ON search_searchentry USING gin (prefix_vector)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS search_entry_prefix_gin",
    "DROP INDEX IF EXISTS search_entry_vector_gin",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS prefix_vector",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS search_vector",
]


def _run(statements, vendor):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == vendor:
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0007_backendoutage")]

    operations = [
        migrations.RunPython(_run(SQLITE_CREATE + SQLITE_TRIGGERS, "sqlite"), _run(SQLITE_DROP, "sqlite")),
        migrations.RunPython(_run(POSTGRES_CREATE, "postgresql"), _run(POSTGRES_DROP, "postgresql")),
    ]
