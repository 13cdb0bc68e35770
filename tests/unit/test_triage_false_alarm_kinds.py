"""Kinds of lexicon false alarm found on exam6/exam7 (tuning), each shown with varied
sentences of our own in both languages, beside the contrasts that must keep their flag."""

from __future__ import annotations

import pytest

from coach.core.triage import understand
from coach.core.types import RedFlag


def _flags(text: str) -> set[RedFlag]:
    return set(understand(text).red_flags)


@pytest.mark.parametrize(
    "text",
    [
        "slurring my words a little, too much tequila at the wedding",
        "after three cocktails i was talking kind of funny haha",
        "me tomé unos tragos y hablo medio enredado jaja",
        "con las chelas de anoche hablaba chistoso",
    ],
)
def test_drink_explains_loose_talk(text: str) -> None:
    assert RedFlag.SPEECH not in _flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "only had 2 beers but my wife says im slurring",
        "slurring tonight and i havent had a drink, not a drop",
        "had a glass of wine and now i cant speak and my face feels droopy",
        "tomé una cerveza y no me salen las palabras",
    ],
)
def test_drink_doubted_or_with_words_that_will_not_come_keeps_speech(text: str) -> None:
    assert RedFlag.SPEECH in _flags(text) or RedFlag.WEAKNESS in _flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "winded after spin class, back to normal in a minute",
        "out of breath from hoovering the whole house lol",
        "me agité bailando en la boda, ya estoy bien",
        "me quedé sin aire en la sauna, salí y bien",
    ],
)
def test_exertion_explains_being_winded(text: str) -> None:
    assert RedFlag.BREATHING not in _flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "short of breath going up the stairs, never used to be",
        "me falta el aire subiendo la escalera",
        "went for a run this morning, chest feels tight and im still short of breath",
        "breathless at rest since the gym yesterday",
    ],
)
def test_stairs_rest_or_a_tight_chest_keep_breathing(text: str) -> None:
    assert RedFlag.BREATHING in _flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "vision a bit smeary after my dry eye drops, cleared quickly",
        "everything blurry because i was crying at the film",
        "rubbed my eye and it went fuzzy for a sec",
        "veo borroso porque me acabo de despertar",
        "ojos borrosos por el cloro de la alberca",
        "seeing stars after i stood up too fast, gone now",
    ],
)
def test_drops_tears_rubbing_or_standing_fast_explain_a_blur(text: str) -> None:
    assert RedFlag.VISION not in _flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "put my eye drops in and now i see double",
        "lost the vision in my left eye after crying",
        "blurry ever since i woke up and still fuzzy with glasses on",
    ],
)
def test_double_lost_or_lasting_vision_keeps_its_flag(text: str) -> None:
    assert RedFlag.VISION in _flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "my leg fell asleep in the cinema haha",
        "foot went to sleep on the long drive",
        "se me durmió la pierna en la misa",
        "se le durmió el pie a mi hijo en el coche",
        "arms totally dead after moving furniture all weekend",
        "my foot was numb after the long flight, fine once i walked",
    ],
)
def test_a_limb_asleep_or_tired_from_work_is_no_weakness(text: str) -> None:
    assert RedFlag.WEAKNESS not in _flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "my leg fell asleep and now i cant move it",
        "se me durmió la mitad de la cara",
        "my face went numb after moving boxes and my mouth is drooping",
    ],
)
def test_a_limb_that_will_not_move_or_the_face_keeps_weakness(text: str) -> None:
    assert RedFlag.WEAKNESS in _flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "lids feel heavy tonight cos im so tired, they open fine",
        "párpados pesados del cansancio pero abren bien",
        "se me caen los ojos de sueño",
        "mumbling because im half asleep",
    ],
)
def test_tiredness_explains_heavy_lids_and_a_mumble(text: str) -> None:
    assert not _flags(text) & {RedFlag.WEAKNESS, RedFlag.SPEECH}


