"""Small accessible charts drawn on the server as inline SVG (no script, no external font).

Every chart is role="img" with a <title> and <desc>; the template shows the same numbers in a
data table next to it, so nobody depends on seeing the bars."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

BAR_COLOUR = "#0072B2"
LINE_COLOUR = "#D55E00"


def bar_chart(rows, title, chart_id, width=560, bar_height=22, label_width=190):
    """Horizontal bars for [(label, value)]."""
    top = 8
    height = top + len(rows) * (bar_height + 6) + 8
    largest = max((value for _label, value in rows), default=0) or 1
    span = width - label_width - 50
    bars = format_html_join(
        "",
        '<text x="{}" y="{}" font-size="13" text-anchor="end">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>'
        '<text x="{}" y="{}" font-size="13">{}</text>',
        (
            (
                label_width - 8,
                top + i * (bar_height + 6) + bar_height * 0.7,
                label,
                label_width,
                top + i * (bar_height + 6),
                round(span * value / largest, 1),
                bar_height,
                BAR_COLOUR,
                label_width + round(span * value / largest, 1) + 6,
                top + i * (bar_height + 6) + bar_height * 0.7,
                value,
            )
            for i, (label, value) in enumerate(rows)
        ),
    )
    return _svg(rows, title, chart_id, width, height, bars)


def line_chart(rows, title, chart_id, width=560, height=220):
    """A line with points for [(label, value)] in time order (e.g. months)."""
    left, right, top, bottom = 40, 16, 14, 40
    largest = max((value for _label, value in rows), default=0) or 1
    n = len(rows)
    step = (width - left - right) / max(n - 1, 1)

    def xy(i, value):
        return round(left + i * step, 1), round(top + (height - top - bottom) * (1 - value / largest), 1)

    points = [xy(i, value) for i, (_label, value) in enumerate(rows)]
    parts = [
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#666666"/><text x="{}" y="{}" font-size="12" text-anchor="end">{}</text>'
            '<text x="{}" y="{}" font-size="12" text-anchor="end">0</text>',
            left,
            height - bottom,
            width - right,
            height - bottom,
            left - 6,
            top + 10,
            largest,
            left - 6,
            height - bottom,
        )
    ]
    if len(points) > 1:
        parts.append(
            format_html(
                '<polyline points="{}" fill="none" stroke="{}" stroke-width="2.5"/>',
                " ".join(f"{x},{y}" for x, y in points),
                LINE_COLOUR,
            )
        )
    every = max(1, n // 8)  # at most about eight axis labels
    for i, ((label, _value), (x, y)) in enumerate(zip(rows, points, strict=True)):
        parts.append(format_html('<circle cx="{}" cy="{}" r="3.5" fill="{}"/>', x, y, LINE_COLOUR))
        if i % every == 0 or i == n - 1:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" font-size="12" text-anchor="middle">{}</text>', x, height - bottom + 18, label
                )
            )
    return _svg(rows, title, chart_id, width, height, mark_safe("".join(parts)))


def _svg(rows, title, chart_id, width, height, content):
    """The accessible frame of every chart: role="img", a <title> and a <desc> naming the numbers."""
    summary = ", ".join(f"{label}: {value}" for label, value in rows) or "keine Daten"
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="{}" role="img" aria-labelledby="{}-t {}-d"'
        ' font-family="sans-serif"><title id="{}-t">{}</title><desc id="{}-d">{}</desc>{}</svg>',
        width,
        height,
        width,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        summary,
        content,
    )
