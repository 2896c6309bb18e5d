from django.db import models


class IndexTask(models.Model):
    """Outbox row: the intent to bring one page's search document up to date.

    Written in the same transaction as the change that makes it necessary, applied after
    commit; a row stays until the index has accepted the update, so an outage of
    Elasticsearch costs a delay and never an update. Applying a row re-reads the page, so
    applying it twice is harmless.
    """

    class Action(models.TextChoices):
        UPSERT = "upsert", "Aktualisieren"
        DELETE = "delete", "Entfernen"

    page_id = models.PositiveBigIntegerField("Seiten-ID", db_index=True)
    action = models.CharField("Aktion", max_length=10, choices=Action.choices, default=Action.UPSERT)
    reason = models.CharField("Anlass", max_length=100, blank=True)
    created_at = models.DateTimeField("Angelegt", auto_now_add=True, db_index=True)
    attempts = models.PositiveIntegerField("Versuche", default=0)
    next_attempt_at = models.DateTimeField("Nächster Versuch", null=True, blank=True, db_index=True)
    last_error = models.TextField("Letzter Fehler", blank=True)
    done_at = models.DateTimeField("Erledigt", null=True, blank=True, db_index=True)
    # The database fallback is applied first and independently of Elasticsearch, so that
    # search on the fallback is current even while Elasticsearch is down.
    fallback_applied_at = models.DateTimeField("Datenbank-Index aktualisiert", null=True, blank=True)
    # Lease of the applier that claimed the row; a crashed applier's rows become due again.
    claimed_until = models.DateTimeField("Reserviert bis", null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = "Index-Auftrag"
        verbose_name_plural = "Index-Aufträge"
        indexes = [models.Index(fields=["done_at", "next_attempt_at"], name="search_task_due")]

    def __str__(self):
        return f"{self.get_action_display()} Seite {self.page_id}"
