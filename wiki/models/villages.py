"""Villages (Ortsteile, Dörfer) below a municipality.

The model region insists that the villages take part as much as the towns: pages name the
villages they concern, search finds a page by a village's name, and the town page lists its
villages with their content. A renamed or deleted village changes the search documents of
the pages that name it, so it announces them like the other reference data.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from wagtail.admin.panels import FieldPanel

from wiki.models.change_tracking import NotifiesSearch, notify_pages_changed
from wiki.slugs import german_slug


def village_key(ags, name):
    """The stable key of a village in search filters and links: the town's AGS and the slug of
    the name ("05958004-huesten"); names repeat across towns, so the AGS makes it unique."""
    return f"{ags}-{german_slug(name)}"


class Village(NotifiesSearch, models.Model):
    municipality = models.ForeignKey(
        "wiki.Municipality", verbose_name="Kommune", on_delete=models.CASCADE, related_name="villages"
    )
    name = models.CharField("Name", max_length=100)
    latitude = models.FloatField(
        "Breitengrad", null=True, blank=True, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        "Längengrad", null=True, blank=True, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )

    panels = [FieldPanel("municipality"), FieldPanel("name"), FieldPanel("latitude"), FieldPanel("longitude")]
    search_relevant_fields = ("name", "municipality_id")

    class Meta:
        ordering = ["municipality__name", "name"]
        verbose_name = "Ortsteil"
        verbose_name_plural = "Ortsteile"
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="wiki_village_name_per_town")]

    def __str__(self):
        return f"{self.name} ({self.municipality.name})"

    @property
    def key(self):
        return village_key(self.municipality.ags, self.name)

    def affected_page_ids(self):
        return list(self.pages.values_list("pk", flat=True))


@receiver(pre_delete, sender=Village, dispatch_uid="wiki-village-deleted")
def village_deleted(sender, instance, **kwargs):
    notify_pages_changed(Village, instance.affected_page_ids(), "village-delete")
