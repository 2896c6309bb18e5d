"""E-mail from EMAIL_URL (config/settings/mail.py) and loud failures of review mail (wiki/mail.py)."""

import logging

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.settings.mail import email_settings


def test_smtp_url_with_starttls_and_encoded_password():
    parsed = email_settings("smtp://wiki%40stadt.de:ge%2Fheim@mail.example.org:587?tls=1&timeout=5")
    assert parsed == {
        "EMAIL_BACKEND": "wiki.mail.ReportingEmailBackend",
        "EMAIL_HOST": "mail.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "wiki@stadt.de",
        "EMAIL_HOST_PASSWORD": "ge/heim",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 5.0,
    }


def test_smtps_defaults_to_port_465_and_console_needs_no_host():
    parsed = email_settings("smtps://mail.example.org")
    assert (parsed["EMAIL_PORT"], parsed["EMAIL_USE_SSL"], parsed["EMAIL_USE_TLS"]) == (465, True, False)
    assert email_settings("console://")["EMAIL_BACKEND"].endswith("console.EmailBackend")


@pytest.mark.parametrize("url", ["http://mail.example.org", "smtp://", "smtp://host:port"])
def test_bad_urls_stop_the_start_with_a_german_message(url):
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        email_settings(url)


@pytest.mark.django_db
def test_review_mail_that_cannot_be_sent_is_logged_and_shown(client, settings, caplog, roles, closed_port):
    from tests.wiki.conftest import ARNSBERG, _user, town
    from tests.wiki.test_permissions import submit_case_study
    from wiki.permissions import editor_group_name

    settings.EMAIL_BACKEND = "wiki.mail.ReportingEmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port, 2
    _user("pruefer", roles["curators"])  # a curator with an e-mail address receives the request
    editor = _user("redaktion", roles["editors"][editor_group_name(town(ARNSBERG).municipality)])
    client.force_login(editor)
    with caplog.at_level(logging.ERROR, logger="wiki.mail"):
        response = submit_case_study(client, town(ARNSBERG), "Winterdienst mit Sensoren")
    assert response.status_code == 302  # the page is saved and submitted all the same
    assert any(
        record.levelno == logging.ERROR and "pruefer@example.org" in record.getMessage() for record in caplog.records
    )
    page = client.get(response["Location"]).content.decode()
    assert "konnte nicht verschickt werden" in page
