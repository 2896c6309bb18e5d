from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from transfer.admin_views import AdoptionReportView
from wiki.permissions import is_curator


@hooks.register("register_admin_urls")
def register_adoption_report_url():
    return [path("berichte/uebernahmen/", AdoptionReportView.as_view(), name="transfer_adoption_report")]


class CuratorOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return is_curator(request.user)


@hooks.register("register_reports_menu_item")
def register_adoption_report():
    return CuratorOnlyMenuItem("Übernahmen", reverse("transfer_adoption_report"), icon_name="doc-full", order=910)
