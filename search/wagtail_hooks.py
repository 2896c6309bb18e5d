"""Curator report in the Wagtail admin: what people search for (Berichte → Suchanfragen).

Built from SearchQueryLog, which holds no personal data (no IP address, no user, no session):
the query text, the filters, the number of hits and the backend. The report shows the most
frequent queries and the queries that found nothing in the last 30 days, so that curators see
which words are missing from the taxonomy (a synonym on a tag usually fixes a zero-result query).
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max
from django.db.models.functions import Lower
from django.urls import path, reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

REPORT_PERMISSION = "search.view_searchquerylog"
REPORT_DAYS = 30
REPORT_ROWS = 50


def query_report(days=REPORT_DAYS, limit=REPORT_ROWS):
    """Top queries and zero-result queries of the last `days` days, case-insensitive."""
    from search.models import SearchQueryLog

    since = timezone.now() - timedelta(days=days)
    recent = SearchQueryLog.objects.filter(created_at__gte=since).exclude(query="")
    grouped = recent.annotate(normalised=Lower("query")).values("normalised")
    top = grouped.annotate(searches=Count("id"), last=Max("created_at")).order_by("-searches", "normalised")[:limit]
    zero = (
        grouped.filter(result_count=0)
        .annotate(searches=Count("id"), last=Max("created_at"))
        .order_by("-searches", "normalised")[:limit]
    )
    return {
        "since": since,
        "days": days,
        "total": SearchQueryLog.objects.filter(created_at__gte=since).count(),
        "top": list(top),
        "zero": list(zero),
    }


class SearchQueryReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "search/admin/query_report.html"
    page_title = "Suchanfragen"
    page_subtitle = f"letzte {REPORT_DAYS} Tage"
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(query_report())
        return context


class _ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_admin_urls")
def register_search_report_url():
    return [path("reports/suchanfragen/", SearchQueryReportView.as_view(), name="search_query_report")]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return _ReportMenuItem(
        "Suchanfragen",
        reverse("search_query_report"),
        name="search-queries",
        icon_name="search",
        order=1300,
    )
