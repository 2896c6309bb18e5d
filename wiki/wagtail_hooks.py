"""Admin registration of the knowledge base: taxonomy snippets with a merge action for
curators, contact persons, municipality data, and the tag-suggestion report.

Who may do what is decided by the groups in wiki/permissions.py; the views here only check
the same model permissions."""

from django.db.models import Count
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from wiki.admin_views import MergeTagsView, TagSuggestionsView
from wiki.forms import TagForm
from wiki.models import ContactPerson, Municipality, Tag, Topic
from wiki.village_admin import VillageViewSet


class TagIndexView(SnippetIndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perms(["wiki.change_tag", "wiki.delete_tag"]):
            buttons.append(
                Button(
                    "Zusammenführen …",
                    url=reverse("wagtailsnippets_wiki_tag:merge", args=[instance.pk]),
                    icon_name="resubmit",
                    priority=25,
                )
            )
        return buttons


class TagViewSet(SnippetViewSet):
    model = Tag
    icon = "tag"
    menu_label = "Schlagwörter"
    index_view_class = TagIndexView
    list_display = [
        "name",
        Column("parent", label="Übergeordnet"),
        Column("synonym_text", label="Synonyme", accessor=lambda tag: ", ".join(tag.synonym_list)),
        Column("page_count", label="Seiten", sort_key="page_count"),
    ]
    list_per_page = 50
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("keep_old_name"),
            FieldPanel("slug"),
            FieldPanel("description"),
            FieldPanel("parent"),
            FieldPanel("synonyms"),
        ],
        base_form_class=TagForm,
    )

    def get_queryset(self, request):
        return Tag.objects.select_related("parent").annotate(page_count=Count("pages"))

    @property
    def merge_view(self):
        return MergeTagsView.as_view()

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("merge/<int:pk>/", self.merge_view, name="merge")]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "folder-open-inverse"
    menu_label = "Handlungsfelder"
    list_display = ["name", "sort_order", Column("page_count", label="Seiten", sort_key="page_count")]

    def get_queryset(self, request):
        return Topic.objects.annotate(page_count=Count("pages"))


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    icon = "user"
    menu_label = "Ansprechpersonen"
    list_display = ["name", "role", "municipality", "email"]


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "site"
    menu_label = "Kommunen (Stammdaten)"
    list_display = ["name", "ags", "district_name", "population", "pioneer"]
    list_per_page = 60
    copy_view_enabled = False


class KnowledgeBaseGroup(SnippetViewSetGroup):
    menu_label = "Wissensbasis"
    menu_icon = "folder-inverse"
    menu_order = 250
    items = (TagViewSet, TopicViewSet, ContactPersonViewSet, MunicipalityViewSet, VillageViewSet)


register_snippet(KnowledgeBaseGroup)


@hooks.register("register_admin_urls")
def register_tag_suggestion_url():
    return [path("schlagwort-vorschlaege/", TagSuggestionsView.as_view(), name="wiki_tag_suggestions")]


class CuratorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wiki.add_tag")


@hooks.register("register_reports_menu_item")
def register_tag_suggestion_report():
    return CuratorMenuItem("Schlagwort-Vorschläge", reverse("wiki_tag_suggestions"), icon_name="tag", order=900)
