"""Template tags of the region's own formats for the start page, town pages and guide pages:
learning paths, upcoming events, a town's progress along the guides and its villages, the
step controls of editors."""

from django import template
from django.urls import reverse

from wiki import guides, villages
from wiki.models.events import upcoming_events as _upcoming_events

register = template.Library()


@register.inclusion_tag("wiki/formats/learning_paths.html")
def learning_paths(limit=3):
    items = guides.public_guides()[: max(int(limit), 0)]
    for guide in items:
        guide.step_count = len(guide.step_ids())
    return {"guides": items}


@register.inclusion_tag("wiki/formats/upcoming_events.html")
def upcoming_events(limit=3):
    return {"events": list(_upcoming_events()[: max(int(limit), 0)])}


@register.inclusion_tag("wiki/formats/guide_progress.html")
def guide_progress(town):
    """`town`: a Municipality (or its page)."""
    municipality = getattr(town, "municipality", town)
    return {"town": municipality, "rows": guides.town_progress(municipality)}


@register.inclusion_tag("wiki/formats/town_villages.html")
def town_villages(town):
    """The villages of `town` (a Municipality or its page), each with its public pages."""
    municipality = getattr(town, "municipality", town)
    return {"town": municipality, "villages": villages.with_public_pages(municipality)}


@register.inclusion_tag("wiki/formats/step_controls.html", takes_context=True)
def step_controls(context, guide, step_id):
    """Buttons to mark `step_id` done for each town the signed-in user edits."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"controls": []}
    towns = guides.editor_towns(user)
    action = reverse("wiki:guide_step", args=[guide.pk, step_id])
    controls = [{"town": town, "done": step_id in guide.done_step_ids(town), "action": action} for town in towns]
    return {"controls": controls, "request": request, "csrf_token": context.get("csrf_token")}
