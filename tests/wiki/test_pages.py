"""Public pages render every page type in German with all of its fields, and never link to
drafts or restricted pages."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import PageViewRestriction

from wiki.models import ContactPerson, KnowledgeDocument, Municipality, MunicipalityIndexPage, Tag, TemplatePageDocument

from .conftest import ARNSBERG, SOEST, town

pytestmark = pytest.mark.django_db


def html_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert len(re.findall(r"<h1[ >]", html)) == 1
    return html


def text_of(html):
    """Visible text with tags removed, whitespace collapsed, no space before ")"."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace(" )", ")")


@pytest.fixture
def full_case_study(page_factory):
    arnsberg = Municipality.objects.get(ags=ARNSBERG)
    contact = ContactPerson.objects.create(
        name="Dr. Erika Beispiel",
        role="Smart-City-Koordination",
        municipality=arnsberg,
        email="e.beispiel@arnsberg.example",
        phone="02932 201-0",
    )
    related = page_factory.case_study("Digitale Ratsarbeit", ags=SOEST)
    hidden_related = page_factory.case_study("Geheimes Vorhaben", ags=SOEST, live=False)
    page = page_factory.case_study(
        "Sensorgestützter Winterdienst",
        summary="Streufahrzeuge fahren dort, wo Sensoren Glätte melden.",
        topics=["Mobilität", "Energie und Klima"],
        tags=["Sensorik", "LoRaWAN"],
        phase="operation",
        start_year=2019,
        end_year=2023,
        body=[
            {"type": "section", "value": {"kind": "challenge", "text": "<p>Zu viel Streusalz.</p>"}},
            {"type": "section", "value": {"kind": "goal", "text": "<p>Ein Drittel weniger Salz.</p>"}},
            {"type": "section", "value": {"kind": "transferability", "text": "<p>Für jede Kommune mit Bauhof.</p>"}},
        ],
        effort_time="18 Monate",
        effort_staff="0,5 Stellen",
        effort_cost="45.000 Euro",
        funding_programme="Modellprojekte Smart Cities",
        budget="120.000 Euro",
        operator_model="Betrieb durch den Bauhof",
        licence="EUPL 1.2",
        source_url="https://code.example.org/winterdienst",
        contact=contact,
    )
    page.partner_municipalities.set([Municipality.objects.get(ags=SOEST)])
    page.related_case_studies.set([related, hidden_related])
    page.save_revision().publish()
    return page


def test_case_study_page_shows_all_fields_in_german(client, full_case_study, page_factory):
    lesson = page_factory.lesson("Sensoren brauchen Wartung", case_study=full_case_study)
    html = html_of(client, full_case_study)
    text = text_of(html)
    for expected in (
        "Fallstudie",
        "Sensorgestützter Winterdienst",
        "Streufahrzeuge fahren dort, wo Sensoren Glätte melden.",
        "Kommune",
        "Arnsberg (Hochsauerlandkreis)",
        "Partnerkommune",
        "Soest",
        "Handlungsfelder",
        "Mobilität",
        "Energie und Klima",
        "Schlagwörter",
        "LoRaWAN",
        "Sensorik",
        "Projektphase",
        "Regelbetrieb",
        "Zeitraum",
        "2019 bis 2023",
        "Anlass und Herausforderung",
        "Zu viel Streusalz.",
        "Ziel",
        "Ein Drittel weniger Salz.",
        "Übertragbarkeit",
        "Für jede Kommune mit Bauhof.",
        "Aufwand, Finanzierung und Betrieb",
        "Dauer",
        "18 Monate",
        "Personal",
        "0,5 Stellen",
        "Kosten",
        "45.000 Euro",
        "Förderprogramm",
        "Modellprojekte Smart Cities",
        "Budget",
        "120.000 Euro",
        "Betreibermodell",
        "Betrieb durch den Bauhof",
        "Lizenz",
        "EUPL 1.2",
        "https://code.example.org/winterdienst",
        "Ansprechperson",
        "Dr. Erika Beispiel",
        "Smart-City-Koordination",
        "e.beispiel@arnsberg.example",
        "02932 201-0",
        "Erfahrungen aus diesem Projekt",
        "Sensoren brauchen Wartung",
        "Verwandte Fallstudien",
        "Digitale Ratsarbeit",
        "Veröffentlicht am",
    ):
        assert expected in text, expected
    assert 'href="/suche/?tag=lorawan"' in html
    assert 'href="/suche/?topic=mobilitaet"' in html
    assert f'href="{lesson.url}"' in html
    assert "Geheimes Vorhaben" not in html  # unpublished related case study is not linked
    assert "Demo-Inhalt" not in html
    assert "<h2>Ziel</h2>" in html


def test_demo_pages_carry_a_clear_notice(client, page_factory):
    page = page_factory.case_study("Beispielprojekt", is_demo=True)
    assert "Demo-Inhalt:" in text_of(html_of(client, page))


def test_lesson_page_shows_its_three_parts_and_case_study(client, full_case_study, page_factory):
    lesson = page_factory.lesson(
        "Sensoren brauchen Wartung",
        case_study=full_case_study,
        what_was_tried="<p>Günstige Sensoren ohne Wartungsvertrag.</p>",
        what_happened="<p>Nach einem Winter fiel ein Drittel aus.</p>",
        recommendation="<p>Wartung gleich mit ausschreiben.</p>",
        tags=["Sensorik"],
    )
    text = text_of(html_of(client, lesson))
    for expected in (
        "Erfahrung",
        "Sensoren brauchen Wartung",
        "Was versucht wurde",
        "Günstige Sensoren ohne Wartungsvertrag.",
        "Was passiert ist",
        "Nach einem Winter fiel ein Drittel aus.",
        "Empfehlung",
        "Wartung gleich mit ausschreiben.",
        "Aus der Fallstudie",
        "Sensorgestützter Winterdienst",
        "Handlungsfeld",
        "Mobilität",
        "Schlagwort",
        "Sensorik",
    ):
        assert expected in text, expected


