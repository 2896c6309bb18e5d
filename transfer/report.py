"""The curators' adoption report: adoptions per pioneer town, per topic and per month, and
the rows of its CSV download. Counts cover public pages only, like everything else."""

from collections import Counter

from transfer.adoptions import public_adoptions
from wiki.exports.csv_writer import iter_csv_lines

CSV_HEADER = [
    "Erfasst am",
    "Geändert am",
    "Seite",
    "Adresse",
    "Kommune der Seite",
    "Pionierkommune",
    "Übernehmende Kommune",
    "Kreis der übernehmenden Kommune",
    "Stand",
    "Grund",
    "Notiz",
    "Handlungsfelder",
]


def _adoptions():
    return list(public_adoptions().prefetch_related("page__topics").order_by("created_at", "pk"))


def report_data():
    adoptions = _adoptions()
    per_pioneer = Counter(a.page.municipality.name for a in adoptions if a.page.municipality.pioneer)
    others = sum(1 for a in adoptions if not a.page.municipality.pioneer)
    per_topic = Counter(topic.name for a in adoptions for topic in a.page.topics.all())
    per_month = Counter(a.created_at.strftime("%Y-%m") for a in adoptions)
    months = _month_range(min(per_month), max(per_month)) if per_month else []
    pioneer_rows = sorted(per_pioneer.items(), key=lambda item: (-item[1], item[0]))
    if others:
        pioneer_rows.append(("andere Kommunen", others))
    return {
        "total": len(adoptions),
        "per_pioneer": pioneer_rows,
        "per_topic": sorted(per_topic.items(), key=lambda item: (-item[1], item[0])),
        "per_month": [(month, per_month.get(month, 0)) for month in months],
    }


def _month_range(first, last):
    """All months from first to last ("YYYY-MM"), so a month without adoptions shows as 0."""
    year, month = map(int, first.split("-"))
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def iter_csv():
    """CSV for spreadsheet programs in Germany: semicolons, UTF-8 with BOM, CRLF
    (wiki/exports/csv_writer.py, which also keeps formula-like cells as text)."""
    rows = (
        (
            a.created_at.date().isoformat(),
            a.updated_at.date().isoformat(),
            a.page.title,
            a.page.full_url or "",
            a.page.municipality.name,
            "ja" if a.page.municipality.pioneer else "nein",
            a.municipality.name,
            a.municipality.district_name,
            a.get_status_display(),
            a.reason,
            a.note,
            ", ".join(topic.name for topic in a.page.topics.all()),
        )
        for a in _adoptions()
    )
    yield from iter_csv_lines(CSV_HEADER, rows)
