from django.db import models
from wagtail.admin.panels import FieldPanel


class ContactPerson(models.Model):
    """Who to call about a project; shared between case studies of one town."""

    name = models.CharField("Name", max_length=150)
    role = models.CharField("Funktion", max_length=150, blank=True)
    municipality = models.ForeignKey(
        "wiki.Municipality", verbose_name="Kommune", on_delete=models.PROTECT, related_name="contacts"
    )
    email = models.EmailField("E-Mail", blank=True)
    phone = models.CharField("Telefon", max_length=50, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("municipality"),
        FieldPanel("email"),
        FieldPanel("phone"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "Ansprechperson"
        verbose_name_plural = "Ansprechpersonen"

    def __str__(self):
        return f"{self.name} ({self.municipality})"
