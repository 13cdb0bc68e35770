"""The benchmarks run (small sizes here; `coach bench NAME` measures for real)."""

from __future__ import annotations

from coach.benches import tick


def test_tick_bench_reports_its_figures() -> None:
    figures = tick.run(small=50, large=200, due=20)
    names = {f["name"] for f in figures}
    assert "tick_cost_ratio_large_over_small" in names
    assert "outbox_sends_per_second_one_worker" in names
    assert all(isinstance(f["value"], float | int) and f["unit"] for f in figures)


def test_triage_bench_reports_both_readers_and_the_webhook_budget() -> None:
    from coach.benches import triage

    figures = {f["name"]: f for f in triage.main(["--quick"])}
    for reader in ("triage", "assess"):
        assert figures[f"{reader}_replies_per_second"]["value"] > 0
        assert figures[f"{reader}_latency_p99"]["unit"] == "ms"
        assert f"{reader}_ms_per_kb_at_10kb" in figures
    added = figures["assess_burst50_added_p99"]
    assert added["budget"] == 10.0
    assert added["fits_webhook"] == (added["value"] <= 10.0)
