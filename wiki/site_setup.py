"""Idempotent creation of the page tree every installation needs.

Run by `manage.py setup_site` (and so by `make run` and the test fixtures); safe to run
again after new municipalities were added to the reference data.
"""

from django.db import transaction
from django.utils import timezone
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
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Transferwiki Südwestfalen"
        )
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


LEGAL_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
FEEDBACK_PERMISSIONS = ["view", "change", "delete"]


@transaction.atomic
def ensure_legal_pages(home):
    """Impressum, Datenschutz, Barrierefreiheit and Leichte Sprache below the start page,
    each created once with starter text (never overwritten later)."""
    from home import legal_texts as texts
    from home.legal import AccessibilityStatementPage, EasyLanguagePage, ImprintPage, PrivacyPage

    today = timezone.localdate()
    wanted = [
        (ImprintPage, {"title": "Impressum", "slug": "impressum", "body": texts.IMPRINT}),
        (
            PrivacyPage,
            {"title": "Datenschutzerklärung", "slug": "datenschutz", "body": texts.PRIVACY, "updated_on": today},
        ),
        (
            AccessibilityStatementPage,
            {
                "title": "Erklärung zur Barrierefreiheit",
                "slug": "barrierefreiheit",
                "intro": texts.ACCESSIBILITY_INTRO,
                "non_accessible": texts.ACCESSIBILITY_NON_ACCESSIBLE,
                "feedback_contact": texts.ACCESSIBILITY_CONTACT,
                "enforcement": texts.ACCESSIBILITY_ENFORCEMENT,
                "prepared_on": today,
            },
        ),
        (EasyLanguagePage, {"title": "Leichte Sprache", "slug": "leichte-sprache", "body": texts.EASY_LANGUAGE}),
    ]
    pages = []
    for model, fields in wanted:
        page = model.objects.first()
        if page is None:
            page = model(**fields)
            home.add_child(instance=page)
            page.save_revision().publish()
        pages.append(page)
    return pages


def _grant_legal_rights(curators, legal_pages):
    """Curators edit the legal pages (outside the Kommunen tree) and read the feedback."""
    from django.contrib.auth.models import Permission
    from wagtail.models import GroupPagePermission

    for page in legal_pages:
        for codename in LEGAL_PAGE_PERMISSIONS:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(group=curators, page=page, permission=permission)
    curators.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="home", codename__in=[f"{a}_accessibilityfeedback" for a in FEEDBACK_PERMISSIONS]
        )
    )


def ensure_site():
    """Everything an installation needs before anyone logs in: page tree, legal pages,
    roles, workflow; Wagtail's default groups and workflow removed while untouched."""
    from wiki.permissions import ensure_roles
    from wiki.wagtail_defaults import remove_wagtail_defaults

    with transaction.atomic():
        home = ensure_page_tree()
        legal = ensure_legal_pages(home)
        curators, workflow, editors = ensure_roles()
        _grant_legal_rights(curators, legal)
        removed = remove_wagtail_defaults()
    return {
        "home": home,
        "curators": curators,
        "workflow": workflow,
        "editor_groups": editors,
        "legal_pages": legal,
        "removed_defaults": removed,
    }
