"""Who may see and choose which document: one rule for the page form, search and exports.

- `documents_visible_to(user)`: the documents Wagtail's document chooser offers this user
  (collection permissions "choose", or "add"/"change" on documents they own – exactly the
  chooser's own permission policy), so the server accepts in a page form only what the
  editor could have picked in the chooser.
- `is_document_public(document)`: no view restriction (login, password, groups) on the
  document's collection or any collection above it. Only public documents may lend their
  text to anything anonymous visitors see (search index, snippets, exports, feeds).
- `restricted_collection_paths()` / `exclude_restricted(queryset, prefix)`: the same rule as
  a query filter, for the rebuild (thousands of pages) and any related lookup
  (e.g. `TemplatePageDocument` through `document__`).
- `template_pages_using_collection(collection)`: the pages whose public text changes when a
  restriction on that collection (or above it) appears or goes.
"""

from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction


def documents_visible_to(user):
    """QuerySet of the documents `user` may choose for a page (what the chooser lists)."""
    from wagtail.permissions import policy_registry

    if user is None or not user.is_authenticated:
        return get_document_model().objects.none()
    policy = policy_registry.get_by_type(get_document_model())
    return policy.instances_user_has_any_permission_for(user, ["choose"])


def is_document_public(document):
    """True when anonymous visitors may download the document (no collection restriction)."""
    collection = document.collection
    if collection is None:
        return True
    return not CollectionViewRestriction.objects.filter(
        collection__in=collection.get_ancestors(inclusive=True)
    ).exists()


def restricted_collection_paths():
    """Tree paths of every collection with a view restriction (few: one query)."""
    return tuple(CollectionViewRestriction.objects.values_list("collection__path", flat=True).distinct())


def in_public_collection(document, paths):
    """Like `is_document_public`, with the restricted paths read once by the caller (exports
    walk thousands of documents; `document.collection` should be prefetched)."""
    collection = document.collection
    return collection is None or not any(collection.path.startswith(path) for path in paths)


def public_attachments(documents):
    """The documents of an iterable (a page's attached ones, also in a preview) that lie in no
    restricted collection, in their order."""
    paths = restricted_collection_paths()
    return [document for document in documents if in_public_collection(document, paths)]


def exclude_restricted(queryset, prefix="", paths=None):
    """`queryset` without rows whose document (reached through `prefix`, e.g. "document__")
    lies in a restricted collection or below one (treebeard paths share the prefix)."""
    paths = restricted_collection_paths() if paths is None else paths
    for path in paths:
        queryset = queryset.exclude(**{f"{prefix}collection__path__startswith": path})
    return queryset


def public_documents(queryset=None):
    """The documents of `queryset` (default: all) whose collections carry no view restriction."""
    queryset = get_document_model().objects.all() if queryset is None else queryset
    return exclude_restricted(queryset)


def template_pages_using_collection(collection):
    """Ids of the template and event pages with a document in `collection` or any collection
    below it."""
    from django.apps import apps

    # Through the app registry: the page models import the page form, which imports this.
    ids = set()
    for model in ("TemplatePageDocument", "EventPageDocument"):
        ids.update(
            apps.get_model("wiki", model)
            .objects.filter(document__collection__path__startswith=collection.path)
            .values_list("page_id", flat=True)
        )
    return sorted(ids)
