"""Fixtures of the knowledge-base tests: roles, users per role, pages."""

import itertools

import pytest
from django.contrib.auth import get_user_model

from wiki.models import CaseStudyPage, LessonPage, MunicipalityPage, Tag, TemplatePage, Topic
from wiki.permissions import editor_group_name, ensure_roles
from wiki.slugs import german_slug

ARNSBERG = "05958004"
SOEST = "05974040"
_counter = itertools.count(1)


@pytest.fixture
def roles(site_tree):
    """Curator group, review workflow and the pioneer towns' editor groups."""
    curators, workflow, editors = ensure_roles()
    return {"curators": curators, "workflow": workflow, "editors": {group.name: group for group in editors}}


def _user(username, *groups, superuser=False):
    User = get_user_model()
    user = User.objects.create_user(username=username, password="pw", email=f"{username}@example.org")
    if superuser:
        user.is_superuser = user.is_staff = True
        user.save()
    for group in groups:
        user.groups.add(group)
    return user


def town(ags):
    return MunicipalityPage.objects.get(municipality__ags=ags)


@pytest.fixture
def curator(roles):
    return _user("kuratorin", roles["curators"])


@pytest.fixture
def editor_arnsberg(roles):
    return _user("redaktion-arnsberg", roles["editors"][editor_group_name(town(ARNSBERG).municipality)])


@pytest.fixture
def editor_soest(roles):
    return _user("redaktion-soest", roles["editors"][editor_group_name(town(SOEST).municipality)])


def make_page(model, ags, title, *, live=True, topics=("Mobilität",), tags=(), **fields):
    """A knowledge page below the town with `ags`; published unless live=False."""
    parent = town(ags)
    summary = fields.pop("summary", f"Kurz: {title}")
    page = model(title=title, slug=f"{german_slug(title)[:60]}-{next(_counter)}", summary=summary, live=False, **fields)
    parent.add_child(instance=page)
    page.topics.set([Topic.objects.get(name=name) for name in topics])
    page.tags.set([tag if isinstance(tag, Tag) else Tag.objects.get_or_create(name=tag)[0] for tag in tags])
    revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def page_factory(site_tree):
    class Factory:
        ARNSBERG = ARNSBERG
        SOEST = SOEST

        @staticmethod
        def case_study(title="Digitale Parkraumsteuerung", ags=ARNSBERG, **kwargs):
            return make_page(CaseStudyPage, ags, title, **kwargs)

        @staticmethod
        def lesson(title="Sensoren früh testen", ags=ARNSBERG, **kwargs):
            return make_page(LessonPage, ags, title, **kwargs)

        @staticmethod
        def template(title="Muster-Ratsvorlage", ags=ARNSBERG, **kwargs):
            return make_page(TemplatePage, ags, title, **kwargs)

    return Factory
