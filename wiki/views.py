"""Public views of the knowledge base outside the page tree: tag overview and open data."""

from django.conf import settings
from django.db.models import Count, Q
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from wiki.exports import dcat, iter_csv, iter_jsonl, xlsx_bytes
from wiki.models import KnowledgePage, Tag, Topic
from wiki.models.pages import public_pages


def _with_public_counts(queryset):
    public_ids = public_pages(KnowledgePage.objects.all()).values("pk")
    return queryset.annotate(public_count=Count("pages", filter=Q(pages__in=public_ids), distinct=True))


def _tag_tree(tags):
    """Tags as nested [{"tag", "children"}], roots and children alphabetically."""
    by_parent = {}
    for tag in tags:
        by_parent.setdefault(tag.parent_id, []).append(tag)
    known = {tag.pk for tag in tags}

    def branch(parent_id, seen):
        return [
            {"tag": tag, "children": branch(tag.pk, seen | {tag.pk}) if tag.pk not in seen else []}
            for tag in sorted(by_parent.get(parent_id, []), key=lambda t: t.name.casefold())
        ]

    # A parent that no longer exists (or a cycle) must not hide a tag: treat it as a root.
    roots = [tag for tag in tags if tag.parent_id is None or tag.parent_id not in known]
    by_parent[None] = roots
    return branch(None, set())


def _with_subtree_counts(tags):
    """Sets `public_count` on each tag to the number of public pages carrying the tag or any
    tag below it. That is what the search finds for ?tag=<slug> (search documents carry a
    page's tags and all their parents, search/documents.py), so both numbers agree."""
    public_ids = set(public_pages(KnowledgePage.objects.all()).values_list("pk", flat=True))
    pages_of = {tag.pk: set() for tag in tags}
    for tag_id, page_id in Tag.pages.through.objects.filter(tag__in=tags).values_list("tag_id", "knowledgepage_id"):
        if page_id in public_ids:
            pages_of[tag_id].add(page_id)
    parent = {tag.pk: tag.parent_id for tag in tags}
    subtree = {tag.pk: set(pages_of[tag.pk]) for tag in tags}
    for tag in tags:
        seen, ancestor = {tag.pk}, parent.get(tag.pk)
        while ancestor is not None and ancestor in subtree and ancestor not in seen:  # cycle-safe
            subtree[ancestor] |= pages_of[tag.pk]
            seen.add(ancestor)
            ancestor = parent.get(ancestor)
    for tag in tags:
        tag.public_count = len(subtree[tag.pk])
    return tags


@require_safe
def tag_overview(request):
    tags = _with_subtree_counts(list(Tag.objects.all()))
    topics = list(_with_public_counts(Topic.objects.all()))
    return render(
        request,
        "wiki/tag_overview.html",
        {"tag_tree": _tag_tree(tags), "tag_count": len(tags), "topics": topics},
    )


@require_safe
def open_data(request):
    return render(
        request,
        "wiki/open_data.html",
        {
            "license_name": settings.EXPORT_LICENSE_NAME,
            "license_url": settings.EXPORT_LICENSE_URL,
            "page_count": public_pages(KnowledgePage.objects.all()).count(),
            "dcat_json": mark_safe(dcat.as_script_content(dcat.dataset(_base_url(request)))),  # noqa: S308 - escaped
        },
    )


def _base_url(request):
    return request.build_absolute_uri("/").rstrip("/")


def _download(chunks, content_type, filename):
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Licence travels with the file for people who download it without reading the page.
    response["Link"] = f'<{settings.EXPORT_LICENSE_URL}>; rel="license"'
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_safe
def open_data_jsonl(request):
    return _download(iter_jsonl(), "application/x-ndjson; charset=utf-8", "transferwiki-wissen.jsonl")


@require_safe
def open_data_csv(request):
    return _download(iter_csv(base_url=_base_url(request)), "text/csv; charset=utf-8", "transferwiki-wissen.csv")


@require_safe
def open_data_csv_excel(request):
    """Semicolon-separated, because German Excel splits a double-clicked CSV at semicolons."""
    chunks = iter_csv(delimiter=";", base_url=_base_url(request))
    return _download(chunks, "text/csv; charset=utf-8", "transferwiki-wissen-excel.csv")


@require_safe
def open_data_xlsx(request):
    response = HttpResponse(
        xlsx_bytes(_base_url(request)), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = 'attachment; filename="transferwiki-wissen.xlsx"'
    response["Link"] = f'<{settings.EXPORT_LICENSE_URL}>; rel="license"'
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_safe
def open_data_dcat(request):
    response = HttpResponse(
        dcat.as_json(dcat.dataset(_base_url(request))), content_type="application/ld+json; charset=utf-8"
    )
    response["Cache-Control"] = "public, max-age=300"
    return response
