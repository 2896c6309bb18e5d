"""Demo adoptions for the demo content (load_demo): deterministic, idempotent, marked as demo
through their note. Only public demo case studies and templates of pioneer towns are used."""

from transfer.models import Adoption, AdoptionStatus
from wiki.models import KnowledgePage, Municipality
from wiki.models.pages import public_pages

DEMO_NOTE = "Demo-Eintrag"
STATUSES = [
    AdoptionStatus.IMPLEMENTED,
    AdoptionStatus.PREPARING,
    AdoptionStatus.INTERESTED,
    AdoptionStatus.IMPLEMENTED,
    AdoptionStatus.DISCARDED,
]
PAGES = 12
TOWNS_PER_PAGE = 3


def load_demo_adoptions():
    """Returns the number of adoptions created (0 on a second run)."""
    towns = list(Municipality.objects.order_by("ags"))
    pages = [
        page
        for page in public_pages(KnowledgePage.objects.filter(is_demo=True, municipality__pioneer=True))
        .select_related("municipality", "content_type")
        .order_by("title")
        if page.type_code in ("case_study", "template")
    ][:PAGES]
    created = 0
    for i, page in enumerate(pages):
        for k in range(TOWNS_PER_PAGE):
            town = towns[(i * 7 + k * 13 + 3) % len(towns)]
            if town.pk == page.municipality_id:
                continue
            status = STATUSES[(i + k) % len(STATUSES)]
            _, new = Adoption.objects.get_or_create(
                page=page,
                municipality=town,
                defaults={
                    "status": status,
                    "note": DEMO_NOTE,
                    "reason": "Passt nicht zu unserer IT-Landschaft." if status == AdoptionStatus.DISCARDED else "",
                },
            )
            created += new
    return created
