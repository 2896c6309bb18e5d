"""Brute-force protection (django-axes, wiki/login_throttle.py): the admin login and Wagtail's
page-password form refuse even the right password after too many wrong ones, until the
cool-off has passed or the lock is reset; the lockout page is German."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from axes.utils import reset
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.wiki.conftest import ARNSBERG, make_page
from wiki.models import CaseStudyPage

pytestmark = pytest.mark.django_db
LIMIT = 5


@pytest.fixture(autouse=True)
def throttling(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = LIMIT


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("redakteurin", password="richtig-und-lang", is_staff=True)


def _login(client, password, **extra):
    return client.post(reverse("wagtailadmin_login"), {"username": "redakteurin", "password": password}, **extra)


def _logged_in(response):
    return response.status_code == 302 and "login" not in response["Location"]


def _locked(response):
    return response.status_code == 429 and "Zu viele Fehlversuche" in response.content.decode()


def test_right_password_is_refused_after_too_many_wrong_ones(client, editor):
    for _ in range(LIMIT):
        assert not _logged_in(_login(client, "falsch"))
    response = _login(client, "richtig-und-lang")
    assert _locked(response)
    assert "15 Minuten" in response.content.decode()


def test_login_works_again_after_the_cool_off(client, editor):
    for _ in range(LIMIT):
        _login(client, "falsch")
    assert _locked(_login(client, "richtig-und-lang"))
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert _logged_in(_login(client, "richtig-und-lang"))


def test_login_works_again_after_a_reset(client, editor):
    for _ in range(LIMIT):
        _login(client, "falsch")
    assert _locked(_login(client, "richtig-und-lang"))
    reset(username="redakteurin")
    assert _logged_in(_login(client, "richtig-und-lang"))


def test_forwarded_for_is_ignored_unless_a_proxy_is_trusted(client, editor, settings):
    for number in range(LIMIT):
        _login(client, "falsch", HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")
    # A client inventing a new X-Forwarded-For per attempt is still the same client.
    assert _locked(_login(client, "richtig-und-lang", HTTP_X_FORWARDED_FOR="198.51.100.99"))


def test_behind_a_trusted_proxy_the_forwarded_client_counts(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(LIMIT):
        _login(client, "falsch", HTTP_X_FORWARDED_FOR="spoofed, 198.51.100.7")
    assert _locked(_login(client, "richtig-und-lang", HTTP_X_FORWARDED_FOR="198.51.100.7"))
    # Another visitor behind the same proxy is not locked out.
    assert _logged_in(_login(client, "richtig-und-lang", HTTP_X_FORWARDED_FOR="198.51.100.8"))


@pytest.fixture
def protected_page(site_tree):
    page = make_page(CaseStudyPage, ARNSBERG, "Intern: Haushaltsplanung")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="seitenkennwort"
    )
    return page, restriction


def _page_password(client, protected_page, password):
    page, restriction = protected_page
    url = reverse("wagtailcore_authenticate_with_password", args=(restriction.pk, page.pk))
    return client.post(url, {"password": password, "return_url": page.url})


def test_page_password_is_refused_after_too_many_wrong_ones(client, protected_page):
    page, _ = protected_page
    assert client.get(page.url).status_code == 200  # the password form
    for _ in range(LIMIT - 1):
        assert _page_password(client, protected_page, "falsch").status_code == 200
    assert _locked(_page_password(client, protected_page, "falsch"))
    assert _locked(_page_password(client, protected_page, "seitenkennwort"))
    assert "Haushaltsplanung" not in client.get(page.url).content.decode()


def test_page_password_works_after_cool_off_and_clears_the_count(client, protected_page):
    for _ in range(LIMIT):
        _page_password(client, protected_page, "falsch")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    response = _page_password(client, protected_page, "seitenkennwort")
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()  # a correct password resets the record
