"""The barrier feedback of the accessibility statement (BITV NRW): the stored report, the
form with German messages, storage for curators, a confirmation to the sender.

The statement page (home/legal.py) only shows the form; everything about a report lives
here, so the legal pages import this module and never the other way round.
"""

import logging
import re
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.mail import send_mail
from django.db import models, transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

# How long an accessibility feedback is kept (said on the privacy page and in the README).
FEEDBACK_RETENTION_DAYS = 365


def site_sender():
    return getattr(settings, "DEFAULT_FROM_EMAIL", "webmaster@localhost")


class AccessibilityFeedback(models.Model):
    """A barrier reported through the form on the accessibility statement. Holds only what
    the sender typed in (no IP address, no browser data); deleted after
    FEEDBACK_RETENTION_DAYS."""

    created_at = models.DateTimeField("Eingegangen am", auto_now_add=True)
    name = models.CharField("Name", max_length=120, blank=True)
    email = models.EmailField("E-Mail", blank=True)
    page_url = models.CharField("Betroffene Seite", max_length=500, blank=True)
    message = models.TextField("Beschreibung der Barriere")
    handled = models.BooleanField("Erledigt", default=False)
    note = models.TextField("Interne Notiz", blank=True)

    class Meta:
        verbose_name = "Rückmeldung zur Barrierefreiheit"
        verbose_name_plural = "Rückmeldungen zur Barrierefreiheit"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{timezone.localtime(self.created_at):%d.%m.%Y %H:%M} – {self.message[:60]}"

    @classmethod
    def delete_expired(cls):
        cutoff = timezone.now() - timedelta(days=FEEDBACK_RETENTION_DAYS)
        return cls.objects.filter(created_at__lt=cutoff).delete()[0]


# Tabs and line breaks are fine in a message; other control characters only hide text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _no_control_characters(value):
    if _CONTROL.search(value or ""):
        raise forms.ValidationError("Der Text enthält unsichtbare Steuerzeichen. Bitte entfernen Sie sie.")


class FeedbackForm(forms.Form):
    message = forms.CharField(
        label="Welche Barriere ist Ihnen aufgefallen?",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        validators=[_no_control_characters],
        error_messages={
            "required": "Bitte beschreiben Sie die Barriere.",
            "max_length": "Bitte fassen Sie sich kürzer (höchstens %(limit_value)d Zeichen, jetzt %(show_value)d).",
        },
    )
    page_url = forms.CharField(
        label="Auf welcher Seite? (freiwillig)",
        required=False,
        max_length=500,
        validators=[_no_control_characters],
        help_text="Adresse oder Titel der Seite.",
        error_messages={"max_length": "Die Seitenangabe ist zu lang (höchstens %(limit_value)d Zeichen)."},
    )
    name = forms.CharField(
        label="Ihr Name (freiwillig)",
        required=False,
        max_length=120,
        validators=[_no_control_characters],
        error_messages={"max_length": "Der Name ist zu lang (höchstens %(limit_value)d Zeichen)."},
    )
    email = forms.EmailField(
        label="Ihre E-Mail-Adresse (freiwillig)",
        required=False,
        max_length=254,
        help_text="Nur für die Eingangsbestätigung und unsere Antwort.",
        error_messages={
            "invalid": "Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@beispiel.de.",
            "max_length": "Die E-Mail-Adresse ist zu lang.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].widget.attrs["required"] = True
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}-help"

    def full_clean(self):
        # Screen readers announce help and error texts with the field they belong to.
        super().full_clean()
        for name, field in self.fields.items():
            described = [f"id_{name}-help"] if field.help_text else []
            if name in self.errors:
                described.append(f"id_{name}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)


CONFIRMATION = """Guten Tag{name},

vielen Dank für Ihre Rückmeldung zur Barrierefreiheit des {site}. Wir haben sie erhalten
und melden uns, sobald wir sie geprüft haben.

Ihre Nachricht:
{message}

Ihre Angaben speichern wir nur zur Bearbeitung und löschen sie spätestens nach {days} Tagen.
"""


def store_feedback(form, *, page, request):
    """Save first (the report must never be lost to a mail outage), then mail."""
    data = form.cleaned_data
    with transaction.atomic():
        feedback = AccessibilityFeedback.objects.create(
            name=data["name"].strip(),
            email=data["email"],
            page_url=data["page_url"].strip(),
            message=data["message"].strip(),
        )
        AccessibilityFeedback.delete_expired()
    site = settings.WAGTAIL_SITE_NAME
    messages = []
    if feedback.email:
        body = CONFIRMATION.format(
            name=f" {feedback.name}" if feedback.name else "",
            site=site,
            message=feedback.message,
            days=FEEDBACK_RETENTION_DAYS,
        )
        messages.append((f"Ihre Rückmeldung zur Barrierefreiheit – {site}", body, [feedback.email]))
    if page.feedback_email:
        admin_url = f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/snippets/home/accessibilityfeedback/edit/{feedback.pk}/"
        messages.append(
            (
                f"Neue Rückmeldung zur Barrierefreiheit – {site}",
                f"{feedback.message}\n\nIm Admin: {admin_url}\n",
                [page.feedback_email],
            )
        )
    for subject, body, recipients in messages:
        try:
            send_mail(subject, body, site_sender(), recipients)
        except Exception:  # noqa: BLE001 - the feedback is stored; a mail outage only costs the mail
            logger.exception("Could not send accessibility feedback mail %s", feedback.pk)
    return feedback
