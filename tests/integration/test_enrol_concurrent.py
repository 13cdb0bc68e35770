"""The same number enrolled 20 times at once against real PostgreSQL under a real uvicorn:
one 201, the rest 409, never a 500, and the number in no log (ours or PostgreSQL's)."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests import servers
from tests.integration.test_web_live import live_server

pytestmark = pytest.mark.integration

PHONE = "+14155550177"
CONCURRENCY = 20


def _postgres_logs() -> str:
    return "".join(s.log_tail(2_000_000) for s in servers._running if s.name == "postgres")


@pytest.mark.parametrize("via", ["api", "dashboard"])
def test_concurrent_enrolment_of_one_number(tmp_path: Path, pg_database: str, via: str) -> None:
    pg_before = len(_postgres_logs())
    with live_server(tmp_path, COACH_DATABASE_URL=pg_database) as server:

        def enrol(n: int) -> int:
            with server.client() as client:
                if via == "api":
                    return client.post("/api/patients", json={
                        "phone": PHONE, "tz": "America/New_York", "name": f"Try {n}"}
                    ).status_code
                response = client.post(
                    "/dashboard/patients",
                    data={"phone": PHONE, "tz": "America/New_York", "name": f"Try {n}"},
                    headers={"Origin": server.url},
                )
                assert response.status_code == 303
                return 201 if response.headers["location"].startswith("/patients/") else 409

        with ThreadPoolExecutor(CONCURRENCY) as pool:
            codes = list(pool.map(enrol, range(CONCURRENCY)))
        assert sorted(codes) == [201] + [409] * (CONCURRENCY - 1), codes
        with server.client() as client:
            listed = client.get("/api/patients").json()
        assert [p["phone"] for p in listed] == [PHONE]
        web_log = server.log_path.read_text(errors="replace")
    # The status follows the quoted request line; a bare "500" also matches client ports.
    statuses = re.findall(r'HTTP/1\.1" (\d{3})', web_log)
    assert statuses and "500" not in statuses, statuses
    assert PHONE not in web_log and PHONE[1:] not in web_log
    assert "Traceback" not in web_log
    pg_log = _postgres_logs()[pg_before:]
    assert PHONE not in pg_log and "duplicate key" not in pg_log, pg_log[-2000:]


def test_a_duplicate_enrolment_is_409_with_a_masked_number(
    tmp_path: Path, pg_database: str
) -> None:
    with live_server(tmp_path, COACH_DATABASE_URL=pg_database) as server, \
            server.client() as client:
        body = {"phone": PHONE, "tz": "UTC"}
        assert client.post("/api/patients", json=body).status_code == 201
        again = client.post("/api/patients", json=body)
        assert again.status_code == 409
        assert PHONE not in again.text and "***77" in again.text
