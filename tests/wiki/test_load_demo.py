"""`manage.py load_demo`: enough realistic content to try the wiki, documents whose text can be
found, pages that must stay hidden, and a second run that changes nothing.

Loading takes a while, so it happens once per module inside a transaction that is rolled back at
the end; every test runs in its own savepoint on top of it.
"""

import io
import zipfile
from datetime import UTC
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.test import Client, override_settings
from wagtail.models import Page, PageViewRestriction, Revision

from wiki.demo import loader
from wiki.demo.loader import RESTRICTED_PASSWORD
from wiki.models import (
    CaseStudyPage,
    ContactPerson,
    KnowledgeDocument,
    KnowledgePage,
    LessonPage,
    Municipality,
    MunicipalityPage,
    Phase,
    Tag,
    TemplateKind,
    TemplatePage,
    Topic,
)
from wiki.taxonomy import merge_tags, rename_tag

# A sentence of each template's documents that appears nowhere else in the demo content.
DISTINCTIVE_PHRASES = {
    "demo-tpl-001": "Aufbau eines stadtweiten LoRaWAN-Funknetzes in kommunaler Trägerschaft",
    "demo-tpl-002": "Funkknoten mit astronomischer Schaltuhr",
    "demo-tpl-003": "Verzeichnis der Verarbeitungstätigkeiten für die Dorfplattform",
    "demo-tpl-004": "Jede Beschaffung muss eine offene Schnittstelle zur Plattform nachweisen",
    "demo-tpl-005": "Errichtung eines Funk-Gateways auf der Dachfläche",
    "demo-tpl-006": "Offenheit ist der Regelfall, Geheimhaltung die begründete Ausnahme",
    "demo-tpl-007": "Lebenszykluskosten für Parkraumsensoren",
    "demo-tpl-008": "telefonische Buchung an allen Betriebstagen",
    "demo-tpl-009": "Folgekosten für Lizenzen und Wartung über fünf Jahre",
    "demo-tpl-010": "Community-Management des Gemeinschaftsbüros",
    "demo-tpl-011": "ohne Klarnamen veröffentlicht werden",
    "demo-tpl-012": "acht Dauerzählstellen für den Radverkehr",
}
PIONEERS = {"Arnsberg", "Bad Berleburg", "Menden (Sauerland)", "Olpe", "Soest", "Iserlohn"}
SECTIONS = {"challenge", "goal", "implementation", "results", "success_factors", "transferability"}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """Runs load_demo once; returns its output. Everything is rolled back after the module."""
    media = tmp_path_factory.mktemp("demo-media")
    with override_settings(MEDIA_ROOT=str(media)), django_db_blocker.unblock():
        with transaction.atomic():
            out = StringIO()
            call_command("load_demo", stdout=out)
            yield out.getvalue()
            transaction.set_rollback(True)


@pytest.fixture
def loaded(demo, db):
    return demo


def public_demo(model):
    return model.objects.live().public().filter(is_demo=True)


def change_demo_record(monkeypatch, external_id, **changes):
    """Pretends wiki/demo/data/ holds a changed record."""
    original = loader.demo_records

    def patched(name):
        return [
            (number, {**data, **changes} if isinstance(data, dict) and data["external_id"] == external_id else data)
            for number, data in original(name)
        ]

    monkeypatch.setattr(loader, "demo_records", patched)


def run_again():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def snapshot():
    return {
        "pages": KnowledgePage.objects.count(),
        "revisions": Revision.objects.count(),
        "latest_revisions": dict(KnowledgePage.objects.values_list("external_id", "latest_revision_id")),
        "tags": Tag.objects.count(),
        "contacts": ContactPerson.objects.count(),
        "documents": dict(KnowledgeDocument.objects.values_list("title", "file")),
        "restrictions": PageViewRestriction.objects.count(),
    }


# -- amount and coverage ---------------------------------------------------------------


def test_amount_of_published_demo_content_meets_the_issue(loaded):
    assert public_demo(CaseStudyPage).count() >= 40
    assert public_demo(LessonPage).count() >= 15
    assert public_demo(TemplatePage).count() >= 10
    assert "Fallstudien: 45 (45 neu)" in loaded


