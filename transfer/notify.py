"""E-mail to the editors of town A when town B records an adoption of A's page."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string

from transfer.adoptions import is_adoptable, public_own_case_study
from wiki.permissions import editor_group_name

logger = logging.getLogger(__name__)


def author_editor_addresses(municipality):
    users = (
        get_user_model().objects.filter(groups__name=editor_group_name(municipality), is_active=True).exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


def notify_authors(adoption, changed=False):
    """Tell A's editors. Nothing is sent for a page that is not public (its title and
    content must not leave the wiki in a mail)."""
    page = adoption.page
    if not is_adoptable(page):
        return 0
    recipients = author_editor_addresses(page.municipality)
    if not recipients:
        return 0
    context = {
        "adoption": adoption,
        "page": page,
        "page_url": page.full_url,
        "own_case_study": public_own_case_study(adoption),
        "changed": changed,
        "site_name": getattr(settings, "WAGTAIL_SITE_NAME", "Transferwiki"),
    }
    verb = "hat den Stand geändert" if changed else "hat übernommen"
    subject = " ".join(f"{adoption.municipality.name} {verb}: {page.title}".split())  # one header line
    body = render_to_string("transfer/adoptions/notification_email.txt", context)
    try:
        # One mail per recipient: editors of A do not need each other's addresses.
        return sum(send_mail(subject, body, None, [address]) for address in recipients)
    except OSError:
        # The adoption is saved either way; a mail server outage must not lose it.
        logger.exception("adoption notification could not be sent")
        return 0
