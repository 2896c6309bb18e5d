from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Regionale Suche"
    default_auto_field = "django.db.models.BigAutoField"
