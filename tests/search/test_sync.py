"""Every kind of change reaches the real Elasticsearch index through the outbox, and pages
that must not be found (drafts, unpublished, restricted) stay out after every change."""

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.models import Page, PageViewRestriction

from search.models import IndexTask, SearchEntry
from search.sync import Applier, enqueue
from tests.search.factories import make_page, tag
from tests.search.sync_helpers import ARNSBERG, BRILON, OLPE, pending_tasks, publish
from wiki.models import Municipality, MunicipalityPage, TemplatePageDocument, Topic

pytestmark = pytest.mark.elasticsearch


# --- pages ---------------------------------------------------------------------------------


def test_published_page_is_searchable_after_commit_and_the_task_is_done(index):
    with index.committing():
        page = make_page(ARNSBERG, "Digitale Parkraumbewirtschaftung", "Sensoren zeigen freie Parkplätze.")
    source = index.source(page)
    assert source["title"] == "Digitale Parkraumbewirtschaftung"
    assert source["municipality"]["ags"] == ARNSBERG
    assert not pending_tasks().exists()
    # the database fallback got the same page in the same pass
    assert SearchEntry.objects.filter(page_id=page.pk).exists()


def test_draft_is_never_indexed(index):
    with index.committing():
        draft = make_page(ARNSBERG, "Entwurf Bürgerportal", publish=False)
    assert index.source(draft) is None
    assert not SearchEntry.objects.filter(page_id=draft.pk).exists()


def test_edit_and_republish_updates_the_document(index):
    with index.committing():
        page = make_page(ARNSBERG, "Smarte Straßenbeleuchtung")
    with index.committing():
        publish(page, title="Smarte Straßenbeleuchtung mit LoRaWAN", summary="Neue Kurzbeschreibung")
    source = index.source(page)
    assert source["title"] == "Smarte Straßenbeleuchtung mit LoRaWAN"
    assert source["summary"] == "Neue Kurzbeschreibung"


def test_saving_a_draft_of_a_live_page_keeps_the_live_version_in_the_index(index):
    with index.committing():
        page = make_page(ARNSBERG, "Live-Titel der Fallstudie")
    with index.committing():
        page = page.specific_class.objects.get(pk=page.pk)
        page.title = "Geheimer Entwurfstitel"
        page.save_revision()  # draft only, not published
    assert index.source(page)["title"] == "Live-Titel der Fallstudie"


def test_unpublish_removes_the_document(index):
    with index.committing():
        page = make_page(ARNSBERG, "Mängelmelder")
    assert index.source(page) is not None
    with index.committing():
        page.unpublish()
    assert index.source(page) is None
    assert not SearchEntry.objects.filter(page_id=page.pk).exists()


def test_delete_removes_the_document(index):
    with index.committing():
        page = make_page(ARNSBERG, "Bürgerhaushalt online")
    page_id = page.pk
    with index.committing():
        Page.objects.get(pk=page_id).delete()
    assert index.source(page_id) is None
    assert IndexTask.objects.filter(page_id=page_id, action=IndexTask.Action.DELETE).exists()


def test_move_updates_the_url(index):
    with index.committing():
        page = make_page(ARNSBERG, "Carsharing im ländlichen Raum")
    target = MunicipalityPage.objects.get(municipality__ags=OLPE)
    with index.committing():
        Page.objects.get(pk=page.pk).move(target, pos="last-child")
    source = index.source(page)
    assert f"/{target.slug}/" in source["url"]


def test_move_under_a_restricted_parent_removes_the_page(index):
    restricted_town = MunicipalityPage.objects.get(municipality__ags=BRILON)
    PageViewRestriction.objects.create(page=restricted_town, restriction_type=PageViewRestriction.LOGIN)
    with index.committing():
        page = make_page(ARNSBERG, "Digitale Ratsarbeit")
    assert index.source(page) is not None
    with index.committing():
        Page.objects.get(pk=page.pk).move(restricted_town, pos="last-child")
    assert index.source(page) is None


def test_moving_a_town_page_under_a_restricted_parent_takes_all_its_pages_along(index):
    with index.committing():
        pages = [make_page(OLPE, f"Olper Projekt {n}") for n in range(3)]
    town = MunicipalityPage.objects.get(municipality__ags=OLPE)
    home = town.get_parent().get_parent()
    private = home.add_child(instance=Page(title="Intern", slug="intern-test", live=True))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    with index.committing():
        Page.objects.get(pk=town.pk).move(private, pos="last-child")
    assert all(index.source(p) is None for p in pages)


