"""Classes of language a third blind set (exam3) showed missing, each covered broadly in
English and Spanish, with contrasts: slang and hyperbole about killing oneself (never about
killing others, or "this is killing me" about pain or work), clinical and regional Spanish for
numbness, someone else not breathing, checklist questions answered no, long-past episodes, a
busy "cant talk", and ratings where pain and twitch are both rated or the zero is told.

None of these lines is in any data file under tests/data/triage/."""

from __future__ import annotations

import pytest

from coach.core.triage import understand
from coach.core.types import RedFlag

W, SP, SW, BR = RedFlag.WEAKNESS, RedFlag.SPEECH, RedFlag.SWALLOWING, RedFlag.BREATHING
VI, PA, SH = RedFlag.VISION, RedFlag.SEVERE_PAIN, RedFlag.SELF_HARM

AFFIRMED: dict[str, tuple[RedFlag, list[str]]] = {
    "self-harm slang, also in a threat whose condition is negated": (SH, [
        "kms", "kms fr", "ngl i might kms", "ima kms if this keeps up", "tbh i wanna kms",
        "if this doesnt stop ill kms", "if it doesn't go away i'll kill myself",
        "want to unalive", "i want to unalive myself", "lowkey wanna unalive",
        "someone please end me", "just kill me now", "put me out of my misery",
        "i'd rather be dead than deal with this", "id rather die than live with this twitch",
        "i dont wanna be here anymore", "i dont wanna live like this",
    ]),
    "throwing oneself off or under something, the generic you included": (SH, [
        "i could throw myself off a bridge", "might throw myself in front of a train",
        "gonna drive off a cliff", "just gonna jump off a bridge lol",
        "this twitch makes me want to jump off the roof", "yeet myself into the sun",
        "honestly this would make you want to throw yourself off a bridge",
        "it's enough to make you want to kill yourself", "thinking of lying on the tracks",
        "step in front of a bus and be done",
    ]),
    "Spanish: jokes and threats about killing oneself": (SH, [
        "me quiero tirar de un puente", "me quiero matar jaja", "si no se me quita me mato",
        "si esto no para me mato", "me dan ganas de tirarme al metro",
        "me voy a aventar del quinto piso", "ganas de tirarme por la ventana",
        "me pego un tiro si sigue", "quisiera desaparecer para siempre", "mejor me muero",
    ]),
    "clinical and regional Spanish numbness": (W, [
        "Presento hipoestesia en la hemicara izquierda desde hace dos horas",
        "tengo parestesias en la hemicara derecha", "hipoestesia facial izquierda",
        "tengo hormigueo en la lengua y en la mitad de la cara", "hormigueo en media cara",
        "piquetitos en la lengua", "tengo la hemicara izquierda dormida",
        "siento la lengua dormida", "la cara la siento acartonada",
        "siento el cachete como acartonado", "tengo la mejilla adormecida",
        "no siento la mitad de la cara", "no siento bien el labio de abajo",
        "no me siento la cara del lado izquierdo", "ya no siento la lengua",
    ]),
    "a drink or saliva escaping at the corner or one side": (W, [
        "se me cae la baba por un lado y no lo siento", "la baba se me cae por un lado",
        "se me sale la saliva por la comisura", "se me escapa el agua por la comisura",
        "Al beber todavía se me escapa un poco de agua por la comisura",
        "cuando tomo agua se me sale por un lado de la boca",
        "se me escurre la bebida por la comisura izquierda",
    ]),
    "English numbness of tongue or half the face": (W, [
        "tingling in my tongue and half my face", "pins and needles down the left side of my face",
        "half my face feels like novocaine but i havent been to the dentist",
        "my cheek feels like cardboard",
    ]),
    "someone else not breathing right, or turning blue": (BR, [
        "mi compañero se desmayo en la obra y no respiraba bien",
        "he passed out and wasnt breathing right", "my dad passed out and turned blue",
        "mi papá se puso morado y no respiraba", "el bebé dejó de respirar un momento",
        "she stopped breathing for a few seconds", "he isn't breathing properly",
        "my son couldn't catch his breath", "casi no respira", "mi abuela ya no respira bien",
    ]),
    "a checklist answered badly": (SW, [
        "Swallowing? Not good", "Swallowing? not great", "¿Tragar? Mal",
    ]),
    "a checklist answered yes": (W, [
        "Drooping? Yes, since this morning", "Drooping? a little",
        "Drooping? Yes. Swallowing? Fine", "Is my face drooping? I think so",
    ]),
    "cant talk properly is speech, whatever follows": (SP, [
        "cant talk right", "cant talk properly", "cant talk clearly since this morning",
        "i cant talk right at work today", "no puedo hablar bien", "no puedo hablar claro",
    ]),
    "a long-past episode that is back": (W, [
        "my face drooped back in 2015 and now its drooping again",
        "had numbness in 2015 and it's back since yesterday",
    ]),
}

