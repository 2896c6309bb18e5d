"""The export records as files: JSON Lines, CSV (comma, or semicolon for German Excel) and
XLSX. All of them re-import with import_knowledge.

Spreadsheet safety (formula cells written as text) lives in wiki/exports/csv_writer.py and
holds for the XLSX sheet too.
"""

import io
import json
import re

from wiki.exports.csv_writer import iter_csv_lines, neutralise
from wiki.exports.records import iter_pages
from wiki.imports.fields import FIELDS, JSON_FIELDS, READER_COLUMNS

CSV_LIST_SEPARATOR = "; "
# JSON allows these raw inside strings, but many line-based readers split lines there.
_JSON_LINE_SEPARATORS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085"}
_JSON_LINE_SEPARATORS_RE = re.compile("[\u2028\u2029\u0085]")


def _records(records):
    return records if records is not None else (record for _page, record in iter_pages())


def iter_jsonl(records=None):
    for record in _records(records):
        line = json.dumps(record, ensure_ascii=False)
        yield _JSON_LINE_SEPARATORS_RE.sub(lambda m: _JSON_LINE_SEPARATORS[m.group()], line) + "\n"


def _cells(record, page=None, base_url=None):
    row = {}
    for key in FIELDS:
        value = record.get(key)
        if key in JSON_FIELDS and value is not None:
            value = json.dumps(value, ensure_ascii=False)  # a list of objects: JSON text in one cell
        elif isinstance(value, list):
            value = CSV_LIST_SEPARATOR.join(value)
        elif isinstance(value, bool):
            value = "true" if value else "false"
        row[key] = "" if value is None else neutralise(value)
    if page is not None:
        row["municipality_name"] = neutralise(page.municipality.name)
        row["url"] = _url(page, base_url)
        row["adoptions"] = record.get("adoptions", 0)
    return row


def _url(page, base_url):
    path = page.get_url(None)
    if not path:
        return ""
    if path.startswith("/") and base_url:
        return base_url.rstrip("/") + path
    return path


def iter_csv(records=None, bom=True, delimiter=",", base_url=None, pairs=None):
    """CSV lines; lists joined with "; ", empty values as empty cells. The byte order mark
    lets spreadsheet programs recognise UTF-8 (umlauts). With `records` given (import-format
    dicts only), the reader columns stay empty; `pairs` are (page, record) as iter_pages()."""
    columns = FIELDS + READER_COLUMNS
    if pairs is None:
        pairs = ((None, record) for record in records) if records is not None else iter_pages()
    rows = ([row.get(key, "") for key in columns] for row in (_cells(record, page, base_url) for page, record in pairs))
    yield from iter_csv_lines(columns, rows, delimiter=delimiter, bom=bom)


def xlsx_bytes(base_url=None):
    """The export as one Excel sheet (header row, one row per page)."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Wissen")
    columns = FIELDS + READER_COLUMNS
    sheet.append(columns)
    for page, record in iter_pages():
        row = _cells(record, page, base_url)
        values = (row[key] for key in columns)
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value for value in values])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
