"""The learned second reader (coach/core/triage/learned.py) and the combining policy
(combine.py): advice stays the lexicon's; the learned reader only adds questions."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from coach.core.triage import Assessment, assess, combine, learned, understand
from coach.core.triage.learned import EMBED_DIM, NO_COMMAND, Model, Scores
from coach.core.types import Command, RedFlag

CODES = tuple(flag.value for flag in RedFlag)


# --- features ------------------------------------------------------------------------------

def test_char_ngrams_pad_each_word_and_give_a_short_word_once() -> None:
    assert learned.char_ngrams("Ojo") == [
        " o", "oj", "jo", "o ", " oj", "ojo", "jo ", " ojo", "ojo ", " ojo "
    ]
    assert learned.char_ngrams("a") == [" a", "a ", " a "]


def test_folding_drops_case_and_accents_so_sms_spellings_meet() -> None:
    assert learned.fold("  Me DUELE   la cabeza, está ") == "me duele la cabeza, esta"
    assert learned.char_ngrams("CAÍDA") == learned.char_ngrams("caida")


def test_negation_scope_marks_words_up_to_the_clause_end() -> None:
    assert learned.marked_words("No blurry vision, but my face is drooping") == [
        "no", "~blurry", "~vision", "my", "face", "is", "drooping"
    ]
    assert learned.marked_words("no tengo la cara caída pero me duele") == [
        "no", "~tengo", "~la", "~cara", "~caida", "me", "duele"
    ]
    assert learned.marked_words("I don't have double vision") == [
        "i", "dont", "~have", "~double", "~vision"
    ]


def test_long_messages_are_read_in_windows_that_cover_every_word() -> None:
    text = " ".join(f"word{i}" for i in range(2000))
    pieces = learned.windows(text)
    assert len(pieces) > 1
    assert all(len(piece) <= learned.WINDOW_CHARS for piece in pieces)
    assert " ".join(piece.strip() for piece in pieces).split() == text.split()
    assert learned.windows("short") == ["short"]


def test_tfidf_is_unit_length_and_ignores_unknown_grams() -> None:
    vocabulary = {" o": 0, "oj": 1, "zz": 2}
    columns, values = learned.tfidf("ojo", vocabulary, np.array([1.0, 2.0, 3.0]))
    assert sorted(columns.tolist()) == [0, 1]
    assert float(np.linalg.norm(values)) == pytest.approx(1.0)
    columns, values = learned.tfidf("xyz", vocabulary, np.ones(3))
    assert len(columns) == 0 and len(values) == 0


# --- a tiny hand-made model: the arithmetic and the file format ----------------------------

def _tiny_model(**overrides: object) -> Model:
    vocabulary = {" dr": 0, "dro": 1}
    width = len(vocabulary) + EMBED_DIM
    flag_weights = np.zeros((width, len(CODES)), dtype=np.float32)
    flag_weights[0:2, CODES.index("weakness")] = 10.0  # "droop..." means weakness
    commands = (NO_COMMAND, *(c.value for c in Command))
    fields: dict[str, object] = {
        "vocabulary": vocabulary, "idf": np.ones(2), "flag_codes": CODES,
        "flag_weights": flag_weights, "flag_bias": np.full(len(CODES), -3.0, np.float32),
        "command_classes": commands,
        "command_weights": np.zeros((width, len(commands)), dtype=np.float32),
        "command_bias": np.zeros(len(commands), dtype=np.float32),
        "thresholds": dict.fromkeys(CODES, 0.5), "command_threshold": 1.01,
        "veto_threshold": 0.9, "meta": {"note": "tiny"},
    }
    fields.update(overrides)
    return Model(**fields)  # type: ignore[arg-type]


def test_the_model_file_round_trips(tmp_path: Path) -> None:
    model = _tiny_model()
    path = tmp_path / "m.npz"
    model.save(path)
    loaded = Model.load(path)
    assert loaded.vocabulary == model.vocabulary and loaded.flag_codes == CODES
    assert loaded.thresholds == model.thresholds and loaded.veto_threshold == 0.9
    assert loaded.meta["note"] == "tiny"
    np.testing.assert_allclose(loaded.flag_weights, model.flag_weights)


def test_scores_are_logistic_and_the_highest_window_wins() -> None:
    model = _tiny_model()
    zero = np.zeros((2, EMBED_DIM), dtype=np.float32)
    flags, commands = model.score_windows(["all fine", "drooping"], zero)
    assert flags["weakness"] > 0.99  # from the second window
    assert flags["vision"] == pytest.approx(1 / (1 + np.exp(3.0)))
    assert sum(commands.values()) == pytest.approx(1.0)


# --- the policy, on given readings ---------------------------------------------------------

def _scores(suspected: dict[str, float], command: str | None = None) -> Scores:
    flags = dict.fromkeys(CODES, 0.01) | suspected
    return Scores(flags=flags, commands={NO_COMMAND: 1.0}, suspected=tuple(suspected),
                  command=command)


def test_a_suspicion_the_lexicon_did_not_affirm_is_a_check_not_advice() -> None:
    reading = understand("twitch 3")
    result = combine.combine(reading, _scores({"severe_pain": 0.6}), frozenset(), 0.9)
    assert result.check == (RedFlag.SEVERE_PAIN,)
    assert result.reading == reading  # no advice added: level and red_flags are the lexicon's
    assert result.reading.red_flags == () and result.scores["severe_pain"] == 0.6


def test_what_the_lexicon_affirmed_is_never_also_a_check() -> None:
    reading = understand("my face is drooping")
    result = combine.combine(reading, _scores({"weakness": 0.99, "speech": 0.7}),
                             frozenset({RedFlag.WEAKNESS}), 0.9)
    assert result.reading.red_flags == (RedFlag.WEAKNESS,)
    assert result.check == (RedFlag.SPEECH,)


def test_a_code_the_lexicon_read_as_negated_is_checked_only_above_the_veto() -> None:
    reading = understand("no drooping at all")
    heard = frozenset({RedFlag.WEAKNESS})
    assert combine.combine(reading, _scores({"weakness": 0.8}), heard, 0.9).check == ()
    assert combine.combine(reading, _scores({"weakness": 0.95}), heard, 0.9).check == (
        RedFlag.WEAKNESS,
    )


def test_a_topic_the_reply_denies_is_checked_only_above_the_veto() -> None:
    reading = understand("its a 9 tonight but no pain")
    denied = frozenset({"severe_pain"})
    pain = {"severe_pain": 0.8}
    assert combine.combine(reading, _scores(pain), frozenset(), 0.9, denied).check == ()
    assert combine.combine(reading, _scores(pain), frozenset(), 0.9).check == (
        RedFlag.SEVERE_PAIN,
    )
    assert combine.combine(reading, _scores({"severe_pain": 0.95}), frozenset(), 0.9,
                           denied).check == (RedFlag.SEVERE_PAIN,)


def test_a_reply_the_lexicon_read_as_a_command_is_checked_only_above_the_veto() -> None:
    reading = understand("I want to rejoin")
    assert reading.command is Command.START
    assert combine.combine(reading, _scores({"self_harm": 0.6}), frozenset(), 0.9).check == ()
    assert combine.combine(reading, _scores({"self_harm": 0.97}), frozenset(), 0.9).check == (
        RedFlag.SELF_HARM,
    )


@pytest.mark.parametrize(("text", "denied"), [
    ("its a 9 tonight, horrible flickering but no pain", {"severe_pain"}),
    ("hoy 10 de 10 pero sin dolor", {"severe_pain"}),
    ("9/10 twitching but it doesnt hurt at all", {"severe_pain"}),
    ("no veo borroso ni doble", {"vision"}),
    ("not numb, no drooping", {"weakness"}),
    # a topic affirmed anywhere is not denied
    ("no pain in my jaw, but my head hurts", set()),
    # an inability is the symptom, never a denial
    ("no puedo ver, todo borroso", set()),
    ("i cant feel any pain on that side", set()),
    # speech, swallowing, breathing, self-harm: a negated verb is the symptom itself
    ("no trago bien", set()),
    ("no me entraba el aire", set()),
])
def test_denied_topics(text: str, denied: set[str]) -> None:
    assert learned.denied_topics(text) == frozenset(denied)


@pytest.mark.parametrize(("text", "code"), [
    ("me duele un poquito la cabeza", "severe_pain"),
    ("jaw pain about 4/10 today", "severe_pain"),
    ("it comes and goes since monday", "prolonged"),
    ("de vez en cuando, desde el lunes", "prolonged"),
])
def test_a_suspicion_played_down_needs_the_veto_score(text: str, code: str) -> None:
    assert code in learned.played_down(text)
    assert code not in learned.played_down("it hurts like a knife, nonstop since monday")


@pytest.mark.parametrize(("text", "codes"), [
    ("breathing totally normal after the run", {"breathing"}),
    ("swallowing is fine, just asking about the pills", {"swallowing"}),
    ("respiro sin problema", {"breathing"}),
    ("el brazo y la pierna los muevo bien, solo el parpado", {"weakness"}),
    ("eye closes all the way now", {"weakness"}),
    ("la vista perfecta hoy", {"vision"}),
    # a negation before the topic or beside the normal word is no statement of normal
    ("not breathing normally since lunch", set()),
    ("no trago bien", set()),
    ("talking is not ok", set()),
    ("can't see well on the left", set()),
    # "all day" is no "all the way"
    ("talking nonstop all day", set()),
])
def test_a_function_stated_as_normal(text: str, codes: set[str]) -> None:
    assert learned.stated_normal(text) == frozenset(codes)


@pytest.mark.parametrize(("text", "denied"), [
    ("no me falta el aire, nomas cansada", {"breathing"}),
    ("not short of breath at all", {"breathing"}),
    ("no se me atora la comida", {"swallowing"}),
    ("me falta el aire", set()),
])
def test_a_lack_or_a_sticking_denied(text: str, denied: set[str]) -> None:
    assert learned.denied_topics(text) == frozenset(denied)


def test_check_follows_the_red_flag_order() -> None:
    result = combine.combine(understand("hm"), _scores({"prolonged": 0.9, "speech": 0.9}),
                             frozenset(), 0.9)
    assert result.check == (RedFlag.SPEECH, RedFlag.PROLONGED)


def test_a_learned_command_fills_in_only_where_the_lexicon_saw_none() -> None:
    plain = combine.combine(understand("hm ok"), _scores({}, command="pause"), frozenset(), 1)
    assert plain.reading.command is Command.PAUSE and plain.reading.pause_for is None
    kept = combine.combine(understand("STOP"), _scores({}, command="help"), frozenset(), 1)
    assert kept.reading.command is Command.STOP


def test_the_lexicon_hears_its_own_words_negated_or_not() -> None:
    assert RedFlag.WEAKNESS in combine.mentioned("no drooping at all")
    assert RedFlag.SWALLOWING in combine.mentioned("no tengo problemas para tragar")
    assert combine.mentioned("twitch 3 today") == frozenset()


@pytest.mark.parametrize(("text", "code"), [
    ("me quede sin palabras con la noticia", RedFlag.SPEECH),
    ("se me durmio la pierna de estar sentada en misa", RedFlag.WEAKNESS),
    ("the baby cried nonstop last night", RedFlag.PROLONGED),
])
def test_the_lexicon_hears_a_figure_or_a_cause_for_a_code(text: str, code: RedFlag) -> None:
    assert code in combine.mentioned(text)
    # so only a very high learned score asks about it
    scores = _scores({code.value: 0.8})
    assert combine.combine(understand(text), scores, combine.mentioned(text), 0.95).check == ()


def test_if_the_second_reader_cannot_run_the_lexicon_still_answers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken() -> Model:
        raise OSError("model file missing")

    monkeypatch.setattr(learned, "model", broken)
    result = assess("cnt swallow, face droopy")
    assert isinstance(result, Assessment)
    assert result.reading == understand("cnt swallow, face droopy")
    assert result.check == () and result.scores == {} and result.learned is False


# --- the committed model on replies it has never seen --------------------------------------

# Written for this test (not in any labelled set): red flags told without the lexicon's words.
UNLISTED = [
    ("it feels like someone is pressing a hot iron onto my cheekbone", "severe_pain"),
    ("como si me estuvieran clavando un clavo ardiendo en la sien", "severe_pain"),
    ("gave away my books and my cat this week, wrote everyone a goodbye note", "self_harm"),
    ("ya regalé mis cosas y les escribí cartas de despedida a mis hijos", "self_harm"),
    ("the twitching has not let up for a single minute since friday", "prolonged"),
]
NEGATED = [
    "no drooping, no slurred speech",
    "no tengo problemas para tragar",
    "no blurry vision today, all good",
    "sin dolor hoy, todo bien",
    # an ability stated plainly: the learned score needs the veto (learned.stated_normal)
    "my face isn't drooping and I can swallow fine",
]
ROUTINE = ["twitch 3", "did the break", "hoy un 4", "better today, about a 2", "STOP"]


@pytest.mark.parametrize(("text", "code"), UNLISTED)
def test_a_red_flag_in_unlisted_words_gets_advice_or_a_question(text: str, code: str) -> None:
    result = assess(text)
    assert code in {f.value for f in (*result.reading.red_flags, *result.check)}, result.scores


@pytest.mark.parametrize("text", [*NEGATED, *ROUTINE])
def test_negated_and_routine_replies_get_neither(text: str) -> None:
    result = assess(text)
    assert result.reading.red_flags == () and result.check == (), result.scores


def test_scores_cover_every_code_as_probabilities() -> None:
    result = assess("my eye feels weird")
    assert set(result.scores) == set(CODES)
    assert all(0.0 <= p <= 1.0 for p in result.scores.values())


def test_assessment_json_puts_check_after_command() -> None:
    data = assess("no drooping").to_json()
    assert list(data)[:5] == ["level", "red_flags", "severity", "command", "check"]
