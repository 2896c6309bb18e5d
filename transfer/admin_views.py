"""Curators' adoption report in the Wagtail admin (Berichte → Übernahmen), with CSV."""

from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from transfer import charts, report
from wiki.permissions import is_curator


class AdoptionReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "transfer/admin/adoption_report.html"
    page_title = "Übernahmen"
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not is_curator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "csv":
            response = StreamingHttpResponse(report.iter_csv(), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = 'attachment; filename="transferwiki-uebernahmen.csv"'
            return response
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        data = report.report_data()
        context["data"] = data
        context["pioneer_chart"] = charts.bar_chart(
            data["per_pioneer"], "Übernahmen je Pionierkommune", "chart-pioneer"
        )
        context["topic_chart"] = charts.bar_chart(data["per_topic"], "Übernahmen je Handlungsfeld", "chart-topic")
        context["month_chart"] = charts.line_chart(data["per_month"], "Neu erfasste Übernahmen je Monat", "chart-month")
        return context
