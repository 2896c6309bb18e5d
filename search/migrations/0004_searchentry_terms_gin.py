"""GIN index over the terms of the database search index, PostgreSQL only.

The expression must stay identical to the one the lookups in search/models/fallback.py emit
(`string_to_array(all_terms, ' ')`), or PostgreSQL will not use the index. Other databases keep
the plain LIKE match and get no index.
"""

from django.db import migrations

INDEX = "search_entry_terms_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON search_searchentry USING gin (string_to_array(all_terms, ' '))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_searchentry_searchterm_searchentrykey")]

    operations = [migrations.RunPython(create, drop)]
