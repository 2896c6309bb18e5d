"""E-mail subscriptions: the confirmation mail (double opt-in) and the digests that
`send_digests` sends. Every mail carries a one-click unsubscribe (RFC 8058 headers and a link).

Idempotence: a subscription remembers up to when it is covered (`covered_until`). A digest
lists public pages published or re-published after that moment and up to the start of the run,
and is only due once per period, so a second run (cron retry, a run by hand) sends nothing.
Each subscription is handled in its own transaction with the row locked: the watermark moves
only if the mail went out, and two concurrent runs never mail the same subscription.
"""

import logging
from datetime import timedelta
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from transfer import selection
from transfer.models import CONFIRMATION_DAYS, Frequency, Subscription

logger = logging.getLogger(__name__)

PERIODS = {Frequency.DAILY: timedelta(days=1), Frequency.WEEKLY: timedelta(days=7)}
# Cron does not start at the same second every day: a run up to this much early is still due.
DUE_TOLERANCE = timedelta(hours=2)
MAX_PAGES_PER_DIGEST = 50


def absolute(path):
    return urljoin(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/", path.lstrip("/"))


def unsubscribe_url(subscription):
    return absolute(reverse("transfer:unsubscribe", args=[subscription.token]))


def _message(subscription, subject, template, context):
    context = {
        **context,
        "subscription": subscription,
        "unsubscribe_url": unsubscribe_url(subscription),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(template, context),
        to=[subscription.email],
        headers={
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    return message


def send_confirmation(subscription):
    query = selection.parse(subscription.params)
    message = _message(
        subscription,
        "Bitte bestätigen Sie Ihr Abo beim Transferwiki Südwestfalen",
        "transfer/follow/confirm_email.txt",
        {
            "confirm_url": absolute(reverse("transfer:confirm", args=[subscription.token])),
            "choice": selection.describe(query),
            "days": CONFIRMATION_DAYS,
        },
    )
    return message.send()


def is_due(subscription, frequency, now):
    covered = subscription.covered_until or subscription.confirmed_at
    return covered is None or now - covered >= PERIODS[frequency] - DUE_TOLERANCE


def _send_one(subscription, frequency, now):
    try:
        query = selection.parse(subscription.params)
    except selection.QueryError:
        logger.warning("subscription %s: stored choice no longer valid", subscription.pk)
        return False
    since = subscription.covered_until or subscription.confirmed_at
    pages = list(selection.selected_pages(query, since=since, until=now, limit=MAX_PAGES_PER_DIGEST + 1))
    sent = False
    if pages:
        period = "Ihre tägliche" if frequency == Frequency.DAILY else "Ihre wöchentliche"
        message = _message(
            subscription,
            f"{period} Zusammenfassung: {len(pages[:MAX_PAGES_PER_DIGEST])} neue oder geänderte Seite{'' if len(pages) == 1 else 'n'}",
            "transfer/follow/digest_email.txt",
            {
                "pages": pages[:MAX_PAGES_PER_DIGEST],
                "more": len(pages) > MAX_PAGES_PER_DIGEST,
                "choice": selection.describe(query),
                "search_url": absolute(f"{reverse('search:page')}?{selection.normalise(query)}"),
                "since": since,
            },
        )
        message.send()  # raises on failure: the transaction rolls back, nothing is marked
        sent = True
        subscription.last_sent_at = now
    subscription.covered_until = now
    subscription.save(update_fields=["covered_until", "last_sent_at"])
    return sent


def send_digests(frequency, now=None):
    """Send the digests of one frequency; returns {"sent", "skipped", "failed", "purged"}."""
    now = now or timezone.now()
    stats = {"sent": 0, "skipped": 0, "failed": 0, "purged": Subscription.purge_unconfirmed(now)}
    candidates = Subscription.objects.filter(frequency=frequency, confirmed_at__isnull=False).values_list(
        "pk", flat=True
    )
    for pk in list(candidates):
        try:
            with transaction.atomic():
                subscription = Subscription.objects.select_for_update(skip_locked=True).filter(pk=pk).first()
                if subscription is None or not is_due(subscription, frequency, now):
                    stats["skipped"] += 1
                    continue
                if _send_one(subscription, frequency, now):
                    stats["sent"] += 1
                else:
                    stats["skipped"] += 1
        except Exception:  # one broken address or mail server hiccup must not stop the others
            logger.exception("digest for subscription %s failed", pk)
            stats["failed"] += 1
    return stats
