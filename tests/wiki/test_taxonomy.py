"""Tag taxonomy: merge (model function and curator admin view), rename, validation, and the
signal that tells search which pages changed meaning."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from wiki.models import KnowledgePage, Municipality, Tag, Topic
from wiki.signals import knowledge_pages_changed
from wiki.taxonomy import TaxonomyError, merge_tags, rename_tag

pytestmark = pytest.mark.django_db


@pytest.fixture
def signals():
    received = []

    def receiver(sender, page_ids, reason, **kwargs):
        received.append((reason, set(page_ids)))

    knowledge_pages_changed.connect(receiver, dispatch_uid="test-taxonomy-receiver")
    yield received
    knowledge_pages_changed.disconnect(dispatch_uid="test-taxonomy-receiver")


def live_tag_names(page):
    return sorted(KnowledgePage.objects.get(pk=page.pk).tags.values_list("name", flat=True))


def draft_tag_ids(page):
    return KnowledgePage.objects.get(pk=page.pk).specific.get_latest_revision().content["tags"]


def test_merge_moves_live_pages_drafts_and_revisions_and_keeps_old_name_as_synonym(page_factory, signals):
    source = Tag.objects.create(name="ÖPNV", synonyms="Nahverkehrsangebot", description="Busse und Bahnen")
    target = Tag.objects.create(name="Nahverkehr", synonyms="ÖV")
    child = Tag.objects.create(name="Bürgerbus", parent=source)

    live_page = page_factory.case_study("Rufbus im Sauerland", tags=[source])
    both = page_factory.lesson("Rufbus-Fahrpläne", tags=[source, target])
    draft_only = page_factory.template("Vertrag Bürgerbus", live=False, tags=[source])
    # A live page whose pending draft adds the source tag.
    edited = page_factory.case_study("Mobilstation", tags=[target])
    draft = edited.get_latest_revision_as_object()
    draft.tags = [source, target]
    draft.save_revision()
    child_page = page_factory.case_study("Bürgerbus Olpe", tags=[child])

    result = merge_tags(source, target)

    assert not Tag.objects.filter(pk=source.pk).exists()
    target.refresh_from_db()
    assert target.synonym_list == ["ÖV", "ÖPNV", "Nahverkehrsangebot"]
    assert target.description == "Busse und Bahnen"  # taken over because the target had none
    assert Tag.objects.get(pk=child.pk).parent == target

    assert live_tag_names(live_page) == ["Nahverkehr"]
    assert live_tag_names(both) == ["Nahverkehr"]
    for page in (live_page, both, draft_only, edited):
        assert draft_tag_ids(page) == [target.pk]
    # Older revisions too, so that reverting never brings back a deleted tag.
    for revision in live_page.revisions.all():
        assert source.pk not in revision.content["tags"]

    expected = {live_page.pk, both.pk, draft_only.pk, edited.pk, child_page.pk}
    assert set(result.page_ids) == expected
    assert ("tag-merge", expected) in signals


def test_merge_publishing_a_merged_draft_keeps_the_target(page_factory):
    source = Tag.objects.create(name="Glasfaser")
    target = Tag.objects.create(name="Breitband")
    page = page_factory.case_study("Glasfaser für Gewerbegebiete", live=False, tags=[source])
    merge_tags(source, target)
    page.get_latest_revision().publish()
    assert live_tag_names(page) == ["Breitband"]


def test_merge_of_a_tag_into_its_own_child_leaves_no_cycle():
    parent = Tag.objects.create(name="Energie")
    middle = Tag.objects.create(name="Erneuerbare", parent=parent)
    child = Tag.objects.create(name="Photovoltaik", parent=middle)
    merge_tags(middle, child)
    child.refresh_from_db()
    assert child.parent == parent
    assert child.ancestors() == [parent]


def test_merge_with_itself_is_refused_and_changes_nothing(page_factory):
    tag = Tag.objects.create(name="LoRaWAN")
    with pytest.raises(TaxonomyError):
        merge_tags(tag, tag)
    assert Tag.objects.filter(pk=tag.pk).exists()


def test_rename_keeps_old_name_as_synonym_and_signals_pages(page_factory, signals):
    tag = Tag.objects.create(name="E-Akte")
    page = page_factory.case_study("Digitale Akte im Rathaus", tags=[tag])
    rename_tag(tag, "Elektronische Akte")
    tag.refresh_from_db()
    assert tag.name == "Elektronische Akte"
    assert tag.synonym_list == ["E-Akte"]
    assert tag.slug == "e-akte"  # links to /suche/?tag=e-akte keep working
    assert ("tag-change", {page.pk}) in signals


def test_rename_onto_an_existing_tag_is_refused():
    Tag.objects.create(name="Smart City")
    tag = Tag.objects.create(name="Smarte Stadt")
    with pytest.raises(TaxonomyError, match="zusammen"):
        rename_tag(tag, "smart city")


def test_parent_and_synonym_changes_signal_pages_of_the_tag_and_its_children(page_factory, signals):
    parent = Tag.objects.create(name="Mobilität digital")
    tag = Tag.objects.create(name="Parken", parent=parent)
    child = Tag.objects.create(name="Parksensoren", parent=tag)
    own_page = page_factory.case_study("Parkleitsystem", tags=[tag])
    child_page = page_factory.case_study("Sensoren am Marktplatz", tags=[child])
    unrelated = page_factory.case_study("Bürgerbüro online", tags=[parent])

    tag.parent = None
    tag.save()
    assert signals[-1] == ("tag-change", {own_page.pk, child_page.pk})

    tag.synonyms = "Parkraum"
    tag.save()
    assert signals[-1] == ("tag-change", {own_page.pk, child_page.pk})
    assert unrelated.pk not in signals[-1][1]

    signals.clear()
    tag.description = "Nur eine Beschreibung"
    tag.save()
    assert signals == []  # the description is not part of what search matches


def test_topic_rename_and_municipality_change_signal_their_pages(page_factory, signals):
    page = page_factory.case_study("Schulcampus WLAN", topics=["Bildung"])
    topic = Topic.objects.get(name="Bildung")
    topic.name = "Bildung und Schule"
    topic.save()
    assert ("topic-change", {page.pk}) in signals

    arnsberg = Municipality.objects.get(name="Arnsberg")
    arnsberg.population += 1
    arnsberg.save()
    assert ("municipality-change", {page.pk}) in signals


def test_deleting_a_tag_signals_its_pages(page_factory, signals):
    tag = Tag.objects.create(name="Pilotprojekt")
    page = page_factory.case_study("Smarte Laternen", tags=[tag])
    tag.delete()
    assert ("tag-delete", {page.pk}) in signals


def test_tag_validation_refuses_cycles_and_synonyms_that_are_tags():
    energy = Tag.objects.create(name="Energie")
    solar = Tag.objects.create(name="Solar", parent=energy)
    energy.parent = solar
    with pytest.raises(ValidationError) as error:
        energy.full_clean()
    assert "Kreis" in str(error.value)

    solar.parent = energy
    solar.synonyms = "Energie"
    with pytest.raises(ValidationError) as error:
        solar.full_clean()
    assert "zusammen" in str(error.value)

    Tag.objects.filter(pk=solar.pk).update(synonyms="PV")
    new = Tag(name="pv")
    with pytest.raises(ValidationError) as error:
        new.full_clean()
    assert "Synonym von „Solar“" in str(error.value)


# --- admin ------------------------------------------------------------------------------------


def test_curator_merges_tags_in_the_admin(client, curator, page_factory):
    source = Tag.objects.create(name="Radweg")
    target = Tag.objects.create(name="Radverkehr")
    page = page_factory.case_study("Radschnellweg Ruhr-Sieg", tags=[source])
    client.force_login(curator)

    listing = client.get(reverse("wagtailsnippets_wiki_tag:list")).content.decode()
    merge_url = reverse("wagtailsnippets_wiki_tag:merge", args=[source.pk])
    assert merge_url in listing

    form = client.get(merge_url)
    assert form.status_code == 200
    assert "1 Seite mit „Radweg“" in form.content.decode()

    unconfirmed = client.post(merge_url, {"target": target.pk})
    assert unconfirmed.status_code == 200
    assert "Bitte bestätigen" in unconfirmed.content.decode()
    assert Tag.objects.filter(pk=source.pk).exists()

    response = client.post(merge_url, {"target": target.pk, "confirm": "on"}, follow=True)
    assert response.status_code == 200
    assert "wurde mit „Radverkehr“ zusammengeführt" in response.content.decode()
    assert not Tag.objects.filter(pk=source.pk).exists()
    assert live_tag_names(page) == ["Radverkehr"]


def test_renaming_in_the_admin_keeps_the_old_name_unless_unticked(client, curator):
    tag = Tag.objects.create(name="Breitband")
    client.force_login(curator)
    url = reverse("wagtailsnippets_wiki_tag:edit", args=[tag.pk])
    data = {
        "name": "Glasfaser",
        "slug": tag.slug,
        "description": "",
        "parent": "",
        "synonyms": "",
        "keep_old_name": "on",
    }
    assert client.post(url, data).status_code == 302
    tag.refresh_from_db()
    assert tag.name == "Glasfaser" and tag.synonym_list == ["Breitband"]

    data.update(name="Glasfasernetz", synonyms="Breitband", keep_old_name="")
    del data["keep_old_name"]
    assert client.post(url, data).status_code == 302
    tag.refresh_from_db()
    assert tag.synonym_list == ["Breitband"]


def test_admin_refuses_a_synonym_that_is_another_tag_with_a_german_message(client, curator):
    Tag.objects.create(name="Nahverkehr")
    client.force_login(curator)
    response = client.post(
        reverse("wagtailsnippets_wiki_tag:add"),
        {"name": "Bus", "slug": "", "description": "", "parent": "", "synonyms": "Nahverkehr"},
    )
    assert response.status_code == 200
    assert "ist bereits ein eigenes Schlagwort" in response.content.decode()
    assert not Tag.objects.filter(name="Bus").exists()
