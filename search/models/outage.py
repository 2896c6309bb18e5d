from django.db import models


class BackendOutage(models.Model):
    """A search backend that failed recently, shared by every web worker and the outbox
    (search/outage.py reads and writes it; one row per backend, deleted on recovery)."""

    name = models.CharField("Suchsystem", max_length=40, primary_key=True)
    down_until = models.DateTimeField("gilt als ausgefallen bis")
    reason = models.CharField("Grund", max_length=300, blank=True)

    class Meta:
        verbose_name = "Ausfall eines Suchsystems"
        verbose_name_plural = "Ausfälle von Suchsystemen"

    def __str__(self):
        return f"{self.name} bis {self.down_until:%H:%M:%S}"
