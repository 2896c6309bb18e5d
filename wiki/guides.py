"""How far a municipality has come along a guide, and who may say so.

The editors of a town mark the steps of a published guide as done for their own town
(curators for any town); the town page then shows the progress. Marking is a POST with
Django's CSRF check; a visitor who is not signed in, an editor of another town, an unknown
guide, an unknown step or a bad parameter get a German answer (403, 404, 400), never a 500.
"""

from django.http import HttpResponseBadRequest, HttpResponseForbidden, HttpResponseNotFound
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from wiki import permissions
from wiki.models import GuidePage, GuideStepCompletion, Municipality
from wiki.models.pages import public_pages
from wiki.permissions import is_curator


def public_guides():
    """Published guides, learning paths for beginners first."""
    guides = public_pages(GuidePage.objects.all()).select_related("municipality")
    return sorted(guides, key=lambda guide: (guide.audience != "beginners", guide.title.casefold()))


def editor_towns(user):
    """The municipalities whose editor group `user` belongs to, by name."""
    return list(permissions.editor_towns(user).order_by("name"))


def may_mark(user, municipality):
    if not user.is_authenticated or not user.is_active:
        return False
    return is_curator(user) or any(town.pk == municipality.pk for town in editor_towns(user))


def progress(guide, municipality):
    """{"guide", "done", "total", "percent"} of one guide for one town."""
    total = len(guide.step_ids())
    done = len(guide.done_step_ids(municipality))
    return {"guide": guide, "done": done, "total": total, "percent": round(100 * done / total) if total else 0}


def town_progress(municipality):
    return [progress(guide, municipality) for guide in public_guides()]


def _text(status, message):
    return {400: HttpResponseBadRequest, 403: HttpResponseForbidden, 404: HttpResponseNotFound}[status](
        message, content_type="text/plain; charset=utf-8"
    )


@require_POST
def mark_step(request, guide_id, step_id):
    """POST municipality=<AGS> done=1|0 [next=<path>]: mark or unmark one step for one town."""
    if not request.user.is_authenticated:
        return _text(403, "Bitte melden Sie sich an, um Schritte als erledigt zu markieren.")
    guide = public_pages(GuidePage.objects.filter(pk=guide_id)).first()
    if guide is None:
        return _text(404, "Diesen Leitfaden gibt es nicht oder er ist nicht veröffentlicht.")
    if step_id not in guide.step_ids():
        return _text(404, "Diesen Schritt gibt es in diesem Leitfaden nicht.")
    ags = (request.POST.get("municipality") or "").strip()
    if not (len(ags) == 8 and ags.isascii() and ags.isdigit()):
        return _text(400, "Parameter „municipality“: erwartet wird ein Gemeindeschlüssel aus genau 8 Ziffern (AGS).")
    municipality = Municipality.objects.filter(ags=ags).first()
    if municipality is None:
        return _text(400, f"Parameter „municipality“: Die Kommune mit dem Schlüssel {ags} ist unbekannt.")
    done = request.POST.get("done", "1")
    if done not in ("0", "1"):
        return _text(400, "Parameter „done“: erlaubt sind 1 (erledigt) und 0 (nicht erledigt).")
    if not may_mark(request.user, municipality):
        return _text(
            403,
            f"Schritte für {municipality.name} markieren nur die Redaktion von {municipality.name} und die Kuratorinnen und Kuratoren.",
        )

    if done == "1":
        GuideStepCompletion.objects.get_or_create(
            guide=guide, step_id=step_id, municipality=municipality, defaults={"completed_by": request.user}
        )
    else:
        GuideStepCompletion.objects.filter(guide=guide, step_id=step_id, municipality=municipality).delete()

    target = request.POST.get("next") or f"{guide.url}#schritt-{step_id}"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = guide.url
    return redirect(target)
