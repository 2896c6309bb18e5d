"""Legal and accessibility pages (home/legal.py): created by setup_site, linked in every
page's footer, editable by curators; the barrier feedback form stores, mails and refuses bad
input in German."""

from datetime import timedelta
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from home.feedback import AccessibilityFeedback
from home.legal import AccessibilityStatementPage, EasyLanguagePage, ImprintPage, PrivacyPage

pytestmark = pytest.mark.django_db
FOOTER = ["Impressum", "Datenschutz", "Barrierefreiheit", "Leichte Sprache"]


@pytest.fixture
def legal_site(site_tree):
    call_command("setup_site", stdout=StringIO())
    return AccessibilityStatementPage.objects.get()


def footer_links(html):
    """The footer's links to legal pages, in their order (other footer links left out)."""
    footer = BeautifulSoup(html, "html.parser").find("footer")
    return [(a.get_text(strip=True), a["href"]) for a in footer.find_all("a") if a.get_text(strip=True) in FOOTER]


def test_setup_site_creates_each_legal_page_once_and_keeps_curators_text(legal_site):
    for model in (ImprintPage, PrivacyPage, AccessibilityStatementPage, EasyLanguagePage):
        assert model.objects.live().count() == 1
    imprint = ImprintPage.objects.get()
    imprint.body = "<p>Eigener Text der Redaktion</p>"
    imprint.save_revision().publish()
    call_command("setup_site", stdout=StringIO())
    assert ImprintPage.objects.count() == 1
    assert ImprintPage.objects.get().body == "<p>Eigener Text der Redaktion</p>"


@pytest.mark.parametrize("path", ["/", "/suche/", "/kommunen/arnsberg/", "/schlagwoerter/", "/barrierefreiheit/"])
def test_every_page_links_the_legal_pages_in_its_footer(client, legal_site, path):
    response = client.get(path)
    assert response.status_code == 200
    assert footer_links(response.content) == [
        ("Impressum", "/impressum/"),
        ("Datenschutz", "/datenschutz/"),
        ("Barrierefreiheit", "/barrierefreiheit/"),
        ("Leichte Sprache", "/leichte-sprache/"),
    ]


def test_unpublished_legal_page_leaves_the_footer(client, legal_site):
    EasyLanguagePage.objects.get().unpublish()
    assert [label for label, _ in footer_links(client.get("/").content)] == FOOTER[:3]


def test_accessibility_statement_has_what_bitv_nrw_asks_for(client, legal_site):
    html = client.get("/barrierefreiheit/").content.decode()
    for part in (
        "Stand der Vereinbarkeit",
        "teilweise vereinbar",
        "Nicht barrierefreie Inhalte",
        "Feedback und Kontaktangaben",
        "Durchsetzungsverfahren",
        "Ombudsstelle für barrierefreie Informationstechnik",
        "Diese Erklärung wurde am",
    ):
        assert part in html, part
    soup = BeautifulSoup(html, "html.parser")
    form = soup.find("form", attrs={"method": "post"})
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"}) is not None
    for field in ("message", "page_url", "name", "email"):
        assert soup.find("label", attrs={"for": f"id_{field}"}) is not None


def test_feedback_is_stored_and_confirmed_to_the_sender(client, legal_site):
    legal_site.feedback_email = "barrierefreiheit@example.org"
    legal_site.save_revision().publish()
    response = client.post(
        "/barrierefreiheit/",
        {
            "message": "Die PDF-Vorlage aus Olpe hat keine Überschriften.",
            "page_url": "/kommunen/olpe/",
            "name": "Eva Muster",
            "email": "eva@example.org",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/barrierefreiheit/?gesendet=1#rueckmeldung"
    feedback = AccessibilityFeedback.objects.get()
    assert (feedback.name, feedback.email, feedback.page_url) == ("Eva Muster", "eva@example.org", "/kommunen/olpe/")
    assert feedback.handled is False
    confirmation, notice = mail.outbox
    assert confirmation.to == ["eva@example.org"]
    assert "Guten Tag Eva Muster" in confirmation.body and "keine Überschriften" in confirmation.body
    assert notice.to == ["barrierefreiheit@example.org"]
    assert f"/admin/snippets/home/accessibilityfeedback/edit/{feedback.pk}/" in notice.body
    thanks = client.get(response["Location"]).content.decode()
    assert "Vielen Dank! Ihre Rückmeldung ist bei uns eingegangen." in thanks


def test_anonymous_feedback_needs_only_the_description(client, legal_site):
    assert client.post("/barrierefreiheit/", {"message": "Der Fokus ist kaum zu sehen."}).status_code == 302
    assert AccessibilityFeedback.objects.get().email == ""
    assert mail.outbox == []  # nobody to confirm to, no feedback address set


@pytest.mark.parametrize(
    "data, message",
    [
        ({"message": ""}, "Bitte beschreiben Sie die Barriere."),
        ({"message": "Text", "email": "keine-adresse"}, "Bitte geben Sie eine gültige E-Mail-Adresse an"),
        ({"message": "x" * 5001}, "Bitte fassen Sie sich kürzer (höchstens 5000 Zeichen, jetzt 5001)."),
        ({"message": "Text\x00versteckt"}, "unsichtbare Steuerzeichen"),
    ],
)
def test_bad_feedback_is_refused_in_german_and_nothing_is_stored(client, legal_site, data, message):
    response = client.post("/barrierefreiheit/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html
    assert AccessibilityFeedback.objects.count() == 0
    assert mail.outbox == []


def test_feedback_without_csrf_token_is_refused(legal_site):
    response = Client(enforce_csrf_checks=True).post("/barrierefreiheit/", {"message": "Ohne Token"})
    assert response.status_code == 403
    assert AccessibilityFeedback.objects.count() == 0


def test_old_feedback_is_deleted_after_the_retention_period(client, legal_site):
    old = AccessibilityFeedback.objects.create(message="Alt")
    AccessibilityFeedback.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=366))
    client.post("/barrierefreiheit/", {"message": "Neu"})
    assert list(AccessibilityFeedback.objects.values_list("message", flat=True)) == ["Neu"]


def test_curators_read_feedback_and_edit_the_legal_pages(client, legal_site):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from wiki.permissions import CURATOR_GROUP

    curator = get_user_model().objects.create_user("kuratorin-recht", password="pw")
    curator.groups.add(Group.objects.get(name=CURATOR_GROUP))
    AccessibilityFeedback.objects.create(message="Kontrast im Kopfbereich")
    client.force_login(curator)
    listing = client.get(reverse("wagtailsnippets_home_accessibilityfeedback:list"))
    assert listing.status_code == 200
    assert "Kontrast im Kopfbereich" in listing.content.decode()
    for model in (ImprintPage, PrivacyPage, AccessibilityStatementPage, EasyLanguagePage):
        # The starter text must open in the rich-text editor (Draftail refuses some HTML).
        assert client.get(reverse("wagtailadmin_pages:edit", args=(model.objects.get().pk,))).status_code == 200
