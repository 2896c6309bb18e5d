"""Data of the transfer features: who adopted what (Adoption) and who follows what by e-mail
(Subscription). Queries and rules live in transfer/adoptions.py and transfer/digest.py."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

# Types of knowledge page another town can take over (lessons are experiences, not solutions).
ADOPTABLE_TYPES = ("case_study", "template")
# Unconfirmed e-mail subscriptions (and their confirmation links) live this long.
CONFIRMATION_DAYS = 7


class AdoptionStatus(models.TextChoices):
    INTERESTED = "interested", "interessiert"
    PREPARING = "preparing", "in Vorbereitung"
    IMPLEMENTED = "implemented", "umgesetzt"
    DISCARDED = "discarded", "verworfen"


class Adoption(models.Model):
    """Town B records that it adopted (or adapts) a case study or template of town A."""

    page = models.ForeignKey(
        "wiki.KnowledgePage", verbose_name="Übernommene Seite", on_delete=models.CASCADE, related_name="adoptions"
    )
    municipality = models.ForeignKey(
        "wiki.Municipality", verbose_name="Übernehmende Kommune", on_delete=models.PROTECT, related_name="adoptions"
    )
    status = models.CharField("Stand", max_length=20, choices=AdoptionStatus.choices, default=AdoptionStatus.INTERESTED)
    reason = models.TextField(
        "Grund für das Verwerfen",
        max_length=1000,
        blank=True,
        help_text="Pflicht bei „verworfen“: auch eine verworfene Übernahme ist eine Erfahrung für andere.",
    )
    note = models.CharField("Kurze Notiz", max_length=500, blank=True)
    contact = models.CharField(
        "Ansprechperson",
        max_length=200,
        blank=True,
        help_text="Name und dienstliche E-Mail oder Telefonnummer; sichtbar nur für angemeldete Redaktionen.",
    )
    own_case_study = models.ForeignKey(
        "wiki.CaseStudyPage",
        verbose_name="Eigene Fallstudie",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adopted_from",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Erfasst von",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("Erfasst am", default=timezone.now, db_index=True)
    updated_at = models.DateTimeField("Geändert am", auto_now=True)

    class Meta:
        verbose_name = "Übernahme"
        verbose_name_plural = "Übernahmen"
        ordering = ["-updated_at", "pk"]
        constraints = [
            # One entry per town and page; a later change of mind updates the status.
            models.UniqueConstraint(fields=["page", "municipality"], name="transfer_adoption_once_per_town"),
        ]

    def __str__(self):
        return f"{self.municipality} – {self.page}"

    def clean(self):
        errors = {}
        if self.status == AdoptionStatus.DISCARDED and not self.reason.strip():
            errors["reason"] = "Bitte geben Sie einen Grund an, warum die Übernahme verworfen wurde."
        if self.page_id and self.municipality_id and self.page.municipality_id == self.municipality_id:
            errors["municipality"] = "Eine Kommune kann ihre eigene Seite nicht übernehmen."
        if (
            self.own_case_study_id
            and self.municipality_id
            and self.own_case_study.municipality_id != self.municipality_id
        ):
            errors["own_case_study"] = "Die eigene Fallstudie muss zur übernehmenden Kommune gehören."
        if errors:
            raise ValidationError(errors)


class Frequency(models.TextChoices):
    DAILY = "daily", "täglich"
    WEEKLY = "weekly", "wöchentlich"


def new_token():
    return secrets.token_urlsafe(32)


class Subscription(models.Model):
    """An e-mail digest: one address and one choice (a topic, tag, town, Kreis, type or any
    search, stored as normalised search parameters). Nothing else about the person is kept."""

    email = models.EmailField("E-Mail-Adresse")
    params = models.CharField("Auswahl (Suchparameter)", max_length=1000, blank=True)
    frequency = models.CharField("Häufigkeit", max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    # One secret per subscription for the confirmation and the unsubscribe link.
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # Everything published up to this moment has been covered by a digest (or predates the
    # subscription); the next digest lists pages published or changed after it.
    covered_until = models.DateTimeField(null=True, blank=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "E-Mail-Abo"
        verbose_name_plural = "E-Mail-Abos"
        constraints = [
            models.UniqueConstraint(fields=["email", "params", "frequency"], name="transfer_subscription_unique"),
        ]

    def __str__(self):
        return f"{self.email} ({self.get_frequency_display()})"

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    def confirmation_expired(self, now=None):
        return (now or timezone.now()) - self.created_at > timedelta(days=CONFIRMATION_DAYS)

    @classmethod
    def purge_unconfirmed(cls, now=None):
        """DSGVO: an address nobody confirmed is deleted after CONFIRMATION_DAYS days."""
        cutoff = (now or timezone.now()) - timedelta(days=CONFIRMATION_DAYS)
        deleted, _ = cls.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff).delete()
        return deleted
