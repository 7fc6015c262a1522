"""A patient's timeline as SVG, drawn on the server: on screen, in print and in a PDF.

Symptoms run above the line and life events below it, so that patient and clinician
see how they go together (seed 002). Investigations and treatments sit with the symptoms.
"""

from datetime import date
from xml.sax.saxutils import escape

from django.utils.formats import date_format

from .models import TimelineEntry

WIDTH, HEIGHT, MARGIN = 900, 300, 40
AXIS = HEIGHT // 2
ROWS = 4  # label rows on each side, so that close entries do not overlap
ROW = 26
COLOURS = {
    TimelineEntry.Kind.SYMPTOM: "#b3261e",
    TimelineEntry.Kind.INVESTIGATION: "#6b4e16",
    TimelineEntry.Kind.TREATMENT: "#12456b",
    TimelineEntry.Kind.LIFE_EVENT: "#1e6b3a",
}
ABOVE = {TimelineEntry.Kind.SYMPTOM, TimelineEntry.Kind.INVESTIGATION, TimelineEntry.Kind.TREATMENT}


def _x(day, first, last):
    span = max((last - first).days, 1)
    return MARGIN + (day - first).days / span * (WIDTH - 2 * MARGIN)


def timeline_svg(entries, title):
    """The timeline of `entries` as an SVG document (a string)."""
    entries = sorted(entries, key=lambda e: (e.date, e.created_at))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" class="timeline" '
        f'aria-labelledby="timeline-title timeline-desc" font-family="Source Sans Pro, sans-serif" font-size="13">',
        f'<title id="timeline-title">{escape(title)}</title>',
        '<desc id="timeline-desc">' + escape("; ".join(
            f"{date_format(e.date, 'j F Y')}: {e.get_kind_display().lower()}: {e.text}" for e in entries
        ) or "Nog geen momenten.") + "</desc>",
        f'<line x1="{MARGIN}" y1="{AXIS}" x2="{WIDTH - MARGIN}" y2="{AXIS}" stroke="#555" stroke-width="2"/>',
        f'<text x="{MARGIN}" y="18" fill="#b3261e" font-weight="600">Klachten, onderzoek, behandeling</text>',
        f'<text x="{MARGIN}" y="{HEIGHT - 8}" fill="#1e6b3a" font-weight="600">Gebeurtenissen in het leven</text>',
    ]
    if entries:
        first, last = entries[0].date, entries[-1].date
        if first == last:
            first = date.fromordinal(first.toordinal() - 30)
            last = date.fromordinal(last.toordinal() + 30)
        for year in range(first.year, last.year + 1):
            tick = max(date(year, 1, 1), first)
            x = _x(tick, first, last)
            parts.append(f'<line x1="{x:.1f}" y1="{AXIS - 5}" x2="{x:.1f}" y2="{AXIS + 5}" stroke="#555"/>'
                         f'<text x="{x:.1f}" y="{AXIS + 18}" fill="#555" font-size="11" text-anchor="middle">{year}</text>')
        used = {True: [], False: []}
        for entry in entries:
            x = _x(entry.date, first, last)
            above = entry.kind in ABOVE
            row = next((r for r in range(ROWS) if all(abs(x - other) > 150 for other, taken in used[above] if taken == r)), ROWS - 1)
            used[above].append((x, row))
            y = AXIS - 30 - row * ROW if above else AXIS + 40 + row * ROW
            colour = COLOURS[entry.kind]
            anchor = "start" if x < WIDTH - 200 else "end"
            parts.append(
                f'<g class="moment" data-date="{entry.date.isoformat()}" data-kind="{entry.kind}">'
                f'<line x1="{x:.1f}" y1="{AXIS}" x2="{x:.1f}" y2="{y + (4 if above else -12):.1f}" stroke="{colour}" stroke-dasharray="2 2"/>'
                f'<circle cx="{x:.1f}" cy="{AXIS}" r="5" fill="{colour}"/>'
                f'<text x="{x:.1f}" y="{y:.1f}" fill="{colour}" text-anchor="{anchor}">'
                f'{escape(date_format(entry.date, "M Y"))} · {escape(entry.text)}</text></g>'
            )
    parts.append("</svg>")
    return "".join(parts)
