"""`coach bench tick`: the tick's cost grows with what is due, not with how many patients
there are; and how fast one worker drains the outbox.

Builds throw-away SQLite databases in a temporary folder (PostgreSQL behaves the same way:
the tick reads through the `next_due_at` index either way).
"""

from __future__ import annotations

import json
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from coach.config import Settings
from coach.core.schedule import make_rule
from coach.db.engine import make_engine, make_session_factory
from coach.db.migrate import upgrade
from coach.db.models import Patient, Schedule
from coach.dispatch import send_message, tick
from coach.sms.outbox import OutboxBackend

NOW = datetime(2027, 3, 10, 14, 0, tzinfo=UTC)
DUE = 200


def _populate(url: str, patients: int, due: int) -> None:
    engine = make_engine(url)
    rule = json.dumps(make_rule("eye_rest", at="09:00").to_dict())
    later = NOW + timedelta(hours=12)
    with engine.begin() as conn:
        conn.execute(insert(Patient), [
            {"id": i + 1, "phone": f"+1202{i:07d}", "tz": "America/New_York", "lang": "en",
             "status": "active", "daily_cap": 12, "created_at": NOW, "consent_at": NOW,
             "consent_method": "sms_yes"}
            for i in range(patients)
        ])
        conn.execute(insert(Schedule), [
            {"patient_id": i + 1, "kind": "eye_rest", "rule": rule, "active": True,
             "next_due_at": NOW if i < due else later, "created_at": NOW, "updated_at": NOW}
            for i in range(patients)
        ])
    engine.dispose()


def _one(folder: Path, patients: int, due: int) -> dict[str, float]:
    url = f"sqlite:///{folder / f'bench-{patients}.db'}"
    upgrade(url)
    _populate(url, patients, due)
    settings = Settings.from_env({"COACH_DATA_DIR": str(folder)})
    engine = make_engine(url)
    factory = make_session_factory(engine)
    tracemalloc.start()
    started = time.perf_counter()
    result = tick(factory, settings, now=NOW)
    tick_seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(result.to_send) == due, (len(result.to_send), due)
    backend = OutboxBackend()
    started = time.perf_counter()
    for message_id in result.to_send:
        send_message(factory, settings, backend, message_id, now=NOW)
    send_seconds = time.perf_counter() - started
    engine.dispose()
    return {"tick_s": tick_seconds, "peak_bytes": float(peak), "send_s": send_seconds}


def run(small: int = 2_000, large: int = 50_000, due: int = DUE) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="coach-bench-") as tmp:
        a = _one(Path(tmp), small, due)
        b = _one(Path(tmp), large, due)
    return [
        {"name": f"tick_ms_{due}_due_of_{small}_patients", "value": round(a["tick_s"] * 1e3, 2),
         "unit": "ms"},
        {"name": f"tick_ms_{due}_due_of_{large}_patients", "value": round(b["tick_s"] * 1e3, 2),
         "unit": "ms"},
        {"name": "tick_cost_ratio_large_over_small",
         "value": round(b["tick_s"] / a["tick_s"], 2), "unit": "x"},
        {"name": "tick_ms_per_due_reminder", "value": round(b["tick_s"] * 1e3 / due, 3),
         "unit": "ms"},
        {"name": f"tick_peak_memory_{large}_patients", "value": round(b["peak_bytes"] / 2**20, 2),
         "unit": "MiB"},
        {"name": "outbox_sends_per_second_one_worker",
         "value": round(due / b["send_s"], 1), "unit": "messages/s"},
    ]


if __name__ == "__main__":
    for figure in run():
        print(json.dumps(figure))
