"""The PHQ-15 totals over time as SVG, drawn on the server: on screen and in print.

The GP's baseline (the score entered at the consult) comes first, then every session
with a score. The bands of the content library shade the background.
"""

from xml.sax.saxutils import escape

from django.utils.formats import date_format

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 16, 36
BAND_COLOURS = ["#eef6ee", "#f8f6e6", "#fbefe3", "#f9e4e4"]


def phq15_points(patient, consults, sessions):
    """[(date, score, who)] in time order: the consults' PHQ-15 and the sessions' scores."""
    points = [(c.created_at.date(), c.phq15, "huisarts") for c in consults if c.phq15 is not None]
    points += [(s.date, s.phq15_score, "sessie") for s in sessions if s.phq15_score is not None]
    return sorted(points)


def phq15_svg(points, measure):
    top = measure.maximum if measure else 30
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y(score):
        return TOP + plot_h * (1 - score / top)

    def x(index):
        return LEFT + (plot_w * index / (len(points) - 1) if len(points) > 1 else plot_w / 2)

    described = "; ".join(f"{date_format(d, 'j F Y')}: {s} ({who})" for d, s, who in points) or "nog geen scores"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" class="phq15-chart" '
        f'aria-labelledby="phq15-title phq15-desc" font-family="Source Sans Pro, sans-serif" font-size="12">',
        '<title id="phq15-title">PHQ-15 in de tijd</title>',
        f'<desc id="phq15-desc">{escape(described)}</desc>',
    ]
    low = measure.minimum if measure else 0
    for colour, band in zip(BAND_COLOURS, measure.bands if measure else []):
        upper = band["upto"]
        parts.append(f'<rect x="{LEFT}" y="{y(min(upper + 0.5, top)):.1f}" width="{plot_w}" '
                     f'height="{y(low - 0.5 if low else 0) - y(min(upper + 0.5, top)):.1f}" fill="{colour}"/>'
                     f'<text x="{WIDTH - RIGHT - 4}" y="{y(min(upper + 0.5, top)) + 12:.1f}" text-anchor="end" fill="#555">'
                     f'{escape(band["label"])}</text>')
        low = upper + 1
    for tick in range(0, top + 1, 5):
        parts.append(f'<line x1="{LEFT - 4}" y1="{y(tick):.1f}" x2="{LEFT}" y2="{y(tick):.1f}" stroke="#555"/>'
                     f'<text x="{LEFT - 8}" y="{y(tick) + 4:.1f}" text-anchor="end" fill="#555">{tick}</text>')
    parts.append(f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}" stroke="#555"/>'
                 f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{LEFT + plot_w}" y2="{TOP + plot_h}" stroke="#555"/>')
    if len(points) > 1:
        path = " ".join(f"{x(i):.1f},{y(s):.1f}" for i, (_, s, _) in enumerate(points))
        parts.append(f'<polyline points="{path}" fill="none" stroke="#12456b" stroke-width="2"/>')
    for i, (day, value, who) in enumerate(points):
        parts.append(
            f'<g class="point" data-date="{day.isoformat()}" data-score="{value}" data-who="{who}">'
            f'<circle cx="{x(i):.1f}" cy="{y(value):.1f}" r="5" fill="{"#b3261e" if who == "huisarts" else "#12456b"}"/>'
            f'<text x="{x(i):.1f}" y="{y(value) - 9:.1f}" text-anchor="middle" font-weight="600">{value}</text>'
            f'<text x="{x(i):.1f}" y="{HEIGHT - 14}" text-anchor="middle" fill="#555">{escape(date_format(day, "j M"))}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)
