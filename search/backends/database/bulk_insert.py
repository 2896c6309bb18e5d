"""Writing many fallback entries at once, for the rebuild: PostgreSQL's COPY, elsewhere the
ORM's bulk_create.

Why COPY: a rebuild writes ~60 MB of terms and stored documents for 10,000 pages. As multi-row
INSERTs, psycopg2 quotes every value into the statement text and PostgreSQL parses it again
(11 of the 15 s of a 10,000-page rebuild); COPY streams the rows in its text format. The ids
come from the table's own sequence beforehand, so the key rows can name their entry.
"""

from __future__ import annotations

import io
import json
from datetime import datetime

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.utils import timezone

from search.models import SearchEntry, SearchEntryKey


def insert(rows):
    """Write {page id: (column values, filter keys, vocabulary)} as new entries and keys."""
    if not rows:
        return
    if connection.vendor == "postgresql":
        _copy(rows)
    else:
        _bulk_create(rows)


def _bulk_create(rows):
    created = SearchEntry.objects.bulk_create(
        [SearchEntry(page_id=pk, **values) for pk, (values, _keys, _vocab) in rows.items()]
    )
    by_page = {entry.page_id: entry.pk for entry in created}
    if any(pk is None for pk in by_page.values()):  # backends without RETURNING
        by_page = dict(SearchEntry.objects.filter(page_id__in=list(rows)).values_list("page_id", "pk"))
    SearchEntryKey.objects.bulk_create(
        [
            SearchEntryKey(entry_id=by_page[pk], key=key, value=value, label=label[:255])
            for pk, (_values, keys, _vocab) in rows.items()
            for key, value, label in keys
        ],
        batch_size=2000,
    )


def _copy(rows):
    entry_table = SearchEntry._meta.db_table
    key_table = SearchEntryKey._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT nextval(pg_get_serial_sequence('{entry_table}', 'id')) FROM generate_series(1, %s)", [len(rows)]
        )
        ids = [row[0] for row in cursor.fetchall()]
        now = timezone.now()
        columns = None
        entries, keys = io.StringIO(), io.StringIO()
        for entry_id, (page_id, (values, entry_keys, _vocab)) in zip(ids, rows.items(), strict=True):
            if columns is None:
                columns = list(values)
            record = [entry_id, page_id, now, *(values[name] for name in columns)]
            entries.write("\t".join(_field(v) for v in record) + "\n")
            for key, value, label in entry_keys:
                keys.write("\t".join(_field(v) for v in (entry_id, key, value, label[:255])) + "\n")
        entries.seek(0)
        keys.seek(0)
        names = ", ".join(connection.ops.quote_name(c) for c in ["id", "page_id", "updated_at", *columns])
        raw = cursor.cursor  # psycopg2's own cursor: Django's wrapper has no copy_expert
        raw.copy_expert(f"COPY {entry_table} ({names}) FROM STDIN", entries)
        raw.copy_expert(f"COPY {key_table} (entry_id, key, value, label) FROM STDIN", keys)


# Backslash first. str.translate would be simpler but takes 20 times as long on these texts.
_ESCAPES = (("\\", "\\\\"), ("\t", "\\t"), ("\n", "\\n"), ("\r", "\\r"))


def _field(value):
    """One value in COPY's text format."""
    if value is None:
        return "\\N"
    if isinstance(value, dict | list):
        value = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    elif isinstance(value, datetime):
        value = value.isoformat()
    elif isinstance(value, bool):
        value = "t" if value else "f"
    value = str(value)
    for char, escaped in _ESCAPES:
        if char in value:
            value = value.replace(char, escaped)
    return value
