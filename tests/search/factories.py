"""Creating real knowledge pages below a town's page for search tests."""

import itertools

from wagtail.models import PageViewRestriction

from wiki.models import CaseStudyPage, LessonPage, MunicipalityPage, Tag, TemplatePage, Topic
from wiki.slugs import german_slug

_counter = itertools.count(1)


def topic(slug):
    return Topic.objects.get(slug=slug)


def tag(name, synonyms=(), parent=None):
    obj, _ = Tag.objects.get_or_create(name=name, defaults={"synonyms": "\n".join(synonyms), "parent": parent})
    return obj


def _sections(*texts):
    return [{"type": "section", "value": {"kind": "implementation", "text": f"<p>{text}</p>"}} for text in texts]


def make_page(
    ags,
    title,
    summary="",
    *,
    kind="case_study",
    body=(),
    topics=("verwaltung-und-buergerservice",),
    tags=(),
    phase="pilot",
    publish=True,
    restricted=False,
    external_id=None,
    partners=(),
    **fields,
):
    """A page of `kind` below the town with AGS `ags`, published unless publish=False."""
    parent = MunicipalityPage.objects.get(municipality__ags=ags)
    slug = f"{german_slug(title)[:60]}-{next(_counter)}"
    common = {"title": title, "slug": slug, "summary": summary or title, "external_id": external_id, "live": False}
    if kind == "case_study":
        page = CaseStudyPage(body=_sections(*body), phase=phase, **common, **fields)
    elif kind == "lesson":
        page = LessonPage(what_happened="".join(f"<p>{t}</p>" for t in body), **common, **fields)
    elif kind == "template":
        page = TemplatePage(description="".join(f"<p>{t}</p>" for t in body), **common, **fields)
    else:
        raise ValueError(kind)
    parent.add_child(instance=page)
    page.topics.set([topic(slug) for slug in topics])
    page.tags.set([t if isinstance(t, Tag) else tag(t) for t in tags])
    if partners:
        page.partner_municipalities.set(
            [MunicipalityPage.objects.get(municipality__ags=a).municipality for a in partners]
        )
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    if restricted:
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim")
    return page


def index_in_elasticsearch(es, pages):
    """Index `pages` (or their ids) through the Elasticsearch backend's production write path
    (what the outbox calls), visible to searches at once. Returns the WriteOutcome: pages that
    must not be found are deleted, not indexed."""
    from django.conf import settings

    from search.backends.elasticsearch import ElasticsearchBackend
    from search.documents import build_documents_by_id

    outcome = ElasticsearchBackend(es).apply(build_documents_by_id(list(pages)))
    es.indices.refresh(index=settings.SEARCH_INDEX_ALIAS)
    ElasticsearchBackend.clear_caches()
    return outcome
