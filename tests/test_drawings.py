"""The metaphor drawings as Chromium draws them: inside their frame, safe, described for
screen readers, one line style, and legible when the handout prints them small."""

import base64
import colorsys
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.conf import settings

from explanations import kinds
from explanations.drawings import SVG, drawing_problems
from explanations.guard import find_phrases
from explanations.readability import sentences
from tests.browser import chromium_page

pytestmark = pytest.mark.browser

DRAWINGS = Path(settings.BASE_DIR) / "explanations" / "content" / "drawings"
ARTIFACTS = Path(settings.BASE_DIR) / "var" / "artifacts" / "drawings"
SLUGS = sorted(path.stem for path in DRAWINGS.glob("*.svg"))
INK = "#222"
# 400 user units print 70-120 mm wide: 2.5 units is 0.44 mm or more, still a clear line.
MIN_STROKE_PER_WIDTH = 2.5 / 400

# Every drawn element in root (viewBox) coordinates: its geometry box grown by half its
# stroke on every side (round caps and joins stay inside that), its stroke width, and
# the radius of each circle.
MEASURE = """() => {
  const svg = document.documentElement;
  const toRoot = svg.getScreenCTM().inverse();
  const shapes = [];
  for (const el of svg.querySelectorAll('path, rect, circle, ellipse, line, polyline, polygon, text')) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const m = toRoot.multiply(el.getScreenCTM());
    const scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
    const b = el.getBBox();
    const corners = [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height], [b.x + b.width, b.y + b.height]]
      .map(([x, y]) => new DOMPoint(x, y).matrixTransform(m));
    const stroked = style.stroke !== 'none' && parseFloat(style.strokeWidth) > 0 && parseFloat(style.strokeOpacity) > 0;
    const stroke = stroked ? parseFloat(style.strokeWidth) * scale : 0;
    shapes.push({
      tag: el.tagName,
      left: Math.min(...corners.map(p => p.x)) - stroke / 2,
      right: Math.max(...corners.map(p => p.x)) + stroke / 2,
      top: Math.min(...corners.map(p => p.y)) - stroke / 2,
      bottom: Math.max(...corners.map(p => p.y)) + stroke / 2,
      stroke,
      radius: el.tagName === 'circle' ? el.r.baseVal.value * scale : null,
    });
  }
  const vb = svg.viewBox.baseVal;
  return {viewBox: [vb.x, vb.y, vb.width, vb.height], shapes};
}"""

# Independent of getBBox: draw the drawing with a wide margin around its viewBox and
# count the pixels that got any ink outside the viewBox (1 px of anti-aliasing allowed).
INK_OUTSIDE = """async (source) => {
  const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
  const root = doc.documentElement;
  const [x, y, w, h] = root.getAttribute('viewBox').trim().split(/[\\s,]+/).map(Number);
  const margin = w / 4, scale = 2;
  root.setAttribute('viewBox', `${x - margin} ${y - margin} ${w + 2 * margin} ${h + 2 * margin}`);
  root.setAttribute('width', (w + 2 * margin) * scale);
  root.setAttribute('height', (h + 2 * margin) * scale);
  const text = new XMLSerializer().serializeToString(doc);
  const img = new Image();
  img.src = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(text)));
  await img.decode();
  const canvas = new OffscreenCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  const x0 = margin * scale - 1, y0 = margin * scale - 1;
  const x1 = (margin + w) * scale + 1, y1 = (margin + h) * scale + 1;
  let outside = 0, inside = 0;
  for (let py = 0; py < canvas.height; py++) {
    for (let px = 0; px < canvas.width; px++) {
      if (data[(py * canvas.width + px) * 4 + 3] === 0) continue;
      if (px < x0 || px >= x1 || py < y0 || py >= y1) outside++; else inside++;
    }
  }
  return {outside, inside};
}"""


@pytest.fixture(scope="module")
def library():
    return kinds.read_sources()


@pytest.fixture(scope="module")
def page():
    with chromium_page(viewport={"width": 800, "height": 600}) as page:
        yield page


def metaphor(library, slug):
    return next(m for m in library["metaphor"] if m["slug"] == slug)


