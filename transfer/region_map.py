"""The map of Südwestfalen, drawn on the server as inline SVG from the project's own data.

No tiles, scripts or fonts: every municipality is a point placed by an equirectangular
projection (longitude scaled by cos of the region's mean latitude, so that a kilometre is
equally long in both directions and the "in meiner Nähe" radius is a true circle), sized by its
number of public pages, coloured by Kreis; pioneer towns are drawn as diamonds (a shape, not
only a colour). Recorded adoptions are lines from the author town A to the adopting town B.
No boundary shapes: no openly licensed geometry ships with the project, and points plus Kreis
grouping are enough to orient oneself.
"""

import math
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from transfer.adoptions import adoption_links
from transfer.models import AdoptionStatus
from wiki.models import KnowledgePage, Municipality, MunicipalityPage
from wiki.models.pages import public_pages

WIDTH = 640
PADDING = 34
LEGEND_HEIGHT = 118
KM_PER_DEGREE = 111.32
# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
DISTRICT_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9"]
HIGHLIGHT_COLOUR = "#000000"


@dataclass
class Point:
    municipality: Municipality
    x: float
    y: float
    pages: int
    colour: str
    url: str | None
    highlighted: bool = False
    adopted: int = 0  # adoptions of this town's pages by others
    adopting: int = 0  # adoptions this town recorded

    @property
    def radius(self):
        return round(min(4 + 2.2 * math.sqrt(self.pages), 15), 1)

    @property
    def label(self):
        town = self.municipality
        parts = [town.name, town.district_name]
        if town.pioneer:
            parts.append("Pionierkommune")
        parts.append(f"{self.pages} öffentliche Seite{'' if self.pages == 1 else 'n'}")
        if self.adopted:
            parts.append(f"von anderen {self.adopted}-mal übernommen")
        if self.adopting:
            parts.append(f"hat {self.adopting}-mal übernommen")
        if self.highlighted:
            parts.append("hervorgehoben")
        return ", ".join(parts)


@dataclass
class RegionMap:
    points: list
    districts: list  # [(district_ags, name, colour)]
    links: list  # [(Point A, Point B, count, all_discarded)]
    height: int
    circle: tuple | None = None  # (x, y, r, label)
    prefix: str = "karte"
    highlighted_count: int = field(default=0)

    def rows_by_district(self):
        return [
            {
                "name": name,
                "colour": colour,
                "points": sorted(
                    (p for p in self.points if p.municipality.district_ags == ags), key=lambda p: p.municipality.name
                ),
            }
            for ags, name, colour in self.districts
        ]


def _highlight_keys(highlight):
    """AGS strings from a list of AGS, Municipality objects, search hits or SearchResults."""
    if highlight is None or highlight == "":
        return set()
    items = getattr(highlight, "results", highlight)
    if isinstance(items, str):
        items = items.split(",")
    keys = set()
    for item in items:
        if isinstance(item, str):
            keys.add(item.strip())
        elif isinstance(item, Municipality):
            keys.add(item.ags)
        elif getattr(item, "municipality", None):
            town = item.municipality
            keys.add(town.get("ags") if isinstance(town, dict) else getattr(town, "ags", None))
    return {key for key in keys if key}


