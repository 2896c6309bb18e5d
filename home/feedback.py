"""The barrier feedback form of the accessibility statement (BITV NRW): validation with
German messages, storage for curators, a confirmation to the sender."""

import logging
import re

from django import forms
from django.core.mail import send_mail
from django.db import transaction

from home.legal import AccessibilityFeedback, FEEDBACK_RETENTION_DAYS, site_sender

logger = logging.getLogger(__name__)

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
    from django.conf import settings

    data = form.cleaned_data
    with transaction.atomic():
        feedback = AccessibilityFeedback.objects.create(
            name=data["name"].strip(), email=data["email"], page_url=data["page_url"].strip(), message=data["message"].strip()
        )
        AccessibilityFeedback.delete_expired()
    site = settings.WAGTAIL_SITE_NAME
    messages = []
    if feedback.email:
        body = CONFIRMATION.format(
            name=f" {feedback.name}" if feedback.name else "", site=site, message=feedback.message, days=FEEDBACK_RETENTION_DAYS
        )
        messages.append((f"Ihre Rückmeldung zur Barrierefreiheit – {site}", body, [feedback.email]))
    if page.feedback_email:
        admin_url = f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/snippets/home/accessibilityfeedback/edit/{feedback.pk}/"
        messages.append(
            (f"Neue Rückmeldung zur Barrierefreiheit – {site}", f"{feedback.message}\n\nIm Admin: {admin_url}\n", [page.feedback_email])
        )
    for subject, body, recipients in messages:
        try:
            send_mail(subject, body, site_sender(), recipients)
        except Exception:  # noqa: BLE001 - the feedback is stored; a mail outage only costs the mail
            logger.exception("Could not send accessibility feedback mail %s", feedback.pk)
    return feedback
