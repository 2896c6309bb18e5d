"""Recording adoptions: who may, what is shown where, what the author town hears."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.template import Context, Template
from django.test import RequestFactory

from tests.transfer.conftest import BESTWIG, adopt, restrict, town
from transfer.adoptions import adoption_counts, adoptions_for_export, most_adopted, municipality_adoptions
from transfer.models import Adoption

pytestmark = pytest.mark.django_db(transaction=False)

SOEST = "05974040"
ARNSBERG = "05958004"


def record(client, page, ags, **data):
    payload = {"municipality": town(ags).municipality.pk, "status": "preparing", "note": "Wir starten im Frühjahr."}
    payload.update(data)
    return client.post(f"/uebernahmen/{page.pk}/", payload)


def test_editor_of_b_records_adoption_for_b(db, client, page_factory, editor_soest, django_capture_on_commit_callbacks):
    page = page_factory.case_study()
    client.force_login(editor_soest)
    with django_capture_on_commit_callbacks(execute=True):
        response = record(client, page, SOEST, contact="Frau Beispiel, 02921 103-0")
    assert response.status_code == 302
    adoption = Adoption.objects.get()
    assert (adoption.municipality.name, adoption.status, adoption.recorded_by) == ("Soest", "preparing", editor_soest)


def test_editor_of_c_cannot_record_for_b(db, client, page_factory, editor_soest, editor_bestwig):
    page = page_factory.case_study()
    client.force_login(editor_bestwig)
    response = record(client, page, SOEST)
    assert response.status_code == 400
    assert "Auswahl" in response.content.decode() or "gültige" in response.content.decode()
    assert not Adoption.objects.exists()
    # …but for the own town it works.
    assert record(client, page, BESTWIG).status_code == 302
    assert Adoption.objects.get().municipality.ags == BESTWIG


def test_curator_may_record_for_any_town(db, client, page_factory, curator):
    page = page_factory.template()
    client.force_login(curator)
    assert record(client, page, BESTWIG, status="interested").status_code == 302
    assert record(client, page, SOEST, status="implemented").status_code == 302
    assert Adoption.objects.count() == 2


def test_anonymous_is_sent_to_login_and_nothing_is_saved(db, client, page_factory):
    page = page_factory.case_study()
    response = record(client, page, SOEST)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not Adoption.objects.exists()


def test_editor_without_other_town_gets_403_on_own_page(db, client, page_factory, editor_arnsberg):
    page = page_factory.case_study()  # Arnsberg's own page
    client.force_login(editor_arnsberg)
    assert client.get(f"/uebernahmen/{page.pk}/").status_code == 403
    assert record(client, page, ARNSBERG).status_code == 403


def test_discarded_needs_a_reason_in_german(db, client, page_factory, editor_soest):
    page = page_factory.case_study()
    client.force_login(editor_soest)
    response = record(client, page, SOEST, status="discarded", reason="  ")
    assert response.status_code == 400
    assert "Bitte geben Sie einen Grund an" in response.content.decode()
    assert record(client, page, SOEST, status="discarded", reason="Zu teuer für uns.").status_code == 302
    assert Adoption.objects.get().reason == "Zu teuer für uns."


def test_second_entry_of_same_town_updates_the_first(db, client, page_factory, editor_soest):
    page = page_factory.case_study()
    client.force_login(editor_soest)
    record(client, page, SOEST, status="interested")
    record(client, page, SOEST, status="implemented")
    assert list(Adoption.objects.values_list("status", flat=True)) == ["implemented"]


def test_lessons_and_drafts_cannot_be_adopted(db, client, page_factory, editor_soest):
    client.force_login(editor_soest)
    assert client.get(f"/uebernahmen/{page_factory.lesson().pk}/").status_code == 404
    assert client.get(f"/uebernahmen/{page_factory.case_study(live=False).pk}/").status_code == 404


def test_own_case_study_must_belong_to_adopting_town(db, client, page_factory, curator):
    page = page_factory.case_study()
    foreign = page_factory.case_study("Fremde Fallstudie", ags=ARNSBERG)
    own = page_factory.case_study("Soester Parkraum", ags=SOEST)
    client.force_login(curator)
    assert record(client, page, SOEST, own_case_study=foreign.pk).status_code == 400
    assert record(client, page, SOEST, own_case_study=own.pk).status_code == 302
    assert Adoption.objects.get().own_case_study_id == own.pk


def test_authors_editors_get_a_mail(
    db, client, page_factory, editor_soest, editor_arnsberg, django_capture_on_commit_callbacks
):
    page = page_factory.case_study("Smarte Straßenbeleuchtung")
    client.force_login(editor_soest)
    with django_capture_on_commit_callbacks(execute=True):
        record(client, page, SOEST)
    assert [m.to for m in mail.outbox] == [[editor_arnsberg.email]]
    assert "Soest" in mail.outbox[0].subject and "Smarte Straßenbeleuchtung" in mail.outbox[0].body


def test_counts_and_lists_leave_out_drafts_and_restricted_pages(db, page_factory):
    public = page_factory.case_study("Öffentlich")
    hidden = page_factory.case_study("Geschützt")
    draft = page_factory.template("Entwurf")
    for page in (public, hidden, draft):
        adopt(page, SOEST)
        adopt(page, BESTWIG, status="discarded", reason="passt nicht")
    restrict(hidden)
    draft.unpublish()
    assert adoption_counts([public.pk, hidden.pk, draft.pk]) == {public.pk: 1}  # discarded: not adopted
    assert adoption_counts() == {public.pk: 1}
    assert [(p.title, n) for p, n in most_adopted()] == [("Öffentlich", 1)]  # discarded not "adopted"
    lists = municipality_adoptions(town(SOEST).municipality)
    assert [a.page.title for a in lists["taken_over"]] == ["Öffentlich"]
    assert [a.page.title for a in municipality_adoptions(town(ARNSBERG).municipality)["taken_from"]] == [
        "Öffentlich"
    ] * 2
    assert adoptions_for_export(hidden) == [] and adoptions_for_export(draft) == []
    rows = adoptions_for_export(public)
    assert {row["municipality_ags"] for row in rows} == {SOEST, BESTWIG}
    assert "contact" not in rows[0]


def test_panel_shows_count_statuses_and_contact_only_to_editors(db, page_factory, editor_soest):
    page = page_factory.case_study()
    adopt(page, SOEST, contact="Herr Kontakt")
    adopt(page, BESTWIG, status="discarded", reason="Kein Personal")
    template = Template("{% load transfer_tags %}{% adoptions_panel page %}")
    request = RequestFactory().get(page.url)
    request.user = AnonymousUser()
    html = template.render(Context({"page": page, "request": request}))
    assert "Übernommen von 1 Kommune<" in html  # the discarded one is listed, not counted
    assert "1 Kommune hat die Übernahme geprüft und verworfen" in html
    assert "umgesetzt" in html and "verworfen" in html and "Kein Personal" in html
    assert "Herr Kontakt" not in html and "Übernahme eintragen" not in html
    request.user = editor_soest
    html = template.render(Context({"page": page, "request": request}))
    assert "Herr Kontakt" in html and f"/uebernahmen/{page.pk}/" in html


def test_town_page_and_start_page_tags(db, page_factory):
    page = page_factory.case_study("Mobilstation")
    adopt(page, SOEST)
    html = Template("{% load transfer_tags %}{% municipality_adoptions town %}").render(
        Context({"town": town(ARNSBERG).municipality})
    )
    assert "Andere Kommunen haben von Arnsberg übernommen" in html and "Mobilstation" in html and "Soest" in html
    html = Template("{% load transfer_tags %}{% municipality_adoptions town %}").render(
        Context({"town": town(SOEST).municipality})
    )
    assert "Soest hat übernommen" in html and "von Arnsberg" in html
    html = Template("{% load transfer_tags %}{% most_adopted_solutions %}").render(Context({}))
    assert "Am häufigsten übernommen" in html and "von 1 Kommune übernommen" in html


def test_demo_adoptions_are_idempotent(db, page_factory):
    from transfer.demo import load_demo_adoptions
    from wiki.models import KnowledgePage

    page_factory.case_study()
    page_factory.template("Muster")
    KnowledgePage.objects.update(is_demo=True)
    first = load_demo_adoptions()
    assert first >= 4 and load_demo_adoptions() == 0


def test_only_the_towns_editors_may_delete_its_entry(db, client, page_factory, editor_soest, editor_bestwig):
    adoption = adopt(page_factory.case_study(), SOEST)
    url = f"/uebernahmen/eintrag/{adoption.pk}/loeschen/"
    client.force_login(editor_bestwig)
    assert client.post(url).status_code == 403 and Adoption.objects.exists()
    client.force_login(editor_soest)
    page = client.get(f"/uebernahmen/{adoption.page_id}/").content.decode()
    assert "Eintrag von Soest löschen" in page
    assert client.post(url).status_code == 302 and not Adoption.objects.exists()


def test_panel_renders_nothing_for_lessons(db, page_factory):
    html = Template("{% load transfer_tags %}{% adoptions_panel page %}").render(
        Context({"page": page_factory.lesson(), "request": None})
    )
    assert html.strip() == ""


def test_export_rows_in_bulk(db, page_factory):
    from transfer.adoptions import export_rows_by_page

    first, second = page_factory.case_study("Eins"), page_factory.template("Zwei")
    own = page_factory.case_study("Soester Variante", ags=SOEST)
    adopt(first, SOEST, own_case_study=own, note="läuft")
    adopt(second, BESTWIG, status="interested")
    rows = export_rows_by_page([first.pk, second.pk])
    assert rows[first.pk][0]["own_case_study_url"].endswith(own.url) and rows[first.pk][0]["note"] == "läuft"
    assert [r["status_label"] for r in rows[second.pk]] == ["interessiert"]