def build_map(request=None, highlight=None, center=None, radius_km=None, prefix="karte"):
    towns = list(Municipality.objects.order_by("district_name", "name"))
    if not towns:
        return RegionMap(points=[], districts=[], links=[], height=200, prefix=prefix)
    rows = public_pages(KnowledgePage.objects.all()).order_by().values("municipality_id").annotate(n=Count("pk"))
    counts = {row["municipality_id"]: row["n"] for row in rows}
    town_pages = {page.municipality_id: page for page in public_pages(MunicipalityPage.objects.all())}
    districts = []
    for town in towns:
        if town.district_ags not in {ags for ags, _n, _c in districts}:
            districts.append(
                (town.district_ags, town.district_name, DISTRICT_COLOURS[len(districts) % len(DISTRICT_COLOURS)])
            )
    colour_of = {ags: colour for ags, _name, colour in districts}

    lat_max = max(t.latitude for t in towns)
    lat_min = min(t.latitude for t in towns)
    lon_min = min(t.longitude for t in towns)
    lon_max = max(t.longitude for t in towns)
    cos_lat = math.cos(math.radians((lat_max + lat_min) / 2))
    span_x = max((lon_max - lon_min) * cos_lat, 1e-6)
    scale = (WIDTH - 2 * PADDING) / span_x  # pixels per (degree of latitude)
    height = round((lat_max - lat_min) * scale + 2 * PADDING + LEGEND_HEIGHT)

    def project(lat, lon):
        return (PADDING + (lon - lon_min) * cos_lat * scale, PADDING + (lat_max - lat) * scale)

    keys = _highlight_keys(highlight)
    points = {}
    for town in towns:
        x, y = project(town.latitude, town.longitude)
        page = town_pages.get(town.pk)
        points[town.pk] = Point(
            municipality=town,
            x=round(x, 1),
            y=round(y, 1),
            pages=counts.get(town.pk, 0),
            colour=colour_of[town.district_ags],
            url=page.get_url(request) if page else None,
            highlighted=town.ags in keys,
        )

    pairs = {}
    for author_id, adopter_id, status in adoption_links():
        if author_id in points and adopter_id in points and author_id != adopter_id:
            count, discarded = pairs.get((author_id, adopter_id), (0, True))
            pairs[(author_id, adopter_id)] = (count + 1, discarded and status == AdoptionStatus.DISCARDED)
            points[author_id].adopted += 1
            points[adopter_id].adopting += 1
    links = [(points[a], points[b], n, discarded) for (a, b), (n, discarded) in sorted(pairs.items())]

    circle = None
    center_town = center if isinstance(center, Municipality) else next((t for t in towns if t.ags == center), None)
    if center_town is not None and radius_km:
        cx, cy = project(center_town.latitude, center_town.longitude)
        r = float(radius_km) / KM_PER_DEGREE * scale
        circle = (round(cx, 1), round(cy, 1), round(r, 1), f"Umkreis {float(radius_km):g} km um {center_town.name}")
    return RegionMap(
        points=list(points.values()),
        districts=districts,
        links=links,
        height=height,
        circle=circle,
        prefix=prefix,
        highlighted_count=sum(1 for p in points.values() if p.highlighted),
    )


def _diamond(x, y, r):
    r = r * 1.3  # same visual weight as a circle of radius r
    return f"{x:.1f},{y - r:.1f} {x + r:.1f},{y:.1f} {x:.1f},{y + r:.1f} {x - r:.1f},{y:.1f}"


def _shape(point):
    stroke, width = ("#000000", 3) if point.highlighted else ("#ffffff", 1.5)
    if point.municipality.pioneer:
        return format_html(
            '<polygon points="{}" fill="{}" stroke="{}" stroke-width="{}"/>',
            _diamond(point.x, point.y, point.radius),
            point.colour,
            stroke,
            width,
        )
    return format_html(
        '<circle cx="{}" cy="{}" r="{}" fill="{}" stroke="{}" stroke-width="{}"/>',
        point.x,
        point.y,
        point.radius,
        point.colour,
        stroke,
        width,
    )


def _link_line(prefix, a, b, count, discarded):
    # Shorten the line so the arrow head ends at the edge of B's point, not inside it.
    dx, dy = b.x - a.x, b.y - a.y
    length = math.hypot(dx, dy) or 1
    end = max(length - b.radius - 3, length / 2)
    x2, y2 = a.x + dx * end / length, a.y + dy * end / length
    dash = ' stroke-dasharray="5 4"' if discarded else ""
    return format_html(
        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#333333" stroke-opacity="0.75" stroke-width="{}"'
        ' marker-end="url(#{}-arrow)"{}><title>{} → {}: {} Übernahme{}</title></line>',
        a.x,
        a.y,
        round(x2, 1),
        round(y2, 1),
        round(min(1.2 + count * 0.6, 4), 1),
        prefix,
        mark_safe(dash),
        a.municipality.name,
        b.municipality.name,
        count,
        "" if count == 1 else "n",
    )


