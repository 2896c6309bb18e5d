"""Fixtures of the transfer tests: the knowledge-base fixtures plus a third, non-pioneer town."""

import pytest
from wagtail.models import PageViewRestriction

from tests.wiki.conftest import (  # noqa: F401  (fixtures re-used from the wiki tests)
    _user,
    curator,
    editor_arnsberg,
    editor_soest,
    page_factory,
    roles,
    town,
)
from transfer.models import Adoption
from wiki.permissions import ensure_editor_group

BESTWIG = "05958008"


@pytest.fixture
def editor_bestwig(roles):
    return _user("redaktion-bestwig", ensure_editor_group(town(BESTWIG).municipality))


def restrict(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim")
    return page


def adopt(page, ags, status="implemented", **fields):
    return Adoption.objects.create(page=page, municipality=town(ags).municipality, status=status, **fields)
