"""The review queue: items from the dialogue, labels, and the label export (no phone numbers)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from coach import patients, review, second_read
from coach.core.types import RedFlag
from coach.db.engine import transaction
from coach.db.review import ReviewItem
from coach.errors import CoachError, NotFound
from tests.fixtures_db import ALICE, CARLOS, T0
from tests.unit.test_dialogue import VAGUE, say, suspecting


def enrol(factory, settings, phone=ALICE, lang="en"):
    with transaction(factory) as s:
        p, invite = patients.enroll(s, settings, phone=phone, tz="America/New_York", lang=lang,
                                    now=T0)
        invite.status = "sent"
        patients.opt_in(s, p, now=T0, method="sms_yes")


def suspected(factory, settings, text=VAGUE, *, sender=ALICE, at=T0, codes=(RedFlag.WEAKNESS,)):
    out = say(factory, settings, text, sender=sender, now=at)
    second_read.read_one(factory, settings, out.inbound_id, now=at + timedelta(seconds=2),
                         assessor=suspecting(*codes, when=text))
    with factory() as s:
        return s.scalar(select(ReviewItem.id).where(ReviewItem.message_id == out.inbound_id))


def test_list_is_newest_first_with_suspected_codes(factory, settings) -> None:
    enrol(factory, settings)
    enrol(factory, settings, phone=CARLOS, lang="es")
    first = suspected(factory, settings)
    second = suspected(factory, settings, "algo raro en mi sonrisa hoy", sender=CARLOS,
                       at=T0 + timedelta(minutes=1), codes=(RedFlag.SPEECH, RedFlag.WEAKNESS))
    with factory() as s:
        rows = [review.item_json(i) for i in review.list_items(s)]
    assert [r["id"] for r in rows] == [second, first]
    assert rows[0]["suspected"] == ["weakness", "speech"] and rows[0]["lang"] == "es"
    assert rows[1]["text"] == VAGUE and rows[1]["dialogue"] == "asked"
    assert rows[1]["question"] and rows[1]["scores"] == {"weakness": 0.8}
    assert ALICE not in json.dumps(rows) and CARLOS not in json.dumps(rows)


def test_label_with_codes_or_no_red_flag(factory, settings) -> None:
    enrol(factory, settings)
    item_id = suspected(factory, settings)
    with transaction(factory) as s:
        item = review.label(s, item_id, red_flags=["weakness,speech"], by="Nurse Kim",
                            now=T0 + timedelta(hours=1))
        data = review.item_json(item)
    assert data["status"] == "labelled" and data["labelled_by"] == "Nurse Kim"
    assert data["label"] == {"flag": True, "red_flags": ["weakness", "speech"], "command": None}
    with transaction(factory) as s:  # a colleague corrects it
        data = review.item_json(review.label(s, item_id, no_red_flag=True, by="Dr Lee", now=T0))
    assert data["label"] == {"flag": False, "red_flags": [], "command": None}
    with factory() as s:
        assert review.list_items(s) == []
        assert len(review.list_items(s, status="labelled")) == 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"red_flags": ["droopy"]}, "unknown red-flag code"),
        ({}, "at least one"),
        ({"red_flags": ["weakness"], "no_red_flag": True}, "not both"),
        ({"no_red_flag": True, "command": "explode"}, "unknown command"),
    ],
)
def test_bad_labels_are_refused(factory, settings, kwargs, message) -> None:
    enrol(factory, settings)
    item_id = suspected(factory, settings)
    with transaction(factory) as s, pytest.raises(CoachError, match=message):
        review.label(s, item_id, by="x", now=T0, **kwargs)
    with transaction(factory) as s, pytest.raises(NotFound):
        review.label(s, 999, no_red_flag=True, by="x", now=T0)


@pytest.mark.parametrize(
    ("text", "scrubbed"),
    [
        ("call me at +1 (202) 555-0101 pls", "call me at [phone] pls"),
        ("my wife 202.555.0199 says my face droops", "my wife [phone] says my face droops"),
        ("llámame al 612 34 56 78", "llámame al [phone]"),
        ("twitch 7/10 on 3/12 at 10:30, 2 coffees", "twitch 7/10 on 3/12 at 10:30, 2 coffees"),
        ("slept 5 hours, 2024 was worse", "slept 5 hours, 2024 was worse"),
    ],
)
def test_phone_like_digits_are_scrubbed(text: str, scrubbed: str) -> None:
    assert review.scrub_phone_numbers(text) == scrubbed


def test_export_writes_the_corpus_format_and_never_a_phone_number(factory, settings) -> None:
    enrol(factory, settings)
    text = "something feels off with my smile today, call 202-555-0101"
    a = suspected(factory, settings, text)
    b = suspected(factory, settings, "lunch went down a bit oddly today",
                  at=T0 + timedelta(minutes=1), codes=(RedFlag.SWALLOWING,))
    suspected(factory, settings, "feeling kind of off today", at=T0 + timedelta(minutes=2))
    with transaction(factory) as s:
        review.label(s, a, red_flags=["weakness"], by="k", now=T0)
        review.label(s, b, no_red_flag=True, by="k", now=T0)
    with factory() as s:
        rows = list(review.export_labels(s))
    assert rows == [
        {"text": "something feels off with my smile today, call [phone]", "lang": "en",
         "flag": True, "red_flags": ["weakness"], "level": "emergency", "command": None},
        {"text": "lunch went down a bit oddly today", "lang": "en", "flag": False,
         "red_flags": [], "level": "routine", "command": None},
    ]
    dumped = json.dumps(rows)
    assert ALICE not in dumped and "555" not in dumped


# --- the command line ----------------------------------------------------------------------


def test_cli_review_list_label_and_export(tmp_path, monkeypatch, capsys) -> None:
    import os

    from coach.cli import main
    from coach.config import Settings, reset_settings_cache
    from coach.db.engine import make_engine, make_session_factory
    from coach.db.migrate import upgrade

    for name in list(os.environ):
        if name.startswith(("COACH_", "TWILIO_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "data"))
    reset_settings_cache()
    settings = Settings.from_env(os.environ)
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    factory = make_session_factory(engine)
    try:
        enrol(factory, settings)
        item_id = suspected(factory, settings)
    finally:
        engine.dispose()

    def run(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    code, out, _ = run("review", "list", "--json")
    assert code == 0 and [r["id"] for r in json.loads(out)] == [item_id]
    code, out, _ = run("review", "list")
    assert code == 0 and "weakness" in out and ALICE not in out
    code, out, err = run("review", "label", str(item_id), "--codes", "wekness")
    assert code == 2 and err.startswith("coach: error: unknown red-flag code")
    code, out, _ = run("review", "label", str(item_id), "--codes", "weakness", "--by", "Kim",
                       "--json")
    assert code == 0 and json.loads(out)["label"]["red_flags"] == ["weakness"]
    code, out, _ = run("export-labels")
    assert code == 0 and json.loads(out.strip())["red_flags"] == ["weakness"]
    target = tmp_path / "labels.jsonl"
    code, _, err = run("export-labels", "--out", str(target))
    assert code == 0 and "1 labelled" in err
    (line,) = target.read_text().splitlines()
    assert set(json.loads(line)) == {"text", "lang", "flag", "red_flags", "level", "command"}
    code, _, err = run("export-labels", "--out", str(tmp_path / "nope" / "x.jsonl"))
    assert code == 1 and "no such folder" in err
    reset_settings_cache()