def _legend(region_map, top):
    parts = [format_html('<g class="map-legend" transform="translate({} {})">', PADDING, top)]
    for i, (_ags, name, colour) in enumerate(region_map.districts):
        x, y = (i % 3) * 200, (i // 3) * 22
        parts.append(
            format_html(
                '<circle cx="{}" cy="{}" r="6" fill="{}"/><text x="{}" y="{}" font-size="13">{}</text>',
                x + 6,
                y + 6,
                colour,
                x + 18,
                y + 11,
                name,
            )
        )
    y = 52
    parts.append(
        format_html(
            '<polygon points="{}" fill="#777777"/><text x="18" y="{}" font-size="13">Pionierkommune</text>',
            _diamond(6, y + 6, 5),
            y + 11,
        )
    )
    parts.append(
        format_html(
            '<circle cx="206" cy="{}" r="4" fill="#777777"/><circle cx="226" cy="{}" r="9" fill="#777777"/>'
            '<text x="242" y="{}" font-size="13">Größe: Zahl der Seiten</text>',
            y + 6,
            y + 6,
            y + 11,
        )
    )
    y = 76
    parts.append(
        format_html(
            '<line x1="0" y1="{}" x2="26" y2="{}" stroke="#333333" stroke-width="2" marker-end="url(#{}-arrow)"/>'
            '<text x="34" y="{}" font-size="13">Übernahme von A nach B (gestrichelt: verworfen)</text>',
            y + 6,
            y + 6,
            region_map.prefix,
            y + 11,
        )
    )
    if region_map.highlighted_count:
        parts.append(
            format_html(
                '<circle cx="406" cy="{}" r="6" fill="#ffffff" stroke="#000000" stroke-width="3"/>'
                '<text x="418" y="{}" font-size="13">Treffer der Suche</text>',
                y + 6,
                y + 11,
            )
        )
    parts.append(mark_safe("</g>"))
    return mark_safe("".join(parts))


def render_svg(region_map, title="Karte der Modellregion Südwestfalen"):
    """The map as an SVG string (marked safe; every text from the database is escaped)."""
    prefix = region_map.prefix
    description = (
        f"{len(region_map.points)} Städte und Gemeinden in {len(region_map.districts)} Kreisen, "
        f"{len(region_map.links)} Übernahmeverbindungen. Jeder Punkt führt zur Seite der Kommune; "
        "eine Liste steht neben der Karte."
    )
    out = [
        format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" class="region-map-svg" viewBox="0 0 {} {}" width="{}" height="{}"'
            ' role="group" aria-labelledby="{}-title {}-desc" font-family="sans-serif">'
            '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>',
            WIDTH,
            region_map.height,
            WIDTH,
            region_map.height,
            prefix,
            prefix,
            prefix,
            title,
            prefix,
            description,
        ),
        format_html(
            '<defs><marker id="{}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9"'
            ' orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#333333"/></marker></defs>',
            prefix,
        ),
        format_html('<rect x="0" y="0" width="{}" height="{}" fill="#f7f7f4"/>', WIDTH, region_map.height),
    ]
    if region_map.circle:
        cx, cy, r, label = region_map.circle
        out.append(
            format_html(
                '<circle class="map-radius" cx="{}" cy="{}" r="{}" fill="#0072B2" fill-opacity="0.08" stroke="#0072B2"'
                ' stroke-width="2" stroke-dasharray="6 4"><title>{}</title></circle>',
                cx,
                cy,
                r,
                label,
            )
        )
    out.append(mark_safe('<g class="map-links">'))
    out.extend(_link_line(prefix, a, b, n, discarded) for a, b, n, discarded in region_map.links)
    out.append(mark_safe('</g><g class="map-points">'))
    # Bigger points first, so small ones stay clickable on top of them.
    for point in sorted(region_map.points, key=lambda p: (-p.radius, p.municipality.name)):
        shape = _shape(point)
        label = point.label
        name_text = ""
        if point.municipality.pioneer or point.highlighted:
            name_text = format_html(
                '<text x="{}" y="{}" font-size="12" fill="#222222" stroke="#f7f7f4" stroke-width="3" paint-order="stroke" aria-hidden="true">{}</text>',
                point.x + point.radius + 4,
                point.y + 4,
                point.municipality.name,
            )
        if point.url:
            out.append(
                format_html(
                    '<a href="{}" aria-label="{}" class="map-point"><title>{}</title>{}{}</a>',
                    point.url,
                    label,
                    label,
                    shape,
                    name_text,
                )
            )
        else:
            out.append(
                format_html(
                    '<g class="map-point" role="img" aria-label="{}"><title>{}</title>{}{}</g>',
                    label,
                    label,
                    shape,
                    name_text,
                )
            )
    out.append(mark_safe("</g>"))
    out.append(_legend(region_map, region_map.height - LEGEND_HEIGHT + 14))
    out.append(mark_safe("</svg>"))
    return mark_safe("".join(str(part) for part in out))
