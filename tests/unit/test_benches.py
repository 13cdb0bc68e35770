"""The benchmarks run (small sizes here; `coach bench NAME` measures for real)."""

from __future__ import annotations

from coach.benches import tick


def test_tick_bench_reports_its_figures() -> None:
    figures = tick.run(small=50, large=200, due=20)
    names = {f["name"] for f in figures}
    assert "tick_cost_ratio_large_over_small" in names
    assert "outbox_sends_per_second_one_worker" in names
    assert all(isinstance(f["value"], float | int) and f["unit"] for f in figures)