def test_demo_has_three_guides_with_the_newcomer_path_whose_links_are_public(loaded):
    from wiki.models import GuidePage

    guides = {guide.title: guide for guide in public_demo(GuidePage)}
    assert len(guides) >= 3 and "Leitfäden: 3 (3 neu)" in loaded
    newcomers = guides["Einstieg für neue Kommunen"]
    assert newcomers.audience == "beginners" and len(newcomers.step_ids()) == 6
    linked = sum(len(step["links"]) for step in newcomers.step_list())
    assert linked == sum(len(block.value["links"]) for block in newcomers.steps)  # every link is public


def test_demo_has_six_events_past_and_upcoming_with_material(loaded):
    from datetime import datetime

    from search.documents import build_document
    from wiki.models import EventPage

    events = list(public_demo(EventPage))
    assert len(events) >= 6 and "Veranstaltungen: 6 (6 neu)" in loaded
    # relative to the day the demo data was written (tests must not age with the calendar)
    written = datetime(2026, 12, 1, tzinfo=UTC)
    assert any(event.starts_at < written for event in events) and any(event.starts_at > written for event in events)
    assert {event.event_kind for event in events} == {"conference", "school", "workshop", "webinar", "site_visit"}
    assert all(event.document_list() for event in events)
    conference = next(event for event in events if event.event_kind == "conference")
    assert "Dorfkümmerin" in build_document(conference)["document_text"]  # the material's text is indexed


def test_all_pioneer_towns_and_at_least_twelve_others_publish(loaded):
    towns = set(public_demo(KnowledgePage).values_list("municipality__name", flat=True))
    assert PIONEERS <= towns
    others = Municipality.objects.filter(name__in=towns, pioneer=False)
    assert others.count() >= 12


def test_every_topic_phase_and_template_kind_is_covered(loaded):
    pages = public_demo(KnowledgePage)
    assert set(Topic.objects.values_list("name", flat=True)) == set(pages.values_list("topics__name", flat=True))
    assert set(Phase.values) == set(public_demo(CaseStudyPage).values_list("phase", flat=True))
    assert set(TemplateKind.values) == set(public_demo(TemplatePage).values_list("template_kind", flat=True))


def test_pages_live_below_their_towns_page_and_are_marked_as_demo(loaded):
    for page in KnowledgePage.objects.filter(external_id__startswith="demo-"):
        parent = page.get_parent().specific
        assert isinstance(parent, MunicipalityPage)
        assert parent.municipality_id == page.municipality_id
        assert page.is_demo
    assert not KnowledgePage.objects.filter(is_demo=True).exclude(external_id__startswith="demo-").exists()


def test_case_studies_have_every_section_and_the_practical_details(loaded):
    pages = public_demo(CaseStudyPage)
    for page in pages:
        assert {block.value["kind"] for block in page.body} == SECTIONS, page.external_id
        assert page.summary and page.start_year and page.topics.exists()
        assert page.effort_time and page.effort_staff and page.effort_cost and page.funding_programme
        assert page.operator_model and page.licence
        assert page.contact.email.endswith("@example.org")
        assert "fiktiv" in page.contact.phone
    assert pages.filter(partner_municipalities__isnull=False).distinct().count() >= 5
    assert pages.filter(related_case_studies__isnull=False).distinct().count() >= 10


def test_lessons_point_to_a_published_case_study_of_their_town(loaded):
    for lesson in public_demo(LessonPage):
        assert lesson.case_study is not None and lesson.case_study.live
        assert lesson.case_study.municipality_id == lesson.municipality_id
        assert lesson.what_was_tried and lesson.what_happened and lesson.recommendation


def test_taxonomy_has_nested_tags_and_the_synonyms_search_relies_on(loaded):
    assert Tag.objects.count() >= 30
    assert "ÖPNV" in Tag.objects.get(name="Nahverkehr").synonym_list
    assert "LPWAN" in Tag.objects.get(name="LoRaWAN").synonym_list
    assert "OZG" in Tag.objects.get(name="Onlinezugangsgesetz").synonym_list
    assert Tag.objects.get(name="On-Demand-Verkehr").parent.name == "Nahverkehr"
    assert Tag.objects.filter(parent__isnull=False).count() >= 10
    used = set(public_demo(KnowledgePage).values_list("tags__name", flat=True))
    assert {spec["name"] for spec in loader.demo_taxonomy()["tags"]} <= used


