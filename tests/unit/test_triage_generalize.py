"""Whole classes of language, not single sentences: for each red flag, many ways patients
say it (synonyms, inflections, word orders, misspellings, regional Spanish), each next to
its contrasts (negated, a general question, a figure of speech, someone else's).

None of these lines is in corpus.jsonl, dev.jsonl or holdout.jsonl."""

from __future__ import annotations

import pytest

from coach.core.triage import understand
from coach.core.types import Command, RedFlag

W, SP, SW, BR, SH = (RedFlag.WEAKNESS, RedFlag.SPEECH, RedFlag.SWALLOWING, RedFlag.BREATHING,
                     RedFlag.SELF_HARM)
VI, PA, PR = RedFlag.VISION, RedFlag.SEVERE_PAIN, RedFlag.PROLONGED

CLASSES: dict[RedFlag, list[str]] = {
    W: [
        "my cheek feels dead", "left side of my face feels like its asleep",
        "my arm went dead for a minute this morning", "right hand went numb for 10 mins earlier",
        "mouth is hanging down on the left", "my lip is sagging", "face looks melted",
        "my eyelid dropped and wont lift", "i cant lift my left eyebrow", "my leg feels like lead",
        "tingling in my face and my arm", "pins and needles down my left arm",
        "my lips won't close properly", "one side of my face isnt moving",
        "my wife says my face looks different on one side", "corner of my mouth is down",
        "my face kinda drooped for like 5 min earlier, seems ok now", "face is slanted",
        "se me cae la boca", "tengo la cara chueca", "se me torció la boca",
        "la boca se me tuerce", "se me kae el labio", "se me duerme la cara",
        "se me entumió el brazo", "no puedo levantar el brazo", "no me sube la ceja izquierda",
        "el párpado no me sube", "tengo hormigueo en la mano y la cara",
        "se me durmió medio cuerpo", "siento el brazo como de trapo", "no junto los labios",
        "la comisura de la boca se me baja", "mi mamá tiene la boca torcida",
    ],
    SP: [
        "i keep saying the wrong word", "cant get my words out", "voice sounds slurred",
        "nobody can understand me", "my tongue feels thick and heavy", "i sound weird when i talk",
        "im mumbling and cant help it", "trouble pronouncing words", "words wont come out right",
        "having trouble saying s sounds", "people keep asking me to repeat myself",
        "hablo arrastrado", "se me traba la lengua al hablar", "se me enreda la lengua",
        "digo una palabra por otra", "la voz me sale rara", "me cuesta encontrar las palabras",
        "no le entiendo nada a mi papá cuando habla", "no me entienden cuando hablo",
        "las palabras me salen al revés", "hablo mocho",
    ],
    SW: [
        "food gets stuck in my throat", "my pills keep getting stuck", "choking when i drink water",
        "coughing every time i drink", "i gag when i try to swallow", "swalloing is hard",
        "cant get them down", "every sip makes me splutter", "me atraganto con el agua",
        "me cuesta tragar las pastillas", "se me atora la comida", "toso cuando tomo agua",
        "se me va el agua por otro lado", "se me va por mal camino", "las pastillas no me bajan",
        "me cuesta pasar la saliva", "las pastillas se me quedan atascadas",
    ],
    BR: [
        "gasping for air", "struggling for air", "lips are turning blue", "im panting sitting down",
        "breathing is loud and raspy", "can only say a few words between breaths",
        "i feel like im suffocating", "estoy jadeando", "respira con mucha dificultad",
        "tengo los labios morados", "no me entra el aire", "me quedo sin aire",
        "no puedo jalar aire", "siento que me ahogo",
    ],
    SH: [
        "i don't see the point anymore", "thinking of ending things", "kms lol",
        "if this doesnt stop im gonna kill myself lol", "i've been cutting again",
        "i have been saving pills", "i want to disappear", "thought about driving into a tree",
        "everyone would be better off without me", "i feel hopeless",
        "quiero desaparecer", "ya no le veo sentido a nada", "mejor me muero",
        "me he estado cortando", "me he vuelto a hacer cortes", "estoy juntando pastillas",
        "tengo guardadas las pastillas por si acaso", "me quiero morir jaja",
        "me quiero quitar la vida", "ojalá no despertara",
    ],
    VI: [
        "seeing ghost images", "words on the screen keep doubling",
        "like looking through frosted glass",
        "my right eye went dark for a second", "can't focus my eyes", "everything swims",
        "a grey patch in the middle of my vision", "a shadow over my left eye", "things look wavy",
        "se me nubla la vista", "como una cortina negra en el ojo", "se me oscureció la vista",
        "no puedo enfocar", "las letras se mueven", "veo todo movido", "veo lucecitas",
        "veo como a través de un vidrio empañado",
    ],
    PA: [
        "pain off the charts", "sevear pain in my jaw", "the worst pain i've ever had",
        "pain is an 8 today", "really really painful", "dolor fortísimo", "me duele a morir",
        "el peor dolor de mi vida", "dolor de 9", "no aguanto el dolor",
    ],
    PR: [
        "twitching nonstop since yesterday", "hasn't stopped twitching in 3 days",
        "el párpado no ha parado de temblar en 4 días",
        "el ojo no ha dejado de brincar en toda la semana",
        "tengo el ojo cerrado por el espasmo y no se abre", "no deja de brincar desde el viernes",
    ],
}


