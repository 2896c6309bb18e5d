from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Regionale Suche"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Index sync: every change that alters search results writes an outbox task.
        from search import signals

        signals.connect()
