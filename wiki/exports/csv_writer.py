"""CSV text that spreadsheet programs open safely: the one writer behind the open-data CSV,
the curators' adoption report (transfer/report.py) and their search report
(search/query_report.py).

German Excel expects semicolons and recognises UTF-8 (umlauts) only by a byte order mark;
lines end in CRLF. A text cell that starts with =, +, -, @, a tab or a carriage return would
be run as a formula by Excel or LibreOffice ("CSV injection"); it is written with a leading
apostrophe, which spreadsheets show as text and our importer removes again.
"""

import csv
import io
import re

FORMULA_START = re.compile(r"^[=+\-@\t\r]")
BOM = "\ufeff"


def neutralise(value):
    """The value, with a leading apostrophe if a spreadsheet would read it as a formula.
    Idempotent: a neutralised text starts with the apostrophe."""
    return "'" + value if isinstance(value, str) and FORMULA_START.match(value) else value


def iter_csv_lines(header, rows, *, delimiter=";", bom=True):
    """The header line (after the byte order mark), then one chunk of text per row, so a
    download can stream. Every text cell is neutralised; None stays an empty cell."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    yield (BOM if bom else "") + _drain(buffer)
    for row in rows:
        writer.writerow([neutralise(value) for value in row])
        yield _drain(buffer)


def _drain(buffer):
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text
