"""Permission matrix of the knowledge base, driven through the real Wagtail admin views.

Roles: curators (agency) and one editor group per pioneer town. Each test logs in as one
role and asserts what a user of that role would see: allowed actions succeed, refused ones
change nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Collection, Page, TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from wiki.models import CaseStudyPage, KnowledgeDocument, Tag, Topic
from wiki.permissions import WORKFLOW_NAME
from wiki.slugs import german_slug

from .conftest import ARNSBERG, SOEST, town

pytestmark = pytest.mark.django_db


COMPLETE_SECTIONS = [
    ("challenge", "<p>Zu viel Streusalz auf trockenen Straßen.</p>"),
    ("goal", "<p>Weniger Salz, gleiche Sicherheit.</p>"),
    ("implementation", "<p>Glättesensoren an zwölf Brücken melden an die Einsatzplanung.</p>"),
    ("transferability", "<p>Jede Kommune mit eigenem Winterdienst kann die Sensoren nachrüsten.</p>"),
]


def _contact_id():
    from wiki.models import ContactPerson, Municipality

    contact, _ = ContactPerson.objects.get_or_create(
        name="Erika Beispiel", municipality=Municipality.objects.get(ags=ARNSBERG)
    )
    return str(contact.pk)


def case_study_form(title="Sensorgestützte Winterdienst-Planung", **overrides):
    """POST data of the case-study form as the admin's browser sends it; complete for review
    (wiki/review.py) unless `body` or `contact` are overridden."""
    mobility = Topic.objects.get(name="Mobilität")
    lists = {"topics": [str(mobility.pk)], "tags": []}
    lists.update({key: overrides.pop(key) for key in ("topics", "tags") if key in overrides})
    data = {
        "title": title,
        "slug": german_slug(title),
        "summary": "Streufahrzeuge fahren nur dort, wo Sensoren Glätte melden.",
        "tag_suggestions": "",
        "phase": "pilot",
        "start_year": "2022",
        "end_year": "",
        "body": streamfield([("section", {"kind": kind, "text": rich_text(text)}) for kind, text in COMPLETE_SECTIONS]),
        "effort_time": "",
        "effort_staff": "",
        "effort_cost": "",
        "funding_programme": "",
        "budget": "",
        "operator_model": "",
        "licence": "",
        "source_url": "",
        "contact": overrides.pop("contact") if "contact" in overrides else _contact_id(),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    # Multi-value fields stay lists (nested_form_data would number them like formsets).
    return {**nested_form_data(data), **lists}


def add_url(parent, model="casestudypage"):
    return reverse("wagtailadmin_pages:add", args=("wiki", model, parent.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def submit_case_study(client, parent, title, **overrides):
    data = case_study_form(title, **overrides)
    data["action-submit"] = "Zur Prüfung einreichen"
    return client.post(add_url(parent), data)


def form_errors(response):
    form = response.context and response.context.get("form")
    if form is None:
        return response.status_code
    return {
        "form": form.errors,
        "formsets": {k: [f.errors for f in v.forms] for k, v in getattr(form, "formsets", {}).items()},
    }


def refused(response):
    """Wagtail answers a forbidden admin action with 403 or a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] in ("/admin/", reverse("wagtailadmin_home"))
    )


# --- groups and workflow exist --------------------------------------------------------------


def test_setup_creates_curators_editor_group_per_pioneer_and_workflow(roles):
    assert roles["curators"].name == "Kuratorinnen und Kuratoren"
    assert sorted(roles["editors"]) == [
        "Redaktion Arnsberg",
        "Redaktion Bad Berleburg",
        "Redaktion Iserlohn",
        "Redaktion Menden (Sauerland)",
        "Redaktion Olpe",
        "Redaktion Soest",
    ]
    workflow = roles["workflow"]
    assert workflow.name == WORKFLOW_NAME
    soest_page = town(SOEST)
    assert soest_page.get_workflow() == workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.all()) == [roles["curators"]]


# --- town editor ----------------------------------------------------------------------------


def test_editor_creates_case_study_in_own_town_and_submits_it_for_review(client, editor_arnsberg):
    client.force_login(editor_arnsberg)
    response = submit_case_study(client, town(ARNSBERG), "Sensorgestützte Winterdienst-Planung")
    assert response.status_code == 302, form_errors(response)

    page = CaseStudyPage.objects.get(title="Sensorgestützte Winterdienst-Planung")
    assert page.municipality.name == "Arnsberg"
    assert page.live is False
    state = page.current_workflow_state
    assert state is not None and state.workflow.name == WORKFLOW_NAME
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == editor_arnsberg


