"""Admin: curators read and close the barrier reports sent through the accessibility
statement's feedback form (Snippets → Rückmeldungen zur Barrierefreiheit)."""

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.feedback import AccessibilityFeedback


class AccessibilityFeedbackViewSet(SnippetViewSet):
    model = AccessibilityFeedback
    icon = "mail"
    menu_label = "Rückmeldungen Barrierefreiheit"
    add_to_admin_menu = True
    menu_order = 800
    list_display = ["created_at", "message", "page_url", "handled"]
    list_filter = ["handled"]
    panels = [
        FieldPanel("message", read_only=True),
        FieldPanel("page_url", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("handled"),
        FieldPanel("note"),
    ]


register_snippet(AccessibilityFeedbackViewSet)