NOT_A_FLAG: dict[str, list[str]] = {
    "killing others, or being killed by pain, work or heat": [
        "this twitch is killing me", "this job is killing me", "my boss will kill me if im late",
        "my mom is gonna kill me lol", "i'm gonna kill him", "the heat is killing me",
        "you're killing me with these reminders lol", "kill me with your jokes lol",
        "me mata este calor", "el trabajo me está matando", "me mato trabajando toda la semana",
        "me mato de risa con mi hija", "ese examen me mató", "me muero de risa",
        "me muero de hambre", "estoy muerta de cansancio",
    ],
    "accidents and everyday movement": [
        "hurt myself at the gym lifting", "i cut myself shaving", "step off the bus carefully",
        "we walked into the sea for a swim", "i jumped off the diving board",
        "i walked into the building", "jump out of the car",
    ],
    "numbness with a benign cause": [
        "no siento las piernas de tanto caminar", "la lengua adormecida por el chile",
        "hormigueo en los pies del frío", "tengo la boca dormida por la anestesia del dentista",
        "me quedé dormida del lado izquierdo", "se me cae la baba por ese actor",
        "tengo espasmo en la hemicara izquierda",
    ],
    "breathing words that are not about breathing trouble": [
        "no respiro por la nariz por la gripa", "im not breathing hard anymore",
        "my hair went grey", "my toe turned purple after i stubbed it",
        "el trabajo no me da respiro", "me puse morado de tanto comer",
    ],
    "a checklist answered no": [
        "Drooping? Nope. Swallowing? Fine. Just twitchy, 4",
        "Drooping? no. Vision? fine. Speech? all good", "Any drooping? nah",
        "¿Boca caída? No. ¿Visión borrosa? Nada.", "¿Se te cae la cara? para nada",
        "numbness? not really", "Slurring? none", "drooping: no. swallowing: fine",
        "Drooping - nope", "visión: bien",
    ],
    "long past, none since": [
        "had numbness in my hand back in 2015 from carpal tunnel none since",
        "had blurry vision years ago, none since", "tuve visión doble en 2019, nada desde entonces",
        "hace años se me durmió la cara, nunca más",
        "back in 2018 i had double vision for a week, none since",
    ],
    "cant talk because busy": [
        "cant talk driving", "cant talk, driving", "driving cant talk", "cant talk rn at work",
        "cant talk in a meeting", "cant talk busy", "can't talk right now, in class",
        "no puedo hablar, ando manejando", "no puedo hablar estoy en junta",
        "en el trabajo no puedo hablar", "sorry cant talk, ttyl",
    ],
    "pain rated low next to a high twitch": [
        "Mild ache around the eye, pain 3/10, twitch 8/10", "pain 4/10 twitch 9/10",
        "dolor 5 de 10, tic 9 de 10", "pain 3 out of 10 twitch 9 out of 10",
    ],
}

SEVERITY: list[tuple[str, int]] = [
    ("not dizzy, no vision probs, just the twitch at 3", 3),
    ("twitch at 3 today", 3),
    ("Mild ache around the eye, pain 3/10, twitch 5/10", 5),
    ("pain 9/10, twitch 2/10", 2),
    ("dolor 3 de 10, tic 6 de 10", 6),
    ("dolor 2, tic 4", 4),
    ("Estuve jugando dominó toda la tarde y el tic ni apareció", 0),
    ("90 km en bici y el ojo ni se movió", 0),
    ("cero tic oy", 0),
    ("the twitch didn't show up at all today", 0),
    ("el párpado ni se asomó hoy", 0),
    ("my eyelid didnt budge all day", 0),
    ("ni un brinco hoy", 0),
    ("twitch didnt bother me much, about a 3", 3),
]


@pytest.mark.parametrize(
    ("flag", "text"),
    [(flag, text) for flag, texts in AFFIRMED.values() for text in texts],
)
def test_class_is_flagged(flag: RedFlag, text: str) -> None:
    assert flag in understand(text).red_flags, text


@pytest.mark.parametrize("text", [text for texts in NOT_A_FLAG.values() for text in texts])
def test_contrast_is_not_flagged(text: str) -> None:
    assert understand(text).red_flags == (), text


@pytest.mark.parametrize(("text", "rating"), SEVERITY)
def test_rating(text: str, rating: int) -> None:
    assert understand(text).severity == rating, text


def test_severe_pain_is_read_from_the_pain_rating_not_the_twitch_one() -> None:
    reading = understand("pain 9/10, twitch 2/10")
    assert reading.red_flags == (PA,)
    assert reading.severity == 2


def test_someone_elses_breathing_is_marked_as_theirs() -> None:
    assert understand("mi compañero se desmayó y no respiraba bien").about_other
    assert understand("he passed out and wasn't breathing right").about_other


def test_slang_self_harm_at_the_end_of_a_long_reply_is_found() -> None:
    text = "twitch about a 4 today, long shift. " * 2000 + "if this doesnt stop ill kms"
    assert SH in understand(text).red_flags
