"""Wagtail's initial groups ("Editors", "Moderators") and workflow ("Moderators approval")
grant rights on the whole page tree next to the project's own roles (wiki/permissions.py).
setup_site removes them, but only while they are exactly what Wagtail created: a group
someone added users or rights to, or a workflow someone used or changed, stays as it is.
"""

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowState

DEFAULT_GROUPS = {
    "Editors": {"add_page", "change_page"},
    "Moderators": {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"},
}
DEFAULT_MODEL_PERMISSIONS = {
    ("wagtailadmin", "access_admin"),
    *(("wagtaildocs", f"{action}_document") for action in ("add", "change", "choose", "delete")),
    *(("wagtailimages", f"{action}_image") for action in ("add", "change", "choose", "delete")),
}
DEFAULT_COLLECTION_PERMISSIONS = {
    f"{action}_{kind}" for action in ("add", "change", "choose") for kind in ("document", "image")
}
DEFAULT_WORKFLOW = "Moderators approval"


def _untouched_group(group, page_permissions):
    if group.user_set.exists():
        return False
    if not set(group.permissions.values_list("content_type__app_label", "codename")) <= DEFAULT_MODEL_PERMISSIONS:
        return False
    pages = set(group.page_permissions.values_list("page__depth", "permission__codename"))
    if any(depth != 1 for depth, _ in pages) or not {code for _, code in pages} <= page_permissions:
        return False
    collections = set(group.collection_permissions.values_list("collection__depth", "permission__codename"))
    return (
        all(depth == 1 for depth, _ in collections)
        and {code for _, code in collections} <= DEFAULT_COLLECTION_PERMISSIONS
    )


def _untouched_workflow(workflow):
    tasks = list(workflow.workflow_tasks.select_related("task"))
    if len(tasks) != 1 or tasks[0].task.name != DEFAULT_WORKFLOW:
        return False
    task = GroupApprovalTask.objects.filter(pk=tasks[0].task_id).first()
    if task is None or set(task.groups.values_list("name", flat=True)) - {"Moderators"}:
        return False
    if WorkflowState.objects.filter(workflow=workflow).exists():
        return False
    return not WorkflowPage.objects.filter(workflow=workflow).exclude(page__depth=1).exists()


@transaction.atomic
def remove_wagtail_defaults():
    """Disable the default workflow and delete the default groups; returns what was done."""
    done = []
    workflow = Workflow.objects.filter(name=DEFAULT_WORKFLOW, active=True).first()
    if workflow is not None and _untouched_workflow(workflow):
        task = workflow.workflow_tasks.get().task
        workflow.deactivate()
        task.specific.deactivate()
        done.append(f"Workflow „{DEFAULT_WORKFLOW}“ deaktiviert")
    for name, page_permissions in DEFAULT_GROUPS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None and _untouched_group(group, page_permissions):
            group.delete()
            done.append(f"Gruppe „{name}“ entfernt")
    return done
