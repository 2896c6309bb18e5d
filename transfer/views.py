"""Public views of the transfer features: recording an adoption, the region map page.
Subscription views are in transfer/follow_views.py, feeds in transfer/feeds.py."""

from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from transfer.adoptions import adoptions_for_page, can_record, is_adoptable, recordable_towns
from transfer.forms import AdoptionForm
from transfer.models import Adoption
from transfer.notify import notify_authors
from wiki.models import KnowledgePage


@require_http_methods(["GET", "HEAD", "POST"])
def record_adoption(request, page_id):
    page = get_object_or_404(KnowledgePage.objects.select_related("municipality"), pk=page_id)
    if not is_adoptable(page):
        raise Http404("Diese Seite kann nicht übernommen werden.")
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), login_url="/admin/login/")
    towns = recordable_towns(request.user).exclude(pk=page.municipality_id)
    if not towns.exists():
        return render(request, "transfer/adoptions/forbidden.html", {"page": page}, status=403)
    status = 200
    if request.method == "POST":
        form = AdoptionForm(request.POST, page=page, towns=towns)
        if form.is_valid():
            changed = form.instance.pk is not None
            with transaction.atomic():
                adoption = form.save(commit=False)
                adoption.recorded_by = request.user
                adoption.save()
                transaction.on_commit(lambda: notify_authors(adoption, changed=changed))
            return redirect(f"{page.url}#uebernahmen")
        status = 400
    else:
        form = AdoptionForm(page=page, towns=towns)
    manageable = set(towns.values_list("pk", flat=True))
    context = {
        "page": page,
        "form": form,
        "adoptions": [(a, a.municipality_id in manageable) for a in adoptions_for_page(page)],
    }
    return render(request, "transfer/adoptions/record.html", context, status=status)


@require_POST
def withdraw_adoption(request, adoption_id):
    """Delete an entry made by mistake (the town's editors and curators)."""
    adoption = get_object_or_404(Adoption.objects.select_related("page", "municipality"), pk=adoption_id)
    if not request.user.is_authenticated or not can_record(request.user, adoption.municipality):
        return render(request, "transfer/adoptions/forbidden.html", {"page": adoption.page}, status=403)
    page_url = adoption.page.url
    adoption.delete()
    return redirect(f"{page_url}#uebernahmen" if page_url else "/")


@require_safe
def region_map_page(request):
    """The region map on its own page (the start page, town index and search page include it
    with {% region_map %})."""
    return render(request, "transfer/map/map_page.html", {})
