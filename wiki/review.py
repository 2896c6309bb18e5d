"""What a case study needs before it can go to review or be approved.

Drafts may stay incomplete; only "Zur Prüfung einreichen", "Veröffentlichen" and a curator's
"Freigeben" are refused while something is missing, with a German message naming it:

- the form mixin below (set on CaseStudyPage via `base_form_class`) checks the editor's and
  the curator's buttons on the edit form;
- the review task (wiki/models/review_task.py) does not offer "Freigeben" for an incomplete
  page anywhere (dashboard, review lists, edit form), and the hook at the end of this module
  tells the curator on the edit form why.
"""

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from wagtail import hooks
from wagtail.admin import messages

from wiki import page_types
from wiki.blocks import SECTION_KINDS
from wiki.page_forms import KnowledgePageForm

# The sections a reader of another town needs to judge and copy a project.
REQUIRED_SECTIONS = ["challenge", "goal", "implementation", "transferability"]
_SECTION_LABELS = dict(SECTION_KINDS)
# POST keys of the edit form's buttons that end a draft.
_FINAL_ACTIONS = ("action-submit", "action-publish", "action-restart-workflow")


def _section_kinds_with_text(body):
    kinds = set()
    for block in body or []:
        if block.block_type != "section":
            continue
        value = block.value
        text = value.get("text")
        if strip_tags(str(getattr(text, "source", text) or "")).strip():
            kinds.add(value.get("kind"))
    return kinds


def missing_parts(body, has_contact):
    """Human-readable names of what is missing, in the order readers meet it."""
    present = _section_kinds_with_text(body)
    missing = [f"Abschnitt „{_SECTION_LABELS[kind]}“" for kind in REQUIRED_SECTIONS if kind not in present]
    if not has_contact:
        missing.append("Ansprechperson")
    return missing


def missing_for_review(page):
    """What `page` lacks for review; [] when complete or not a case study.

    The page's type comes from the registry its class carries (wiki/page_types.py), not from
    the model class: the page models import this module for their form, so it imports none."""
    if getattr(page, "PAGE_TYPE", None) is not page_types.CASE_STUDY:
        return []
    return missing_parts(page.body, bool(page.contact_id))


def review_message(missing, *, approving=False):
    verb = "freigegeben" if approving else "zur Prüfung eingereicht oder veröffentlicht"
    return (
        f"Die Fallstudie kann so nicht {verb} werden. Es fehlt: {', '.join(missing)}. "
        "Als Entwurf speichern geht jederzeit."
    )


class ReviewCompletenessMixin:
    """Admin page form: refuse submit/publish/approve while required parts are missing."""

    def _ends_draft(self):
        data = self.data
        if any(key in data for key in _FINAL_ACTIONS):
            return True
        return "action-workflow-action" in data and data.get("workflow-action-name") == "approve"

    def clean(self):
        cleaned = super().clean()
        if self.is_bound and self._ends_draft():
            missing = missing_parts(cleaned.get("body"), bool(cleaned.get("contact")))
            if missing:
                self.add_error(None, ValidationError(review_message(missing), code="incomplete_for_review"))
                if not cleaned.get("contact") and "contact" in self.fields:
                    self.add_error("contact", "Bitte wählen Sie eine Ansprechperson aus, bevor Sie einreichen.")
        return cleaned


class CaseStudyPageForm(ReviewCompletenessMixin, KnowledgePageForm):
    pass


@hooks.register("before_edit_page")
def explain_missing_approval(request, page):
    """A curator opening an incomplete case study in review learns why "Freigeben" is missing."""
    if request.method != "GET" or not page.workflow_in_progress:
        return None
    latest = page.get_latest_revision_as_object()
    missing = missing_for_review(latest)
    if missing:
        messages.warning(request, review_message(missing, approving=True))
    return None
