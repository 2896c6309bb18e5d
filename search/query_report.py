"""The curators' report of searches: numbers per query text over a chosen period, as HTML
tables and as a CSV file for German Excel (semicolon, UTF-8 with BOM).

One row of SearchQueryLog is one search by the rule in search/search_log.py (a new row only
when the query text changes). Zero-result searches are split in two:
- "nichts gefunden": the text itself finds nothing (no filters, or also nothing without them);
  a synonym or a new tag may help;
- "Filter schlossen alles aus": the text has hits, only the chosen filters emptied the list.
"""

from datetime import timedelta

from django.db.models import Count, Max, Q
from django.db.models.functions import Lower
from django.utils import timezone

from wiki.exports.csv_writer import iter_csv_lines

PERIODS = {"7": "letzte 7 Tage", "30": "letzte 30 Tage", "90": "letzte 90 Tage", "365": "letzte 365 Tage"}
DEFAULT_PERIOD = "30"
REPORT_ROWS = 50

NOTHING_FOUND = Q(result_count=0) & (Q(unfiltered_count__isnull=True) | Q(unfiltered_count=0))
FILTERED_OUT = Q(result_count=0, unfiltered_count__gt=0)


class PeriodError(ValueError):
    def __init__(self, value):
        allowed = ", ".join(PERIODS)
        super().__init__(f"Unbekannter Zeitraum „{value[:20]}“ (Parameter days). Erlaubt sind: {allowed} Tage.")


def parse_period(value):
    value = (value or DEFAULT_PERIOD).strip()
    if value not in PERIODS:
        raise PeriodError(value)
    return int(value)


def _recent(days):
    from search.models import SearchQueryLog

    since = timezone.now() - timedelta(days=days)
    return since, SearchQueryLog.objects.filter(created_at__gte=since).exclude(query="")


def _grouped(rows):
    return (
        rows.annotate(normalised=Lower("query"))
        .values("normalised")
        .annotate(searches=Count("id"), last=Max("created_at"))
    )


def query_report(days=int(DEFAULT_PERIOD), limit=REPORT_ROWS):
    """Top queries, queries that found nothing, and queries emptied by filters."""
    since, recent = _recent(days)
    order = ("-searches", "normalised")
    return {
        "since": since,
        "days": days,
        "total": recent.count(),
        "total_nothing_found": recent.filter(NOTHING_FOUND).count(),
        "total_filtered_out": recent.filter(FILTERED_OUT).count(),
        "top": list(_grouped(recent).order_by(*order)[:limit]),
        "zero": list(_grouped(recent.filter(NOTHING_FOUND)).order_by(*order)[:limit]),
        "filtered_out": list(_grouped(recent.filter(FILTERED_OUT)).order_by(*order)[:limit]),
    }


CSV_HEADER = ["Suchbegriff", "Suchen", "davon nichts gefunden", "davon Filter schlossen alles aus", "zuletzt gesucht"]


def report_csv(days):
    """All query texts of the period (not only the top rows), one line each."""
    _since, recent = _recent(days)
    rows = (
        recent.annotate(normalised=Lower("query"))
        .values("normalised")
        .annotate(
            searches=Count("id"),
            nothing=Count("id", filter=NOTHING_FOUND),
            filtered=Count("id", filter=FILTERED_OUT),
            last=Max("created_at"),
        )
        .order_by("-searches", "normalised")
    )
    # German Excel: semicolons, BOM; a query typed as "=HYPERLINK(…)" stays text.
    lines = ((row["normalised"], row["searches"], row["nothing"], row["filtered"], _local(row["last"])) for row in rows)
    return "".join(iter_csv_lines(CSV_HEADER, lines))


def _local(moment):
    return timezone.localtime(moment).strftime("%d.%m.%Y %H:%M")
