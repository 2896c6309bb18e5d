from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from wiki.models.change_tracking import NotifiesSearch
from wiki.slugs import german_slug

SLUG_HELP = "Teil der Adresse, z. B. /suche/?schlagwort=… Leer lassen, dann wird er aus dem Namen gebildet."


def unique_slug(model, name, exclude_pk=None):
    """German slug of `name`, numbered if another row already has it (E-Akte / E Akte)."""
    base = german_slug(name)[:90] or "eintrag"
    candidate, number = base, 2
    while model.objects.filter(slug=candidate).exclude(pk=exclude_pk).exists():
        candidate, number = f"{base}-{number}", number + 1
    return candidate


class Topic(NotifiesSearch, models.Model):
    """A Handlungsfeld: the curated, short list of fields of action (curators only)."""

    name = models.CharField("Name", max_length=100, unique=True)
    slug = models.SlugField("Kurzname", max_length=100, unique=True, blank=True, help_text=SLUG_HELP)
    description = models.TextField("Beschreibung", blank=True)
    sort_order = models.PositiveSmallIntegerField("Reihenfolge", default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "Handlungsfeld"
        verbose_name_plural = "Handlungsfelder"

    search_relevant_fields = ("name", "slug")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Topic, self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def affected_page_ids(self):
        return list(self.pages.values_list("pk", flat=True))


class Tag(NotifiesSearch, index.Indexed, models.Model):
    """A curated keyword. Curators create, nest, describe and merge tags; synonyms are
    applied by search at query time, so they take effect without a reindex."""

    name = models.CharField("Name", max_length=100, unique=True)
    slug = models.SlugField("Kurzname", max_length=100, unique=True, blank=True, help_text=SLUG_HELP)
    description = models.TextField("Beschreibung", blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name="Übergeordnetes Schlagwort",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    synonyms = models.TextField(
        "Synonyme",
        blank=True,
        help_text="Ein Synonym pro Zeile, z. B. „ÖPNV“ für „Nahverkehr“.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("parent"),
        FieldPanel("synonyms"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "Schlagwort"
        verbose_name_plural = "Schlagwörter"

    # Search documents carry the tag's name, slug and its parent chain; synonyms are applied
    # at query time, but search is told anyway so that it can refresh whatever it caches.
    search_relevant_fields = ("name", "slug", "parent_id", "synonyms")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = self.name.strip()
        self.synonyms = "\n".join(normalise_synonyms(self.synonym_list, exclude=[self.name]))
        if not self.slug:
            self.slug = unique_slug(Tag, self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.parent_id is not None:
            if self.pk is not None and self.parent_id == self.pk:
                errors["parent"] = "Ein Schlagwort kann nicht sich selbst übergeordnet sein."
            elif self.pk is not None and any(node.pk == self.pk for node in self.parent.ancestors()):
                errors["parent"] = (
                    f"„{self.parent}“ ist diesem Schlagwort selbst untergeordnet; das ergäbe einen Kreis."
                )
        others = Tag.objects.exclude(pk=self.pk)
        name_clash = [s for s in self.synonym_list if others.filter(name__iexact=s).exists()]
        if name_clash:
            errors["synonyms"] = (
                f"„{name_clash[0]}“ ist bereits ein eigenes Schlagwort. Führen Sie die beiden Schlagwörter "
                "zusammen, statt ein Synonym anzulegen."
            )
        if self.name:
            holder = next(
                (tag for tag in others.filter(synonyms__icontains=self.name) if tag.has_synonym(self.name)), None
            )
            if holder is not None:
                errors["name"] = f"„{self.name}“ ist bereits ein Synonym von „{holder}“."
        if errors:
            raise ValidationError(errors)

    @property
    def synonym_list(self):
        return [line.strip() for line in self.synonyms.splitlines() if line.strip()]

    def has_synonym(self, text):
        wanted = text.strip().casefold()
        return any(synonym.casefold() == wanted for synonym in self.synonym_list)

    def descendant_ids(self):
        """Ids of this tag and every tag below it (cycle-safe)."""
        found, frontier = {self.pk}, [self.pk]
        while frontier:
            frontier = [
                pk for pk in Tag.objects.filter(parent_id__in=frontier).values_list("pk", flat=True) if pk not in found
            ]
            found.update(frontier)
        return found

    def affected_page_ids(self):
        # Pages tagged with a descendant carry this tag as an ancestor in their search document.
        through = Tag.pages.through
        return list(
            through.objects.filter(tag_id__in=self.descendant_ids())
            .values_list("knowledgepage_id", flat=True)
            .distinct()
        )

    def ancestors(self):
        """Parent chain, nearest first; guards against cycles a curator might create."""
        seen, node, chain = {self.pk}, self.parent, []
        while node is not None and node.pk not in seen:
            chain.append(node)
            seen.add(node.pk)
            node = node.parent
        return chain


def normalise_synonyms(synonyms, exclude=()):
    """Stripped, without duplicates (case-insensitive) and without the excluded names, in the
    order given."""
    seen = {name.strip().casefold() for name in exclude}
    result = []
    for synonym in synonyms:
        synonym = synonym.strip()
        if synonym and synonym.casefold() not in seen:
            seen.add(synonym.casefold())
            result.append(synonym)
    return result
