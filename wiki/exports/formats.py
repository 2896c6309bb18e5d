"""The export records as files: JSON Lines, CSV (comma, or semicolon for German Excel) and
XLSX. All of them re-import with import_knowledge.

Spreadsheet safety: a cell whose text starts with =, +, -, @, a tab or a carriage return
would be run as a formula by Excel or LibreOffice ("CSV injection"); it is written with a
leading apostrophe, which spreadsheets show as text and our importer removes again.
"""

import csv
import io
import json
import re

from wiki.exports.records import iter_pages
from wiki.imports.fields import FIELDS, JSON_FIELDS, READER_COLUMNS

CSV_LIST_SEPARATOR = "; "
FORMULA_START = re.compile(r"^[=+\-@\t\r]")
# JSON allows these raw inside strings, but many line-based readers split lines there.
_JSON_LINE_SEPARATORS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085"}
_JSON_LINE_SEPARATORS_RE = re.compile("[\u2028\u2029\u0085]")


def _records(records):
    return records if records is not None else (record for _page, record in iter_pages())


def iter_jsonl(records=None):
    for record in _records(records):
        line = json.dumps(record, ensure_ascii=False)
        yield _JSON_LINE_SEPARATORS_RE.sub(lambda m: _JSON_LINE_SEPARATORS[m.group()], line) + "\n"


def neutralise(value):
    return "'" + value if isinstance(value, str) and FORMULA_START.match(value) else value


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
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS + READER_COLUMNS, delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    yield ("\ufeff" if bom else "") + _drain(buffer)
    if pairs is None:
        pairs = ((None, record) for record in records) if records is not None else iter_pages()
    for page, record in pairs:
        writer.writerow(_cells(record, page, base_url))
        yield _drain(buffer)


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


def _drain(buffer):
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text