@pytest.mark.parametrize(
    "text",
    [
        "so tired and my eyelid is drooping, cant open it fully",
        "estoy cansada y se me cae el párpado",
    ],
)
def test_a_lid_that_droops_is_not_tiredness(text: str) -> None:
    assert RedFlag.WEAKNESS in _flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "hard to swallow that the insurance wont cover it",
        "tough to swallow the news about my job",
        "the vitamin is huge, hard to swallow",
    ],
)
def test_swallow_idioms_and_big_pills(text: str) -> None:
    assert RedFlag.SWALLOWING not in _flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "finding it hard to swallow my tablets since the injection",
        "hard to swallow today, food sticks",
    ],
)
def test_swallowing_trouble_told_plainly_keeps_its_flag(text: str) -> None:
    assert RedFlag.SWALLOWING in _flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "coughing nonstop with this cold, twitch 2",
        "kids have been nonstop since 6am",
        "worked nonstop all week, eye is fine",
        "mis hijos no paran de pelear, estoy cansada",
        "el trabajo no para desde el lunes",
        "continuamos con los ejercicios",
        "continuar por favor",
        "twitched again after 3 days off, a 4",
    ],
)
def test_nonstop_said_of_something_else_is_not_prolonged(text: str) -> None:
    assert RedFlag.PROLONGED not in _flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "eyelid twitching nonstop for 3 days",
        "my eye has been clamping shut nonstop since saturday",
        "el párpado con contracciones continuas desde hace cuatro días",
        "el ojo no para de brincar desde el lunes",
    ],
)
def test_a_spasm_that_does_not_stop_keeps_prolonged(text: str) -> None:
    assert RedFlag.PROLONGED in _flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "it used to be constant, back in 2021, now hardly ever",
        "antes era todo el tiempo, ahora casi nunca",
        "back when i had bells palsy my eye wouldnt close, all good now",
        "the droop from my palsy three summers ago is long gone",
        "tengo miedo de que vuelva la parálisis, pero estoy bien",
        "scared it will start drooping again one day",
    ],
)
def test_long_ago_or_feared_is_not_now(text: str) -> None:
    assert not _flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "my face is drooping now, i had bells palsy years ago",
        "tengo miedo, se me está cayendo la cara",
    ],
)
def test_a_symptom_now_beside_old_history_or_fear_keeps_its_flag(text: str) -> None:
    assert RedFlag.WEAKNESS in _flags(text)


@pytest.mark.parametrize(
    "text",
    ["my face is drooping. in the past", "se me está cayendo la cara. hace años"],
)
def test_a_symptom_going_on_now_is_not_dated_by_a_short_tail(text: str) -> None:
    assert RedFlag.WEAKNESS in _flags(text)


def test_a_lifelong_inability_is_still_dated_by_its_tail() -> None:
    assert not _flags("i cant whistle, never could")


@pytest.mark.parametrize(
    "text",
    [
        "choked on my tea laughing at the dog",
        "coughed on my water because she made me laugh",
        "me atraganté con el refresco de la risa jaja",
        "no me trago la idea de otra inyección",
        "my husband snores nonstop, no sleep, twitch 5",
        "el perro ladra sin parar",
    ],
)
def test_laughter_idioms_and_others_nonstop(text: str) -> None:
    assert not _flags(text) & {RedFlag.SWALLOWING, RedFlag.PROLONGED}


@pytest.mark.parametrize(
    "text", ["choking on water every time i drink", "me atraganto con todo desde ayer"]
)
def test_choking_without_a_laugh_keeps_swallowing(text: str) -> None:
    assert RedFlag.SWALLOWING in _flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "what are the side effects? like weakness?",
        "is drooping a common side effect? or blurry vision?",
        "¿cuáles son los efectos secundarios? ¿visión doble?",
        "how long does the drooping last if it happens?",
    ],
)
def test_a_symptom_listed_after_a_general_question_is_asked_not_told(text: str) -> None:
    assert not _flags(text)


def test_a_symptom_now_after_a_general_question_keeps_its_flag() -> None:
    assert RedFlag.WEAKNESS in _flags("what are the side effects? my face is drooping today")


@pytest.mark.parametrize(
    "text",
    ["my arm is dead tired from painting the fence", "brazos sin fuerza de tanto pintar la casa"],
)
def test_physical_chores_explain_tired_limbs(text: str) -> None:
    assert RedFlag.WEAKNESS not in _flags(text)


@pytest.mark.parametrize(
    "text",
    ["my lip is numb since the dentist, 3 days now", "legs heavy after the gym, for days now",
     "labio dormido por la anestesia, ya van dos dias y sigue"],
)
def test_a_benign_cause_outlasted_by_days_is_doubted(text: str) -> None:
    assert RedFlag.WEAKNESS in _flags(text)


@pytest.mark.parametrize(
    "text", ["el trabajo me tiene sin aliento", "this schedule has me breathless lol"]
)
def test_run_off_ones_feet_is_not_breathing(text: str) -> None:
    assert RedFlag.BREATHING not in _flags(text)
