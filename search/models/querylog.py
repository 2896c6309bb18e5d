from django.db import models


class SearchQueryLog(models.Model):
    """What people search for (no personal data: no IP, no user), for the curators."""

    query = models.CharField("Suchbegriff", max_length=200, db_index=True)
    filters = models.JSONField("Filter", default=dict, blank=True)
    result_count = models.PositiveIntegerField("Treffer")
    # Only for a filtered search that found nothing: the hits of the same text without any
    # filter, so that the report tells "nothing found" from "the filters excluded everything".
    unfiltered_count = models.PositiveIntegerField("Treffer ohne Filter", null=True, blank=True)
    backend = models.CharField("Suchsystem", max_length=20)
    created_at = models.DateTimeField("Zeitpunkt", auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "Suchanfrage"
        verbose_name_plural = "Suchanfragen"

    def __str__(self):
        return self.query or "(leer)"
