"""A document in a login-restricted collection lends nothing to what anonymous visitors see:
neither its text nor its title reaches the search index (either backend, also after a
rebuild), a snippet, the similar pages, the feed or the open-data export; restricting or opening a
collection later, or moving a document between collections, updates the index."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction

from search.backends.elasticsearch.rebuild import rebuild
from search.models import SearchEntry
from tests.search.factories import make_page
from tests.search.sync_helpers import ARNSBERG, publish
from wiki.exports.records import iter_records
from wiki.models import KnowledgeDocument, TemplatePageDocument

SECRET = "Zauberbohnenvertrag"  # only in the private document
SECRET_TITLE = "Personalakte Kämmerei"
PUBLIC = "Parkscheinautomaten"  # only in the public document


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _collection(name, restricted=False):
    collection = Collection.get_first_root_node().add_child(name=name)
    if restricted:
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    return collection


def _document(title, text, collection):
    document = KnowledgeDocument(title=title, collection=collection)
    document.file.save("vorlage.txt", ContentFile(text.encode()), save=False)
    document.save()
    return document


def _template_with_documents(*documents):
    page = make_page(ARNSBERG, "Vorlage Personalrat", "Muster für die Dienstvereinbarung.", kind="template")
    for document in documents:
        TemplatePageDocument.objects.create(page=page, document=document)
    return publish(page)


def _private_and_public():
    private = _document(
        SECRET_TITLE, f"Der {SECRET} regelt die Kündigungsfristen.", _collection("Intern", restricted=True)
    )
    public = _document("Muster Parkraum", f"Die Stadt stellt {PUBLIC} auf.", _collection("Öffentlich"))
    return private, public


def _anonymous_sees(client, page, backend):
    """What an anonymous visitor learns about `page` from /api/search/ and /suche/."""
    found = client.get("/api/search/", {"q": SECRET}).json()
    assert found["backend"] == backend
    assert page.pk not in [hit["id"] for hit in found["results"]]
    assert page.pk in [hit["id"] for hit in client.get("/api/search/", {"q": PUBLIC}).json()["results"]]
    by_title = client.get("/api/search/", {"q": "Personalrat Kündigungsfristen Kämmerei"}).json()
    for hit in by_title["results"]:
        assert SECRET not in hit["snippet"] and "Kämmerei" not in hit["snippet"]
    listed = _result_list(client, SECRET)
    assert "Vorlage Personalrat" not in listed
    listed = _result_list(client, PUBLIC)
    assert "Vorlage Personalrat" in listed and SECRET not in listed and "Kämmerei" not in listed


def _result_list(client, q):
    """Text of the result list of /suche/ (the query itself is echoed elsewhere on the page)."""
    results = BeautifulSoup(client.get("/suche/", {"q": q}).content, "html.parser").select_one("ol.result-list")
    return results.get_text(" ") if results is not None else ""


@pytest.mark.elasticsearch
def test_private_document_text_is_never_in_elasticsearch(client, index):
    private, public = _private_and_public()
    with index.committing():
        page = _template_with_documents(private, public)
    source = index.source(page)
    assert PUBLIC in source["document_text"] and "Muster Parkraum" in source["document_text"]
    assert SECRET not in json.dumps(source, ensure_ascii=False) and SECRET_TITLE not in source["document_text"]
    _anonymous_sees(client, page, "elasticsearch")

    rebuild(grace_seconds=0)
    assert SECRET not in json.dumps(index.source(page), ensure_ascii=False)
    _anonymous_sees(client, page, "elasticsearch")


@pytest.mark.elasticsearch
def test_similar_pages_do_not_match_on_private_text(index):
    from search import service
    from search.backends.elasticsearch import ElasticsearchBackend

    private, _public = _private_and_public()
    with index.committing():
        template = _template_with_documents(private)
        about_secret = make_page(
            ARNSBERG, f"{SECRET} und Kündigungsfristen", f"Alles zum {SECRET} und zu Kündigungsfristen."
        )
    similar = service.similar(about_secret, backend=ElasticsearchBackend(index.es))
    assert template.pk not in [hit.id for hit in similar]


def test_private_document_text_is_never_in_the_database_index(
    client, site_tree, django_capture_on_commit_callbacks, settings
):
    settings.ELASTICSEARCH_URL = None
    private, public = _private_and_public()
    with django_capture_on_commit_callbacks(execute=True):
        page = _template_with_documents(private, public)
    entry = SearchEntry.objects.get(page_id=page.pk)
    assert SECRET not in json.dumps(entry.document, ensure_ascii=False)
    assert "zauberbohn" not in entry.all_terms and "zauberbohn" not in entry.document_terms
    _anonymous_sees(client, page, "database")

    call_command("search_rebuild", "--database")
    assert SECRET not in json.dumps(SearchEntry.objects.get(page_id=page.pk).document, ensure_ascii=False)
    _anonymous_sees(client, page, "database")


@pytest.mark.elasticsearch
def test_restricting_a_collection_later_removes_the_text_and_opening_it_brings_it_back(index):
    department = _collection("Fachbereich Personal")
    below = department.add_child(name="Dienstvereinbarungen")
    document = _document("Dienstvereinbarung", f"Der {SECRET} gilt ab Januar.", below)
    with index.committing():
        page = _template_with_documents(document)
    assert SECRET in index.source(page)["document_text"]

    with index.committing():
        restriction = CollectionViewRestriction.objects.create(
            collection=department, restriction_type=CollectionViewRestriction.LOGIN
        )
    assert SECRET not in index.source(page)["document_text"]
    with index.committing():
        restriction.delete()
    assert SECRET in index.source(page)["document_text"]


@pytest.mark.elasticsearch
def test_moving_a_document_into_a_private_collection_removes_its_text(index):
    document = _document("Dienstvereinbarung", f"Der {SECRET} gilt ab Januar.", _collection("Offen"))
    with index.committing():
        page = _template_with_documents(document)
    assert SECRET in index.source(page)["document_text"]
    with index.committing():
        document.collection = _collection("Geschlossen", restricted=True)
        document.save()
    assert SECRET not in index.source(page)["document_text"]


def test_feed_names_no_private_document(client, site_tree):
    private, _public = _private_and_public()
    _template_with_documents(private)
    feed = client.get(reverse("wiki:feed_new")).content.decode()
    assert "Vorlage Personalrat" in feed
    assert SECRET not in feed and SECRET_TITLE not in feed


def test_export_names_no_private_document(site_tree):
    private, public = _private_and_public()
    both = _template_with_documents(private, public)
    only_public = make_page(ARNSBERG, "Vorlage Parken", kind="template")
    TemplatePageDocument.objects.create(page=only_public, document=public)
    only_public = publish(only_public)
    records = {record["title"]: record for record in iter_records()}
    assert SECRET_TITLE not in json.dumps(list(records.values()), ensure_ascii=False)
    # Left out entirely (not shortened), so a re-import does not detach the private document.
    assert "documents" not in records[both.title]
    assert records[only_public.title]["documents"] == ["Muster Parkraum"]


def test_public_page_names_only_documents_anonymous_visitors_may_download(client, site_tree):
    private, public = _private_and_public()
    page = _template_with_documents(private, public)
    html = client.get(page.url).content.decode()
    assert public.title in html
    assert SECRET_TITLE not in html
