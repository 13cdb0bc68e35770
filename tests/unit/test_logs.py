"""The one logging safeguard every coach process installs (coach.logs), and the suite-wide
log check (tests/logcheck.py) that relies on it."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError
from uvicorn.logging import AccessFormatter

from coach import logs
from coach.redact import mask_path, mask_text
from tests import logcheck
from tests.servers import ROOT

ALICE = "+14155550101"


@pytest.fixture(autouse=True)
def _installed() -> None:
    logs.install()


def record(name: str, msg: str, *args: object, exc: bool = False) -> logging.LogRecord:
    logger = logging.getLogger(name)
    exc_info = None
    if exc:
        try:
            raise ValueError(f"bad number {ALICE}")
        except ValueError:
            exc_info = sys.exc_info()
    return logger.makeRecord(name, logging.ERROR, __file__, 1, msg, args, exc_info)


def test_numbers_are_masked_in_messages_arguments_and_tracebacks() -> None:
    formatter = logging.Formatter("%(message)s")
    line = formatter.format(record("coach.x", f"sent to {ALICE} and %s", "+34 612 34 56 78",
                                   exc=True))
    assert ALICE not in line and "612 34 56 78" not in line
    assert "***01" in line and "***78" in line
    assert "ValueError: bad number ***01" in line


def test_message_bodies_in_library_shapes_are_dropped() -> None:
    line = logging.Formatter("%(message)s").format(record(
        "twilio.http_client", "POST data: To=%2B14155550101&Body=my+face+is+numb&From=x"
    ))
    assert "face" not in line and "14155550101" not in line
    assert "Body=[redacted]" in line
    js = logging.Formatter("%(message)s").format(record(
        "x", "payload %s", {"body": "I can't swallow", "id": 3}))
    assert "swallow" not in js and "'id': 3" in js


def test_extra_body_attributes_are_dropped_by_the_filter() -> None:
    rec = record("coach.x", "inbound")
    rec.body = "my eye will not stop twitching"
    logs.RedactFilter().filter(rec)
    assert rec.body == "[redacted]"


def test_the_access_log_masks_numbers_in_paths() -> None:
    rec = record("uvicorn.access", '%s - "%s %s HTTP/%s" %d', "127.0.0.1:5000", "GET",
                 "/api/patients/%2B14155550101?x=1", "1.1", 200)
    line = AccessFormatter('%(client_addr)s - "%(request_line)s" %(status_code)s',
                           use_colors=False).format(rec)
    assert "14155550101" not in line and "/api/patients/***01" in line and "200" in line
    assert mask_path("/api/patients/4155550101") == "/api/patients/***01"
    assert mask_path("/api/patients/12") == "/api/patients/12"  # ids stay


def test_integrity_errors_lose_their_parameters_and_key_values() -> None:
    detail = ('duplicate key value violates unique constraint "patients_phone_key"\n'
              "DETAIL:  Key (phone)=(+14155550101) already exists.\n"
              "[SQL: INSERT INTO patients (phone) VALUES (%(phone)s)]\n"
              "[parameters: {'phone': '+14155550101', 'name': 'Alice'}]\n"
              "(Background on this error at: https://sqlalche.me/e/20/gkpj)")
    masked = mask_text(detail)
    assert "4155550101" not in masked and "Alice" not in masked
    assert "Key (phone)=(***)" in masked and "[parameters hidden]" in masked


def test_sqlalchemy_engines_hide_parameters(tmp_path: object) -> None:
    from coach.db.engine import make_engine

    engine = make_engine("sqlite://")
    with engine.connect() as conn:
        conn.execute(text("CREATE TABLE t (phone TEXT UNIQUE)"))
        conn.execute(text("INSERT INTO t VALUES (:p)"), {"p": ALICE})
        with pytest.raises(IntegrityError) as caught:
            conn.execute(text("INSERT INTO t VALUES (:p)"), {"p": ALICE})
    assert ALICE not in str(caught.value)
    plain = create_engine("sqlite://")  # what hide_parameters saves us from
    with plain.connect() as conn:
        conn.execute(text("CREATE TABLE t (phone TEXT UNIQUE)"))
        conn.execute(text("INSERT INTO t VALUES (:p)"), {"p": ALICE})
        with pytest.raises(IntegrityError) as raw:
            conn.execute(text("INSERT INTO t VALUES (:p)"), {"p": ALICE})
    assert ALICE in str(raw.value)


@pytest.mark.parametrize(
    "setup",
    [
        "from coach.web.app import create_app; from coach.config import Settings; "
        "create_app(Settings.from_env({'COACH_DATA_DIR': sys.argv[1]}))",
        "import tasks.celery_app",
        "from coach.cli import main; main(['--version'])",
    ],
    ids=["web", "worker-and-beat", "cli"],
)
def test_every_process_installs_the_filter(setup: str, tmp_path: object) -> None:
    code = (
        "import logging, sys\n"
        f"{setup}\n"
        "logging.basicConfig(level=logging.INFO, format='%(message)s')\n"
        f"logging.getLogger('anything').warning('texting {ALICE}')\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert "texting ***01" in done.stderr, done.stderr
    assert ALICE not in done.stderr


def test_the_suite_log_check_finds_numbers_and_bodies() -> None:
    bodies = {"my face feels numb on one side"}
    text = ("ok line\nsent to +1 415 555 0101\nGET /api/patients/%2B14155550101\n"
            "said: my face feels numb on one side\nmasked ***01 and …0101\n")
    found = logcheck.leaks("x.log", text, bodies)
    assert len(found) == 3
    assert all(f.startswith("x.log: ") for f in found)
    assert logcheck.leaks("y.log", "id 14155550101 (no plus) 2027-03-10T15:00:00+00:00",
                          bodies) == []