def test_editor_cannot_publish_directly(client, editor_arnsberg):
    client.force_login(editor_arnsberg)
    data = case_study_form("Direkt veröffentlicht?")
    data["action-publish"] = "Veröffentlichen"
    response = client.post(add_url(town(ARNSBERG)), data)
    assert response.status_code == 302
    # Wagtail ignores the publish action without publish permission and keeps a draft.
    page = CaseStudyPage.objects.get(title="Direkt veröffentlicht?")
    assert page.live is False
    assert client.get(page.url).status_code == 404

    edit_form = client.get(edit_url(page)).content.decode()
    assert 'name="action-submit"' in edit_form
    assert 'name="action-publish"' not in edit_form


def test_editor_cannot_add_or_edit_pages_of_another_town(client, editor_arnsberg, page_factory):
    soest_case = page_factory.case_study("Smarte Mülleimer in Soest", ags=SOEST)
    client.force_login(editor_arnsberg)

    assert refused(client.get(add_url(town(SOEST))))
    assert refused(submit_case_study(client, town(SOEST), "Eingeschmuggelt"))
    assert not CaseStudyPage.objects.filter(title="Eingeschmuggelt").exists()

    assert refused(client.get(edit_url(soest_case)))
    data = case_study_form("Überschrieben")
    data["action-submit"] = "1"
    assert refused(client.post(edit_url(soest_case), data))
    soest_case.refresh_from_db()
    assert soest_case.title == "Smarte Mülleimer in Soest"
    assert soest_case.get_latest_revision().content["title"] == "Smarte Mülleimer in Soest"


def test_editor_edits_pages_of_own_town(client, editor_arnsberg, page_factory):
    arnsberg_case = page_factory.case_study("Bürgerbus-App")
    client.force_login(editor_arnsberg)
    assert client.get(edit_url(arnsberg_case)).status_code == 200
    data = case_study_form("Bürgerbus-App 2.0")
    data["action-submit"] = "1"
    response = client.post(edit_url(arnsberg_case), data)
    assert response.status_code == 302
    arnsberg_case.refresh_from_db()
    assert arnsberg_case.title == "Bürgerbus-App"  # live version unchanged until approved
    assert arnsberg_case.get_latest_revision().content["title"] == "Bürgerbus-App 2.0"
    assert arnsberg_case.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_editor_cannot_create_edit_or_merge_tags_and_topics(client, editor_arnsberg):
    tag = Tag.objects.create(name="Nahverkehr")
    other = Tag.objects.create(name="ÖPNV-Angebot")
    topic = Topic.objects.get(name="Mobilität")
    client.force_login(editor_arnsberg)

    assert refused(client.get(reverse("wagtailsnippets_wiki_tag:list")))
    assert refused(client.post(reverse("wagtailsnippets_wiki_tag:add"), {"name": "Neues Schlagwort"}))
    assert not Tag.objects.filter(name="Neues Schlagwort").exists()
    assert refused(
        client.post(reverse("wagtailsnippets_wiki_tag:edit", args=[tag.pk]), {"name": "Umbenannt", "slug": tag.slug})
    )
    assert refused(client.post(reverse("wagtailsnippets_wiki_tag:delete", args=[tag.pk])))
    assert refused(
        client.post(reverse("wagtailsnippets_wiki_tag:merge", args=[tag.pk]), {"target": other.pk, "confirm": "on"})
    )
    assert Tag.objects.filter(pk=tag.pk, name="Nahverkehr").exists()

    assert refused(client.get(reverse("wagtailsnippets_wiki_topic:list")))
    assert refused(
        client.post(
            reverse("wagtailsnippets_wiki_topic:edit", args=[topic.pk]), {"name": "Verkehr", "slug": topic.slug}
        )
    )
    topic.refresh_from_db()
    assert topic.name == "Mobilität"
    assert refused(client.get(reverse("wiki_tag_suggestions")))
    assert refused(client.get(reverse("wagtailsnippets_wiki_municipality:list")))


