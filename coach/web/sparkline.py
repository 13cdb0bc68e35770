"""An inline SVG sparkline of symptom severity (0-10), drawn server-side: no JS, no CDN."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MAX_SEVERITY = 10


@dataclass(frozen=True)
class Sparkline:
    width: int
    height: int
    points: str  # for <polyline points="...">
    dots: list[tuple[float, float, int]]  # x, y, severity


def sparkline(
    severities: Sequence[int | None], *, width: int = 320, height: int = 64, pad: int = 6
) -> Sparkline | None:
    """None when there is nothing to draw. Entries without a severity are left out."""
    values = [s for s in severities if s is not None]
    if not values:
        return None
    inner_w, inner_h = width - 2 * pad, height - 2 * pad
    step = inner_w / (len(values) - 1) if len(values) > 1 else 0.0
    dots: list[tuple[float, float, int]] = []
    for i, value in enumerate(values):
        clamped = max(0, min(MAX_SEVERITY, value))
        x = pad + (i * step if len(values) > 1 else inner_w / 2)
        y = pad + inner_h * (1 - clamped / MAX_SEVERITY)
        dots.append((round(x, 1), round(y, 1), value))
    points = " ".join(f"{x},{y}" for x, y, _ in dots)
    return Sparkline(width=width, height=height, points=points, dots=dots)
