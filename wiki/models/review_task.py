"""The curators' review task: Wagtail's group approval, but "Freigeben" is only offered
for a case study that has everything wiki/review.py requires."""

from wagtail.models import AbstractGroupApprovalTask


class ReviewApprovalTask(AbstractGroupApprovalTask):
    def get_actions(self, obj, user):
        from wiki.review import missing_for_review

        actions = super().get_actions(obj, user)
        if not any(name == "approve" for name, _, _ in actions):
            return actions
        # The review is about the submitted revision, not the live version of the page.
        latest = obj.get_latest_revision_as_object() if hasattr(obj, "get_latest_revision_as_object") else obj
        if missing_for_review(latest):
            return [action for action in actions if action[0] != "approve"]
        return actions

    @classmethod
    def get_description(cls):
        return "Mitglieder der gewählten Gruppen prüfen; Fallstudien nur vollständig freigeben"

    class Meta:
        verbose_name = "Redaktionelle Prüfung (mit Vollständigkeitsprüfung)"
        verbose_name_plural = "Redaktionelle Prüfungen (mit Vollständigkeitsprüfung)"
