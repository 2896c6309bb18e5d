"""PostgreSQL: the weighted tsvector of each entry is kept in the table row (STORAGE MAIN)
instead of TOAST, so ranking a candidate reads one heap tuple and no TOAST chunks.

Why: a page's vector is ~2.4 kB, just above the TOAST threshold, so with the default storage
every ts_rank() call fetched and reassembled its chunks; a common word matching 7,000 of
10,000 pages cost ~32 ms to rank that way and ~9 ms inline. The UPDATE rewrites the existing
rows (generated columns are recomputed on every update), so installations move over here.
Other databases keep nothing of this.
"""

from django.db import migrations


def _inline(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER TABLE search_searchentry ALTER COLUMN search_vector SET STORAGE MAIN")
    schema_editor.execute("UPDATE search_searchentry SET title_terms = title_terms")


def _toast(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER TABLE search_searchentry ALTER COLUMN search_vector SET STORAGE EXTENDED")


class Migration(migrations.Migration):
    dependencies = [("search", "0009_searchentrykey_covering_index")]

    operations = [migrations.RunPython(_inline, _toast)]
