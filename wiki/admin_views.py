"""Curator views in the Wagtail admin: merging tags and the list of tag suggestions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from wiki.forms import MergeTagsForm
from wiki.models import KnowledgePage, Tag
from wiki.taxonomy import TaxonomyError, merge_tags


def _require_tag_curation(user):
    if not user.has_perms(["wiki.change_tag", "wiki.delete_tag"]):
        raise PermissionDenied


class MergeTagsView(WagtailAdminTemplateMixin, FormView):
    template_name = "wiki/admin/merge_tags.html"
    form_class = MergeTagsForm
    page_title = "Schlagwort zusammenführen"
    header_icon = "tag"
    index_url_name = "wagtailsnippets_wiki_tag:list"

    def dispatch(self, request, *args, **kwargs):
        _require_tag_curation(request.user)
        self.source = get_object_or_404(Tag, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.source.name

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": "Schlagwörter"},
            {"url": "", "label": f"„{self.source}“ zusammenführen"},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "source": self.source}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            source=self.source,
            page_count=self.source.pages.count(),
            action_url=self.request.path,
            submit_button_label="Zusammenführen",
            submit_button_active_label="Wird zusammengeführt …",
        )
        return context

    def form_valid(self, form):
        target = form.cleaned_data["target"]
        source_name = self.source.name
        try:
            result = merge_tags(self.source, target)
        except TaxonomyError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"„{source_name}“ wurde mit „{result.target}“ zusammengeführt; {result.page_count} Seiten "
            f"angepasst. „{source_name}“ ist jetzt ein Synonym.",
        )
        return redirect(reverse("wagtailsnippets_wiki_tag:edit", args=[result.target.pk]))


class TagSuggestionsView(WagtailAdminTemplateMixin, TemplateView):
    """Pages whose editors asked for a tag that does not exist yet (newest first)."""

    template_name = "wiki/admin/tag_suggestions.html"
    page_title = "Schlagwort-Vorschläge"
    header_icon = "tag"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wiki.add_tag"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["suggestions"] = list(pending_tag_suggestions())
        return context


def pending_tag_suggestions():
    """(page, suggestion) for every page whose newest version asks for a tag. Drafts keep
    their content in the latest revision, not in the page row, so that is what counts."""
    candidates = (
        KnowledgePage.objects.filter(Q(has_unpublished_changes=True) | ~Q(tag_suggestions=""))
        .select_related("municipality", "latest_revision")
        .order_by("-latest_revision_created_at")
    )
    for page in candidates:
        suggestion = page.tag_suggestions
        if page.has_unpublished_changes and page.latest_revision is not None:
            suggestion = page.latest_revision.content.get("tag_suggestions", suggestion)
        if suggestion and suggestion.strip():
            yield page, suggestion.strip()
