"""Demo log-ins exist only where load_demo ran on a development installation."""

from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import RequestFactory

from wiki.demo.accounts import DEMO_ACCOUNTS, DemoAccountsRefused, create_demo_accounts, ensure_demo_accounts

pytestmark = pytest.mark.django_db


def test_setup_site_creates_no_demo_account(site_tree):
    call_command("setup_site", stdout=StringIO())
    names = [account.username for account in DEMO_ACCOUNTS.values()]
    assert not get_user_model().objects.filter(username__in=names).exists()


def test_demo_accounts_log_in_with_the_documented_passwords(site_tree, settings):
    settings.DEBUG = True
    call_command("setup_site", stdout=StringIO())
    lines = []
    assert create_demo_accounts(lines.append) is True
    # The admin login goes through django-axes, which needs the request.
    login = RequestFactory().post("/admin/login/")
    curator = authenticate(login, username="demo-kuratorin", password="Kuratorin-Demo-2026")
    editor = authenticate(login, username="demo-redaktion-arnsberg", password="Redaktion-Demo-2026")
    assert curator is not None and editor is not None
    assert list(curator.groups.values_list("name", flat=True)) == ["Kuratorinnen und Kuratoren"]
    assert list(editor.groups.values_list("name", flat=True)) == ["Redaktion Arnsberg"]
    text = "\n".join(lines)
    assert "/admin/" in text and "Kuratorin-Demo-2026" in text and "Redaktion-Demo-2026" in text
    ensure_demo_accounts()  # twice: same accounts
    assert get_user_model().objects.filter(username__startswith="demo-").count() == 2


def test_refused_without_debug(site_tree, settings):
    settings.DEBUG = False
    with pytest.raises(DemoAccountsRefused, match="DEBUG ist ausgeschaltet"):
        ensure_demo_accounts()
    lines = []
    assert create_demo_accounts(lines.append) is False
    assert lines == ["Demo-Konten werden nicht angelegt: DEBUG ist ausgeschaltet."]
    assert not get_user_model().objects.filter(username__startswith="demo-").exists()


def test_refused_under_production_settings_even_with_debug(site_tree, settings, monkeypatch):
    settings.DEBUG = True
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "config.settings.production")
    with pytest.raises(DemoAccountsRefused, match="Produktionseinstellungen"):
        ensure_demo_accounts()
    assert not get_user_model().objects.filter(username__startswith="demo-").exists()
