"""Bar charts drawn on the server as SVG: readable without JavaScript, sized by viewBox.

Why not pygal or matplotlib: pygal (the obvious candidate) always puts an inline
``<script>`` with its configuration into the SVG, even with ``js=[]``, plus about 15 KB of
inline CSS per chart — the admin's Content-Security-Policy is being tightened to forbid
inline scripts (issue 10), and a chart must work without JavaScript anyway. matplotlib
would add NumPy and fonts (~60 MB) for four bar charts. Our charts are simple: one series
of small whole numbers per chart. About a hundred lines give exactly what we need:
presentation attributes only (no ``<style>``, no script), ``role="img"`` with a title and a
description that points to the table of numbers beside each chart, and a few KB each.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BAR = "#1d5f8a"  # 6.9:1 against white (WCAG 1.4.11 asks 3:1 for graphics)
INK = "#1f1f1f"
GRID = "#8a8a8a"
# As wide as a phone screen, so the text keeps its size there; CSS caps it on a desktop.
WIDTH = 380
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif"


def _nice_max(value: int) -> int:
    """A round top for the scale, at least 1."""
    if value <= 5:
        return max(value, 1)
    for step in (5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step * 5:
            return -(-value // step) * step
    return value


def _frame(chart_id: str, title: str, description: str, width: int, height: int, body: str):
    return mark_safe(  # noqa: S308 - every text in it went through escape()
        f'<svg xmlns="http://www.w3.org/2000/svg" class="mfs-chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        # Drawn left to right in every language: inside a right-to-left page a text's
        # "start" would be its right end, and the labels ran out of the chart.
        f'font-family="{escape(FONT)}" font-size="12" direction="ltr">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>'
        f'<desc id="{escape(chart_id)}-desc">{escape(description)}</desc>{body}</svg>'
    )


def _text(x: float, y: float, text, anchor: str = "start", bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{INK}"{weight}>'
        f"{escape(text)}</text>"
    )


def _rect(x: float, y: float, w: float, h: float) -> str:
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{BAR}"/>'


def columns(chart_id: str, title: str, description: str, items) -> SafeString:
    """Vertical bars, one per (label, value): for series over time (months, quarters)."""
    items = list(items)
    width, height, left, bottom, top = WIDTH, 220, 34, 34, 20
    plot_w, plot_h = width - left - 8, height - top - bottom
    top_value = _nice_max(max((v for _l, v in items), default=0))
    slot = plot_w / max(len(items), 1)
    bar_w = max(min(slot * 0.7, 60), 4)
    base = top + plot_h
    parts = [
        f'<line x1="{left}" y1="{base}" x2="{width - 8}" y2="{base}" stroke="{GRID}"/>',
        _text(left - 6, top + 4, top_value, "end"),
        _text(left - 6, base + 4, 0, "end"),
    ]
    # Label every bar when there is room; otherwise every second or third.
    every = 1 if len(items) <= 8 else (2 if len(items) <= 16 else 4)
    for index, (label, value) in enumerate(items):
        h = plot_h * value / top_value
        x = left + slot * index + (slot - bar_w) / 2
        parts.append(_rect(x, base - h, bar_w, h))
        if value:
            parts.append(_text(x + bar_w / 2, base - h - 5, value, "middle"))
        if index % every == 0:
            parts.append(_text(x + bar_w / 2, base + 18, label, "middle"))
    return _frame(chart_id, title, description, width, height, "".join(parts))


def bars(chart_id: str, title: str, description: str, items) -> SafeString:
    """Horizontal bars with the label above each: for categories with long German names."""
    items = list(items)
    width, row, left = WIDTH, 42, 2
    height = row * max(len(items), 1) + 8
    top_value = _nice_max(max((v for _l, v in items), default=0))
    plot_w = width - left - 44
    parts = []
    for index, (label, value) in enumerate(items):
        y = index * row + 4
        w = plot_w * value / top_value
        parts.append(_text(left, y + 14, label))
        parts.append(_rect(left, y + 20, max(w, 1 if value else 0), 20))
        parts.append(_text(left + w + 6, y + 35, value, bold=True))
    return _frame(chart_id, title, description, width, height, "".join(parts))