def test_editor_adds_contact_persons_but_cannot_change_existing_ones(client, editor_arnsberg):
    from wiki.models import ContactPerson, Municipality

    soest = Municipality.objects.get(ags=SOEST)
    foreign = ContactPerson.objects.create(name="Max Muster", municipality=soest)
    client.force_login(editor_arnsberg)
    arnsberg = Municipality.objects.get(ags=ARNSBERG)
    response = client.post(
        reverse("wagtailsnippets_wiki_contactperson:add"),
        {"name": "Erika Beispiel", "role": "Digitalisierung", "municipality": arnsberg.pk, "email": "", "phone": ""},
    )
    assert response.status_code == 302
    assert ContactPerson.objects.filter(name="Erika Beispiel").exists()
    edit = reverse("wagtailsnippets_wiki_contactperson:edit", args=[foreign.pk])
    assert refused(client.post(edit, {"name": "Geändert", "municipality": soest.pk}))
    foreign.refresh_from_db()
    assert foreign.name == "Max Muster"


def test_editor_picks_existing_tags_and_proposes_new_ones_in_the_suggestion_field(client, editor_arnsberg, curator):
    tag = Tag.objects.create(name="Sensorik")
    client.force_login(editor_arnsberg)
    response = submit_case_study(
        client, town(ARNSBERG), "Glättemeldeanlage", tags=[str(tag.pk)], tag_suggestions="Straßenwetter"
    )
    assert response.status_code == 302
    page = CaseStudyPage.objects.get(title="Glättemeldeanlage")
    revision = page.get_latest_revision()
    assert revision.content["tags"] == [tag.pk]
    assert not Tag.objects.filter(name="Straßenwetter").exists()

    client.force_login(curator)
    report = client.get(reverse("wiki_tag_suggestions"))
    assert report.status_code == 200
    assert "Straßenwetter" in report.content.decode()
    assert "Glättemeldeanlage" in report.content.decode()


def _pdf():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.cell(0, 6, "Muster-Ratsvorlage")
    return bytes(pdf.output())


def test_editor_uploads_documents_only_into_own_town_collection(client, editor_arnsberg, curator):
    client.force_login(editor_arnsberg)
    own = Collection.objects.get(name="Arnsberg")
    foreign = Collection.objects.get(name="Soest")
    upload = reverse("wagtaildocs:add")
    assert client.get(upload).status_code == 200

    pdf = SimpleUploadedFile("vorlage.pdf", _pdf(), content_type="application/pdf")
    client.post(upload, {"title": "Ratsvorlage Arnsberg", "file": pdf, "collection": foreign.pk})
    # Only one collection is allowed, so Wagtail puts the upload there whatever is posted.
    document = KnowledgeDocument.objects.get(title="Ratsvorlage Arnsberg")
    assert document.collection == own

    # Documents of other towns are not offered in the editor's chooser.
    soest_document = KnowledgeDocument.objects.create(
        title="Vorlage aus Soest", collection=foreign, file=SimpleUploadedFile("soest.pdf", _pdf())
    )
    chooser = client.get(reverse("wagtaildocs_chooser:choose")).content.decode()
    assert "Ratsvorlage Arnsberg" in chooser
    assert soest_document.title not in chooser

    client.force_login(curator)
    chooser = client.get(reverse("wagtaildocs_chooser:choose")).content.decode()
    assert "Ratsvorlage Arnsberg" in chooser and soest_document.title in chooser


# --- curator --------------------------------------------------------------------------------


def test_curator_approves_submission_and_page_goes_live(client, editor_arnsberg, curator):
    client.force_login(editor_arnsberg)
    submit_case_study(client, town(ARNSBERG), "Digitale Bauakte")
    page = CaseStudyPage.objects.get(title="Digitale Bauakte")
    task_state = page.current_workflow_task_state
    assert task_state is not None

    # The editor is not a reviewer: approving is refused.
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    client.post(url, {"comment": ""})
    page.refresh_from_db()
    assert page.live is False

    client.force_login(curator)
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert "Digitale Bauakte" in dashboard.content.decode()  # waiting for the curator's review
    response = client.post(url, {"comment": "Gut beschrieben."}, follow=True)
    assert response.status_code == 200
    page.refresh_from_db()
    assert page.live is True
    assert client.get(page.url).status_code == 200
    assert WorkflowState.objects.get(pk=task_state.workflow_state_id).status == WorkflowState.STATUS_APPROVED


