"""Villages (Ortsteile) for people: the town page's list and the CSV import.

- `with_public_pages(municipality)`: the town's villages, each with the public pages naming it;
- `import_villages(data)`: a CSV file (semicolon or comma, UTF-8 with or without byte order
  mark; columns `municipality` (AGS or exact name), `name`, optional `latitude`, `longitude`
  with decimal point or comma) → one village per town and name, created or updated. Each line
  stands alone: a bad line is reported with its number and a German reason and writes nothing;
  the others import. A second run of the same file changes nothing.
Who maintains them is `wiki.permissions.towns_in_charge(user)` (the admin, wiki/village_admin.py).
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from wiki.models import KnowledgePage, Village
from wiki.models.pages import public_pages
from wiki.permissions import find_municipality

COLUMNS = ("municipality", "name", "latitude", "longitude")
REQUIRED = ("municipality", "name")
BOM = "\ufeff"


def with_public_pages(municipality):
    villages = list(Village.objects.filter(municipality=municipality).order_by("name"))
    if not villages:
        return []
    pages = (
        public_pages(KnowledgePage.objects.filter(villages__in=villages))
        .distinct()
        .select_related("municipality", "content_type")
        .order_by("title")
    )
    by_village = {village.pk: [] for village in villages}
    through = KnowledgePage.villages.through.objects.filter(village__in=villages, knowledgepage__in=pages)
    page_by_id = {page.pk: page for page in pages}
    for page_id, village_id in through.values_list("knowledgepage_id", "village_id"):
        if page_id in page_by_id:
            by_village[village_id].append(page_by_id[page_id])
    for village in villages:
        village.public_pages = sorted(by_village[village.pk], key=lambda page: page.title.casefold())
    return villages


# --- CSV import -------------------------------------------------------------------------------


@dataclass
class VillageImport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)  # "Zeile n: reason"
    warnings: list = field(default_factory=list)

    @property
    def lines(self):
        return self.created + self.updated + self.unchanged + len(self.errors)

    def text(self):
        return (
            f"{self.lines} Zeilen: {self.created} angelegt, {self.updated} aktualisiert, "
            f"{self.unchanged} unverändert, {len(self.errors)} fehlerhaft."
        )


class LineError(ValueError):
    pass


def _coordinate(value, key, low, high):
    value = (value or "").strip().replace(",", ".")
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        raise LineError(f"„{key}“ „{value[:30]}“ ist keine Zahl") from None
    if not low <= number <= high:
        raise LineError(f"„{key}“ muss zwischen {low} und {high} liegen")
    return number


def _rows(text):
    text = text.removeprefix(BOM)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [name.strip().lstrip(BOM).lower() for name in next(reader)]
    except StopIteration:
        return [], [], []
    start = reader.line_num + 1
    rows = []
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            rows.append((start, LineError(f"CSV nicht lesbar ({error})")))
            start = reader.line_num + 1
            continue
        number, start = start, reader.line_num + 1
        if any(cell.strip() for cell in cells):
            rows.append((number, cells))
    return header, rows, delimiter


def import_villages(data, progress=None, every=500):
    """bytes or str of a CSV file → VillageImport. `progress(done, total)` every `every` lines."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as error:
            result = VillageImport()
            result.errors.append(f"Datei: keine gültige UTF-8-Kodierung (Byte {error.start + 1})")
            return result
    header, rows, _delimiter = _rows(data)
    result = VillageImport()
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        result.errors.append(
            f"Zeile 1: Spalte(n) {', '.join(f'„{name}“' for name in missing)} fehlen; erwartet werden {', '.join(COLUMNS)}"
        )
        return result
    unknown = [name for name in header if name and name not in COLUMNS]
    if unknown:
        result.warnings.append(f"Unbekannte Spalte(n) {', '.join(f'„{name}“' for name in unknown)} werden ignoriert")
    seen = {}
    for position, (number, cells) in enumerate(rows, start=1):
        try:
            if isinstance(cells, Exception):
                raise cells
            if len(cells) > len(header):
                raise LineError("mehr Werte als Spalten")
            status = _import_line(dict(zip(header, cells, strict=False)), number, seen)  # short lines: missing cells
            setattr(result, status, getattr(result, status) + 1)
        except LineError as error:
            result.errors.append(f"Zeile {number}: {error}")
        if progress and (position % every == 0 or position == len(rows)):
            progress(position, len(rows))
    return result


def _import_line(values, number, seen):
    key = (values.get("municipality") or "").strip()
    name = " ".join((values.get("name") or "").split())
    if not key:
        raise LineError("„municipality“ fehlt")
    if not name:
        raise LineError("„name“ fehlt")
    if len(name) > 100:
        raise LineError("„name“ ist länger als 100 Zeichen")
    municipality = find_municipality(key)
    if municipality is None:
        raise LineError(f"Kommune „{key}“ unbekannt (AGS mit 8 Ziffern oder genauer Name)")
    latitude = _coordinate(values.get("latitude"), "latitude", -90, 90)
    longitude = _coordinate(values.get("longitude"), "longitude", -180, 180)
    if (latitude is None) != (longitude is None):
        raise LineError("„latitude“ und „longitude“ gehören zusammen: beide angeben oder beide leer lassen")
    identity = (municipality.pk, name.casefold())
    if identity in seen:
        raise LineError(f"„{name}“ in {municipality.name} steht schon in Zeile {seen[identity]}")
    seen[identity] = number
    with transaction.atomic():
        village = Village.objects.filter(municipality=municipality, name__iexact=name).first()
        if village is None:
            village = Village(municipality=municipality, name=name, latitude=latitude, longitude=longitude)
            status = "created"
        elif (village.name, village.latitude, village.longitude) == (name, latitude, longitude):
            return "unchanged"
        else:
            village.name, village.latitude, village.longitude = name, latitude, longitude
            status = "updated"
        try:
            village.full_clean()
        except ValidationError as error:
            raise LineError("; ".join(error.messages)) from error
        village.save()
    return status