def test_unpublishing_a_town_page_removes_its_pages(index):
    with index.committing():
        page = make_page(OLPE, "Freifunk in Olpe")
    town = MunicipalityPage.objects.get(municipality__ags=OLPE)
    with index.committing():
        town.unpublish()
    # Wagtail keeps children live, but a town page that is offline makes them unreachable;
    # whatever the document builder decides, the index must agree with it.
    from search.documents import build_document

    assert (index.source(page) is None) == (build_document(page) is None)
    assert IndexTask.objects.filter(page_id=page.pk, reason="parent-changed").exists()


# --- view restrictions ---------------------------------------------------------------------


def test_restricting_a_page_removes_it_and_lifting_the_restriction_brings_it_back(index):
    with index.committing():
        page = make_page(ARNSBERG, "Interne Dienstanweisung Homeoffice")
    with index.committing():
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
    assert index.source(page) is None
    with index.committing():
        restriction.delete()
    assert index.source(page)["title"] == "Interne Dienstanweisung Homeoffice"


def test_restricting_a_town_page_removes_all_pages_below_it(index):
    with index.committing():
        pages = [make_page(OLPE, f"Olpe intern {n}") for n in range(3)]
        other = make_page(ARNSBERG, "Arnsberg bleibt öffentlich")
    town = MunicipalityPage.objects.get(municipality__ags=OLPE)
    with index.committing():
        PageViewRestriction.objects.create(page=town, restriction_type=PageViewRestriction.LOGIN)
    assert all(index.source(p) is None for p in pages)
    assert index.source(other) is not None


def test_publishing_below_a_restricted_parent_never_indexes(index):
    town = MunicipalityPage.objects.get(municipality__ags=OLPE)
    PageViewRestriction.objects.create(page=town, restriction_type=PageViewRestriction.LOGIN)
    with index.committing():
        page = make_page(OLPE, "Veröffentlicht, aber privat")
    assert index.source(page) is None
    with index.committing():
        publish(page, title="Erneut veröffentlicht, weiter privat")
    assert index.source(page) is None


# --- workflow -------------------------------------------------------------------------------


def test_workflow_approval_publishes_into_the_index(index, django_user_model):
    from django.contrib.auth.models import Group
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

    curator = django_user_model.objects.create_superuser("kuratorin-sync", "k@example.org", "pw")
    editor = django_user_model.objects.create_user("redaktion-sync", "r@example.org", "pw")
    group = Group.objects.create(name="Prüfung Sync-Test")
    curator.groups.add(group)
    task = GroupApprovalTask.objects.create(name="Prüfen (Sync-Test)")
    task.groups.set([group])
    workflow = Workflow.objects.create(name="Prüfung (Sync-Test)")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    town = MunicipalityPage.objects.get(municipality__ags=ARNSBERG)
    WorkflowPage.objects.filter(page=town).delete()
    WorkflowPage.objects.create(workflow=workflow, page=town)

    with index.committing():
        page = make_page(ARNSBERG, "Offene Daten im Haushalt", publish=False)
        workflow.start(page, editor)
    assert index.source(page) is None
    with index.committing():
        state = page.current_workflow_state
        state.current_task_state.approve(user=curator)
    assert index.source(page)["title"] == "Offene Daten im Haushalt"


# --- reference data and taxonomy -----------------------------------------------------------


def test_municipality_change_updates_its_pages(index):
    with index.committing():
        own = make_page(OLPE, "Kreisstadt digital")
        partner = make_page(ARNSBERG, "Gemeinsames Rechenzentrum", partners=[OLPE])
    with index.committing():
        olpe = Municipality.objects.get(ags=OLPE)
        olpe.name = "Olpe (Biggesee)"
        olpe.save()
    assert index.source(own)["municipality"]["name"] == "Olpe (Biggesee)"
    assert "Olpe (Biggesee)" in [p["name"] for p in index.source(partner)["partners"]]


def test_tag_rename_and_new_parent_update_the_pages(index):
    child = tag("Parksensoren")
    with index.committing():
        page = make_page(ARNSBERG, "Parken mit Sensoren", tags=[child])
    with index.committing():
        child.name = "Parkraumsensoren"
        child.save()
    assert [t["name"] for t in index.source(page)["tags"]] == ["Parkraumsensoren"]
    with index.committing():
        child.parent = tag("Mobilität und Verkehr")
        child.save()
    assert "Mobilität und Verkehr" in index.source(page)["tag_names"]


def test_tag_merge_moves_pages_to_the_surviving_tag(index):
    from wiki.taxonomy import merge_tags

    old, new = tag("Bürgerbeteiligung online"), tag("E-Partizipation")
    with index.committing():
        page = make_page(ARNSBERG, "Beteiligungsplattform", tags=[old])
    with index.committing():
        merge_tags(old, new)
    assert [t["name"] for t in index.source(page)["tags"]] == ["E-Partizipation"]


