"""The knowledge page admin form refuses what the browser UI would never send: control
characters in text fields and documents the editor may not choose (wiki/page_forms.py);
the Atom feed survives control characters that reached a title anyway."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from wiki.document_access import documents_visible_to, is_document_public, public_documents
from wiki.models import CaseStudyPage, KnowledgeDocument, TemplatePage, Topic
from wiki.permissions import town_collection
from wiki.slugs import german_slug

from .conftest import ARNSBERG, SOEST, make_page, town
from .test_permissions import case_study_form, form_errors

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _document(title, collection):
    document = KnowledgeDocument(title=title, collection=collection)
    document.file.save(f"{german_slug(title)}.txt", ContentFile(f"{title}: Text der Vorlage.".encode()), save=False)
    document.save()
    return document


def template_form(title, documents):
    mobility = Topic.objects.get(name="Mobilität")
    data = {
        "title": title,
        "slug": german_slug(title),
        "summary": "Muster für den Rat.",
        "template_kind": "other",
        "licence": "CC BY 4.0",
        "tag_suggestions": "",
        "description": rich_text("<p>Beschreibung</p>"),
        "documents": inline_formset([{"document": str(document.pk)} for document in documents], min=1),
        "comments": inline_formset([]),
    }
    return {**nested_form_data(data), "topics": [str(mobility.pk)], "tags": [], "case_studies": []}


def _add_template(client, title, documents):
    url = reverse("wagtailadmin_pages:add", args=("wiki", "templatepage", town(ARNSBERG).pk))
    return client.post(url, template_form(title, documents))


def _document_errors(response):
    errors = form_errors(response)
    return " ".join(str(e) for form in errors["formsets"]["documents"] for e in form.get("document", []))


def test_title_with_escape_is_refused_with_a_german_message(client, editor_arnsberg):
    client.force_login(editor_arnsberg)
    url = reverse("wagtailadmin_pages:add", args=("wiki", "casestudypage", town(ARNSBERG).pk))
    response = client.post(url, case_study_form("Parken\x1b[31m rot", slug="parken-rot"))
    assert response.status_code == 200
    assert "Steuerzeichen" in " ".join(form_errors(response)["form"].get("title", []))
    response = client.post(url, case_study_form("Parken", slug="parken", summary="Kurz\x07 und knapp"))
    assert "Steuerzeichen" in " ".join(form_errors(response)["form"].get("summary", []))
    assert not CaseStudyPage.objects.filter(slug__in=["parken-rot", "parken"]).exists()


def test_ordinary_line_breaks_and_tabs_are_fine(client, editor_arnsberg):
    client.force_login(editor_arnsberg)
    url = reverse("wagtailadmin_pages:add", args=("wiki", "casestudypage", town(ARNSBERG).pk))
    response = client.post(url, case_study_form("Winterdienst", summary="Zeile eins\r\nZeile\tzwei"))
    assert response.status_code == 302, form_errors(response)


def test_editor_may_attach_own_towns_document(client, editor_arnsberg):
    own = _document("Ratsvorlage Arnsberg", town_collection(town(ARNSBERG).municipality))
    client.force_login(editor_arnsberg)
    response = _add_template(client, "Vorlage Parken", [own])
    assert response.status_code == 302, form_errors(response)
    assert TemplatePage.objects.get(title="Vorlage Parken").documents.get().document == own


def test_forged_document_of_another_town_is_refused(client, editor_arnsberg):
    foreign = _document("Interne Ratsvorlage Soest", town_collection(town(SOEST).municipality))
    client.force_login(editor_arnsberg)
    assert foreign not in documents_visible_to(editor_arnsberg)
    response = _add_template(client, "Vorlage mit fremdem Dokument", [foreign])
    assert response.status_code == 200
    assert "Dieses Dokument dürfen Sie nicht auswählen" in _document_errors(response)
    assert not TemplatePage.objects.filter(title="Vorlage mit fremdem Dokument").exists()


def test_forged_document_of_a_private_collection_is_refused(client, editor_arnsberg):
    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    secret = _document("Personalplanung", private)
    client.force_login(editor_arnsberg)
    response = _add_template(client, "Vorlage mit privatem Dokument", [secret])
    assert "Dieses Dokument dürfen Sie nicht auswählen" in _document_errors(response)
    assert not is_document_public(secret)
    assert secret not in public_documents()


def test_documents_below_a_restricted_collection_are_not_public():
    private = Collection.get_first_root_node().add_child(name="Vertraulich")
    below = private.add_child(name="Haushalt")
    open_collection = Collection.get_first_root_node().add_child(name="Offen")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    hidden, shown = _document("Haushaltsentwurf", below), _document("Satzung", open_collection)
    hidden.refresh_from_db()
    assert hidden.collection == below, (hidden.collection, below, below.path, private.path)
    assert not is_document_public(hidden) and is_document_public(shown)
    assert list(public_documents().filter(pk__in=[hidden.pk, shown.pk])) == [shown]


def test_feed_survives_control_characters_in_a_published_title(client, site_tree):
    page = make_page(CaseStudyPage, ARNSBERG, "Parksensoren am Neumarkt")
    # As the importer or an old admin might have stored it, bypassing the form.
    CaseStudyPage.objects.filter(pk=page.pk).update(title="Parksensoren\x1b am\x0b Neumarkt", summary="Kurz\x07 gesagt")
    response = client.get("/neu.xml")
    assert response.status_code == 200
    feed = BeautifulSoup(response.content, "xml")
    titles = [entry.title.text for entry in feed.find_all("entry")]
    assert "Fallstudie: Parksensoren am Neumarkt (Arnsberg)" in titles
    from xml.etree import ElementTree

    ElementTree.fromstring(response.content)  # well-formed XML
