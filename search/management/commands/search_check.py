"""Find (and with --repair fix) drift between the database and the search indexes."""

from django.core.management.base import BaseCommand, CommandError

from search.drift import check, repair


def _sample(ids, limit=15):
    ids = list(ids)
    text = ", ".join(str(pk) for pk in ids[:limit])
    return text + (f" … (+{len(ids) - limit})" if len(ids) > limit else "")


class Command(BaseCommand):
    help = (
        "Vergleicht Datenbank und Suchindizes (Elasticsearch und Datenbank-Suchindex): fehlende, "
        "überzählige und veraltete Dokumente. Mit --repair werden sie über die Warteschlange korrigiert. "
        "Endet mit Status 1, wenn Abweichungen gefunden und nicht behoben wurden."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help="Gefundene Abweichungen beheben.")

    def handle(self, *args, **options):
        self.stdout.write("Prüfe Suchindizes …")
        result = check(progress=self._progress)
        self._report(result)
        if not result.drift_found:
            self.stdout.write(self.style.SUCCESS("Keine Abweichungen: die Suchindizes entsprechen der Datenbank."))
            return
        if not options["repair"]:
            raise CommandError("Abweichungen gefunden (nicht behoben). Beheben mit: manage.py search_check --repair")
        if result.error:
            raise CommandError(f"Ein Suchindex konnte nicht gelesen werden: {result.error}")
        self.stdout.write(f"Behebe Abweichungen für {len(result.page_ids())} Seiten …")
        synced = repair(result)
        self.stdout.write(
            f"{synced.pages} Seiten übertragen ({synced.indexed} indexiert, {synced.deleted} entfernt, "
            f"{synced.failed_tasks} Aufträge fehlgeschlagen)."
        )
        after = check()  # each backend's check makes recent writes visible first
        if after.drift_found:
            self._report(after)
            raise CommandError("Nach der Reparatur bestehen weiter Abweichungen (siehe oben und search_status).")
        self.stdout.write(self.style.SUCCESS("Abweichungen behoben: die Suchindizes entsprechen der Datenbank."))

    def _progress(self, done, total):
        if total and (done == total or done % 5000 == 0):
            self.stdout.write(f"… {done} / {total} Seiten gelesen")

    def _report(self, result):
        w = self.stdout.write
        w(f"Öffentliche Seiten (erwartet): {result.expected}")
        if result.elasticsearch is None:
            w("Elasticsearch: nicht konfiguriert")
        for name, drift in reversed(result.drifts.items()):
            label = result.labels.get(name, name)
            if not drift.count:
                w(f"{label}: {drift.checked} Dokumente, keine Abweichung")
                continue
            w(self.style.WARNING(f"{label}: {drift.checked} Dokumente, {drift.count} Abweichungen"))
            if drift.missing:
                w(f"  fehlend ({len(drift.missing)}): {_sample(drift.missing)}")
            if drift.extra:
                w(f"  überzählig ({len(drift.extra)}): {_sample(drift.extra)}")
            if drift.stale:
                w(f"  veraltet ({len(drift.stale)}): {_sample(drift.stale)}")
        if result.error:
            w(self.style.ERROR(f"Suchindex nicht lesbar: {result.error}"))
