"""How knowledge pages become search documents (search/documents.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.documents import build_document, build_documents, build_documents_by_id
from tests.search.factories import make_page, tag
from wiki.page_text import html_to_text

ARNSBERG, OLPE, SOEST = "05958004", "05966024", "05974040"


@pytest.fixture
def case_study(site_tree):
    mobility = tag("Mobilität")
    sharing = tag("Carsharing", parent=mobility)
    return make_page(
        ARNSBERG,
        "Smarte Straßenbeleuchtung mit LoRaWAN",
        "Sensoren schalten die Straßenlaternen nach Bedarf.",
        body=["Die Städte sparen Strom &amp; Geld.", "Ein <b>Pilot</b> im Quartier."],
        topics=("energie-und-klima", "mobilitaet"),
        tags=[sharing, "LoRaWAN"],
        partners=(OLPE,),
        external_id="SWF-001",
        start_year=2021,
    )


def test_document_carries_display_filter_and_analysed_fields(case_study):
    doc = build_document(case_study)
    assert doc["id"] == case_study.pk and doc["external_id"] == "SWF-001"
    assert doc["type"] == "case_study" and doc["phase"] == "pilot" and doc["start_year"] == 2021
    assert doc["url"] == case_study.url and doc["url"].startswith("/kommunen/arnsberg/")
    assert doc["municipality"]["ags"] == ARNSBERG
    assert doc["municipality"]["district"] == "05958"
    assert doc["municipality"]["district_name"] == "Hochsauerlandkreis"
    assert doc["municipality"]["pioneer"] is True
    assert doc["municipality"]["size_class"] == "gte50k"
    assert set(doc["municipality"]["location"]) == {"lat", "lon"}
    assert [p["ags"] for p in doc["partners"]] == [OLPE]
    assert {t["slug"] for t in doc["topics"]} == {"energie-und-klima", "mobilitaet"}
    assert {t["name"] for t in doc["tags"]} == {"Carsharing", "LoRaWAN"}
    # the parent tag counts for filters and text, but is not shown as the page's own tag
    assert [t["name"] for t in doc["tag_ancestors"]] == ["Mobilität"]
    assert set(doc["tag_slugs"]) == {"carsharing", "lorawan", "mobilitaet"}
    # body is plain text: markup gone, entities decoded, section kinds not leaked as words
    assert "Die Städte sparen Strom & Geld." in doc["body"] and "<b>" not in doc["body"]
    assert "implementation" not in doc["body"]
    # German analysis: stems, compound parts, acronyms kept whole, tag parents in meta terms
    title_terms = doc["title_terms"].split()
    assert "beleucht" in title_terms and "lorawan" in title_terms
    assert "stadt" in doc["body_terms"].split()
    assert "mobilitat" in doc["meta_terms"].split() or "mobilitaet" in doc["meta_terms"].split()
    assert "arnsberg" in doc["place_terms"].split()
    assert "strassenbeleuchtung" in doc["title_prefixes"]
    assert doc["first_published_at"] and doc["sort_date"]


def test_drafts_private_and_non_knowledge_pages_are_not_indexed(site_tree):
    draft = make_page(ARNSBERG, "Entwurf zur Bürgerbeteiligung", publish=False)
    private = make_page(OLPE, "Interne Ratsvorlage", restricted=True)
    public = make_page(SOEST, "Offene Daten Portal")
    town_page = public.get_parent()
    assert build_document(draft) is None
    assert build_document(private) is None
    assert build_document(town_page) is None
    assert build_document(public) is not None
    assert build_documents_by_id([draft.pk, private.pk, public.pk, town_page.pk]) == {
        draft.pk: None,
        private.pk: None,
        public.pk: build_document(public),
        town_page.pk: None,
    }


def test_page_below_a_restricted_page_is_private(site_tree):
    from wagtail.models import PageViewRestriction

    page = make_page(SOEST, "Parkraum digital")
    PageViewRestriction.objects.create(page=page.get_parent(), restriction_type=PageViewRestriction.LOGIN)
    assert build_document(page) is None


def test_unpublished_page_drops_out(site_tree):
    page = make_page(SOEST, "Digitale Bauakte")
    assert build_document(page) is not None
    page.unpublish()
    assert build_document(page) is None


def test_template_document_text_is_indexed(site_tree):
    from django.core.files.base import ContentFile

    from wiki.models import KnowledgeDocument, TemplatePageDocument

    page = make_page(OLPE, "Muster-Ratsvorlage Glasfaser", kind="template", body=["Beschluss zum Ausbau."])
    text = "Der Rat beschließt die Breitbandförderung."
    document = KnowledgeDocument(
        title="Ratsvorlage Glasfaserausbau", file=ContentFile(text.encode(), name="vorlage.txt")
    )
    document.extracted_text = text
    document.save()
    TemplatePageDocument.objects.create(page=page, document=document)
    doc = build_document(page)
    assert "Breitbandförderung" in doc["document_text"]
    assert "Ratsvorlage Glasfaserausbau" in doc["document_text"]
    assert doc["type"] == "template" and doc["phase"] is None
    assert "beschluss" in doc["body_terms"].split()


def test_bulk_build_uses_a_fixed_number_of_queries(site_tree):
    pages = [make_page(ARNSBERG, f"Projekt {i}", tags=["LoRaWAN"], partners=(OLPE,)) for i in range(3)]
    pages += [make_page(SOEST, f"Erfahrung {i}", kind="lesson", tags=["Sensorik"]) for i in range(3)]
    with CaptureQueriesContext(connection) as few:
        build_documents(pages[:1])
    with CaptureQueriesContext(connection) as many:
        docs = build_documents(pages)
    assert len(docs) == 6
    assert len(many.captured_queries) == len(few.captured_queries)


@pytest.mark.parametrize(
    "text",
    [
        "Die Städte sparen mit smarter Straßenbeleuchtung und LoRaWAN-Sensoren Strom.",
        "OZG-Umsetzung: E-Akte, eAkte, KITAs, 5G, 2024 und die Smart-City-Strategie der Stadt.",
        "Bürgerbeteiligung — Buergerbeteiligung; Strasse/Straße, Café & Co. 'Zitat' \"Zitat\"",
        "",
    ],
)
def test_bulk_term_path_equals_the_analysis_module(text):
    from search.analysis import index_text
    from search.document_terms import terms_text as _terms_text

    assert _terms_text(text) == index_text(text)
    assert _terms_text(text) == index_text(text)  # cached


def test_html_to_text_keeps_words_apart():
    assert html_to_text("<p>Eins</p><p>Zwei</p><ul><li>Drei</li></ul>") == "Eins Zwei Drei"
    assert (
        html_to_text("<p>Straßen<b>beleuchtung</b> &amp; <a href='/x'>mehr</a><br/>Ende</p>")
        == "Straßenbeleuchtung & mehr Ende"
    )
    assert html_to_text(None) == ""


def _document_from_page_object(page):
    """The document as built from a full page instance (the path before the rebuild read
    plain column values): the reference for the values()-based build."""
    from search.documents import _document, _Reference, _UrlResolver

    page = page.specific_class.objects.get(pk=page.pk)
    partners = list(page.partner_municipalities.values_list("pk", flat=True)) if page.TYPE_CODE == "case_study" else []
    parts = []
    if page.TYPE_CODE == "template":
        for item in page.documents.order_by("sort_order", "pk"):
            parts += [item.document.title or "", item.document.extracted_text or ""]
    through = type(page).tags.through
    return _document(
        page,
        _Reference(),
        _UrlResolver()(page),
        list(
            type(page)
            .topics.through.objects.filter(knowledgepage_id=page.pk)
            .order_by("pk")
            .values_list("topic_id", flat=True)
        ),
        list(through.objects.filter(knowledgepage_id=page.pk).order_by("pk").values_list("tag_id", flat=True)),
        partners,
        parts,
    )


def test_column_values_give_the_same_document_as_the_page_object_for_every_type(site_tree):
    from django.core.files.base import ContentFile

    from wiki.models import KnowledgeDocument, TemplatePageDocument

    case = make_page(
        ARNSBERG,
        "Smarte Straßenbeleuchtung",
        "Kurz.",
        body=["Die Städte sparen <b>Strom</b>.", "Zweiter Abschnitt."],
        tags=[tag("Carsharing", parent=tag("Mobilität")), "LoRaWAN"],
        partners=(OLPE, SOEST),
        start_year=2020,
        effort_time="6 Monate",
        funding_programme="Smart Cities",
        licence="MIT",
    )
    lesson = make_page(SOEST, "Erfahrung mit der E-Akte", kind="lesson", body=["Erst Abläufe klären.", "Dann kaufen."])
    template = make_page(
        OLPE,
        "Muster-Ratsvorlage Glasfaser",
        kind="template",
        body=["Beschluss &amp; Ausbau."],
        template_kind="council_paper",
    )
    document = KnowledgeDocument(title="Ratsvorlage", file=ContentFile(b"x", name="vorlage.txt"))
    document.extracted_text = "Der Rat beschließt die Breitbandförderung."
    document.save()
    TemplatePageDocument.objects.create(page=template, document=document)

    for page in (case, lesson, template):
        assert build_document(page) == _document_from_page_object(page), page.TYPE_CODE
    assert "Smart Cities" in build_document(case)["body"] and "6 Monate" in build_document(case)["body"]
    assert build_document(template)["body"].startswith("Ratsvorlage")


def test_id_range_read_of_the_rebuild_leaves_out_drafts_and_restricted_pages(site_tree):
    from search.documents import assemble_documents, load_pages

    first = make_page(ARNSBERG, "Erste öffentliche Seite", tags=["Sensorik"])
    draft = make_page(ARNSBERG, "Entwurf dazwischen", publish=False)
    private = make_page(OLPE, "Geschützt dazwischen", restricted=True)
    last = make_page(SOEST, "Letzte öffentliche Seite", kind="lesson", tags=["LoRaWAN"])
    ids = [first.pk, last.pk]
    by_range = assemble_documents(load_pages(ids, contiguous=True))
    assert by_range == build_documents_by_id(ids)
    assert set(by_range) == {first.pk, last.pk} and all(by_range.values())
    assert draft.pk not in by_range and private.pk not in by_range


def test_page_batch_survives_pickling_for_the_worker_processes(case_study):
    import pickle

    from search.documents import assemble_documents, load_pages

    batch = load_pages([case_study.pk])
    assert assemble_documents(pickle.loads(pickle.dumps(batch))) == {case_study.pk: build_document(case_study)}