def show(page, svg):
    """The drawing as its own document, parsed as XML like the <img> in the handout."""
    page.goto("data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode())


def test_every_metaphor_has_its_own_drawing_file(library):
    assert SLUGS == sorted(m["slug"] for m in library["metaphor"])
    for slug in SLUGS:
        assert metaphor(library, slug)["drawing_svg"] == (DRAWINGS / f"{slug}.svg").read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("slug", SLUGS)
def test_drawing_stays_inside_its_viewbox_and_reads_in_print(page, library, slug):
    svg = metaphor(library, slug)["drawing_svg"]
    show(page, svg)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{slug}.png")

    measured = page.evaluate(MEASURE)
    x, y, width, height = measured["viewBox"]
    shapes = measured["shapes"]
    assert width > 0 and height > 0 and shapes
    left, right = min(s["left"] for s in shapes), max(s["right"] for s in shapes)
    top, bottom = min(s["top"] for s in shapes), max(s["bottom"] for s in shapes)
    assert left >= x and top >= y and right <= x + width and bottom <= y + height, (
        f"drawn content spans {left:.1f},{top:.1f} to {right:.1f},{bottom:.1f}; viewBox {measured['viewBox']}")

    ink = page.evaluate(INK_OUTSIDE, svg)
    assert ink["inside"] > 0 and ink["outside"] == 0, ink

    thin = [s for s in shapes if 0 < s["stroke"] < MIN_STROKE_PER_WIDTH * width]
    assert not thin, f"{len(thin)} lines thinner than {MIN_STROKE_PER_WIDTH * width:.1f} units, e.g. {thin[0]}"
    assert not [s for s in shapes if s["tag"] == "text"], "the handout prints the words next to the drawing"


def test_volume_dials_are_large_enough_to_read_in_print(page, library):
    show(page, metaphor(library, "volumeknoppen")["drawing_svg"])
    measured = page.evaluate(MEASURE)
    width = measured["viewBox"][2]
    radii = sorted((s["radius"] for s in measured["shapes"] if s["radius"] is not None), reverse=True)
    assert len(radii) >= 2 and radii[1] >= width / 8, radii[:2]


@pytest.mark.parametrize("slug", SLUGS)
def test_drawing_is_safe_and_described_for_screen_readers(library, slug):
    row = metaphor(library, slug)
    svg = row["drawing_svg"]
    assert drawing_problems(svg) == []
    root = ET.fromstring(svg)
    title = root.find(f"{SVG}title").text.strip()
    desc = root.find(f"{SVG}desc").text.strip()
    assert title == row["name"]
    # The description is the text alternative a patient hears: B1, short sentences.
    assert len(desc.split()) >= 12
    long_sentences = [s for s in sentences(desc) if len(s.split()) > 13]
    assert not long_sentences
    assert find_phrases(desc, library["phrasetoavoid"]) == []


def colours(svg):
    root = ET.fromstring(svg)
    found = set()
    for element in root.iter():
        for name in ("fill", "stroke"):
            value = element.get(name, "").lower()
            if re.fullmatch(r"#[0-9a-f]{3}|#[0-9a-f]{6}", value):
                if len(value) == 4:
                    value = "#" + "".join(c * 2 for c in value[1:])
                found.add(value)
        assert "style" not in element.attrib, "colours are set as attributes, so this test sees them"
    return found


def test_all_drawings_share_one_line_style_and_one_accent_colour(library):
    hues = {}
    for slug in SLUGS:
        svg = metaphor(library, slug)["drawing_svg"]
        group = ET.fromstring(svg).find(f"{SVG}g")
        assert group is not None and group.get("stroke") == INK, slug
        assert group.get("stroke-linecap") == "round" and group.get("stroke-linejoin") == "round", slug
        for value in colours(svg):
            r, g, b = (int(value[i:i + 2], 16) / 255 for i in (1, 3, 5))
            hue, _, saturation = colorsys.rgb_to_hls(r, g, b)
            if saturation > 0.1:  # not a grey
                hues.setdefault(slug, set()).add(round(hue * 360))
    all_hues = set().union(*hues.values())
    spread = max(all_hues) - min(all_hues)
    assert math.isclose(spread, 0, abs_tol=8), hues