def test_curator_rejects_with_comment_page_stays_offline_and_editor_sees_comment(client, editor_arnsberg, curator):
    client.force_login(editor_arnsberg)
    submit_case_study(client, town(ARNSBERG), "Open-Data-Portal")
    page = CaseStudyPage.objects.get(title="Open-Data-Portal")
    task_state = page.current_workflow_task_state

    client.force_login(curator)
    comment = "Bitte Kosten und Förderprogramm ergänzen."
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk))
    assert client.post(url, {"comment": comment}, follow=True).status_code == 200

    page.refresh_from_db()
    assert page.live is False
    task_state = TaskState.objects.get(pk=task_state.pk)
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == comment
    assert client.get(page.url).status_code == 404

    client.force_login(editor_arnsberg)
    history = client.get(
        reverse("wagtailadmin_pages:workflow_history_detail", args=(page.pk, task_state.workflow_state_id))
    )
    assert history.status_code == 200
    assert comment in history.content.decode()
    # The editor can revise and resubmit.
    assert client.get(edit_url(page)).status_code == 200


def test_curator_edits_and_publishes_any_town_directly(client, curator, page_factory):
    soest_case = page_factory.case_study("Smart Parking Soest", ags=SOEST)
    client.force_login(curator)
    data = case_study_form("Smart Parking Soest (aktualisiert)")
    data["action-publish"] = "1"
    response = client.post(edit_url(soest_case), data)
    assert response.status_code == 302
    soest_case.refresh_from_db()
    assert soest_case.live and soest_case.title == "Smart Parking Soest (aktualisiert)"


def test_curator_manages_tags_and_topics_in_admin(client, curator):
    client.force_login(curator)
    for name in ("tag", "topic", "contactperson", "municipality"):
        assert client.get(reverse(f"wagtailsnippets_wiki_{name}:list")).status_code == 200, name
    response = client.post(
        reverse("wagtailsnippets_wiki_tag:add"),
        {"name": "Nahverkehr", "slug": "", "description": "Busse und Bahnen", "parent": "", "synonyms": "ÖPNV\nÖV"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    tag = Tag.objects.get(name="Nahverkehr")
    assert tag.slug == "nahverkehr" and tag.synonym_list == ["ÖPNV", "ÖV"]

    topic = Topic.objects.get(name="Bildung")
    response = client.post(
        reverse("wagtailsnippets_wiki_topic:edit", args=[topic.pk]),
        {"name": "Bildung und Schule", "slug": topic.slug, "description": "", "sort_order": topic.sort_order},
    )
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.name == "Bildung und Schule"


def test_curator_cannot_see_admin_only_areas_but_has_pages_everywhere_below_kommunen(client, curator):
    client.force_login(curator)
    assert refused(client.get(reverse("wagtailusers_users:index")))
    home = Page.objects.get(depth=2)
    assert client.get(reverse("wagtailadmin_explore", args=[town(SOEST).pk])).status_code == 200
    assert refused(client.get(edit_url(home)))


def test_anonymous_users_are_sent_to_login(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_editor_may_edit_the_town_intro_but_not_repoint_the_town_page(client, editor_arnsberg):
    client.force_login(editor_arnsberg)
    form = client.get(edit_url(town(ARNSBERG))).content.decode()
    assert 'name="intro"' in form
    assert 'name="municipality"' not in form


def test_curator_corrects_municipality_data_in_the_admin(client, curator, page_factory):
    from wiki.models import Municipality
    from wiki.signals import knowledge_pages_changed

    page = page_factory.case_study("Bürgerbus-App")
    arnsberg = Municipality.objects.get(ags=ARNSBERG)
    received = []
    knowledge_pages_changed.connect(lambda sender, **kw: received.append(kw), dispatch_uid="test-muni", weak=False)
    try:
        client.force_login(curator)
        url = reverse("wagtailsnippets_wiki_municipality:edit", args=[arnsberg.pk])
        form = client.get(url)
        assert form.status_code == 200
        data = {
            "name": arnsberg.name,
            "district_ags": arnsberg.district_ags,
            "district_name": arnsberg.district_name,
            "population": "75000",
            "population_date": "2024-12-31",
            "latitude": str(arnsberg.latitude),
            "longitude": str(arnsberg.longitude),
            "is_town": "on",
            "pioneer": "on",
            "ags": "99999999",  # read-only in the form: ignored
        }
        response = client.post(url, data)
        assert response.status_code == 302, form_errors(response)
    finally:
        knowledge_pages_changed.disconnect(dispatch_uid="test-muni")
    arnsberg.refresh_from_db()
    assert arnsberg.population == 75000 and arnsberg.ags == ARNSBERG
    assert any(kw["reason"] == "municipality-change" and page.pk in kw["page_ids"] for kw in received)

    client.force_login(curator)
    assert refused(client.get(reverse("wagtailsnippets_wiki_municipality:add")))
