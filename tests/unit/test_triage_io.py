from __future__ import annotations

import io
import json

from coach.triage_io import run


def _run(lines: list[str]) -> list[dict[str, object]]:
    out = io.StringIO()
    assert run(io.StringIO("".join(line + "\n" for line in lines)), out) == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_one_object_per_line_in_order_with_key_order() -> None:
    results = _run([json.dumps({"text": "cnt swallow, face droopy"}), json.dumps({"text": "6/10"}),
                    json.dumps({"text": "STOP"})])
    assert [r["level"] for r in results] == ["emergency", "routine", "routine"]
    assert results[0]["red_flags"] == ["weakness", "swallowing"]
    assert results[1]["severity"] == 6
    assert results[2]["command"] == "stop"
    assert all(list(r)[:4] == ["level", "red_flags", "severity", "command"] for r in results)


def test_lang_key_is_used() -> None:
    [result] = _run([json.dumps({"text": "ok", "lang": "es"})])
    assert result["lang"] == "es"


def test_bad_lines_do_not_stop_the_stream() -> None:
    results = _run(["", json.dumps({"nope": 1}), "  ", json.dumps({"text": 5}),
                    json.dumps([1, 2]), json.dumps({"text": "double vision"})])
    assert [("error" in r) for r in results] == [True, True, True, False]  # blanks skipped
    for bad in results[:3]:
        assert bad["level"] == "routine" and bad["red_flags"] == [] and bad["command"] is None
        assert list(bad) == ["level", "red_flags", "severity", "command", "check", "error"]
    assert results[3]["red_flags"] == ["vision"]


def test_plain_text_line_is_triaged() -> None:
    [result] = _run(["my face is drooping"])
    assert result["level"] == "emergency"
    assert "error" not in result


def test_each_line_is_flushed() -> None:
    class Recorder(io.StringIO):
        flushes = 0

        def flush(self) -> None:
            self.flushes += 1
            super().flush()

    out = Recorder()
    run(io.StringIO('{"text": "a"}\n{"text": "b"}\n'), out)
    assert out.flushes >= 2


def test_every_object_has_check_after_command() -> None:
    results = _run([json.dumps({"text": t}) for t in
                    ("cnt swallow, face droopy", "twitch 3", "STOP", "no drooping at all")]
                   + ["not json at all", json.dumps({"nope": 1})])
    for result in results:
        assert list(result)[:5] == ["level", "red_flags", "severity", "command", "check"]
        assert isinstance(result["check"], list)
    assert results[0]["check"] == []  # affirmed by the lexicon: advice, no question
    assert results[1]["check"] == [] and results[3]["check"] == []


def test_a_red_flag_in_unlisted_words_gets_a_check_or_advice_never_both() -> None:
    [result] = _run([json.dumps({"text": "like a red hot blade twisting in my cheek"})])
    assert "severe_pain" in [*result["red_flags"], *result["check"]]
    assert not set(result["red_flags"]) & set(result["check"])
