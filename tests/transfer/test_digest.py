"""E-mail digests: double opt-in, one-click unsubscribe, send_digests sends once per period."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.transfer.conftest import restrict
from transfer.digest import send_digests
from transfer.models import Subscription

ARNSBERG = "05958004"


def subscribe(client, capture, email="clerk@kommune.example", params="municipality=05958004", frequency="weekly"):
    with capture(execute=True):
        return client.post("/folgen/", {"email": email, "frequency": frequency, "params": params})


def link(message, name):
    return re.search(rf"http://testserver(/folgen/{name}/[^/\s]+/)", message.body).group(1)


@pytest.fixture
def confirmed(client, django_capture_on_commit_callbacks):
    def make(params="municipality=05958004", frequency="weekly", email="clerk@kommune.example"):
        subscribe(client, django_capture_on_commit_callbacks, email=email, params=params, frequency=frequency)
        client.post(link(mail.outbox[-1], "bestaetigen"))
        subscription = Subscription.objects.get(email=email)
        # Confirmed a week ago, so that pages published "today" are new and a digest is due.
        week_ago = timezone.now() - timedelta(days=8)
        Subscription.objects.filter(pk=subscription.pk).update(confirmed_at=week_ago, covered_until=week_ago)
        mail.outbox.clear()
        return subscription

    return make


def test_form_says_what_is_stored_and_validates_in_german(db, client):
    page = client.get("/folgen/?topic=mobilitaet").content.decode()
    assert "Handlungsfeld Mobilität" in page and "Wir speichern nur Ihre E-Mail-Adresse und diese Auswahl" in page
    assert "nach 7 Tagen" in page
    response = client.post("/folgen/", {"email": "kein-at", "frequency": "weekly", "params": "topic=mobilitaet"})
    assert response.status_code == 400 and "gültige E-Mail-Adresse" in response.content.decode()
    response = client.get("/folgen/?radius=5")
    assert response.status_code == 400 and "radius" in response.content.decode()
    assert not Subscription.objects.exists()


def test_double_opt_in(db, client, django_capture_on_commit_callbacks):
    response = subscribe(client, django_capture_on_commit_callbacks)
    assert response.status_code == 200 and "Fast geschafft" in response.content.decode()
    subscription = Subscription.objects.get()
    assert not subscription.is_confirmed
    [message] = mail.outbox
    assert message.to == ["clerk@kommune.example"] and "Kommune Arnsberg" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    confirm = link(message, "bestaetigen")
    assert client.get(confirm).status_code == 200  # a GET (mail scanner) does not confirm
    subscription.refresh_from_db()
    assert not subscription.is_confirmed
    client.post(confirm)
    subscription.refresh_from_db()
    assert subscription.is_confirmed
    # A repeated request neither duplicates the row nor tells anyone the address is known.
    again = subscribe(client, django_capture_on_commit_callbacks)
    assert "Fast geschafft" in again.content.decode() and Subscription.objects.count() == 1 and len(mail.outbox) == 1


def test_confirmation_link_expires_and_unconfirmed_are_purged(db, client, django_capture_on_commit_callbacks):
    subscribe(client, django_capture_on_commit_callbacks)
    Subscription.objects.update(created_at=timezone.now() - timedelta(days=8))
    assert client.post(link(mail.outbox[0], "bestaetigen")).status_code == 410
    assert send_digests("weekly")["purged"] == 1
    assert not Subscription.objects.exists()


def test_one_click_unsubscribe_deletes_the_address(db, client, confirmed):
    subscription = confirmed()
    url = f"/folgen/abmelden/{subscription.token}/"
    assert "Abo beenden" in client.get(url).content.decode()
    assert Subscription.objects.exists()  # GET alone changes nothing
    # RFC 8058: the mail client POSTs without a CSRF token.
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.exists()


def test_send_digests_sends_new_public_pages_once(db, client, confirmed, page_factory):
    arnsberg = confirmed()
    mobility = confirmed(params="topic=mobilitaet", frequency="daily", email="other@kommune.example")
    page_factory.case_study("Neue Mobilstation")
    page_factory.case_study("Noch Entwurf", live=False)
    restrict(page_factory.case_study("Intern"))
    page_factory.lesson("Soester Erfahrung", ags="05974040", topics=("Bildung",))

    call_command("send_digests", "--frequency", "weekly")
    [message] = mail.outbox
    assert message.to == [arnsberg.email]
    assert "Neue Mobilstation" in message.body
    assert "Noch Entwurf" not in message.body and "Intern" not in message.body and "Soester" not in message.body
    assert message.extra_headers["List-Unsubscribe"] == f"<http://testserver/folgen/abmelden/{arnsberg.token}/>"
    assert f"/folgen/abmelden/{arnsberg.token}/" in message.body

    call_command("send_digests", "--frequency", "weekly")  # re-run: nothing twice
    assert len(mail.outbox) == 1

    call_command("send_digests", "--frequency", "daily")
    assert [m.to for m in mail.outbox[1:]] == [[mobility.email]]
    assert "Neue Mobilstation" in mail.outbox[1].body


def test_changed_page_comes_again_next_period_and_unsubscribed_get_nothing(db, client, confirmed, page_factory):
    subscription = confirmed(frequency="daily")
    page = page_factory.case_study("Parkraum")
    later = timezone.now() + timedelta(days=1)
    send_digests("daily")
    assert len(mail.outbox) == 1
    page.save_revision().publish()  # changed and re-published
    Subscription.objects.filter(pk=subscription.pk).update(covered_until=timezone.now() - timedelta(seconds=1))
    assert send_digests("daily", now=later)["sent"] == 1
    assert "Parkraum" in mail.outbox[1].body
    client.post(f"/folgen/abmelden/{subscription.token}/")
    page.save_revision().publish()
    assert send_digests("daily", now=later + timedelta(days=1))["sent"] == 0
    assert len(mail.outbox) == 2


def test_search_subscription_uses_the_search(db, client, confirmed, page_factory):
    from search.backends.database import index as fallback_index

    subscription = confirmed(params="q=Bürgerbus")
    assert "Suche „Bürgerbus“" in client.get(f"/folgen/abmelden/{subscription.token}/").content.decode()
    for page in (page_factory.case_study("Bürgerbus im Dorf"), page_factory.case_study("Carsharing")):
        fallback_index.upsert_entry(page)
    assert send_digests("weekly")["sent"] == 1
    assert "Bürgerbus im Dorf" in mail.outbox[0].body and "Carsharing" not in mail.outbox[0].body


def test_confirmation_mails_per_address_are_capped(db, client, django_capture_on_commit_callbacks):
    for n in range(7):
        subscribe(client, django_capture_on_commit_callbacks, params=f"q=thema{n}")
    assert len(mail.outbox) == 5 and Subscription.objects.count() == 5
