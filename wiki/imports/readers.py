"""Reading import files: JSON Lines, CSV and XLSX into (line number, record) pairs.

Every reader yields the record's first line number and either a dict or a LineError, so the
importer reports problems in file order and carries on with the next line. File-level notes
(an unknown column) are collected in `Source.warnings` and reported once.

Lines of a JSON Lines file end at "\\n" only: U+2028, U+0085 or a lone "\\r" inside a JSON
string belong to that string (str.splitlines() would split there). Bytes that are not UTF-8
make only their own line fail.
"""

import csv
import io
import json
import re
from dataclasses import dataclass, field

from wiki.imports.fields import FIELDS, LIST_FIELDS, READER_COLUMNS, LineError

LIST_SEPARATORS = re.compile(r"[;|]")
# The export prefixes a cell that a spreadsheet would run as a formula with an apostrophe
# (see wiki/exports); the importer takes it off again so that the text round-trips.
FORMULA_GUARD = re.compile(r"^'(?=[=+\-@\t\r])")
_SURROGATE = re.compile(r"[\udc80-\udcff]")
BOM = "\ufeff"


@dataclass
class Source:
    records: list
    spreadsheet: bool = False
    warnings: list = field(default_factory=list)

    @property
    def total(self):
        return len(self.records)


def kind_of(name):
    name = name.lower()
    if name.endswith(".xlsx"):
        return "xlsx"
    if name.endswith(".csv"):
        return "csv"
    return "jsonl"


def read_source(data, kind):
    """bytes of a file -> Source."""
    if kind == "xlsx":
        return read_xlsx(data)
    if kind == "csv":
        return read_csv(data)
    return Source(list(read_jsonl(data)))


# --- JSON Lines ------------------------------------------------------------------------------


def read_jsonl(data):
    """(line number, dict or LineError) per non-empty line of bytes or str."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    if data.startswith(BOM.encode()):
        data = data[3:]
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            yield number, LineError(f"ungültige UTF-8-Kodierung (Byte {error.start + 1} der Zeile)")
            continue
        yield number, parse_json_line(line)


def parse_json_line(line):
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        return LineError(f"kein gültiges JSON ({error.msg}, Spalte {error.colno})")
    except RecursionError:
        return LineError("JSON ist zu tief verschachtelt")
    except ValueError as error:
        # Python refuses integers of more than 4,300 digits (int_max_str_digits).
        return LineError(f"kein gültiges JSON ({str(error)[:80]})")
    if not isinstance(data, dict):
        return LineError("jede Zeile muss ein JSON-Objekt {…} sein")
    return data


# --- spreadsheets ----------------------------------------------------------------------------


def _header(names, warnings):
    columns = [(name or "").strip().lstrip(BOM).strip() for name in names]
    unknown = [name for name in columns if name and name not in FIELDS and name not in READER_COLUMNS]
    if unknown:
        warnings.append(
            f"Unbekannte Spalte(n) {', '.join(f'„{name}“' for name in unknown)} werden ignoriert; "
            f"erlaubt sind {', '.join(FIELDS)}"
        )
    return columns


def _record(columns, cells):
    data = {}
    for key, value in zip(columns, cells, strict=False):
        if not key or key not in FIELDS:
            continue
        if isinstance(value, str):
            value = FORMULA_GUARD.sub("", value.strip())
        elif value is None:
            value = ""
        if key in LIST_FIELDS:
            value = [part.strip() for part in LIST_SEPARATORS.split(str(value)) if part.strip()]
        data[key] = value
    return data


def read_csv(data):
    """A CSV file (semicolon or comma, UTF-8 with or without byte order mark)."""
    if isinstance(data, bytes):
        # surrogateescape keeps going past bytes that are not UTF-8; the record holding them
        # is reported below, the others import.
        text = data.decode("utf-8", "surrogateescape")
    else:
        text = data
    text = text.removeprefix(BOM)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    source = Source([], spreadsheet=True)
    try:
        columns = _header(next(reader), source.warnings)
    except StopIteration:
        return source
    start = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            source.records.append((start, LineError(f"CSV nicht lesbar ({error})")))
            start = reader.line_num + 1
            continue
        number, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue
        if any(_SURROGATE.search(cell) for cell in cells):
            source.records.append((number, LineError("ungültige UTF-8-Kodierung")))
        elif len(cells) > len(columns):
            source.records.append((number, LineError("mehr Werte als Spalten")))
        else:
            source.records.append((number, _record(columns, cells)))
    return source


def read_xlsx(data):
    """The first sheet of an Excel workbook; row 1 holds the column names."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - zip, XML and openpyxl errors alike
        raise ValueError(f"keine lesbare Excel-Datei (.xlsx): {error}") from error
    source = Source([], spreadsheet=True)
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        try:
            columns = _header([str(cell) if cell is not None else "" for cell in next(rows)], source.warnings)
        except StopIteration:
            return source
        for number, cells in enumerate(rows, start=2):
            if all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells):
                continue
            cells = [_xlsx_cell(columns, index, cell) for index, cell in enumerate(cells)]
            source.records.append((number, _record(columns, cells)))
    finally:
        workbook.close()
    return source


def _xlsx_cell(columns, index, value):
    key = columns[index] if index < len(columns) else ""
    if key == "municipality" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{int(value):08d}"  # an AGS typed as a number lost its leading zero
    if isinstance(value, float) and value.is_integer() and key != "year":
        return str(int(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool) and key not in ("year", "end_year"):
        return str(value)
    if value is not None and not isinstance(value, (str, int, float, bool)):
        return str(value)  # dates and times as the spreadsheet shows them
    return value
