"""Admin forms of the knowledge base (German labels, curator-facing)."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from wiki.models import Tag
from wiki.models.taxonomy import normalise_synonyms


class TagForm(WagtailAdminModelForm):
    """Snippet form for tags: renaming keeps the old name findable as a synonym unless the
    curator unticks the box (e.g. when fixing a typo nobody should search for)."""

    keep_old_name = forms.BooleanField(
        label="Alten Namen als Synonym behalten",
        required=False,
        initial=True,
        help_text="Nur beim Umbenennen: Wer nach dem bisherigen Namen sucht, findet die Seiten weiterhin.",
    )

    def save(self, commit=True):
        tag = super().save(commit=False)
        old_name = (self.initial.get("name") or "").strip()
        renamed = self.instance.pk and old_name and old_name.casefold() != tag.name.strip().casefold()
        if renamed and self.cleaned_data.get("keep_old_name"):
            tag.synonyms = "\n".join(normalise_synonyms(tag.synonym_list + [old_name], exclude=[tag.name]))
        if commit:
            tag.save()
            self.save_m2m()
        return tag


class MergeTagsForm(forms.Form):
    target = forms.ModelChoiceField(
        label="Zusammenführen mit",
        queryset=Tag.objects.none(),
        help_text="Dieses Schlagwort bleibt bestehen und erhält alle Seiten.",
    )
    confirm = forms.BooleanField(
        label="Ich habe verstanden, dass das Schlagwort gelöscht wird.",
        required=True,
    )

    def __init__(self, *args, source, **kwargs):
        super().__init__(*args, **kwargs)
        self.source = source
        self.fields["target"].queryset = Tag.objects.exclude(pk=source.pk).order_by("name")
        self.fields["target"].error_messages["invalid_choice"] = "Bitte ein vorhandenes Schlagwort auswählen."
        self.fields["confirm"].error_messages["required"] = "Bitte bestätigen Sie das Zusammenführen."
