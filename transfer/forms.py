"""Forms of the transfer features (German messages)."""

from django import forms

from transfer.models import Adoption, AdoptionStatus, Frequency
from wiki.models import CaseStudyPage
from wiki.models.pages import public_pages


class AdoptionForm(forms.ModelForm):
    """Record or update "town B adopted this page". `towns` are the towns the user may
    record for; with one town the choice is fixed."""

    class Meta:
        model = Adoption
        fields = ["municipality", "status", "reason", "note", "contact", "own_case_study"]
        widgets = {
            "status": forms.RadioSelect,
            "reason": forms.Textarea(attrs={"rows": 3}),
            "note": forms.Textarea(attrs={"rows": 2, "maxlength": 500}),
        }
        error_messages = {
            "municipality": {"required": "Bitte wählen Sie die übernehmende Kommune."},
            "status": {"required": "Bitte wählen Sie den Stand der Übernahme."},
        }

    def __init__(self, *args, page, towns, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.instance.page = page
        towns = towns.exclude(pk=page.municipality_id).order_by("name")
        self.fields["municipality"].queryset = towns
        self.fields["municipality"].empty_label = None if towns.count() == 1 else "– bitte wählen –"
        self.fields["status"].choices = AdoptionStatus.choices
        own = self.fields["own_case_study"]
        # Only the town's own public case studies can be linked; the list is narrowed to the
        # chosen town in clean() (the field offers all towns the user may record for).
        own.queryset = public_pages(CaseStudyPage.objects.filter(municipality__in=towns)).order_by("title")
        own.required = False
        own.empty_label = "– keine –"
        own.label_from_instance = lambda page: f"{page.title} ({page.municipality.name})"

    def clean(self):
        data = super().clean()
        town = data.get("municipality")
        if town is not None and not self.instance.pk:
            existing = Adoption.objects.filter(page=self.page, municipality=town).first()
            if existing is not None:
                # A second entry for the same town updates the first instead of failing.
                self.instance = existing
                self.instance.page = self.page
        return data


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label="E-Mail-Adresse",
        max_length=254,
        error_messages={
            "required": "Bitte geben Sie Ihre E-Mail-Adresse an.",
            "invalid": "Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@kommune.de.",
        },
    )
    frequency = forms.ChoiceField(
        label="Wie oft?",
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
        widget=forms.RadioSelect,
        error_messages={"required": "Bitte wählen Sie, wie oft Sie eine Zusammenfassung erhalten möchten."},
    )
    params = forms.CharField(widget=forms.HiddenInput, required=False, max_length=1000)
