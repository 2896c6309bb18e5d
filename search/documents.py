"""How a knowledge page becomes a search document.

`build_document(page)` / `build_documents(pages)` return plain dicts (the Elasticsearch `_source`),
or nothing for a page that must not be found: not live, below a view restriction, or not a
knowledge page. The dicts carry the display fields, the filter keys, and pre-analysed `*_terms`
fields made by `search.analysis` (Elasticsearch only splits them on whitespace, see
docs/search.md), so German matching is the same in both backends.

`build_documents` is what the rebuild uses: it reads a whole batch with a fixed number of
queries (taxonomy and municipalities from small cached tables, relations through their m2m
tables), so that indexing runs at thousands of pages per second.

The Elasticsearch field layout of these dicts is declared in
search/backends/elasticsearch/mapping.py; the database backend stores the same dicts.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import defaultdict

from wiki.document_access import exclude_restricted
from wiki.models.villages import village_key
from wiki.page_text import body_parts, place_parts
from wiki.page_types import PAGE_TYPES

from . import analysis
from .document_terms import terms_text

logger = logging.getLogger("search.sync")

MAX_BODY_CHARS = 20_000
MAX_DOCUMENT_CHARS = 20_000
MAX_SUMMARY_CHARS = 1_000


def _bounded(parts, limit):
    text = " ".join(" ".join(p for p in parts if p).split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit - 200 else limit]


# -- reference data (small tables, read once per batch) -----------------------------------
class _Reference:
    """Municipalities, topics and tags of the whole installation, read in three queries.

    Tags are resolved through this table (and their parent chain from it) instead of
    prefetching per page: a batch of 1000 pages then costs no more queries than one page.
    """

    def __init__(self):
        from wiki.models import Municipality, Tag, Topic

        self.municipalities = {m.pk: m for m in Municipality.objects.all()}
        self.topics = {pk: (slug, name) for pk, slug, name in Topic.objects.values_list("pk", "slug", "name")}
        self.tags = {
            pk: (slug, name, parent)
            for pk, slug, name, parent in Tag.objects.values_list("pk", "slug", "name", "parent_id")
        }
        self._municipality_docs = {}
        self._ancestors = {}

    def municipality_doc(self, pk):
        doc = self._municipality_docs.get(pk)
        if doc is None and pk in self.municipalities:
            m = self.municipalities[pk]
            doc = self._municipality_docs[pk] = {
                "ags": m.ags,
                "name": m.name,
                "slug": m.slug,
                "district": m.district_ags,
                "district_name": m.district_name,
                "size_class": str(m.size_class),
                "pioneer": m.pioneer,
                "location": {"lat": m.latitude, "lon": m.longitude},
            }
        return doc

    def tag_ancestors(self, pk):
        """Parent chain of a tag, nearest first, cycle-safe (curators may nest by mistake)."""
        chain = self._ancestors.get(pk)
        if chain is None:
            chain, seen = [], {pk}
            parent = self.tags.get(pk, (None, None, None))[2]
            while parent is not None and parent not in seen and parent in self.tags:
                chain.append(parent)
                seen.add(parent)
                parent = self.tags[parent][2]
            self._ancestors[pk] = chain
        return chain


# -- visibility ----------------------------------------------------------------------------
def _restricted_paths():
    from wagtail.models import PageViewRestriction

    return tuple(PageViewRestriction.objects.values_list("page__path", flat=True))


def _is_public(path, restricted_paths):
    return not any(path.startswith(prefix) for prefix in restricted_paths)


# -- URLs ----------------------------------------------------------------------------------
class _UrlResolver:
    """Relative page URLs from the site root paths, without a query or cache hit per page."""

    def __init__(self):
        from wagtail.models import Site

        self.roots = sorted(
            ((root_path, site_id) for site_id, root_path, *_ in Site.get_site_root_paths()),
            key=lambda item: -len(item[0]),
        )

    def __call__(self, page):
        url_path = page.url_path or ""
        for root_path, _site_id in self.roots:
            if url_path.startswith(root_path):
                return "/" + url_path[len(root_path) :]
        return page.url or ""


# -- building ------------------------------------------------------------------------------
def build_document(page):
    """The search document of one page, or None when it must not be indexed."""
    docs = build_documents([page])
    return docs[0] if docs else None


def build_documents(pages):
    """Documents for the indexable pages among `pages` (Page objects or ids), in input order.

    Pages that must not be indexed are left out: the caller deletes the ids it asked for but
    did not get back (see `build_documents_by_id`).
    """
    return [doc for doc in build_documents_by_id(pages).values() if doc is not None]


def build_documents_by_id(pages):
    """{page id: document or None} for every requested page id (None: delete from the index)."""
    return assemble_documents(load_pages(pages))


def build_or_report(page_ids):
    """({page_id: document or None}, {page_id: error}) with the committed state of each page.

    None means "must not be in the index" (deleted, draft, unpublished, restricted). A page
    whose document cannot be built is reported, not sent, and does not stop the others.
    """
    ids = sorted(set(page_ids))
    try:
        return build_documents_by_id(ids), {}
    except Exception:  # noqa: BLE001
        logger.warning("Building search documents in one batch failed; retrying page by page", exc_info=True)
    documents, failures = {}, {}
    for page_id in ids:
        try:
            documents.update(build_documents_by_id([page_id]))
        except Exception as exc:  # noqa: BLE001
            logger.exception("Search document for page %s could not be built", page_id)
            failures[page_id] = f"Suchdokument: {type(exc).__name__}: {exc}"[:2000]
    return documents, failures


class PageBatch:
    """Everything the documents of some pages are built from, read from the database with a
    fixed number of queries. Plain data (picklable): the rebuild reads batches in its main
    process and builds the documents in worker processes that never touch the database."""

    def __init__(self, ids):
        self.ids = ids  # every requested id, in request order
        self.rows = {}  # id -> _PageRow of the pages that may be found, in request order
        self.urls = {}
        self.topic_ids = defaultdict(list)
        self.tag_ids = defaultdict(list)
        self.partner_ids = defaultdict(list)
        self.document_parts = defaultdict(list)
        self.adoptions = {}  # id -> number of towns that adopt the page (transfer.adoptions)
        self.village_names = defaultdict(list)
        self.village_keys = defaultdict(list)  # the `village` filter (wiki.models.villages.village_key)
        self.reference = None


def load_pages(pages, contiguous=False):
    """PageBatch of `pages` (Page objects or ids): the committed state of each page.

    contiguous: `pages` are sorted ids and every knowledge page between the first and the
    last one is wanted (the rebuild's chunks of all live pages): the queries select an id
    range instead of a list of 500 ids, which is cheaper for Django and PostgreSQL alike.
    """
    from wiki.models import CaseStudyPage, EventPageDocument, KnowledgePage, TemplatePageDocument

    ids = []
    for page in pages:
        pk = page if isinstance(page, int) else getattr(page, "pk", None)
        if pk is not None and pk not in ids:
            ids.append(pk)
    batch = PageBatch(ids)
    if not ids:
        return batch

    # Re-read from the database in one query per page type: callers hand in whatever they
    # have (generic Page objects, stale instances), the index must get the committed state.
    # Only the needed columns, as plain values (no model instances, no StreamField blocks):
    # building page objects was the largest cost of a rebuild.
    restricted = _restricted_paths()
    found = {}
    id_range = (ids[0], ids[-1]) if contiguous and ids else None
    for row in _page_rows(ids, id_range):
        if not row.expired and _is_public(row.path, restricted):
            found[row.pk] = row
    if not found:
        return batch
    batch.rows = {pk: found[pk] for pk in ids if pk in found}
    live_ids = list(batch.rows)

    # Relations in the order they were added (tag order decides the order of parent tags).
    def among(column, wanted):
        return {f"{column}__gte": id_range[0], f"{column}__lte": id_range[1]} if id_range else {f"{column}__in": wanted}

    batch.reference = _Reference()
    url_of = _UrlResolver()
    batch.urls = {pk: url_of(row) for pk, row in batch.rows.items()}
    for page_id, topic_id in (
        KnowledgePage.topics.through.objects.filter(**among("knowledgepage_id", live_ids))
        .order_by("pk")
        .values_list("knowledgepage_id", "topic_id")
    ):
        batch.topic_ids[page_id].append(topic_id)
    for page_id, tag_id in (
        KnowledgePage.tags.through.objects.filter(**among("knowledgepage_id", live_ids))
        .order_by("pk")
        .values_list("knowledgepage_id", "tag_id")
    ):
        batch.tag_ids[page_id].append(tag_id)
    case_ids = [pk for pk, page in batch.rows.items() if page.TYPE_CODE == "case_study"]
    if case_ids:
        for page_id, municipality_id in (
            CaseStudyPage.partner_municipalities.through.objects.filter(**among("casestudypage_id", case_ids))
            .order_by("pk")
            .values_list("casestudypage_id", "municipality_id")
        ):
            batch.partner_ids[page_id].append(municipality_id)
    for page_id, name, ags in (
        KnowledgePage.villages.through.objects.filter(**among("knowledgepage_id", live_ids))
        .order_by("village__name", "pk")
        .values_list("knowledgepage_id", "village__name", "village__municipality__ags")
    ):
        batch.village_names[page_id].append(name)
        batch.village_keys[page_id].append(village_key(ags, name))
    # Template documents and event material: their titles and extracted text. Only documents
    # anonymous visitors may download lend them: a document in a login-restricted collection
    # stays out of the index, its snippets and "similar pages" (wiki/document_access.py).
    for type_code, attachments in (("template", TemplatePageDocument), ("event", EventPageDocument)):
        attached_ids = [pk for pk, page in batch.rows.items() if page.TYPE_CODE == type_code]
        if not attached_ids:
            continue
        for page_id, title, text in (
            exclude_restricted(attachments.objects.filter(**among("page_id", attached_ids)), "document__")
            .order_by("page_id", "sort_order", "pk")
            .values_list("page_id", "document__title", "document__extracted_text")
        ):
            batch.document_parts[page_id].append(title or "")
            batch.document_parts[page_id].append(text or "")
    batch.adoptions = _adoption_counts(live_ids)
    return batch


def _adoption_counts(page_ids):
    """{page id: adoptions} (sort=adoptions). The counting rule is the transfer app's; an
    adoption saved or deleted announces its page (transfer/receivers.py), so this stays current."""
    from transfer.adoptions import adoption_counts

    counts = {}
    for start in range(0, len(page_ids), _ID_CHUNK):
        counts.update(adoption_counts(page_ids[start : start + _ID_CHUNK]))
    return counts


_ID_CHUNK = 500  # below SQLite's variable limit, whatever it was compiled with


def assemble_documents(batch, page_ids=None):
    """{page id: document or None} from a PageBatch (no database access: runs in the
    rebuild's worker processes). page_ids: only these (default: all requested ids)."""
    result = dict.fromkeys(batch.ids if page_ids is None else page_ids)
    for page_id in result:
        row = batch.rows.get(page_id)
        if row is not None:
            result[page_id] = _document(
                row,
                batch.reference,
                batch.urls[page_id],
                batch.topic_ids.get(page_id, ()),
                batch.tag_ids.get(page_id, ()),
                batch.partner_ids.get(page_id, ()),
                batch.document_parts.get(page_id, ()),
                batch.adoptions.get(page_id, 0),
                batch.village_names.get(page_id, ()),
                batch.village_keys.get(page_id, ()),
            )
    return result


# Columns every document is built from; each page type adds its registry's search_fields
# (wiki/page_types.py).
_COMMON_FIELDS = (
    "id",
    "title",
    "expired",
    "path",
    "url_path",
    "first_published_at",
    "last_published_at",
    "municipality_id",
    "summary",
    "external_id",
)


class _PageRow:
    """The columns of one live knowledge page, with the attributes `_document` and
    `body_parts` read from a page object."""

    phase = start_year = end_year = None

    def __init__(self, model, values):
        self.__dict__.update(values)
        self.TYPE_CODE = model.TYPE_CODE
        self._model = model

    @property
    def pk(self):
        return self.id

    @property
    def url(self):
        # Only for a page outside every site root (see _UrlResolver); not on the hot path.
        from wagtail.models import Page

        page = Page.objects.filter(pk=self.id).first()
        return page.url if page is not None else ""

    def get_template_kind_display(self):
        from django.utils.encoding import force_str

        choices = dict(self._model._meta.get_field("template_kind").flatchoices)
        return force_str(choices.get(self.template_kind, self.template_kind), strings_only=True)


def _page_rows(ids, id_range=None):
    """_PageRow of every live page among `ids` (or in `id_range`), one query per knowledge
    page type."""
    from django.db.models import TextField
    from django.db.models.functions import Cast
    from wagtail.fields import StreamField

    for model in knowledge_page_models():
        fields = _COMMON_FIELDS + model.PAGE_TYPE.search_fields
        selection = {"pk__gte": id_range[0], "pk__lte": id_range[1]} if id_range else {"pk__in": ids}
        queryset = model.objects.filter(live=True, **selection)
        # StreamFields' stored JSON as text: decoded where the text is extracted (in the
        # rebuild's workers), without StreamValue or block objects.
        streams = [
            name for name in ("body", *model.PAGE_TYPE.search_fields) if isinstance(_field(model, name), StreamField)
        ]
        queryset = queryset.annotate(**{f"{name}_json": Cast(name, output_field=TextField()) for name in streams})
        fields = tuple(name for name in fields if name not in streams) + tuple(f"{name}_json" for name in streams)
        for values in queryset.values(*fields):
            for name in streams:
                values[name] = values.pop(f"{name}_json")
            yield _PageRow(model, values)


def knowledge_page_models():
    """The page model of every type in the registry (wiki/page_types.py), in its order."""
    from wiki.models import KnowledgePage

    by_code = {model.TYPE_CODE: model for model in _subclasses(KnowledgePage)}
    return [by_code[code] for code in PAGE_TYPES if code in by_code]


def _subclasses(model):
    for sub in model.__subclasses__():
        if getattr(sub, "TYPE_CODE", None):
            yield sub
        yield from _subclasses(sub)


def _field(model, name):
    try:
        return model._meta.get_field(name)
    except Exception:  # noqa: BLE001 - a registry column that is no model field
        return None


def _document(
    page, ref, url, topic_ids, tag_ids, partner_ids, document_parts, adoptions=0, village_names=(), village_keys=()
):
    topics = [{"slug": ref.topics[t][0], "name": ref.topics[t][1]} for t in sorted(set(topic_ids)) if t in ref.topics]
    topics.sort(key=lambda t: t["name"])
    tags = sorted(
        ({"slug": ref.tags[t][0], "name": ref.tags[t][1]} for t in set(tag_ids) if t in ref.tags),
        key=lambda t: t["name"],
    )
    ancestor_ids = []
    for tag_id in tag_ids:
        for parent in ref.tag_ancestors(tag_id):
            if parent not in ancestor_ids and parent not in tag_ids:
                ancestor_ids.append(parent)
    ancestors = [{"slug": ref.tags[t][0], "name": ref.tags[t][1]} for t in ancestor_ids]
    partners = [
        {"ags": ref.municipalities[m].ags, "name": ref.municipalities[m].name}
        for m in dict.fromkeys(partner_ids)
        if m in ref.municipalities
    ]
    municipality = ref.municipality_doc(page.municipality_id)

    title = page.title or ""
    summary = _bounded([page.summary or ""], MAX_SUMMARY_CHARS)
    body = _bounded(body_parts(page), MAX_BODY_CHARS)
    document_text = _bounded(document_parts, MAX_DOCUMENT_CHARS)
    meta_text = " ".join([t["name"] for t in topics] + [t["name"] for t in tags] + [t["name"] for t in ancestors])
    place_text = " ".join(place_parts(municipality, [p["name"] for p in partners], village_names))
    tag_name_text = " ".join([t["name"] for t in tags] + [t["name"] for t in ancestors])
    first = page.first_published_at
    last = page.last_published_at or first
    # An event is dated by when it takes place, not by when its page was published.
    sort_date = getattr(page, "starts_at", None) or last

    return {
        "id": page.pk,
        "external_id": page.external_id or None,
        "type": page.TYPE_CODE,
        "title": title,
        "summary": summary,
        "body": body,
        "document_text": document_text,
        "url": url,
        "municipality": municipality,
        "partners": partners,
        "topics": topics,
        "tags": tags,
        "tag_ancestors": ancestors,
        "tag_slugs": [t["slug"] for t in tags] + [t["slug"] for t in ancestors],
        "tag_names": [t["name"] for t in tags] + [t["name"] for t in ancestors],
        "phase": getattr(page, "phase", None) or None,
        "start_year": getattr(page, "start_year", None),
        "end_year": getattr(page, "end_year", None),
        "first_published_at": first.isoformat() if first else None,
        "last_published_at": last.isoformat() if last else None,
        "sort_date": sort_date.isoformat() if sort_date else None,
        "adoptions": adoptions,
        # Filters of the villages: the ones a page names, and whether it is meant for them.
        "villages": list(village_keys),
        "areas": ["rural"] if getattr(page, "for_villages", False) else [],
        "title_terms": terms_text(title),
        "summary_terms": terms_text(summary),
        "body_terms": terms_text(body),
        "document_terms": terms_text(document_text),
        "meta_terms": terms_text(meta_text),
        "place_terms": terms_text(place_text),
        "title_prefixes": analysis.prefix_terms(title),
        "tag_prefixes": analysis.prefix_terms(tag_name_text),
        "vocabulary": _vocabulary(title, summary, tag_name_text),
    }


def _vocabulary(*texts):
    """Distinct words of at least three characters, in order of first occurrence."""
    words = {}
    for text in texts:
        if text:
            words.update(dict.fromkeys(analysis._TOKEN_RE.findall(text)))
    return [word for word in words if len(word) >= 3]


def fingerprint(document):
    """Hash of a document's canonical JSON: what the drift check compares (documents hold
    only JSON types, so this equals the hash of what an index returns as stored)."""
    canonical = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha1(canonical.encode("utf-8")).hexdigest()