@pytest.mark.parametrize(
    ("flag", "text"), [(flag, text) for flag, texts in CLASSES.items() for text in texts]
)
def test_each_phrasing_of_a_class_raises_its_flag(flag: RedFlag, text: str) -> None:
    assert flag in understand(text).red_flags


# The same classes, negated, asked about in general, figurative or harmless.
CONTRASTS = [
    "no numbness or tingling", "my face is not drooping", "no tengo la cara caída",
    "sin hormigueo",
    "my leg fell asleep from sitting", "my legs are heavy after the gym",
    "se me durmió la pierna de estar sentada", "eyelid a bit heavy from lack of sleep",
    "no slurring at all", "the words in the app are confusing",
    "i said the wrong thing to my boss lol",
    "i choked on my words at the interview", "swallowed my pride", "stuck in traffic",
    "this heat is suffocating", "the meeting was suffocating lol", "me ahogo en trabajo",
    "ending things with my boyfriend", "i don't see the point of these reminders",
    "dying to try the new exercise", "me muero de risa",
    "is double vision a side effect of botox?", "¿es normal ver borroso con el bótox?",
    "is numbness a side effect of botox?", "how would I know if it was bell's palsy coming back?",
    "i cant focus at work today", "my eyes feel a bit tired", "dark circles under my eyes",
    "it's raining nonstop", "no para de llover jaja", "the kids wont stop screaming",
    "runs in the family, my dad had twitches constantly his whole life",
    "my mom had a stroke years ago",
]


@pytest.mark.parametrize("text", CONTRASTS)
def test_contrasts_of_each_class_are_routine(text: str) -> None:
    assert understand(text).red_flags == ()


def test_a_general_question_turns_personal_with_a_first_person_or_recency_word() -> None:
    assert VI in understand("is it normal that I've seen blurry since yesterday?").red_flags
    assert VI in understand("¿es normal que vea borroso desde ayer?").red_flags
    assert VI in understand("is blurry vision normal with this? mine is blurry").red_flags
    assert understand("is blurred vision a side effect of botox?").red_flags == ()


def test_someone_elses_new_phrasings_count_and_are_marked() -> None:
    for text in ("grandpa's breathing is loud and labored", "mi papá respira con mucha dificultad",
                 "husband says my face is hanging on the right"):
        reading = understand(text)
        assert reading.red_flags
    assert understand("mi papá respira con mucha dificultad").about_other


def test_laughter_never_cancels_self_harm() -> None:
    for text in ("gonna kill myself lol", "quiero morirme jaja", "i want to die lmao 😂"):
        assert SH in understand(text).red_flags


@pytest.mark.parametrize(
    ("text", "rating"),
    [
        ("twitch level: 3 outta 10", 3), ("nada today 🙌", 0), ("not a single flicker", 0),
        ("ni uno hoy 🎉", 0), ("twitch was about a 5 in the afternoon", 5),
        ("hoy el tic estuvo en 6 casi todo el día", 6), ("anda por el 7", 7),
        ("un 6 más o menos", 6), ("tic de 10 esta tarde", 10), ("hoy poquito, un 2 nomás", 2),
        ("it was 2 in the morning when i woke up", None), ("slept 5 hours", None),
        ("back from a 3 day trip", None), ("stayed up till 3 in the morning", None),
    ],
)
def test_ratings_in_words_and_inside_sentences(text: str, rating: int | None) -> None:
    assert understand(text).severity == rating


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("PAUSE - going to hospital", Command.PAUSE), ("BAJA, ya no quiero nada", Command.STOP),
        ("STOP. my face is drooping", Command.STOP), ("stop twitching please", None),
        ("the twitching won't stop", None), ("Stop: enough texts for today", Command.STOP),
    ],
)
def test_a_keyword_set_off_at_the_start_is_a_command(
    text: str, command: Command | None
) -> None:
    assert understand(text).command is command
