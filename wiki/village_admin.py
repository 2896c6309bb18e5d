"""The admin of villages (Ortsteile): curators maintain all of them, a town's editors only
their own town's. The list shows only what the user may maintain, the form offers only those
towns, and opening another town's village by its address is refused."""

from django import forms
from django.core.exceptions import PermissionDenied
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.views.snippets import DeleteView, EditView, SnippetViewSet

from wiki.models import Village
from wiki.permissions import towns_in_charge


class VillageForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "municipality" in self.fields:
            self.fields["municipality"].queryset = towns_in_charge(self.for_user).order_by("name")


class _OwnTownsOnly:
    def get_object(self, queryset=None):
        village = super().get_object(queryset)
        if not towns_in_charge(self.request.user).filter(pk=village.municipality_id).exists():
            raise PermissionDenied
        return village


class VillageEditView(_OwnTownsOnly, EditView):
    pass


class VillageDeleteView(_OwnTownsOnly, DeleteView):
    pass


class VillageViewSet(SnippetViewSet):
    model = Village
    icon = "home"
    menu_label = "Ortsteile"
    list_display = ["name", "municipality", "latitude", "longitude"]
    list_filter = ["municipality"]
    search_fields = ["name"]
    copy_view_enabled = False
    edit_view_class = VillageEditView
    delete_view_class = VillageDeleteView
    edit_handler = ObjectList(
        [
            FieldPanel("municipality", widget=forms.Select),
            FieldPanel("name"),
            FieldPanel("latitude"),
            FieldPanel("longitude"),
        ],
        base_form_class=VillageForm,
    )

    def get_queryset(self, request):
        return Village.objects.filter(municipality__in=towns_in_charge(request.user)).select_related("municipality")