def test_content_varies_vocabulary_for_search(loaded):
    """Inflection, compounds and acronyms the search issue must handle exist in the corpus."""
    text = " ".join(
        " ".join([p.title, p.summary] + [b.value["text"].source for b in p.body]) for p in public_demo(CaseStudyPage)
    )
    for word in [
        "Straßenbeleuchtung",
        "Beleuchtung der Straßen",
        "Sensoren",
        "Sensor ",
        "Städte",
        "Stadt ",
        "OZG",
        "Onlinezugangsgesetz",
        "LoRaWAN",
        "ÖPNV",
        "Nahverkehr",
        "Busverkehr",
    ]:
        assert word in text, word


def test_demo_page_renders_with_a_demo_notice_and_its_details(loaded):
    page = CaseStudyPage.objects.get(external_id="demo-cs-002")
    html = Client().get(page.url).content.decode()
    assert "Demo-Inhalt" in html
    assert "Pegelsensoren an kleinen Bächen" in html
    assert "Schwellenwerte wurden mit der Feuerwehr" in html  # a body section
    assert "Jonas Brüggemann" in html and "fiktive Nummer" in html


# -- documents ---------------------------------------------------------------------------


def document_text(document):
    with document.open_file() as handle:
        data = handle.read()
    extension = document.file_extension
    if extension == "pdf":
        from pypdf import PdfReader

        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    elif extension == "docx":
        import docx

        text = " ".join(paragraph.text for paragraph in docx.Document(io.BytesIO(data)).paragraphs)
    elif extension == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(data)).active
        text = " ".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None)
    elif extension == "odt":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
            from odf import teletype
            from odf import text as odf_text
            from odf.opendocument import load

            loaded_doc = load(io.BytesIO(data))
            text = " ".join(
                teletype.extractText(element)
                for kind in (odf_text.H, odf_text.P)
                for element in loaded_doc.getElementsByType(kind)
            )
    else:
        raise AssertionError(f"unexpected format {extension}")
    return " ".join(text.split())


def test_each_template_has_real_documents_with_its_distinctive_text(loaded):
    formats = set()
    for template in public_demo(TemplatePage):
        documents = [item.document for item in template.documents.all()]
        assert 1 <= len(documents) <= 2, template.external_id
        for document in documents:
            assert document.collection.name == "Demo"
            assert document.file_size and document.file_size > 500
            formats.add(document.file_extension)
            assert DISTINCTIVE_PHRASES[template.external_id] in document_text(document), document.title
    assert {"pdf", "docx", "odt", "xlsx"} <= formats


def test_document_umlauts_survive_in_the_pdf(loaded):
    document = KnowledgeDocument.objects.get(title="Ratsvorlage LoRaWAN-Netz (PDF)")
    text = document_text(document)
    assert "Trägerschaft" in text and "Der Rat beschließt" in text


# -- hidden pages ------------------------------------------------------------------------


def test_drafts_are_never_published(loaded):
    drafts = CaseStudyPage.objects.filter(external_id__in=["demo-cs-901", "demo-cs-902"])
    assert drafts.count() == 2
    for draft in drafts:
        assert draft.title.startswith("Entwurf: ")
        assert not draft.live and draft.live_revision_id is None
        assert draft.latest_revision_id is not None  # editable in the admin
        assert Client().get(draft.url).status_code == 404


def test_internal_page_is_password_protected_and_hides_its_content(loaded):
    page = CaseStudyPage.objects.get(external_id="demo-cs-903")
    assert page.title.startswith("Intern: ")
    restriction = PageViewRestriction.objects.get(page=page)
    assert restriction.restriction_type == PageViewRestriction.PASSWORD
    assert restriction.password == RESTRICTED_PASSWORD
    assert not CaseStudyPage.objects.public().filter(pk=page.pk).exists()
    response = Client().get(page.url)
    assert "vollständige Kostenaufstellung" not in response.content.decode()


