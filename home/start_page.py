"""What the start page shows besides the search box: newest case studies and templates, the
Handlungsfelder with their number of public pages, and the pioneer towns.

Everything goes through wiki.models.pages.public_pages, so drafts and restricted pages never
appear here. Topic counts are counted the way the search's topic facet counts them (public
pages carrying the topic), so the number on the start page is the number of hits behind it.
"""

from django.db.models import Count, Q

NEWEST = 4


def start_page_context():
    from wiki.models import CaseStudyPage, KnowledgePage, MunicipalityPage, TemplatePage, Topic
    from wiki.models.pages import public_pages

    def newest(model):
        return list(
            public_pages(model.objects.all())
            .select_related("municipality")
            .order_by("-first_published_at", "title")[:NEWEST]
        )

    public_ids = public_pages(KnowledgePage.objects.all()).values("pk")
    topics = Topic.objects.annotate(
        public_count=Count("pages", filter=Q(pages__in=public_ids), distinct=True)
    ).order_by("name")
    pioneers = (
        public_pages(MunicipalityPage.objects.filter(municipality__pioneer=True))
        .select_related("municipality")
        .annotate(
            knowledge_count=Count(
                "municipality__knowledge_pages",
                filter=Q(municipality__knowledge_pages__in=public_ids),
                distinct=True,
            )
        )
        .order_by("municipality__name")
    )
    return {
        "newest_case_studies": newest(CaseStudyPage),
        "newest_templates": newest(TemplatePage),
        "topics": list(topics),
        "pioneer_towns": list(pioneers),
        "knowledge_total": public_pages(KnowledgePage.objects.all()).count(),
    }
