"""Charts as inline SVG, drawn on the server from plain values: no CDN, no JavaScript.

Each function returns an `<svg>` string with a title, axes and labels, sized by its viewBox
(so it scales with the page) and readable without colour (markers differ in shape too).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from html import escape

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 40, 12, 26, 30  # margins for axes and labels


@dataclass(frozen=True)
class Event:
    at: datetime
    label: str  # e.g. "emergency: weakness"


def _svg(title: str, body: list[str], width: int = WIDTH, height: int = HEIGHT) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
        + "".join(body) + "</svg>"
    )


def _text(x: float, y: float, text: str, *, anchor: str = "middle", cls: str = "tick") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" class="{cls}">'
            f"{escape(text)}</text>")


def severity_chart(
    points: Sequence[tuple[datetime, int]],
    *,
    start: datetime,
    end: datetime,
    band: tuple[int, int] | None = None,
    events: Sequence[Event] = (),
    title: str = "Severity",
) -> str:
    """Ratings 0-10 over [start, end]: a line through the ratings, the target band shaded,
    red-flag events as red triangles with a dashed line (hover shows what it was)."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    span = max((end - start).total_seconds(), 1.0)

    def x_of(at: datetime) -> float:
        return LEFT + plot_w * min(max((at - start).total_seconds() / span, 0.0), 1.0)

    def y_of(value: float) -> float:
        return TOP + plot_h * (1 - value / 10)

    body = [_text(LEFT, 16, title, anchor="start", cls="chart-title")]
    if band is not None:
        low, high = band
        body.append(
            f'<rect class="band" x="{LEFT}" y="{y_of(high):.1f}" width="{plot_w}" '
            f'height="{max(y_of(low) - y_of(high), 2):.1f}"><title>target band {low}-{high}'
            "</title></rect>"
        )
        body.append(_text(WIDTH - RIGHT - 2, y_of(high) - 3, f"target {low}-{high}",
                          anchor="end", cls="band-label"))
    for value in range(0, 11, 2):
        y = y_of(value)
        body.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" '
                    f'y2="{y:.1f}"/>')
        body.append(_text(LEFT - 6, y + 4, str(value), anchor="end"))
    days = (end - start).days
    step = 7 if days <= 31 else 15 if days <= 100 else 30
    tick = start
    while tick <= end:
        x = x_of(tick)
        body.append(f'<line class="axis" x1="{x:.1f}" x2="{x:.1f}" y1="{TOP + plot_h}" '
                    f'y2="{TOP + plot_h + 4}"/>')
        body.append(_text(x, HEIGHT - 10, tick.strftime("%d %b")))
        tick += timedelta(days=step)
    body.append(f'<line class="axis" x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{TOP + plot_h}"/>')
    body.append(f'<line class="axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + plot_h}" '
                f'y2="{TOP + plot_h}"/>')
    for event in events:
        if not start <= event.at <= end:
            continue
        x = x_of(event.at)
        body.append(
            f'<g class="event"><title>{escape(event.label)} '
            f'{event.at.strftime("%d %b %H:%M")} UTC</title>'
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{TOP}" y2="{TOP + plot_h}"/>'
            f'<path d="M{x - 5:.1f},{TOP - 2} L{x + 5:.1f},{TOP - 2} L{x:.1f},{TOP + 7} Z"/></g>'
        )
    shown = [(at, v) for at, v in sorted(points) if start <= at <= end]
    if shown:
        coords = " ".join(f"{x_of(at):.1f},{y_of(v):.1f}" for at, v in shown)
        body.append(f'<polyline class="line" points="{coords}"/>')
        for at, v in shown:
            body.append(f'<circle class="dot" cx="{x_of(at):.1f}" cy="{y_of(v):.1f}" r="3">'
                        f'<title>{v}/10 on {at.strftime("%d %b %H:%M")} UTC</title></circle>')
    else:
        body.append(_text(LEFT + plot_w / 2, TOP + plot_h / 2, "no ratings in this period",
                          cls="empty"))
    return _svg(title, body)


def daily_bars(
    counts: Sequence[tuple[date, int]], *, title: str, unit: str = "per day"
) -> str:
    """One bar per day, with a y axis scaled to the largest count."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    body = [_text(LEFT, 16, f"{title} ({unit})", anchor="start", cls="chart-title")]
    top = max([c for _, c in counts] + [1])
    scale = _nice(top)
    for i in range(5):
        value = scale * i / 4
        y = TOP + plot_h * (1 - value / scale)
        body.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" '
                    f'y2="{y:.1f}"/>')
        body.append(_text(LEFT - 6, y + 4, f"{value:g}", anchor="end"))
    n = max(len(counts), 1)
    slot = plot_w / n
    for i, (day, count) in enumerate(counts):
        h = plot_h * count / scale
        x = LEFT + i * slot
        body.append(f'<rect class="bar" x="{x + slot * 0.15:.1f}" y="{TOP + plot_h - h:.1f}" '
                    f'width="{slot * 0.7:.1f}" height="{h:.1f}"><title>{day:%d %b}: {count}'
                    "</title></rect>")
        if i % max(1, n // 6) == 0:
            body.append(_text(x + slot / 2, HEIGHT - 10, f"{day:%d %b}"))
    body.append(f'<line class="axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + plot_h}" '
                f'y2="{TOP + plot_h}"/>')
    if not any(c for _, c in counts):
        body.append(_text(LEFT + plot_w / 2, TOP + plot_h / 2, "none in this period",
                          cls="empty"))
    return _svg(title, body)


AGE_BUCKETS: tuple[tuple[str, float], ...] = (
    ("< 1 h", 1), ("1-4 h", 4), ("4-24 h", 24), ("1-3 d", 72), ("> 3 d", float("inf")),
)


def age_buckets(ages_hours: Sequence[float]) -> list[tuple[str, int]]:
    counts = [0] * len(AGE_BUCKETS)
    for age in ages_hours:
        for i, (_, limit) in enumerate(AGE_BUCKETS):
            if age < limit:
                counts[i] += 1
                break
    return [(label, counts[i]) for i, (label, _) in enumerate(AGE_BUCKETS)]


def open_alert_ages(ages_hours: Sequence[float], *, title: str = "Open alerts by age") -> str:
    """Horizontal bars: how many open alerts have waited how long."""
    buckets = age_buckets(ages_hours)
    height = TOP + 26 * len(buckets) + 10
    left = 70
    plot_w = WIDTH - left - RIGHT - 30
    top = max([c for _, c in buckets] + [1])
    body = [_text(LEFT, 16, title, anchor="start", cls="chart-title")]
    for i, (label, count) in enumerate(buckets):
        y = TOP + i * 26
        w = plot_w * count / top
        cls = "bar old" if i >= 3 else "bar"
        body.append(_text(left - 8, y + 15, label, anchor="end"))
        body.append(f'<rect class="{cls}" x="{left}" y="{y + 3}" width="{w:.1f}" height="18">'
                    f"<title>{label}: {count}</title></rect>")
        body.append(_text(left + w + 6, y + 16, str(count), anchor="start"))
    return _svg(title, body, height=height)


def _nice(value: int) -> float:
    """A round axis maximum at or above `value` (1, 2, 5 × 10^n)."""
    magnitude = 1
    while True:
        for step in (1, 2, 5):
            if step * magnitude >= value:
                return float(step * magnitude)
        magnitude *= 10
