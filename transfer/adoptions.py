"""Rules and queries of adoptions ("Wir haben das übernommen").

Who may record: curators for any town, a town's editors ("Redaktion <Name>", see
wiki/permissions.py) for their own town only. What counts: only adoptions of public pages
(live, no view restriction); a draft or restricted page never appears in a list, count, map,
export or e-mail.
"""

from django.db.models import Count

from transfer.models import ADOPTABLE_TYPES, Adoption, AdoptionStatus
from wiki.models import KnowledgePage
from wiki.models.pages import public_pages
from wiki.permissions import towns_in_charge


# -- permissions ----------------------------------------------------------------------------
def recordable_towns(user):
    """Municipalities `user` may record adoptions for (queryset, possibly empty)."""
    return towns_in_charge(user)


def can_record(user, municipality):
    return recordable_towns(user).filter(pk=municipality.pk).exists()


def is_adoptable(page):
    """A public case study or template (other types are not solutions to take over)."""
    return (
        page.specific_class is not None
        and getattr(page.specific_class, "TYPE_CODE", None) in ADOPTABLE_TYPES
        and public_pages(KnowledgePage.objects.filter(pk=page.pk)).exists()
    )


# -- queries --------------------------------------------------------------------------------
def public_adoptions():
    public_ids = public_pages(KnowledgePage.objects.all()).values("pk")
    return Adoption.objects.filter(page__in=public_ids).select_related("municipality", "page", "page__municipality")


def counts_as_adopted(adoption):
    """The one counting rule: a town that looked and discarded (verworfen) did not adopt."""
    return adoption.status != AdoptionStatus.DISCARDED


def adoption_counts(page_ids=None):
    """{page_id: number of towns that adopt the page} for public pages, pages without any
    left out; all public pages when `page_ids` is None. What search sorts by, the export and
    the page's panel show. Discarded adoptions do not count (see counts_as_adopted): they are
    listed on the page with their reason, but "most adopted" must not rise by rejections."""
    adoptions = public_adoptions().exclude(status=AdoptionStatus.DISCARDED)
    if page_ids is not None:
        adoptions = adoptions.filter(page_id__in=list(page_ids))
    rows = adoptions.order_by().values("page_id").annotate(n=Count("municipality", distinct=True))
    return {row["page_id"]: row["n"] for row in rows}


def adoptions_for_page(page):
    """Adoptions of one page, newest first; empty if the page is not public."""
    return list(public_adoptions().filter(page_id=page.pk).order_by("municipality__name"))


def public_own_case_study(adoption):
    """B's own case study, only if it is public itself."""
    if adoption.own_case_study_id is None:
        return None
    return public_pages(KnowledgePage.objects.filter(pk=adoption.own_case_study_id)).first()


def municipality_adoptions(municipality):
    """What the town took over, and what others took over from it."""
    adoptions = public_adoptions().order_by("-updated_at")
    return {
        "taken_over": list(adoptions.filter(municipality=municipality)),
        "taken_from": list(adoptions.filter(page__municipality=municipality)),
    }


def most_adopted(limit=5):
    """Most adopted public solutions: [(page, count)], discarded adoptions left out."""
    rows = (
        public_adoptions()
        .exclude(status=AdoptionStatus.DISCARDED)
        .values("page_id")
        .annotate(n=Count("municipality", distinct=True))
        .order_by("-n", "page_id")[:limit]
    )
    counts = {row["page_id"]: row["n"] for row in rows}
    pages = KnowledgePage.objects.filter(pk__in=counts).select_related("municipality")
    return sorted(((page, counts[page.pk]) for page in pages), key=lambda item: (-item[1], item[0].title))


def adoption_links():
    """[(author Municipality id, adopter Municipality id, status)] of public pages, for the map."""
    return list(public_adoptions().values_list("page__municipality_id", "municipality_id", "status"))


def adoptions_for_export(page):
    """The adoptions of one page for the open-data export (see export_rows_by_page)."""
    return export_rows_by_page([page.pk]).get(page.pk, [])


def export_rows_by_page(page_ids):
    """{page_id: [row, ...]} for many pages in three queries (exporters stream thousands of
    pages). The contact person is left out (personal data, not open data); everything else is
    what the public page shows. Pages that are not public have no rows."""
    adoptions = list(public_adoptions().filter(page_id__in=list(page_ids)).order_by("page_id", "municipality__name"))
    own_ids = {a.own_case_study_id for a in adoptions if a.own_case_study_id}
    own_pages = {page.pk: page for page in public_pages(KnowledgePage.objects.filter(pk__in=own_ids))}
    rows = {}
    for adoption in adoptions:
        own = own_pages.get(adoption.own_case_study_id)
        rows.setdefault(adoption.page_id, []).append(
            {
                "municipality_ags": adoption.municipality.ags,
                "municipality_name": adoption.municipality.name,
                "status": adoption.status,
                "status_label": adoption.get_status_display(),
                "reason": adoption.reason,
                "note": adoption.note,
                "recorded_at": adoption.created_at.date().isoformat(),
                "updated_at": adoption.updated_at.date().isoformat(),
                "own_case_study_url": own.full_url if own else None,
            }
        )
    return rows
