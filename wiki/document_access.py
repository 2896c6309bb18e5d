"""Who may see and choose which document: one rule for the page form, search and exports.

- `documents_visible_to(user)`: the documents Wagtail's document chooser offers this user
  (collection permissions "choose", or "add"/"change" on documents they own – exactly the
  chooser's own permission policy), so the server accepts in a page form only what the
  editor could have picked in the chooser.
- `is_document_public(document)`: no view restriction (login, password, groups) on the
  document's collection or any collection above it. Only public documents may lend their
  text to anything anonymous visitors see (search index, snippets, exports, feeds).
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
    return not CollectionViewRestriction.objects.filter(collection__in=collection.get_ancestors(inclusive=True)).exists()


def public_documents(queryset=None):
    """The documents of `queryset` (default: all) whose collections carry no view restriction."""
    queryset = get_document_model().objects.all() if queryset is None else queryset
    restricted = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    # A restriction covers its collection and every collection below it (treebeard paths).
    for path in restricted:
        queryset = queryset.exclude(collection__path__startswith=path)
    return queryset
