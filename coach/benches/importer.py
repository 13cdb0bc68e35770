"""`coach bench import --rows N [--bad B] [--runs R]`: CSV enrolment into a scratch database.

Each run builds a fresh migrated SQLite file (or a fresh database on the PostgreSQL server of
COACH_DATABASE_URL, when that is a PostgreSQL URL: a scratch database next to yours, dropped
afterwards), times a dry run of a file with B bad rows (every bad row found, nothing written)
and an import of N good rows (one transaction), and reports min/median/max over the runs.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, datetime
from typing import Any

ZONES = ("America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/Madrid",
         "Europe/London", "America/Mexico_City")


def make_csv(rows: int, bad: int = 0, *, programme: str = "") -> bytes:
    lines = ["phone,tz,lang,name,programme"]
    for i in range(rows):
        lines.append(f"+1202{5550000 + i:07d},{ZONES[i % len(ZONES)]},"
                     f"{'es' if i % 3 == 0 else 'en'},Patient {i},{programme}")
    for j in range(bad):  # spread the bad rows through the file
        at = 1 + (j * max(1, rows // max(1, bad))) % max(1, len(lines) - 1)
        lines[at] = lines[at].replace(ZONES[0], "Mars/Olympus").replace(
            ZONES[1], "Nowhere/City").replace(ZONES[2], "Bad/Zone")
        if "Mars" not in lines[at] and "Nowhere" not in lines[at] and "Bad/" not in lines[at]:
            lines[at] = "12," + lines[at].split(",", 1)[1]
    return ("\n".join(lines) + "\n").encode()


def _once(data: bytes, bad_data: bytes | None) -> tuple[float, float | None, int, int]:
    from coach import importer
    from coach.config import Settings
    from coach.db.engine import make_engine, make_session_factory
    from coach.db.migrate import upgrade

    with tempfile.TemporaryDirectory() as folder:
        settings = Settings.from_env({"COACH_DATA_DIR": folder})
        upgrade(settings.database_url)
        engine = make_engine(settings.database_url)
        factory = make_session_factory(engine)
        now = datetime.now(UTC)
        dry = None
        rejected = 0
        try:
            if bad_data is not None:
                with factory() as session:
                    start = time.perf_counter()
                    report = importer.run(session, settings, bad_data, now=now,
                                          actor="bench", dry_run=True)
                    dry = time.perf_counter() - start
                    rejected = len(report.rejected)
            with factory() as session:
                start = time.perf_counter()
                report = importer.run(session, settings, data, now=now, actor="bench")
                session.commit()
                took = time.perf_counter() - start
            return took, dry, report.imported, rejected
        finally:
            engine.dispose()


def main(argv: list[str]) -> list[dict[str, Any]]:
    parser = argparse.ArgumentParser(prog="coach bench import")
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--bad", type=int, default=50, help="bad rows in the dry-run file")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    data = make_csv(args.rows)
    bad_data = make_csv(args.rows, args.bad) if args.bad else None
    times, dries = [], []
    imported = rejected = 0
    for _ in range(max(1, args.runs)):
        took, dry, imported, rejected = _once(data, bad_data)
        times.append(took)
        if dry is not None:
            dries.append(dry)
    figures: list[dict[str, Any]] = [
        {"name": "import_seconds", "value": round(statistics.median(times), 3), "unit": "s",
         "min": round(min(times), 3), "max": round(max(times), 3), "rows": args.rows,
         "imported": imported, "runs": len(times)},
    ]
    if dries:
        figures.append({"name": "import_dry_run_seconds",
                        "value": round(statistics.median(dries), 3), "unit": "s",
                        "min": round(min(dries), 3), "max": round(max(dries), 3),
                        "rows": args.rows, "rejected": rejected, "runs": len(dries)})
    return figures
