"""Curator report in the Wagtail admin: what people search for (Berichte → Suchanfragen).

Built from SearchQueryLog, which holds no personal data (no IP address, no user, no session):
the query text, the filters, the number of hits and the backend. The report (search/query_report.py)
shows, for a period the curator chooses, the most frequent queries, the queries that found
nothing and those only the filters emptied, so that curators see which words are missing from
the taxonomy (a synonym on a tag usually fixes a zero-result query); ?format=csv downloads it.
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path, reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from search.query_report import DEFAULT_PERIOD, PERIODS, PeriodError, parse_period, query_report, report_csv

REPORT_PERMISSION = "search.view_searchquerylog"


class SearchQueryReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "search/admin/query_report.html"
    page_title = "Suchanfragen"
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        raw = request.GET.get("days", DEFAULT_PERIOD)
        try:
            days = parse_period(raw)
        except PeriodError as exc:
            context = self.get_context_data(error=str(exc), **query_report(int(DEFAULT_PERIOD)))
            return self.render_to_response(context, status=400)
        if request.GET.get("format") == "csv":
            response = HttpResponse(report_csv(days), content_type="text/csv; charset=utf-8")
            stamp = timezone.localdate().isoformat()
            response["Content-Disposition"] = f'attachment; filename="suchanfragen-{days}-tage-{stamp}.csv"'
            return response
        return self.render_to_response(self.get_context_data(**query_report(days)))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["periods"] = list(PERIODS.items())
        context["page_subtitle"] = PERIODS.get(str(context.get("days")), "")
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
