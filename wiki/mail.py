"""Review notifications that cannot be sent are never silent.

Wagtail sends the "submitted for review" and "approved/rejected" mails inside the editor's
request and, when the mail server fails, only logs it. ReportingEmailBackend (the SMTP backend
chosen by EMAIL_URL, config/settings/mail.py) logs every failed send as ERROR with the
recipients and the reason, and MailFailureMiddleware shows the person who triggered it a German
message, so a curator is not left waiting for a review request that never arrived.
"""

import logging
import threading

from django.contrib import messages
from django.core.mail.backends.smtp import EmailBackend

logger = logging.getLogger(__name__)
_failures = threading.local()

FAILURE_MESSAGE = (
    "Die Benachrichtigung per E-Mail an %(recipients)s konnte nicht verschickt werden (%(reason)s). "
    "Ihre Änderung ist gespeichert; bitte informieren Sie die Empfänger direkt und melden Sie den "
    "Fehler der Technik."
)


def _record(recipients, reason):
    logger.error("E-mail to %s could not be sent: %s", ", ".join(recipients) or "(none)", reason)
    if not hasattr(_failures, "items"):
        _failures.items = []
    _failures.items.append((recipients, reason))


class ReportingEmailBackend(EmailBackend):
    def open(self):
        try:
            return super().open()
        except Exception as exc:  # noqa: BLE001 - any connection problem is reported below
            self._open_error = f"{type(exc).__name__}: {exc}"
            return None

    def send_messages(self, email_messages):
        if not email_messages:
            return 0
        self._open_error = None
        try:
            sent = super().send_messages(email_messages)
        except Exception as exc:  # noqa: BLE001
            sent, self._open_error = 0, f"{type(exc).__name__}: {exc}"
        if sent < len(email_messages):
            recipients = sorted({address for message in email_messages for address in message.recipients()})
            _record(recipients, self._open_error or "vom Mailserver abgelehnt")
        return sent


class MailFailureMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _failures.items = []
        response = self.get_response(request)
        failures, _failures.items = getattr(_failures, "items", []), []
        user = getattr(request, "user", None)
        if failures and user is not None and user.is_authenticated:
            recipients = sorted({address for addresses, _reason in failures for address in addresses})
            messages.error(
                request, FAILURE_MESSAGE % {"recipients": ", ".join(recipients), "reason": failures[0][1][:200]}
            )
        return response