def test_topic_rename_updates_the_pages(index):
    with index.committing():
        page = make_page(ARNSBERG, "Schulen mit WLAN", topics=("bildung",))
    with index.committing():
        topic = Topic.objects.get(slug="bildung")
        topic.name = "Bildung und Schule"
        topic.save()
    assert [t["name"] for t in index.source(page)["topics"]] == ["Bildung und Schule"]


def test_bulk_signal_of_the_knowledge_base_is_honoured(index):
    from wiki.signals import knowledge_pages_changed

    with index.committing():
        page = make_page(ARNSBERG, "Vorher")
    type(page).objects.filter(pk=page.pk).update(title="Nachher per Massenänderung")
    with index.committing():
        knowledge_pages_changed.send(sender=None, page_ids=[page.pk], reason="test-bulk")
    assert index.source(page)["title"] == "Nachher per Massenänderung"


# --- template documents --------------------------------------------------------------------


def test_replaced_template_document_is_searchable_by_its_new_text(index, settings, tmp_path):
    from tests.wiki import sample_files
    from wiki.models import KnowledgeDocument

    settings.MEDIA_ROOT = tmp_path
    document = KnowledgeDocument(title="Ratsvorlage Parkraum")
    document.file.save(
        "ratsvorlage.docx",
        ContentFile(sample_files.docx_bytes(["Der Rat beschließt Parkscheinautomaten."])),
        save=False,
    )
    document.save()
    with index.committing():
        page = make_page(ARNSBERG, "Vorlage Parkraumkonzept", kind="template")
        page = publish(page)
        TemplatePageDocument.objects.create(page=page, document=document)
        page = publish(page)
    assert "Parkscheinautomaten" in index.source(page)["document_text"]

    with index.committing():
        document = KnowledgeDocument.objects.get(pk=document.pk)
        document.file.save(
            "ratsvorlage.docx", ContentFile(sample_files.docx_bytes(["Neu: Handyparken per App."])), save=False
        )
        document._set_document_file_metadata()
        document.save()
    text = index.source(page)["document_text"]
    assert "Handyparken" in text and "Parkscheinautomaten" not in text


def test_unreadable_document_does_not_block_publishing(index, settings, tmp_path):
    from tests.wiki import sample_files
    from wiki.models import KnowledgeDocument

    settings.MEDIA_ROOT = tmp_path
    document = KnowledgeDocument(title="Verschlüsselter Vertrag")
    document.file.save("vertrag.pdf", ContentFile(sample_files.encrypted_pdf_bytes("Geheime Klausel")), save=False)
    document.save()
    assert "verschlüsselt" in document.extraction_error
    with index.committing():
        page = make_page(ARNSBERG, "Mustervertrag Rechenzentrum", kind="template")
        TemplatePageDocument.objects.create(page=page, document=document)
        page = publish(page)
    source = index.source(page)
    assert source["title"] == "Mustervertrag Rechenzentrum"
    assert "Klausel" not in source["document_text"]


# --- the outbox itself ---------------------------------------------------------------------


def test_many_tasks_for_one_page_become_one_request(index, monkeypatch):
    from search.backends.elasticsearch import index as es_index

    with index.committing():
        page = make_page(ARNSBERG, "Oft bearbeitet")
    calls = []
    original = es_index.write_documents

    def spy(es, target, documents, **kwargs):
        calls.append(sorted(documents))
        return original(es, target, documents, **kwargs)

    monkeypatch.setattr(es_index, "write_documents", spy)
    with index.committing():
        for n in range(5):
            page = publish(page, title=f"Oft bearbeitet ({n})")
    assert IndexTask.objects.filter(page_id=page.pk).count() >= 6
    assert calls == [[page.pk]]
    assert index.source(page)["title"] == "Oft bearbeitet (4)"


def test_rolled_back_change_leaves_no_task(index):
    with index.committing():
        page = make_page(ARNSBERG, "Stabiler Titel")
    before = IndexTask.objects.count()
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            publish(page, title="Nie gespeichert")
            raise RuntimeError("abgebrochen")
    assert IndexTask.objects.count() == before
    assert index.source(page)["title"] == "Stabiler Titel"


def test_applying_twice_changes_nothing(index):
    with index.committing():
        page = make_page(ARNSBERG, "Idempotent")
    first = index.source(page)
    with transaction.atomic():
        enqueue([page.pk, page.pk], reason="test")
    Applier().drain()
    Applier().drain()
    assert index.source(page) == first
    assert not pending_tasks().exists()
