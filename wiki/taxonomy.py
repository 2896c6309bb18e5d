"""Curator operations on the tag taxonomy that touch more than one row: merge and rename.

Single-row edits (describe, nest, add synonyms) are plain saves of `Tag`; the model itself
tells search about them. A merge rewrites pages and revisions in bulk, which no model
signal shows, so it sends `knowledge_pages_changed` itself.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Q
from wagtail.models import ReferenceIndex, Revision

from wiki.models import CaseStudyPage, KnowledgePage, LessonPage, Tag, TemplatePage
from wiki.models.change_tracking import notify_pages_changed
from wiki.models.taxonomy import normalise_synonyms

KNOWLEDGE_MODELS = (CaseStudyPage, LessonPage, TemplatePage)


class TaxonomyError(ValueError):
    """A curator asked for something that would damage the taxonomy; the message is German
    and meant for the curator."""


@dataclass(frozen=True)
class MergeResult:
    target: Tag
    page_ids: list
    revisions_rewritten: int

    @property
    def page_count(self):
        return len(self.page_ids)


def merge_tags(source, target):
    """Merge `source` into `target`: every page that carries `source` (live version, drafts
    and all stored revisions) carries `target` instead; `source`'s name and synonyms become
    synonyms of `target`; child tags move to `target`; `source` is deleted. All or nothing."""
    if source.pk == target.pk:
        raise TaxonomyError("Ein Schlagwort kann nicht mit sich selbst zusammengeführt werden.")

    with transaction.atomic():
        # Lock both rows so that two curators merging at once cannot interleave.
        locked = {tag.pk: tag for tag in Tag.objects.select_for_update().filter(pk__in=[source.pk, target.pk])}
        if len(locked) != 2:
            raise TaxonomyError("Eines der Schlagwörter wurde inzwischen gelöscht.")
        source, target = locked[source.pk], locked[target.pk]

        live_page_ids = _move_live_pages(source, target)
        revision_page_ids, rewritten = _rewrite_revisions(source.pk, target.pk)

        # Children of the source now hang below the target; pages tagged with them get a new
        # ancestor chain, so they are affected too.
        if target.pk in source.descendant_ids():
            # Target sat below the source: lift it to the source's place to avoid a cycle.
            target.parent_id = source.parent_id
        Tag.objects.filter(parent_id=source.pk).exclude(pk=target.pk).update(parent_id=target.pk)
        target.synonyms = "\n".join(
            normalise_synonyms(
                target.synonym_list + [source.name] + source.synonym_list,
                exclude=[target.name],
            )
        )
        if not target.description.strip() and source.description.strip():
            target.description = source.description
        # update() rather than save(): the merge signal below covers every affected page at once.
        Tag.objects.filter(pk=target.pk).update(
            synonyms=target.synonyms, parent_id=target.parent_id, description=target.description
        )
        descendant_page_ids = set(target.affected_page_ids())
        source.delete()

        page_ids = notify_pages_changed(Tag, live_page_ids | revision_page_ids | descendant_page_ids, "tag-merge")
        _refresh_reference_index(live_page_ids)
        target.refresh_from_db()
        return MergeResult(target=target, page_ids=page_ids, revisions_rewritten=rewritten)


def rename_tag(tag, new_name, keep_old_name=True):
    """Rename a tag; by default the old name stays findable as a synonym."""
    new_name = new_name.strip()
    if not new_name:
        raise TaxonomyError("Der neue Name darf nicht leer sein.")
    clash = Tag.objects.filter(name__iexact=new_name).exclude(pk=tag.pk).first()
    if clash is not None:
        raise TaxonomyError(
            f"Es gibt bereits das Schlagwort „{clash}“. Führen Sie die Schlagwörter zusammen, statt umzubenennen."
        )
    old_name = tag.name
    tag.name = new_name
    if keep_old_name and old_name.casefold() != new_name.casefold():
        tag.synonyms = "\n".join(tag.synonym_list + [old_name])
    tag.full_clean()
    tag.save()
    return tag


def _move_live_pages(source, target):
    through = KnowledgePage.tags.through
    page_ids = set(through.objects.filter(tag_id=source.pk).values_list("knowledgepage_id", flat=True))
    already = set(
        through.objects.filter(tag_id=target.pk, knowledgepage_id__in=page_ids).values_list(
            "knowledgepage_id", flat=True
        )
    )
    through.objects.bulk_create([through(knowledgepage_id=pk, tag_id=target.pk) for pk in sorted(page_ids - already)])
    through.objects.filter(tag_id=source.pk).delete()
    return page_ids


def _rewrite_revisions(source_pk, target_pk):
    """Replace the source tag in every stored revision of a knowledge page, so that drafts,
    pages in review and reverts carry the surviving tag. Returns (page ids, revision count)."""
    content_types = ContentType.objects.get_for_models(*KNOWLEDGE_MODELS).values()
    revisions = Revision.objects.filter(content_type__in=content_types)
    if connection.features.supports_json_field_contains:
        revisions = revisions.filter(Q(content__tags__contains=[source_pk]))
    page_ids, rewritten = set(), 0
    for revision in revisions.only("pk", "object_id", "content").iterator(chunk_size=500):
        tags = revision.content.get("tags") or []
        if source_pk not in tags:
            continue
        merged = []
        for pk in tags:
            pk = target_pk if pk == source_pk else pk
            if pk not in merged:
                merged.append(pk)
        revision.content["tags"] = merged
        Revision.objects.filter(pk=revision.pk).update(content=revision.content)
        page_ids.add(int(revision.object_id))
        rewritten += 1
    return page_ids, rewritten


def _refresh_reference_index(page_ids):
    # The admin's "usage" views read Wagtail's reference index, which bulk through-table
    # edits bypass.
    for page in KnowledgePage.objects.filter(pk__in=page_ids).specific():
        ReferenceIndex.create_or_update_for_object(page)
