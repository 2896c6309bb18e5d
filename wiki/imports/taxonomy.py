"""Import of the tag taxonomy (import_taxonomy): names, synonyms, parents, descriptions."""

from django.core.exceptions import ValidationError
from django.db import transaction

from wiki.imports.fields import validation_message
from wiki.imports.lookups import find_tag
from wiki.models import Tag
from wiki.models.taxonomy import normalise_synonyms


class TaxonomyImportError(ValueError):
    def __init__(self, problems):
        super().__init__("\n".join(problems))
        self.problems = problems


@transaction.atomic
def import_taxonomy(data, keep_existing=False):
    """{"tags": [{"name", "synonyms", "parent", "description"}]} -> (created, updated).

    Idempotent: tags are matched by name (any case); synonyms are added to the ones curators
    already gave (never removed); parent and description are set when given. All or nothing:
    any problem raises TaxonomyImportError listing every problem with its entry number.

    `keep_existing`: a tag that exists already (by name, synonym or slug, so also after a
    curator renamed or merged it) is left exactly as curators keep it; only missing tags are
    created (with their parent)."""
    if not isinstance(data, dict) or not isinstance(data.get("tags"), list):
        raise TaxonomyImportError(['Die Datei muss die Form {"tags": [{"name": "…"}, …]} haben.'])
    problems, entries = [], []
    for number, entry in enumerate(data["tags"], start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
            problems.append(f"Eintrag {number}: „name“ fehlt")
            continue
        unknown = sorted(set(entry) - {"name", "synonyms", "parent", "description"})
        if unknown:
            problems.append(f"Eintrag {number}: unbekanntes Feld „{unknown[0]}“")
            continue
        synonyms = entry.get("synonyms") or []
        if isinstance(synonyms, str):
            synonyms = [synonyms]
        if not isinstance(synonyms, list) or not all(isinstance(s, str) for s in synonyms):
            problems.append(f"Eintrag {number}: „synonyms“ muss eine Liste von Texten sein")
            continue
        parent = entry.get("parent")
        if parent is not None and not isinstance(parent, str):
            problems.append(f"Eintrag {number}: „parent“ muss der Name eines Schlagworts sein")
            continue
        description = entry.get("description")
        if description is not None and not isinstance(description, str):
            problems.append(f"Eintrag {number}: „description“ muss ein Text sein")
            continue
        entries.append((number, entry["name"].strip(), synonyms, (parent or "").strip(), description))
    if problems:
        raise TaxonomyImportError(problems)

    created, updated = 0, set()
    tags = {}
    # First pass: every tag exists, so that parents may be named before they are defined.
    kept = set()
    for number, name, synonyms, _parent, description in entries:
        tag = Tag.objects.filter(name__iexact=name).first()
        if tag is None and keep_existing:
            tag = find_tag(name)
        if tag is not None and keep_existing:
            kept.add(name.casefold())
            tags[name.casefold()] = (tag, False)
            continue
        is_new = tag is None
        if is_new:
            tag = Tag(name=name)
        new_synonyms = "\n".join(normalise_synonyms(tag.synonym_list + synonyms, exclude=[tag.name]))
        changed = is_new or new_synonyms != tag.synonyms
        tag.synonyms = new_synonyms
        if description is not None and description.strip() != tag.description:
            tag.description, changed = description.strip(), True
        if changed:
            try:
                tag.full_clean()
            except ValidationError as error:
                problems.append(f"Eintrag {number} („{name}“): {validation_message(error)}")
                continue
            tag.save()
            created += is_new
            if not is_new:
                updated.add(tag.pk)
        tags[name.casefold()] = (tag, is_new)
    for number, name, _synonyms, parent_name, _description in entries:
        if not parent_name or name.casefold() not in tags or name.casefold() in kept:
            continue
        tag, is_new = tags[name.casefold()]
        parent = tags.get(parent_name.casefold(), (Tag.objects.filter(name__iexact=parent_name).first(), False))[0]
        if parent is None:
            problems.append(f"Eintrag {number} („{name}“): übergeordnetes Schlagwort „{parent_name}“ unbekannt")
            continue
        if tag.parent_id == parent.pk:
            continue
        tag.parent = parent
        try:
            tag.full_clean()
        except ValidationError as error:
            problems.append(f"Eintrag {number} („{name}“): {validation_message(error)}")
            continue
        tag.save()
        if not is_new:
            updated.add(tag.pk)
    if problems:
        raise TaxonomyImportError(problems)
    return created, len(updated)
