"""Delete old rows of the search query log (retention: SEARCH_LOG_RETENTION_DAYS, default 90).

Run daily by cron, or leave it to `search_sync --loop`, which does the same once a day."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import formats

from search.search_log import prune, prune_cutoff, retention_days


def _number(value):
    return f"{value:,}".replace(",", ".")


class Command(BaseCommand):
    help = (
        "Löscht protokollierte Suchanfragen, die älter als die Aufbewahrungsfrist sind "
        "(SEARCH_LOG_RETENTION_DAYS, Standard 90 Tage)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Abweichende Frist in Tagen (mindestens 1); Standard: SEARCH_LOG_RETENTION_DAYS.",
        )

    def handle(self, *args, days=None, verbosity=1, **options):
        days = retention_days() if days is None else days
        try:
            cutoff = prune_cutoff(days)
        except ValueError as exc:
            raise CommandError(f"--days: {exc}") from None

        def progress(done, total):
            if verbosity >= 1 and (done < total or verbosity >= 2):
                self.stdout.write(f"… {_number(done)} von {_number(total)} Suchanfragen gelöscht")

        deleted = prune(days, progress=progress)
        if verbosity >= 1:
            when = formats.date_format(cutoff, "d.m.Y")
            self.stdout.write(
                self.style.SUCCESS(f"{_number(deleted)} Suchanfragen älter als {days} Tage (vor dem {when}) gelöscht.")
            )
