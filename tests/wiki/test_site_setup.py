"""setup_site and add_editor_group: idempotent, and a new town's editors get their town only."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Workflow, WorkflowPage

from .conftest import ARNSBERG, town

pytestmark = pytest.mark.django_db
LIPPSTADT = "05974028"


def snapshot():
    return (
        sorted(Group.objects.values_list("name", flat=True)),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        sorted((g.name, g.permissions.count()) for g in Group.objects.all()),
        Workflow.objects.count(),
        WorkflowPage.objects.count(),
    )


def test_setup_site_twice_changes_nothing(site_tree):
    out = io.StringIO()
    call_command("setup_site", stdout=out)
    assert "Gruppe „Redaktion Soest“ ist eingerichtet." in out.getvalue()
    first = snapshot()
    call_command("setup_site", stdout=io.StringIO())
    assert snapshot() == first


def test_add_editor_group_by_ags_or_name_gives_that_town_only(client, site_tree):
    out = io.StringIO()
    call_command("add_editor_group", LIPPSTADT, stdout=out)
    assert "Gruppe „Redaktion Lippstadt“ ist eingerichtet." in out.getvalue()
    first = snapshot()
    call_command("add_editor_group", "lippstadt", stdout=io.StringIO())
    assert snapshot() == first

    user = get_user_model().objects.create_user("redaktion-lippstadt", password="pw")
    user.groups.add(Group.objects.get(name="Redaktion Lippstadt"))
    lippstadt = town(LIPPSTADT)
    assert lippstadt.permissions_for_user(user).can_add_subpage()
    assert not lippstadt.permissions_for_user(user).can_publish()
    assert not town(ARNSBERG).permissions_for_user(user).can_add_subpage()

    client.force_login(user)
    add = reverse("wagtailadmin_pages:add", args=("wiki", "casestudypage", lippstadt.pk))
    assert client.get(add).status_code == 200
    foreign = reverse("wagtailadmin_pages:add", args=("wiki", "casestudypage", town(ARNSBERG).pk))
    assert client.get(foreign).status_code in (302, 403)


def test_add_editor_group_for_unknown_town_is_a_clear_error(site_tree):
    with pytest.raises(CommandError, match="Keine Kommune „Entenhausen“"):
        call_command("add_editor_group", "Entenhausen", stdout=io.StringIO())
