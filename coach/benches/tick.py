"""`coach bench tick [--patients N] [--due D] [--runs R]`: one tick over D due reminders
among N patients, in a scratch database of its own.

SQLite (a temporary file) by default; with COACH_DATABASE_URL pointing at PostgreSQL, a
scratch database is created on that server and dropped afterwards. Patients and schedules are
seeded in bulk (COPY on PostgreSQL), so a million patients take a minute or two. A warm-up
tick on a tiny database runs first; the timed tick runs without tracing. Peak RSS is the
tick's own high-water mark (Linux: VmHWM reset through /proc/self/clear_refs). Beside the wall
time it reports the CPU seconds the tick took in this process and, for a PostgreSQL server on
this machine, in the database's server processes: on a shared machine the wall time says how
busy the machine was as much as how costly the tick is.

Without --patients it compares 10,000 with 100,000 patients at the same D (the tick's cost
must follow what is due, not how many patients there are).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from coach.config import Settings
from coach.core.schedule import make_rule
from coach.db.engine import make_engine, make_session_factory
from coach.db.migrate import upgrade
from coach.dispatch import tick
from coach.send import send_batch
from coach.sms.outbox import OutboxBackend

# 09:00 in New York (EST, before the 2027 spring change): the rule's slot.
NOW = datetime(2027, 3, 10, 14, 0, tzinfo=UTC)
_COLUMNS_P = "id, phone, tz, lang, status, daily_cap, created_at, consent_at, consent_method"
_COLUMNS_S = "patient_id, kind, rule, active, next_due_at, created_at, updated_at"


def _patient_rows(n: int) -> Iterator[tuple[Any, ...]]:
    for i in range(n):
        yield (i + 1, f"+1202{i:07d}", "America/New_York", "en", "active", 12, NOW, NOW,
               "sms_yes")


def _schedule_rows(n: int, due: int) -> Iterator[tuple[Any, ...]]:
    rule = json.dumps(make_rule("eye_rest", at="09:00").to_dict())
    later = NOW + timedelta(hours=12)
    for i in range(n):
        yield (i + 1, "eye_rest", rule, True, NOW if i < due else later, NOW, NOW)


def _seed(url: str, patients: int, due: int) -> None:
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            raw: Any = conn.connection.dbapi_connection
            if engine.dialect.name == "postgresql":
                with raw.cursor() as cur:
                    with cur.copy(f"COPY patients ({_COLUMNS_P}) FROM STDIN") as copy:
                        for row in _patient_rows(patients):
                            copy.write_row(row)
                    with cur.copy(f"COPY schedules ({_COLUMNS_S}) FROM STDIN") as copy:
                        for row in _schedule_rows(patients, due):
                            copy.write_row(row)
                    cur.execute("ANALYZE patients")
                    cur.execute("ANALYZE schedules")
            else:
                # SQLAlchemy's SQLite DateTime storage format, naive UTC.
                iso = NOW.replace(tzinfo=None).isoformat(" ", "microseconds")
                later = (NOW + timedelta(hours=12)).replace(tzinfo=None).isoformat(
                    " ", "microseconds")
                cur = raw.cursor()
                cur.executemany(
                    f"INSERT INTO patients ({_COLUMNS_P}) VALUES (?,?,?,?,?,?,?,?,?)",
                    ((*r[:6], iso, iso, r[8]) for r in _patient_rows(patients)),
                )
                cur.executemany(
                    f"INSERT INTO schedules ({_COLUMNS_S}) VALUES (?,?,?,?,?,?,?)",
                    ((r[0], r[1], r[2], 1, iso if r[4] == NOW else later, iso, iso)
                     for r in _schedule_rows(patients, due)),
                )
    finally:
        engine.dispose()


@contextlib.contextmanager
def scratch_database(folder: Path, tag: str) -> Iterator[str]:
    """A new, empty, migrated database: a file under `folder`, or on the configured
    PostgreSQL server a database created now and dropped afterwards."""
    configured = os.environ.get("COACH_DATABASE_URL", "")
    if not configured.startswith("postgresql"):
        url = f"sqlite:///{folder / f'bench-{tag}.db'}"
        upgrade(url)
        yield url
        return
    name = f"coach_bench_{tag}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(configured, isolation_level="AUTOCOMMIT", hide_parameters=True)
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = make_url(configured).set(database=name).render_as_string(hide_password=False)
        upgrade(url)
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _peak_rss_mib() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _server_cpu(engine: Any) -> dict[int, float] | None:
    """CPU seconds so far of each server process on this scratch database (PostgreSQL on
    this machine, Linux), or None."""
    if engine.dialect.name != "postgresql":
        return None
    with engine.connect() as conn:
        pids = list(conn.execute(text(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            " AND backend_type = 'client backend'")).scalars())
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    seconds: dict[int, float] = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None  # another machine's server, or no /proc
        seconds[pid] = (int(fields[11]) + int(fields[12])) / ticks
    return seconds


def _one(folder: Path, patients: int, due: int, tag: str, sends: int = 0) -> dict[str, float]:
    with scratch_database(folder, tag) as url:
        _seed(url, patients, due)
        settings = Settings.from_env({"COACH_DATA_DIR": str(folder)})
        engine = make_engine(url)
        factory = make_session_factory(engine)
        try:
            before = _server_cpu(engine)
            reset = _reset_peak()
            cpu = time.process_time()
            started = time.perf_counter()
            result = tick(factory, settings, now=NOW)
            seconds = time.perf_counter() - started
            cpu = time.process_time() - cpu
            peak = _peak_rss_mib() if reset else None
            after = _server_cpu(engine) if before is not None else None
            if len(result.to_send) != due:
                raise RuntimeError(f"the tick queued {len(result.to_send)} of {due} due")
            figures = {"tick_s": seconds, "peak_mib": peak if peak is not None else -1.0,
                       "cpu_s": cpu}
            if before is not None and after is not None:
                figures["db_cpu_s"] = sum(t - before.get(pid, 0.0) for pid, t in after.items())
            if sends:
                backend = OutboxBackend()
                started = time.perf_counter()
                send_batch(factory, settings, backend, result.to_send[:sends], now=NOW)
                figures["send_per_s"] = min(sends, due) / (time.perf_counter() - started)
            return figures
        finally:
            engine.dispose()


def _spread(values: Sequence[float], digits: int = 3) -> dict[str, float]:
    return {"min": round(min(values), digits), "median": round(statistics.median(values), digits),
            "max": round(max(values), digits)}


def measure(patients: int, due: int, runs: int = 1) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="coach-bench-") as tmp:
        folder = Path(tmp)
        _one(folder, 100, 10, "warmup")
        results = [_one(folder, patients, due, f"r{i}") for i in range(runs)]
    seconds = [r["tick_s"] for r in results]
    backend = "postgresql" if os.environ.get("COACH_DATABASE_URL", "").startswith(
        "postgresql") else "sqlite"
    common = {"patients": patients, "due": due, "database": backend, "runs": runs}
    return [
        {"name": "tick_seconds", "value": round(statistics.median(seconds), 3), "unit": "s",
         **_spread(seconds), **common},
        {"name": "tick_due_per_second", "value": round(due / statistics.median(seconds), 1),
         "unit": "due/s", **_spread([due / s for s in seconds], 1), **common},
        {"name": "tick_peak_rss", "value": round(max(r["peak_mib"] for r in results), 1),
         "unit": "MiB", **common},
        _cpu_figure("tick_cpu_seconds", [r["cpu_s"] for r in results], common),
    ] + ([_cpu_figure("tick_db_cpu_seconds", [r["db_cpu_s"] for r in results], common)]
         if all("db_cpu_s" in r for r in results) else [])


def _cpu_figure(name: str, values: list[float], common: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, "value": round(statistics.median(values), 3), "unit": "s",
            **_spread(values), **common}


def run(small: int = 10_000, large: int = 100_000, due: int = 1000) -> list[dict[str, Any]]:
    """The default comparison: the same due count among few and many patients."""
    with tempfile.TemporaryDirectory(prefix="coach-bench-") as tmp:
        folder = Path(tmp)
        _one(folder, 100, 10, "warmup")
        a = _one(folder, small, due, "small")
        b = _one(folder, large, due, "large", sends=min(due, 200))
    return [
        {"name": f"tick_ms_{due}_due_of_{small}_patients", "value": round(a["tick_s"] * 1e3, 2),
         "unit": "ms"},
        {"name": f"tick_ms_{due}_due_of_{large}_patients", "value": round(b["tick_s"] * 1e3, 2),
         "unit": "ms"},
        {"name": "tick_cost_ratio_large_over_small",
         "value": round(b["tick_s"] / a["tick_s"], 2), "unit": "x"},
        {"name": "tick_ms_per_due_reminder", "value": round(b["tick_s"] * 1e3 / due, 3),
         "unit": "ms"},
        {"name": "tick_peak_rss", "value": round(b["peak_mib"], 1), "unit": "MiB"},
        {"name": "outbox_sends_per_second_one_worker",
         "value": round(b.get("send_per_s", 0.0), 1), "unit": "messages/s"},
    ]


def main(argv: Sequence[str]) -> list[dict[str, Any]]:
    parser = argparse.ArgumentParser(prog="coach bench tick", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--patients", type=int, help="patients in the scratch database")
    parser.add_argument("--due", type=int, default=1000, help="reminders due in this tick")
    parser.add_argument("--runs", type=int, default=1, help="timed ticks (min/median/max)")
    args = parser.parse_args(list(argv))
    if args.patients is None:
        return run(due=args.due)
    if not 0 < args.due <= args.patients:
        parser.error("--due must be between 1 and --patients")
    return measure(args.patients, args.due, max(1, args.runs))


if __name__ == "__main__":
    import sys

    for figure in main(sys.argv[1:]):
        print(json.dumps(figure))
