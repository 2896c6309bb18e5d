"""Idempotent creation of the page tree every installation needs.

Run by `manage.py setup_site` (and so by `make run` and the test fixtures); safe to run
again after new municipalities were added to the reference data.
"""

from django.db import transaction
from wagtail.models import Page, Site

from home.models import HomePage
from wiki.models import Municipality, MunicipalityIndexPage, MunicipalityPage

HOME_INTRO = (
    "<p>Das Transferwiki sammelt, was die Smart-City-Pionierkommunen Südwestfalens gelernt haben: "
    "Projektsteckbriefe, Erfahrungen und Vorlagen zum Nachnutzen für alle 59 Städte und Gemeinden.</p>"
)


@transaction.atomic
def ensure_page_tree():
    """Home page as site root, the "Kommunen" index and one page per municipality."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(title="Transferwiki Südwestfalen", slug="start", intro=HOME_INTRO)
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Transferwiki Südwestfalen")
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Transferwiki Südwestfalen"
        site.save()
        # Wagtail's "Welcome" placeholder page is of no use once the site root moved.
        if old_root.specific_class is Page and old_root.depth == 2 and not old_root.get_children().exists():
            old_root.delete()

    index = MunicipalityIndexPage.objects.first()
    if index is None:
        index = MunicipalityIndexPage(
            title="Kommunen",
            slug="kommunen",
            intro="<p>Alle 59 Städte und Gemeinden Südwestfalens und was sie veröffentlicht haben.</p>",
        )
        home.add_child(instance=index)
        index.save_revision().publish()

    existing = set(MunicipalityPage.objects.values_list("municipality_id", flat=True))
    for municipality in Municipality.objects.exclude(pk__in=existing).order_by("name"):
        page = MunicipalityPage(title=municipality.name, slug=municipality.slug, municipality=municipality)
        index.add_child(instance=page)
        page.save_revision().publish()
    return home


def ensure_site():
    """Everything an installation needs before anyone logs in: page tree, roles, workflow."""
    from wiki.permissions import ensure_roles

    with transaction.atomic():
        home = ensure_page_tree()
        curators, workflow, editors = ensure_roles()
    return {"home": home, "curators": curators, "workflow": workflow, "editor_groups": editors}