def test_hidden_words_appear_only_on_hidden_pages(loaded):
    """The distinctive words of the hidden pages let search tests prove they stay out."""
    for word in ["Unterflurbehälter", "Winterdienst-Ortung", "Funkmastvertrag"]:
        for page in public_demo(KnowledgePage):
            specific = page.specific
            text = " ".join([specific.title, specific.summary, str(getattr(specific, "body", ""))])
            assert word not in text


# -- idempotence and care for edits -------------------------------------------------------


def test_second_run_creates_and_changes_nothing(loaded):
    before = snapshot()
    output = run_again()
    assert snapshot() == before
    assert " neu" not in output and "aktualisiert" not in output
    assert "Fallstudien: 45 (45 unverändert)" in output


def test_changed_demo_data_updates_the_page_with_one_new_revision(loaded, monkeypatch):
    page = CaseStudyPage.objects.get(external_id="demo-cs-001")
    change_demo_record(monkeypatch, "demo-cs-001", summary="Neue Kurzbeschreibung des Funknetzes.", tags=["LoRaWAN"])
    revisions = Revision.objects.count()

    output = run_again()

    page.refresh_from_db()
    assert page.summary == "Neue Kurzbeschreibung des Funknetzes."
    assert [tag.name for tag in page.tags.all()] == ["LoRaWAN"]
    assert page.live and not page.has_unpublished_changes
    assert Revision.objects.count() == revisions + 1
    assert CaseStudyPage.objects.filter(external_id="demo-cs-001").count() == 1
    assert "1 aktualisiert" in output


def test_page_saved_by_a_person_is_left_alone(loaded, monkeypatch, django_user_model):
    page = CaseStudyPage.objects.get(external_id="demo-cs-002").get_latest_revision_as_object()
    page.summary = "Von der Redaktion überarbeitet."
    page.save_revision(user=django_user_model.objects.create_user("kurator")).publish()
    change_demo_record(monkeypatch, "demo-cs-002", summary="Geänderte Demodaten.")

    output = run_again()

    page.refresh_from_db()
    assert page.summary == "Von der Redaktion überarbeitet."
    assert "1 redaktionell bearbeitet, übersprungen" in output


def test_curator_renames_and_merges_of_tags_survive_a_rerun(loaded):
    rename_tag(Tag.objects.get(name="Radverkehr"), "Fahrrad")
    merge_tags(Tag.objects.get(name="Besucherlenkung"), Tag.objects.get(name="Tourismus-App"))
    before = snapshot()

    run_again()

    assert snapshot() == before
    assert not Tag.objects.filter(name__in=["Radverkehr", "Besucherlenkung"]).exists()
    assert CaseStudyPage.objects.get(external_id="demo-cs-038").tags.filter(name="Fahrrad").exists()
    assert CaseStudyPage.objects.get(external_id="demo-cs-026").tags.filter(name="Tourismus-App").exists()


def test_missing_document_file_is_generated_again(loaded):
    document = KnowledgeDocument.objects.get(title="Ratsvorlage Schul-WLAN (Word)")
    document.file.storage.delete(document.file.name)

    run_again()

    document.refresh_from_db()
    assert document.file.storage.exists(document.file.name)
    assert DISTINCTIVE_PHRASES["demo-tpl-009"] in document_text(document)
    assert KnowledgeDocument.objects.filter(title=document.title).count() == 1


def test_broken_demo_data_is_reported_in_german_and_writes_nothing(loaded, monkeypatch):
    original = loader.demo_records

    def with_broken_line(name):
        records = original(name)
        if name == "fallstudien.jsonl":
            records.append((999, dict(records[0][1], external_id="demo-cs-999", municipality="Atlantis")))
        return records

    monkeypatch.setattr(loader, "demo_records", with_broken_line)
    pages = Page.objects.count()

    with pytest.raises(CommandError, match="fallstudien.jsonl, Zeile 999: Kommune „Atlantis“ unbekannt"):
        run_again()

    assert Page.objects.count() == pages


def test_demo_has_adoptions_for_the_start_page_and_the_map(loaded, client):
    from transfer.models import Adoption

    assert Adoption.objects.count() >= 10
    home = client.get("/").content.decode()
    assert "Am häufigsten übernommen" in home
    assert "Kommunen übernommen</li>" in home  # a solution adopted by more than one town
    assert 'marker-end="url(#' in home.split('class="region-map', 1)[1]  # arrows A → B on the map
