"""setup_site removes Wagtail's default groups and workflow while untouched; privacy
settings of the admin (no avatar service, no update check)."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page, Workflow, WorkflowPage

pytestmark = pytest.mark.django_db


def test_setup_site_removes_untouched_default_groups_and_workflow(site_tree):
    assert Group.objects.filter(name__in=["Editors", "Moderators"]).count() == 2  # from Wagtail's migrations
    out = StringIO()
    call_command("setup_site", stdout=out)
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    default = Workflow.objects.get(name="Moderators approval")
    assert default.active is False
    assert not WorkflowPage.objects.filter(workflow=default).exists()
    assert "Gruppe „Moderators“ entfernt" in out.getvalue()
    # Pages outside the Kommunen tree (the legal pages) are under no workflow any more.
    from home.legal import ImprintPage

    assert ImprintPage.objects.get().get_workflow() is None
    call_command("setup_site", stdout=StringIO())  # idempotent
    assert Workflow.objects.filter(name="Moderators approval", active=True).count() == 0


def test_default_group_in_use_is_kept(site_tree):
    editors = Group.objects.get(name="Editors")
    get_user_model().objects.create_user("altredaktion", password="pw").groups.add(editors)
    call_command("setup_site", stdout=StringIO())
    assert Group.objects.filter(name="Editors").exists()
    assert not Group.objects.filter(name="Moderators").exists()


def test_changed_default_workflow_is_kept(site_tree):
    default = Workflow.objects.get(name="Moderators approval")
    WorkflowPage.objects.create(workflow=default, page=Page.objects.get(depth=2))
    call_command("setup_site", stdout=StringIO())
    assert Workflow.objects.get(name="Moderators approval").active is True


def test_admin_asks_no_other_host(client, site_tree):
    admin = get_user_model().objects.create_superuser("chefin", "chefin@example.org", "pw")
    client.force_login(admin)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "gravatar" not in html.lower()
    assert "releases.wagtail.io" not in html and "data-w-upgrade" not in html
