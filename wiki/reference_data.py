"""Reference data shipped with the project, read by data migrations and tests alike."""

import csv
from datetime import date
from pathlib import Path

from wiki.slugs import german_slug

DATA_DIR = Path(__file__).resolve().parent / "data"

TOPICS = [
    "Mobilität",
    "Energie und Klima",
    "Verwaltung und Bürgerservice",
    "Bildung",
    "Gesundheit und Pflege",
    "Wirtschaft und Arbeit",
    "Kultur und Tourismus",
    "Stadtentwicklung und Wohnen",
    "Daten und Infrastruktur",
    "Beteiligung und Engagement",
]


def municipality_rows():
    """The 59 municipalities as dicts of Municipality field values."""
    with open(DATA_DIR / "municipalities.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            yield {
                "ags": row["ags"],
                "name": row["name"],
                "slug": german_slug(row["name"]),
                "district_ags": row["kreis_ags"],
                "district_name": row["kreis"],
                "population": int(row["population"]),
                "population_date": date.fromisoformat(row["population_date"]),
                "latitude": float(row["lat"]),
                "longitude": float(row["lon"]),
                "is_town": row["is_town"] == "true",
                "pioneer": row["pioneer"] == "true",
            }


def topic_rows():
    for position, name in enumerate(TOPICS):
        yield {"name": name, "slug": german_slug(name), "sort_order": position}
