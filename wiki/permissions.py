"""Roles of the knowledge base and the review workflow, created idempotently.

- Curators ("Kuratorinnen und Kuratoren", the agency): add, edit, publish, delete and lock
  every page below the Kommunen index; the taxonomy snippets (Topic, Tag), contact persons
  and municipality data; documents in every collection; they approve in the workflow.
- Town editors ("Redaktion <Name>", one group per town): add and edit pages below their own
  town's page only (Wagtail tree permissions), no publish permission, so saving ends in
  "submit for review"; documents only in their town's collection; they pick existing tags
  and topics but cannot edit them. Missing tags go into the page's "Schlagwort-Vorschlag"
  field, which the reviewing curator turns into a tag.
- Workflow "Redaktionelle Prüfung" on the Kommunen index: one group approval task for the
  curators. Approve publishes, "request changes" sends the page back with a comment.

Every function here may run again at any time (setup_site, add_editor_group, tests) and
only adds what is missing; it never removes permissions an administrator granted by hand.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from wiki.models import Municipality, MunicipalityIndexPage, MunicipalityPage

CURATOR_GROUP = "Kuratorinnen und Kuratoren"
EDITOR_GROUP_PREFIX = "Redaktion "
WORKFLOW_NAME = "Redaktionelle Prüfung"
APPROVAL_TASK_NAME = "Prüfung durch Kuratorinnen und Kuratoren"
TOWN_COLLECTIONS_ROOT = "Kommunen"

CURATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"]
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
CURATOR_DOCUMENT_PERMISSIONS = ["add_document", "change_document", "choose_document", "delete_document"]
EDITOR_DOCUMENT_PERMISSIONS = ["add_document", "change_document", "choose_document"]

CURATOR_MODEL_PERMISSIONS = [
    "wagtailadmin.access_admin",
    *(
        f"wiki.{action}_{model}"
        for model in ("tag", "topic", "contactperson")
        for action in ("add", "change", "delete", "view")
    ),
    "wiki.change_municipality",
    "wiki.view_municipality",
    *(f"wiki.{action}_village" for action in ("add", "change", "delete", "view")),
    # Guides are the agency's curriculum: only curators publish them (wiki/models/guides.py).
    "wiki.publish_guide",
    # Reports → Suchanfragen (search/wagtail_hooks.py): what people search for, no personal data.
    "search.view_searchquerylog",
]
# Editors may create a contact person from the chooser (it is their own colleague) but not
# change or delete existing ones, which may belong to another town.
# Villages of their own town only (wiki/village_admin.py narrows the list and the form).
EDITOR_MODEL_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "wiki.add_contactperson",
    "wiki.add_village",
    "wiki.change_village",
    "wiki.view_village",
]


class SetupError(RuntimeError):
    """Something the roles depend on is missing; the message says what to run."""


def editor_group_name(municipality):
    return f"{EDITOR_GROUP_PREFIX}{municipality.name}"


def _permission(dotted):
    app_label, codename = dotted.split(".", 1)
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def _document_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtaildocs", codename=codename)


def _grant(group, page=None, collection=None, page_codenames=(), document_codenames=(), model_permissions=()):
    group.permissions.add(*(_permission(dotted) for dotted in model_permissions))
    for codename in page_codenames:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=_page_permission(codename))
    for codename in document_codenames:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_document_permission(codename)
        )


def _index_page():
    index = MunicipalityIndexPage.objects.first()
    if index is None:
        raise SetupError("Die Seite „Kommunen“ fehlt. Bitte zuerst `python manage.py setup_site` ausführen.")
    return index


def town_collection(municipality):
    """The document collection of a town, below a shared "Kommunen" collection."""
    root = Collection.get_first_root_node()
    towns = root.get_children().filter(name=TOWN_COLLECTIONS_ROOT).first()
    if towns is None:
        towns = root.add_child(name=TOWN_COLLECTIONS_ROOT)
    collection = towns.get_children().filter(name=municipality.name).first()
    if collection is None:
        collection = towns.add_child(name=municipality.name)
    return collection


@transaction.atomic
def ensure_curator_group():
    group, _ = Group.objects.get_or_create(name=CURATOR_GROUP)
    _grant(
        group,
        page=_index_page(),
        collection=Collection.get_first_root_node(),
        page_codenames=CURATOR_PAGE_PERMISSIONS,
        document_codenames=CURATOR_DOCUMENT_PERMISSIONS,
        model_permissions=CURATOR_MODEL_PERMISSIONS,
    )
    return group


@transaction.atomic
def ensure_editor_group(municipality):
    """Editor group of one town: pages below its town page, documents in its collection."""
    town_page = MunicipalityPage.objects.filter(municipality=municipality).first()
    if town_page is None:
        raise SetupError(
            f"Für {municipality.name} gibt es noch keine Kommunenseite. "
            "Bitte zuerst `python manage.py setup_site` ausführen."
        )
    group, _ = Group.objects.get_or_create(name=editor_group_name(municipality))
    _grant(
        group,
        page=town_page,
        collection=town_collection(municipality),
        page_codenames=EDITOR_PAGE_PERMISSIONS,
        document_codenames=EDITOR_DOCUMENT_PERMISSIONS,
        model_permissions=EDITOR_MODEL_PERMISSIONS,
    )
    return group


@transaction.atomic
def ensure_review_workflow(curators):
    """The workflow every page below the Kommunen index goes through."""
    from wiki.models import ReviewApprovalTask

    task = ReviewApprovalTask.objects.filter(name=APPROVAL_TASK_NAME).first()
    if task is None:
        task = ReviewApprovalTask.objects.create(name=APPROVAL_TASK_NAME)
    task.groups.add(curators)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    # Installations from before the completeness check used a plain group task: take it out
    # of the workflow (pages already in review with it finish there).
    for old in GroupApprovalTask.objects.filter(name=APPROVAL_TASK_NAME, workflow_tasks__workflow=workflow):
        WorkflowTask.objects.filter(workflow=workflow, task=old).delete()
        GroupApprovalTask.objects.filter(pk=old.pk).update(active=False)
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=_index_page(), defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def ensure_roles():
    """Curators, the review workflow and one editor group per pioneer town."""
    curators = ensure_curator_group()
    workflow = ensure_review_workflow(curators)
    editors = [ensure_editor_group(town) for town in Municipality.objects.filter(pioneer=True).order_by("name")]
    return curators, workflow, editors


def find_municipality(key):
    """A municipality by AGS (8 digits) or exact name (case-insensitive); None if unknown."""
    key = (key or "").strip()
    if key.isdigit():
        return Municipality.objects.filter(ags=key).first()
    return Municipality.objects.filter(name__iexact=key).first()


def is_curator(user):
    return user.is_active and (user.is_superuser or user.groups.filter(name=CURATOR_GROUP).exists())


def editor_towns(user):
    """The municipalities whose editor group `user` belongs to (queryset, possibly empty)."""
    if not user.is_authenticated or not user.is_active:
        return Municipality.objects.none()
    names = [
        name[len(EDITOR_GROUP_PREFIX) :]
        for name in user.groups.filter(name__startswith=EDITOR_GROUP_PREFIX).values_list("name", flat=True)
    ]
    return Municipality.objects.filter(name__in=names)


def towns_in_charge(user):
    """The municipalities `user` acts for: every one for curators, else their editor towns
    (villages they maintain, adoptions they record)."""
    if user.is_authenticated and is_curator(user):
        return Municipality.objects.all()
    return editor_towns(user)
