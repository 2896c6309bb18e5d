from django.core.validators import RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel

from wiki.models.change_tracking import NotifiesSearch


class SizeClass(models.TextChoices):
    """Size classes by population, as municipalities compare themselves."""

    UNDER_10K = "lt10k", "unter 10.000 Einwohner"
    FROM_10K = "10k-20k", "10.000 bis 20.000 Einwohner"
    FROM_20K = "20k-50k", "20.000 bis 50.000 Einwohner"
    FROM_50K = "gte50k", "50.000 Einwohner und mehr"

    @classmethod
    def for_population(cls, population):
        if population < 10_000:
            return cls.UNDER_10K
        if population < 20_000:
            return cls.FROM_10K
        if population < 50_000:
            return cls.FROM_20K
        return cls.FROM_50K


class Municipality(NotifiesSearch, models.Model):
    """One of the 59 towns and municipalities of Südwestfalen (reference data, loaded by a
    data migration from wiki/data/municipalities.csv)."""

    ags = models.CharField(
        "Amtlicher Gemeindeschlüssel",
        max_length=8,
        unique=True,
        validators=[RegexValidator(r"^\d{8}$", "Der AGS besteht aus genau 8 Ziffern.")],
    )
    name = models.CharField("Name", max_length=100)
    slug = models.SlugField("Kurzname", max_length=100, unique=True)
    district_ags = models.CharField(
        "Kreisschlüssel",
        max_length=5,
        validators=[RegexValidator(r"^\d{5}$", "Der Kreisschlüssel besteht aus genau 5 Ziffern.")],
    )
    district_name = models.CharField("Kreis", max_length=100)
    population = models.PositiveIntegerField("Einwohner")
    population_date = models.DateField("Stand der Einwohnerzahl")
    latitude = models.FloatField("Breitengrad")
    longitude = models.FloatField("Längengrad")
    is_town = models.BooleanField("Stadt", default=False)
    pioneer = models.BooleanField("Pionierkommune", default=False)

    # The key and the slug identify the town in URLs, imports and permissions: read-only here.
    panels = [
        FieldPanel("ags", read_only=True),
        FieldPanel("name"),
        FieldPanel("slug", read_only=True),
        FieldPanel("district_ags"),
        FieldPanel("district_name"),
        FieldPanel("population"),
        FieldPanel("population_date"),
        FieldPanel("latitude"),
        FieldPanel("longitude"),
        FieldPanel("is_town"),
        FieldPanel("pioneer"),
    ]
    search_relevant_fields = (
        "ags",
        "name",
        "slug",
        "district_ags",
        "district_name",
        "population",
        "latitude",
        "longitude",
        "pioneer",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "Kommune"
        verbose_name_plural = "Kommunen"

    def __str__(self):
        return self.name

    def affected_page_ids(self):
        own = set(self.knowledge_pages.values_list("pk", flat=True))
        return own | set(self.partner_case_studies.values_list("pk", flat=True))

    @property
    def size_class(self):
        return SizeClass.for_population(self.population)

    @property
    def size_class_label(self):
        return self.size_class.label
