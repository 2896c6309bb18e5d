from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from wiki.slugs import german_slug


class Topic(models.Model):
    """A Handlungsfeld: the curated, short list of fields of action (curators only)."""

    name = models.CharField("Name", max_length=100, unique=True)
    slug = models.SlugField("Kurzname", max_length=100, unique=True)
    description = models.TextField("Beschreibung", blank=True)
    sort_order = models.PositiveSmallIntegerField("Reihenfolge", default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "Handlungsfeld"
        verbose_name_plural = "Handlungsfelder"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = german_slug(self.name)
        super().save(*args, **kwargs)


class Tag(index.Indexed, models.Model):
    """A curated keyword. Curators create, nest, describe and merge tags; synonyms are
    applied by search at query time, so they take effect without a reindex."""

    name = models.CharField("Name", max_length=100, unique=True)
    slug = models.SlugField("Kurzname", max_length=100, unique=True)
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

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = german_slug(self.name)
        super().save(*args, **kwargs)

    @property
    def synonym_list(self):
        return [line.strip() for line in self.synonyms.splitlines() if line.strip()]

    def ancestors(self):
        """Parent chain, nearest first; guards against cycles a curator might create."""
        seen, node, chain = {self.pk}, self.parent, []
        while node is not None and node.pk not in seen:
            chain.append(node)
            seen.add(node.pk)
            node = node.parent
        return chain
