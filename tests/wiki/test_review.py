"""A case study goes to review and is approved only with its required sections and a
contact person (wiki/review.py); drafts may stay incomplete. Driven through the admin."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import rich_text, streamfield

from wiki.models import CaseStudyPage
from wiki.review import missing_for_review

from .conftest import ARNSBERG, town
from .test_permissions import COMPLETE_SECTIONS, add_url, case_study_form, edit_url, refused

pytestmark = pytest.mark.django_db

ONLY_GOAL = streamfield([("section", {"kind": "goal", "text": rich_text("<p>Weniger Salz.</p>")})])


def incomplete_form(title, **overrides):
    return case_study_form(title, body=ONLY_GOAL, contact="", **overrides)


def test_missing_for_review_names_sections_and_contact(page_factory):
    page = page_factory.case_study("Leere Fallstudie", live=False)
    assert missing_for_review(page) == [
        "Abschnitt „Anlass und Herausforderung“",
        "Abschnitt „Ziel“",
        "Abschnitt „Umsetzung“",
        "Abschnitt „Übertragbarkeit“",
        "Ansprechperson",
    ]
    lesson = page_factory.lesson("Eine Erfahrung", live=False)
    assert missing_for_review(lesson) == []


def test_empty_section_text_counts_as_missing(page_factory):
    page = page_factory.case_study("Mit leerem Abschnitt", live=False)
    page.body = CaseStudyPage._meta.get_field("body").to_python(
        [
            {"type": "section", "value": {"kind": kind, "text": "<p> </p>" if kind == "goal" else text}}
            for kind, text in COMPLETE_SECTIONS
        ]
    )
    assert missing_for_review(page) == ["Abschnitt „Ziel“", "Ansprechperson"]


def test_editor_may_save_an_incomplete_draft(client, editor_arnsberg):
    client.force_login(editor_arnsberg)
    response = client.post(add_url(town(ARNSBERG)), incomplete_form("Erst ein Entwurf"))
    assert response.status_code == 302
    page = CaseStudyPage.objects.get(title="Erst ein Entwurf")
    assert page.current_workflow_state is None


def test_submit_of_an_incomplete_case_study_is_refused_with_german_message(client, editor_arnsberg):
    client.force_login(editor_arnsberg)
    data = incomplete_form("Unvollständig eingereicht")
    data["action-submit"] = "Zur Prüfung einreichen"
    response = client.post(add_url(town(ARNSBERG)), data)
    assert response.status_code == 200  # the form again, with the message
    html = response.content.decode()
    assert (
        "Es fehlt: Abschnitt „Anlass und Herausforderung“, Abschnitt „Umsetzung“, Abschnitt „Übertragbarkeit“, Ansprechperson"
        in html
    )
    assert "Bitte wählen Sie eine Ansprechperson aus" in html
    assert not CaseStudyPage.objects.filter(title="Unvollständig eingereicht").exists()


def test_submit_of_an_existing_draft_is_refused_until_complete(client, editor_arnsberg):
    client.force_login(editor_arnsberg)
    client.post(add_url(town(ARNSBERG)), incomplete_form("Wird noch ergänzt"))
    page = CaseStudyPage.objects.get(title="Wird noch ergänzt")

    data = incomplete_form("Wird noch ergänzt")
    data["action-submit"] = "1"
    response = client.post(edit_url(page), data)
    assert "Es fehlt:" in response.content.decode()
    page.refresh_from_db()
    assert page.current_workflow_state is None

    data = case_study_form("Wird noch ergänzt")
    data["action-submit"] = "1"
    assert client.post(edit_url(page), data).status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_curator_cannot_publish_an_incomplete_case_study(client, curator):
    client.force_login(curator)
    data = incomplete_form("Schnell veröffentlicht")
    data["action-publish"] = "Veröffentlichen"
    response = client.post(add_url(town(ARNSBERG)), data)
    assert "kann so nicht zur Prüfung eingereicht oder veröffentlicht werden" in response.content.decode()
    assert not CaseStudyPage.objects.filter(title="Schnell veröffentlicht", live=True).exists()


def _in_review_incomplete(page_factory, editor, roles):
    """An incomplete case study in review (e.g. submitted before the check existed)."""
    page = page_factory.case_study("Alt eingereicht", live=False)
    roles["workflow"].start(page, editor)
    page.refresh_from_db()
    return page


def test_curator_approve_of_an_incomplete_case_study_is_refused(client, page_factory, editor_arnsberg, curator, roles):
    page = _in_review_incomplete(page_factory, editor_arnsberg, roles)
    task_state = page.current_workflow_task_state
    client.force_login(curator)

    edit = client.get(edit_url(page)).content.decode()
    assert "Die Fallstudie kann so nicht freigegeben werden. Es fehlt:" in edit
    assert "Ansprechperson" in edit

    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    assert refused(client.post(url, {"comment": ""}))
    page.refresh_from_db()
    assert page.live is False
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    # Approving from the edit form with the parts still missing: the form says what is missing.
    data = incomplete_form("Alt eingereicht")
    data.update({"action-workflow-action": "1", "workflow-action-name": "approve"})
    response = client.post(edit_url(page), data)
    assert "Es fehlt:" in response.content.decode()
    page.refresh_from_db()
    assert page.live is False

    # Request changes stays possible.
    reject = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk))
    assert client.post(reject, {"comment": "Bitte Abschnitte ergänzen."}).status_code == 302


def test_review_list_shows_the_town(client, editor_arnsberg, curator):
    client.force_login(editor_arnsberg)
    data = case_study_form("Digitale Bauakte")
    data["action-submit"] = "1"
    client.post(add_url(town(ARNSBERG)), data)
    client.force_login(curator)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Digitale Bauakte (Arnsberg)" in dashboard
    report = client.get(reverse("wagtailadmin_reports:workflow")).content.decode()
    assert "Digitale Bauakte (Arnsberg)" in report
