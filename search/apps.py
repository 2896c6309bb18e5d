from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Regionale Suche"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Index sync: every change that alters search results writes an outbox task.
        from search import signals, signals_cache

        signals.connect()
        # The per-process caches (synonyms, reference data) drop what a change made stale.
        signals_cache.connect()