def test_template_page_lists_documents_with_type_and_size(client, full_case_study, page_factory):
    template = page_factory.template(
        "Muster-Leistungsbeschreibung Winterdienst",
        template_kind="tender",
        licence="CC BY 4.0",
        description="<p>Zum Anpassen an die eigene Kommune.</p>",
    )
    document = KnowledgeDocument.objects.create(
        title="Leistungsbeschreibung", file=SimpleUploadedFile("leistungsbeschreibung.pdf", b"%PDF-1.4\n" + b"x" * 2048)
    )
    TemplatePageDocument.objects.create(page=template, document=document)
    template.case_studies.set([full_case_study])
    template.save_revision().publish()

    html = html_of(client, template)
    text = text_of(html)
    for expected in (
        "Vorlage",
        "Art der Vorlage",
        "Ausschreibung",
        "Lizenz",
        "CC BY 4.0",
        "Beschreibung",
        "Zum Anpassen an die eigene Kommune.",
        "Dokumente zum Herunterladen",
        "Leistungsbeschreibung",
        "(PDF, 2,0 KB)",
        "Verwendet in",
        "Sensorgestützter Winterdienst",
    ):
        assert expected in text, expected
    assert f'href="{document.url}"' in html


def test_municipality_page_lists_public_pages_with_town_facts(client, page_factory):
    case = page_factory.case_study("Bürgerbus-App")
    page_factory.case_study("Noch im Entwurf", live=False)
    restricted = page_factory.lesson("Nur intern")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    template = page_factory.template("Ratsvorlage Bürgerbus")

    html = html_of(client, town(ARNSBERG))
    text = text_of(html)
    for expected in (
        "Stadt · Pionierkommune",
        "Arnsberg",
        "Kreis",
        "Hochsauerlandkreis",
        "Einwohnerinnen und Einwohner",
        "74.206",
        "Größenklasse",
        "50.000 Einwohner und mehr",
        "Fallstudien (1)",
        "Bürgerbus-App",
        "Vorlagen (1)",
        "Ratsvorlage Bürgerbus",
    ):
        assert expected in text, expected
    # Issue 13: no "(0)" dead-end headings; only the types the town has published.
    assert "(0)" not in text and "Erfahrungen" not in text
    assert f'href="{case.url}"' in html and f'href="{template.url}"' in html
    assert "Noch im Entwurf" not in text and "Nur intern" not in text


def test_municipality_index_groups_towns_by_kreis(client, page_factory):
    page_factory.case_study("Bürgerbus-App")
    html = html_of(client, MunicipalityIndexPage.objects.get())
    text = text_of(html)
    for district in (
        "Hochsauerlandkreis",
        "Kreis Olpe",
        "Kreis Siegen-Wittgenstein",
        "Kreis Soest",
        "Märkischer Kreis",
    ):
        assert f"{district} (" in text, district
    section = html.split('id="kreis-05958"', 1)[1].split("</section>", 1)[0]
    assert "Arnsberg" in section and "Soest" not in section
    assert "1 Beitrag" in text_of(section)
    assert len(re.findall(r'class="town-list"', html)) == 5


def test_tag_overview_counts_only_public_pages(client, page_factory):
    parent = Tag.objects.create(name="Mobilität digital", description="Digitale Angebote rund um Verkehr")
    tag = Tag.objects.create(name="Rufbus", parent=parent, synonyms="On-Demand-Verkehr")
    page_factory.case_study("Rufbus Sundern", tags=[tag], topics=["Mobilität"])
    page_factory.lesson("Rufbus-Erfahrungen", tags=[tag], topics=["Mobilität"])
    page_factory.template("Rufbus-Vertrag", tags=[tag], topics=["Mobilität"], live=False)
    private = page_factory.case_study("Rufbus intern", tags=[tag], topics=["Mobilität"])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/schlagwoerter/")
    assert response.status_code == 200
    html = response.content.decode()
    text = text_of(html)
    assert '<a href="/suche/?tag=rufbus">Rufbus</a>' in html
    assert "Rufbus (2 Beiträge)" in text
    assert "auch: On-Demand-Verkehr" in text
    # Issue 13: a parent tag counts its children's pages, as the search for it finds them.
    assert "Mobilität digital (2 Beiträge)" in text
    # Nested below its parent.
    parent_item = html.split('href="/suche/?tag=mobilitaet-digital"', 1)[1]
    assert parent_item.index("/suche/?tag=rufbus") < parent_item.index("</li>")
    assert '<a href="/suche/?topic=mobilitaet">Mobilität</a>' in html
    assert "Mobilität (2 Beiträge)" in text
    assert "Bildung (0 Beiträge)" in text


def test_admin_preview_of_an_unsaved_draft_renders(full_case_study, page_factory):
    """Previews render revision objects whose relations are in memory, not querysets."""
    other = page_factory.case_study("Noch eine Fallstudie", ags=SOEST)
    draft = full_case_study.get_latest_revision_as_object()
    draft.title = "Winterdienst (Entwurf)"
    draft.related_case_studies = [other]
    draft.partner_municipalities = [Municipality.objects.get(ags=ARNSBERG)]
    response = draft.make_preview_request()
    assert response.status_code == 200
    html = response.content.decode()
    assert "Winterdienst (Entwurf)" in html and "Noch eine Fallstudie" in html
