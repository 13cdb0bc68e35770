"""Red flags described by what stops working, not by the symptom's name.

Patients rarely write "facial weakness": they write that coffee dribbles from one corner of
the mouth, that food collects in a cheek, that the eye stays open in the shower, that the
shoe falls off. Each class below is written in English and Spanish (regional words, slang,
Spanglish, caregivers writing about someone else) and comes with its contrasts: the same
words negated, asked about in general, used as a figure of speech, or about someone else.

None of these lines is in any data file under tests/data/triage/."""

from __future__ import annotations

import pytest

from coach.core.triage import understand
from coach.core.types import RedFlag

W, SP, SW, BR, SH = (RedFlag.WEAKNESS, RedFlag.SPEECH, RedFlag.SWALLOWING, RedFlag.BREATHING,
                     RedFlag.SELF_HARM)
VI, PA, PR = RedFlag.VISION, RedFlag.SEVERE_PAIN, RedFlag.PROLONGED

AFFIRMED: dict[str, tuple[RedFlag, list[str]]] = {
    "drink escapes from one side of the mouth": (W, [
        "tea dribbles out the corner of my mouth", "when i sip water it runs out the side",
        "every time i drink something it leaks out the left side",
        "my drink keeps dribbling down my chin on one side",
        "water trickles out of the right side of my mouth when i drink",
        "toothpaste water runs out of my mouth when i rinse",
        "lowkey my drink just spills out one side ngl",
        "se me escurre el café por un lado de la boca",
        "al beber se me sale el agua por la comisura",
        "se me chorrea la sopa por el lado izquierdo",
        "cuando tomo agua se me derrama por un lado",
        "al enjuagarme se me sale el agua de la boca",
    ]),
    "food pockets in the cheek": (W, [
        "food collects in my left cheek when i eat",
        "bits of food keep getting trapped in my cheek",
        "i keep finding food pocketed in my right cheek",
        "have to dig food out of my cheek with my finger after meals",
        "food sits between my gum and cheek on the left",
        "se me junta la comida en el cachete",
        "me queda comida en la mejilla izquierda y la saco con el dedo",
        "se me acumula la comida en un lado de la boca",
        "la comida se me queda en el moflete derecho",
    ]),
    "cheeks, lips and whistling": (W, [
        "cant puff out my cheeks anymore", "air leaks out when i puff my cheeks",
        "i cant whistle since yesterday", "i cant blow out a candle properly",
        "no puedo inflar los cachetes", "se me sale el aire al inflar los cachetes",
        "no puedo chiflar desde ayer", "no puedo arrugar la frente",
    ]),
    "an eye that will not shut": (W, [
        "my eye wont shut in the shower", "shampoo keeps getting in my eye because it wont close",
        "the eye stays open when i blink", "cant close my right eye all the way",
        "i have to tape my eye shut at night", "my left eye doesnt blink",
        "el ojo no me cierra", "se me queda abierto el ojo al parpadear",
        "me entra jabón en el ojo porque no cierra", "el ojo derecho no parpadea",
    ]),
    "biting the cheek on one side": (W, [
        "i keep biting the inside of my cheek on the left",
        "keep biting my cheek when i chew on the right side",
        "me muerdo el cachete de un lado al masticar",
        "me muerdo la mejilla seguido del lado izquierdo",
    ]),
    "a smile that looks wrong": (W, [
        "my smile looks off", "my smile looks weird in photos since monday",
        "when i smile only one side goes up", "smile went all wonky",
        "al sonreír solo se me sube un lado", "la sonrisa me sale chueca",
        "tengo la sonrisa torcida",
    ]),
    "one side of the face feels off": (W, [
        "my face feels weird on the right", "the left side of my face feels off",
        "half my face feels funny", "my lip feels strange on one side",
        "siento raro un lado de la cara", "siento la cara rara del lado derecho",
        "tengo la mitad de la cara rara", "la mejilla izquierda la siento extraña",
    ]),
    "numb or asleep, word order turned round": (W, [
        "i have a dead arm since this morning", "got a numb lip on the left",
        "tengo dormida la mano derecha", "tengo entumida media cara",
        "siento dormido el labio", "se me entume el brazo izquierdo",
        "se me engarrota la mano", "se le duerme la cara a cada rato",
    ]),
    "dropping things from one hand": (W, [
        "keep dropping things with my left hand", "things keep slipping out of my right hand",
        "my cup fell out of my hand twice today, never happens",
        "cant hold my fork properly since lunch",
        "se me caen las cosas de la mano izquierda", "se me resbala la taza de la mano",
        "no puedo agarrar bien el vaso",
    ]),
    "a foot that drags": (W, [
        "my shoe keeps falling off my left foot", "im dragging my right foot",
        "my foot keeps catching on the floor", "my slipper falls off and i dont notice",
        "se me sale la chancla del pie izquierdo", "arrastro el pie derecho",
        "mi papá arrastra la pierna",
    ]),
    "handwriting": (W, [
        "my handwriting suddenly looks like a kids", "my handwriting is a mess today",
        "cant hold a pen properly", "i cant sign my name right",
        "mi letra está fea de repente", "no puedo agarrar el lápiz",
        "no puedo escribir bien con la mano derecha",
    ]),
    "a limb that gives way": (W, [
        "my leg buckled under me", "my knees just buckled",
        "my legs went out from under me", "my arm just dropped to my side",
        "se me dobló la pierna", "me falló la pierna izquierda", "se me venció la rodilla",
    ]),
    "words in the wrong order or the wrong word": (SP, [
        "my words come out in the wrong order", "i keep saying fork when i mean spoon",
        "i say one word and another comes out", "he sounds like hes been drinking but he hasnt",
        "i sound like i have marbles in my mouth",
        "digo una cosa y me sale otra", "me equivoco de palabras todo el rato",
        "quiero decir algo y me salen otras palabras", "suena como borracho y no ha tomado",
        "se me trababan las palabras", "siento la lengua gorda",
    ]),
    "swallowing by function": (SW, [
        "coughing with every meal", "i cough during every meal now",
        "cant swallow my own spit", "i cant get my saliva down",
        "i have to swallow three times for each bite",
        "water comes back out my nose when i drink",
        "se me va la comida al pulmón", "se me sale el agua por la nariz al tomar",
        "tengo que tragar dos veces cada bocado", "no puedo pasar ni la saliva",
    ]),
    "breathing by function": (BR, [
        "i have to sleep sitting up to breathe", "i need three pillows to breathe at night",
        "i cant lie flat without getting breathless", "out of breath just talking",
        "i have to stop for air in the middle of a sentence",
        "feels like breathing through a straw", "my fingernails look blue",
        "the baby turned blue",
        "tengo que dormir sentado para poder respirar",
        "necesito tres almohadas para respirar", "me agito con solo hablar",
        "se le pusieron morados los labios", "me falta el resuello",
        "estoy ahogada desde anoche", "se me ponen azules las uñas",
    ]),
    "self-harm by what it does": (SH, [
        "sometimes i wish i wouldnt wake up", "i hope i dont wake up tomorrow",
        "id be fine if i didnt wake up", "i've been giving my stuff away",
        "gave away all my things this week", "wrote goodbye letters to my kids",
        "i said goodbye to everyone today", "this is goodbye",
        "im just a burden to everyone", "i wont be around much longer",
        "ngl i wanna be gone fr", "lowkey just wanna not exist",
        "ojalá no amanecer mañana", "quisiera no despertar", "estoy regalando mis cosas",
        "ya me despedí de todos", "les escribí una carta de despedida",
        "soy una carga para todos", "me quiero ir de este mundo",
        "ya no van a tener que preocuparse por mí",
    ]),
    "vision by function": (VI, [
        "everything's hazy out of my right eye", "its all blurry in one eye",
        "things look double out of my left eye",
        "my daughter says the whiteboard looks doubled", "he keeps covering one eye to read",
        "she says she sees two teachers", "zigzag lines in my vision",
        "shimmering zigzags on the left", "half of my vision is gone",
        "i can only see half of things", "cant see anything on my left side",
        "cant make out faces today",
        "todo se ve difuso del ojo izquierdo", "la vista se me va",
        "el niño se tapa un ojo para ver la tele", "dice que las letras están bailando",
        "me falta la mitad de la vista", "perdí la mitad de la visión",
        "veo rayitas en zigzag",
    ]),
    "pain by intensity": (PA, [
        "pain is like an 8", "my headache is a solid 9 rn", "hurts like a bitch ngl",
        "tengo una candela de dolor en la cara", "un dolor berraco en la mandíbula",
        "me duele cabrón la cabeza", "un dolor de la hostia en el ojo",
        "el dolor está tenaz", "dolor de 9",
    ]),
    "prolonged by continuity": (PR, [
        "hace tres días que no me para", "el ojo no me para ni un segundo desde el lunes",
        "it hasnt stopped for a single second in 3 days",
        "llevo dos días con el ojo cerrado", "my eye has been shut since yesterday",
        "el ojo me late hace una semana",
        "my eye has been flickering for 5 days straight",
    ]),
}

SOMEONE_ELSE: dict[str, tuple[RedFlag, list[str]]] = {
    "caregivers": (W, [
        "my mom's soup keeps leaking out the corner of her mouth",
        "a mi papá se le sale la bebida por la esquina de la boca",
        "my husband keeps dropping things with his right hand",
        "se le acumula la comida en el cachete a mi abuela",
    ]),
    "a child's eyes": (VI, [
        "my son says the words on the board look doubled",
        "mi hija dice que ve doble el pizarrón",
    ]),
}

NOT_FLAGGED: dict[str, tuple[RedFlag, list[str]]] = {
    "weakness negated, asked, figurative or benign": (W, [
        "no drooling, no drink spilling out of my mouth",
        "nothing dribbles from my mouth, just the usual twitch",
        "does drink spilling out of the mouth mean bells palsy?",
        "the coffee spilled out of the side of the cup",
        "i bit my cheek yesterday eating a sandwich",
        "my face feels weird when the eyelid twitches",
        "i dropped my phone in the toilet lol",
        "no se me cae la boca ni nada", "no se me escurre nada",
        "¿es normal que se escurra el agua por la comisura con la parálisis?",
        "se me cae la baba por ti jaja",
        "food got stuck in my teeth", "se me quedó comida entre los dientes",
        "tuve parálisis facial hace 8 años y se me quitó",
    ]),
    "swallowing is not the cheek": (SW, [
        "food keeps getting stuck in my cheek", "se me queda la comida en el cachete",
        "totally choked in my final exam lol", "me atraganté de la risa viéndote",
    ]),
    "breathing figures of speech": (BR, [
        "cant breathe through my nose, stuffy from a cold",
        "no puedo respirar por la nariz, estoy resfriado",
        "estoy ahogada de trabajo", "out of breath after the stairs",
    ]),
    "self-harm contrasts": (SH, [
        "said goodbye to my sister at the airport", "giving away old clothes to charity",
        "the baby didnt wake up once last night", "i didnt wake up until 10 today",
        "me muero de sueño", "me despedí de mi hermana en el aeropuerto",
    ]),
    "vision contrasts": (VI, [
        "no double vision, nothing fuzzy out of either eye",
        "can eye strain cause things to look doubled?", "the carpet looks fuzzy",
        "this pattern has zigzag stitches",
    ]),
    "prolonged contrasts": (PR, [
        "hace tres días que no llueve", "no para de llover hace tres días",
    ]),
}

EVERYDAY: list[str] = [
    "killing myself at the gym lately lol, twitch 2", "this week went by in a blur",
    "my legs are dead after leg day", "my dog keeps drooling on the couch",
    "the coffee cup leaks out the side, need a new one", "me falta el aire de tanto correr",
    "i was blue all day honestly", "dragging my feet about going to the gym",
    "i can't whistle, never could", "my handwriting was always bad",
    "no me para de hablar mi hija jaja", "se me cae la cara de vergüenza jaja",
    "can't lie flat on my stomach, it hurts my back", "the photo looks blurry",
    "no puedo agarrar el teléfono ahora, luego te escribo",
    "no puedo hablar ahora, estoy en misa", "cant talk now im at work",
    "i cant see my doctor until next week", "no veo la hora de que se quite el tic",
    "tired of waking up at 5 for work", "i dont want to wake up early tomorrow",
    "i hope i dont wake up late tomorrow", "said goodbye to everyone at the party and left",
]


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_look_alikes_raise_nothing(text: str) -> None:
    assert understand(text).red_flags == ()


def test_busy_is_not_unable_when_the_body_is_named() -> None:
    assert SP in understand("cant talk properly right now, words come out wrong").red_flags
    assert VI in understand("i cant see right now, everything went dark").red_flags


HISTORY: list[str] = [
    "my late aunt couldnt swallow after her stroke",
    "before she passed my grandma's face drooped",
    "mi difunto abuelo no podía hablar después del derrame",
    "tuve la cara caída hace 10 años, ya me recuperé",
    "hace un mes vi borroso un rato, ya nada",
    "had blurry vision a month ago from the eye drops, fine now",
]


def _cases(groups: dict[str, tuple[RedFlag, list[str]]]) -> list[tuple[RedFlag, str]]:
    return [(flag, text) for flag, texts in groups.values() for text in texts]


@pytest.mark.parametrize(("flag", "text"), _cases(AFFIRMED))
def test_function_raises_the_flag(flag: RedFlag, text: str) -> None:
    assert flag in understand(text).red_flags


@pytest.mark.parametrize(("flag", "text"), _cases(SOMEONE_ELSE))
def test_someone_elses_function_raises_the_flag_about_them(flag: RedFlag, text: str) -> None:
    reading = understand(text)
    assert flag in reading.red_flags
    assert reading.about_other


@pytest.mark.parametrize(("flag", "text"), _cases(NOT_FLAGGED))
def test_contrast_does_not_raise_the_flag(flag: RedFlag, text: str) -> None:
    assert flag not in understand(text).red_flags


@pytest.mark.parametrize("text", HISTORY)
def test_a_dead_relatives_or_long_past_episode_is_history(text: str) -> None:
    assert understand(text).red_flags == ()


def test_food_in_the_cheek_is_weakness_not_swallowing() -> None:
    for text in ("food keeps collecting in my left cheek", "se me queda comida en el cachete"):
        assert understand(text).red_flags == (W,)


def test_general_question_with_a_meta_clause_reports_nothing() -> None:
    for text in (
        "is choking a side effect of botox? asking before my appointment",
        "¿es normal ver borroso con el bótox? pregunto antes de mi cita",
    ):
        assert understand(text).red_flags == ()


def test_general_question_with_a_personal_report_still_counts() -> None:
    reading = understand("is choking a side effect of botox? i choked twice today")
    assert SW in reading.red_flags


FORMAL_AND_REGIONAL: dict[str, tuple[RedFlag, list[str]]] = {
    "formal and clinical weakness": (W, [
        "reduced sensation in my left hand", "no feeling in the right side of my face",
        "loss of movement on one side of the face", "facial asymmetry noted this morning",
        "ptosis of the left eyelid since yesterday", "pérdida de fuerza en el brazo derecho",
        "asimetría facial desde anoche", "disminución de la sensibilidad en la mano",
    ]),
    "regional and Caribbean weakness": (W, [
        "tengo el labio acorchado", "se me ha dormido medio cuerpo",
        "tengo la boca jalá pa un lao", "tengo el cachete pesao",
        "se le quedó la jeta chueca", "se me ha quedado la cara torcida",
    ]),
    "formal speech": (SP, [
        "difficulty with speech since lunch", "word finding difficulty today",
        "dysarthria since this morning", "problemas con el habla desde ayer",
    ]),
    "formal and code-switched swallowing": (SW, [
        "difficulty with swallowing", "no soy capaz de tragar", "i cant tragar nada",
        "dificultad para la deglución",
    ]),
    "formal and code-switched breathing": (BR, [
        "dyspnea at rest", "stridor when breathing in", "no puedo breathe bien",
        "no soy capaz de respirar", "me aogo", "dificultad respiratoria",
    ]),
    "indirect self-harm": (SH, [
        "i have put my affairs in order", "i pray the lord takes me soon",
        "le pido a dios que me lleve", "ojalá diosito me recoja",
        "nobody would miss me", "no one would notice if i was gone",
        "a nadie le importaría si me muero", "looked up how many pills it would take",
        "my kids would be better off without me", "quisiera que todo terminara",
        "sewerslide thoughts again", "i want to self delete",
    ]),
    "formal and regional vision": (VI, [
        "experiencing diplopia", "visual disturbance in the right eye",
        "changes in my vision since this morning", "my sight has deteriorated rapidly",
        "veo chiribitas", "no veo un carajo del ojo izquierdo", "dubble vision",
        "la vista vorrosa", "alteración de la visión",
    ]),
    "formal and slang prolonged": (PR, [
        "persistent twitching", "el tic es incesante", "my eye has been acting up for 4 days",
        "me titila el ojo hace 3 días", "continuous spasm of the left eyelid",
    ]),
}

FORMAL_LOOK_ALIKES: dict[str, tuple[RedFlag, list[str]]] = {
    "no loss of feeling": (W, [
        "no pain in my hand, no loss of feeling", "sin pérdida de fuerza en el brazo",
    ]),
    "nobody minding something else": (SH, [
        "no one would care about this twitch", "nobody would notice the twitch, its tiny",
        "asking god to take me to my appointment safely",
    ]),
    "persistent things that are not spasms": (PR, [
        "persistent cough this week", "tengo un tatuaje permanente",
    ]),
    "a blocked nose, a song": (BR, ["i cant breathe through my nose"]),
}


@pytest.mark.parametrize(("flag", "text"), _cases(FORMAL_AND_REGIONAL))
def test_formal_regional_and_code_switched_words_raise_the_flag(flag: RedFlag, text: str) -> None:
    assert flag in understand(text).red_flags


@pytest.mark.parametrize(("flag", "text"), _cases(FORMAL_LOOK_ALIKES))
def test_formal_look_alikes_do_not(flag: RedFlag, text: str) -> None:
    assert flag not in understand(text).red_flags


# A second wave, written after the first was covered: other words for the same functions.
SECOND_WAVE: list[tuple[str, str]] = [
    ('weakness', "my mouth won't hold water when i rinse"),
    ('weakness', 'water squirts out the side when i brush my teeth'),
    ('weakness', 'milk dribbles from the left side of her lips'),
    ('weakness', 'i drool out of one side now'),
    ('weakness', 'soup runs down my chin'),
    ('weakness', "can't keep my drink in my mouth"),
    ('weakness', 'food falls out of the left side of my mouth when i chew'),
    ('weakness', 'i chew only on one side because food gets stuck on the other'),
    ('weakness', 'my cheek fills with food on the right'),
    ('weakness', "my eye doesn't close all the way when i sleep"),
    ('weakness', 'my husband says i sleep with one eye open now'),
    ('weakness', "my eye waters and won't blink properly"),
    ('weakness', "can't wink with my left eye anymore"),
    ('weakness', "i can't raise my right eyebrow like before"),
    ('weakness', 'one eyebrow is lower than the other since this morning'),
    ('weakness', "my forehead doesn't wrinkle on the left"),
    ('weakness', 'my smile is lopsided in pictures today'),
    ('weakness', 'half my smile is missing'),
    ('weakness', "one side of my mouth doesn't move when i talk"),
    ('weakness', 'my face feels tight and heavy on the left'),
    ('weakness', 'my left side feels off'),
    ('weakness', 'my face feels kinda weird on one side lowkey'),
    ('weakness', 'my arm feels funny and weak'),
    ('weakness', "my hand won't do what i tell it"),
    ('weakness', 'i keep missing the cup when i reach for it'),
    ('weakness', "i can't button my shirt with my right hand"),
    ('weakness', 'my fingers feel clumsy and numb'),
    ('weakness', 'my leg gave out on the stairs'),
    ('weakness', 'i fell because my leg just stopped working'),
    ('weakness', "i'm tripping over my right foot all day"),
    ('weakness', 'my grip is weak on the right'),
    ('weakness', "can't squeeze my hand properly"),
    ('weakness', "my mom's face looks different on the left since lunch"),
    ('weakness', "dad's mouth is pulled to one side"),
    ('weakness', 'se me escapa el agua de la boca cuando bebo'),
    ('weakness', 'se me cae la comida de la boca'),
    ('weakness', 'mastico solo de un lado porque se me queda la comida'),
    ('weakness', 'no puedo cerrar bien el ojo derecho'),
    ('weakness', 'duermo con el ojo abierto'),
    ('weakness', 'no puedo levantar la ceja'),
    ('weakness', 'la frente no se me arruga de un lado'),
    ('weakness', 'se me ve la boca chueca en las fotos'),
    ('weakness', 'siento la cara tiesa de un lado'),
    ('weakness', 'el brazo no me responde'),
    ('weakness', 'la mano no me obedece'),
    ('weakness', 'se me caen las cosas'),
    ('weakness', 'no puedo abotonarme la camisa'),
    ('weakness', 'se me doblan las rodillas'),
    ('weakness', 'mi mamá tiene la cara caída de un lado'),
    ('weakness', 'a mi esposo se le ve la boca torcida'),
    ('weakness', 'me tropiezo con el pie derecho'),
    ('weakness', 'tengo el brazo sin fuerza'),
    ('weakness', 'siento el cachete como de hule'),
    ('weakness', 'se me paralizó la mitad de la cara'),
    ('speech', "words just won't come out right"),
    ('speech', 'i keep mixing up my words'),
    ('speech', 'my speech sounds slow and weird'),
    ('speech', 'i sound like i had a stroke'),
    ('speech', 'my husband is talking gibberish'),
    ('speech', "she can't get her words out"),
    ('speech', 'i forget words mid sentence and say the wrong one'),
    ('speech', "my tongue isn't working right"),
    ('speech', "i'm slurring like im drunk"),
    ('speech', 'my voice sounds muffled and odd'),
    ('speech', 'hablo como si tuviera la boca dormida'),
    ('speech', 'me enredo al hablar'),
    ('speech', 'no me salen las palabras bien'),
    ('speech', 'se me olvidan las palabras a media frase'),
    ('speech', 'mi papá habla raro desde esta mañana'),
    ('speech', 'se me traba la lengua todo el tiempo'),
    ('swallowing', 'everything i eat makes me cough'),
    ('swallowing', 'water goes down the wrong way every time'),
    ('swallowing', 'i choke on my own saliva'),
    ('swallowing', 'it feels like food is stuck in my throat'),
    ('swallowing', "i can't get pills down anymore"),
    ('swallowing', 'drinks come out my nose'),
    ('swallowing', 'i keep clearing my throat when i eat and coughing'),
    ('swallowing', 'me ahogo cuando como'),
    ('swallowing', 'se me atora todo en la garganta'),
    ('swallowing', 'me cuesta pasar la comida'),
    ('swallowing', 'toso cada vez que tomo agua'),
    ('swallowing', 'no me pasa la pastilla'),
    ('breathing', "can't breathe lying down"),
    ('breathing', 'i get winded walking to the bathroom'),
    ('breathing', "i can't catch my breath"),
    ('breathing', "i feel like i can't get enough air"),
    ('breathing', 'my chest feels tight and i cant breathe deep'),
    ('breathing', 'my lips look kinda blue'),
    ('breathing', 'breathing feels like a chore'),
    ('breathing', 'no aguanto acostado porque me falta el aire'),
    ('breathing', 'me falta el aire hasta hablando'),
    ('breathing', 'siento que no me entra aire'),
    ('breathing', 'respiro rápido y no me alcanza el aire'),
    ('breathing', 'tengo que dormir con muchas almohadas para poder respirar'),
    ('self_harm', "i don't want to be here anymore"),
    ('self_harm', 'i just want it all to stop'),
    ('self_harm', "i've been thinking about not being here"),
    ('self_harm', "i don't see a way out"),
    ('self_harm', 'thinking it would be easier if i was gone'),
    ('self_harm', 'i have pills saved up just in case'),
    ('self_harm', 'everyone would be happier if i disappeared'),
    ('self_harm', 'i want to go to sleep forever'),
    ('self_harm', 'ya no quiero vivir así'),
    ('self_harm', 'estoy pensando en quitarme la vida'),
    ('self_harm', 'a veces pienso que sería mejor no estar'),
    ('self_harm', 'me quiero dormir y no despertar'),
    ('self_harm', 'quiero que todo se acabe'),
    ('self_harm', 'mi familia estaría mejor sin mí'),
    ('self_harm', 'he estado pensando en hacerme daño'),
    ('vision', 'my vision went black for a second'),
    ('vision', 'i see two of everything'),
    ('vision', 'the words on the page are swimming'),
    ('vision', 'everything looks smeared'),
    ('vision', "there's a dark spot in my vision"),
    ('vision', 'i see flashing lights in the corner of my eye'),
    ('vision', 'my eye is all cloudy'),
    ('vision', "i can't focus on anything"),
    ('vision', 'lines look wavy'),
    ('vision', 'part of my vision is missing'),
    ('vision', 'my sight is fuzzy today'),
    ('vision', 'veo borroso'),
    ('vision', 'veo todo doble'),
    ('vision', 'se me nubla la vista'),
    ('vision', 'veo lucecitas'),
    ('vision', 'veo como con una mancha negra'),
    ('vision', 'no distingo las caras'),
    ('vision', 'la vista se me pone borrosa'),
    ('vision', 'veo las cosas torcidas'),
    ('severe_pain', 'my face is killing me'),
    ('severe_pain', 'this is the worst headache of my life'),
    ('severe_pain', 'pain is a 9'),
    ('severe_pain', "i'm in agony"),
    ('severe_pain', 'excruciating pain in my jaw'),
    ('severe_pain', 'el dolor es insoportable'),
    ('severe_pain', 'me duele horrible'),
    ('severe_pain', 'un dolor de cabeza terrible'),
    ('severe_pain', 'dolor de 10'),
    ('prolonged', 'my eye has been twitching nonstop for 4 days'),
    ('prolonged', "it hasn't stopped since monday"),
    ('prolonged', 'my eye has been shut for two days'),
    ('prolonged', 'constant spasms all week'),
    ('prolonged', 'lleva una semana sin parar'),
    ('prolonged', 'no se me quita el tic desde hace 5 días'),
    ('prolonged', 'el párpado no se me abre desde ayer'),
    ('prolonged', 'tengo el ojo cerrado por el espasmo desde hace dos días'),
]

# Diary replies and figures of speech that share words with the functions above.
DIARY_LOOK_ALIKES: list[str] = [
    'twitch was a 4 today, long day at work',
    'eyelid jumping a bit after coffee, 3',
    'killing myself at the gym lately lol, twitch 2',
    'this week went by in a blur',
    'my legs are dead after leg day',
    'dead tired today, 5',
    'the movie was so good i cried, twitch 3',
    'i dropped my phone in the sink again lol',
    'my grandma had a stroke last year',
    'my dog keeps drooling on the couch',
    'i spilled coffee on my shirt this morning',
    'the coffee cup leaks out the side, need a new one',
    'my kid spilled juice all over the table',
    'food was great, ate too much',
    'got food stuck in my teeth at lunch',
    'me muero de sueño, el tic en 3',
    'estoy muerta de cansancio',
    'se me cae el pelo con el estrés',
    'me quedé sin palabras con la noticia',
    'me falta el aire de tanto correr',
    'me mata el tráfico',
    'hoy un 2, nada grave',
    'no tengo la cara caída ni nada',
    'i feel blue today, twitch 4',
    'i was blue all day honestly',
    'my face feels tired',
    'i smiled a lot today',
    'my smile is back to normal',
    'no drooping no numbness, just the twitch',
    'twitch stopped for a bit then came back, 3',
    'eyes tired from screens',
    'my eyes are a little dry',
    'i had a headache yesterday, fine now',
    'feeling hopeful today',
    'said goodbye to my kids at school drop off',
    'gave my old clothes to charity',
    'no one would care about my twitch lol',
    "i'm ready to go to my appointment",
    'god willing the twitch gets better',
    'pray for me lol',
    'my shoe fell off on the bus lol',
    'left my shoe at the gym',
    'dragging my feet about going to the gym',
    'i keep biting my nails',
    'bit my lip eating a sandwich',
    "i can't whistle never could",
    'my handwriting was always bad',
    "i'm a burden of proof lawyer lol",
    'the board meeting was long, twitch 6',
    'the whiteboard markers are dry',
    "my daughter's teacher says she's doing great",
    'my son covered one eye for the eye test at school',
    'i closed one eye to aim at darts',
    'it hurts a little, maybe a 3',
    'the pain is a 2 today',
    'hace tres días que no llueve',
    'el tic no me deja en paz pero poco',
    'no me para de hablar mi hija jaja',
    'my eye has been fine for days',
    'the weather has been persistent rain',
    'i have been persistent with the exercises',
    'se me durmió la pierna de estar sentada',
    'se me cae la cara de vergüenza jaja',
    'se me cae la baba con mi nieto',
    'estoy ahogada en trabajo',
    'no puedo respirar por la nariz, tengo gripa',
    'cant breathe through my nose, allergies',
    'my nose is blocked',
    'tengo que tragar la pastilla con agua',
    'i need to swallow my pride',
    'trouble swallowing my pride on this one',
    'the sky turned purple at sunset',
    'his face went red with anger',
    'she went purple with rage lol',
    'sleeping with 2 pillows as usual',
    'i sat up in bed to read, twitch 4',
    'i stopped to catch my breath on the hike',
    'we sat up all night talking',
    "i can't lie, the twitch is better",
    "can't lie flat on my stomach it hurts my back",
    'i say the wrong things sometimes lol',
    'i said goodbye to everyone at the party and left',
    'my words, not hers',
    'zigzag pattern on my new sweater',
    'the photo looks blurry',
    "everything's fine today",
    'everythings ok, a 2',
    'things look better today',
    'things are looking up',
    'my mom passed away last year, twitch is bad today 6',
    'i recovered fully from bells palsy years ago',
    'asking before my appointment next week, is it normal to twitch more with coffee?',
    'no puedo escribir mucho ahora, estoy en el trabajo',
    'no puedo agarrar el teléfono ahora, luego te escribo',
    'no puedo hablar ahora, estoy en misa',
    'cant talk now im at work',
    'cant see the point of this exercise',
    'i cant see my doctor until next week',
    'no veo a mi doctora hasta el lunes',
    'no veo la hora de que se quite el tic',
    'veo la tele y me brinca el ojo, un 4',
    'se me fue el tic, 0',
    'el tic se me fue la mano con el café jaja',
    'se me fue la mano con la sal',
    'se me van las horas en el celular',
    'the kids drained me, im exhausted',
    'i am so tired of this twitch',
    'tired of waking up at 5 for work',
    'i dont want to wake up early tomorrow',
    'i hope i dont wake up late tomorrow',
    'i hope the baby doesnt wake up',
    'stuck in traffic for 2 hours',
    'stuck at home all day',
    'me quedé atorada en el tráfico',
    'the lines at the store were crazy',
    'ojo derecho 3, izquierdo 1',
]


@pytest.mark.parametrize(("code", "text"), SECOND_WAVE)
def test_second_wave_raises_the_flag(code: str, text: str) -> None:
    assert RedFlag(code) in understand(text).red_flags


@pytest.mark.parametrize("text", DIARY_LOOK_ALIKES)
def test_diary_look_alikes_raise_nothing(text: str) -> None:
    assert understand(text).red_flags == ()


@pytest.mark.parametrize(
    "text",
    [
        "nothing dribbles out the side of my mouth", "no food collecting in my cheek",
        "i dont have to sleep sitting up to breathe", "i havent been giving my stuff away",
        "no se me queda comida en el cachete", "no se me escurre el agua por la comisura",
        "no tengo dormida la mano", "mi letra no está fea", "no difficulty with speech",
        "no visual disturbance", "no facial asymmetry", "sin disnea",
        "my smile doesnt look off anymore", "he doesnt sound drunk", "my son doesnt see double",
        "¿es normal que se me junte la comida en el cachete?",
        "is drink dribbling out of the mouth a sign of stroke?",
        "what if my shoe keeps falling off",
    ],
)
def test_negated_and_asked_functions_raise_nothing(text: str) -> None:
    assert understand(text).red_flags == ()


# A third wave: misspellings, autocorrect, phonetic Spanish, slang, caregivers.
THIRD_WAVE: list[tuple[str, str]] = [
    ('weakness', 'my face is droppy on the left'),
    ('weakness', 'face droping since this morning'),
    ('weakness', 'my mouth is drooling out the side'),
    ('weakness', 'my lip is saggin'),
    ('weakness', 'my arm feels week'),
    ('weakness', 'cant lift my arm up properly'),
    ('weakness', 'my face is numbb'),
    ('weakness', 'left side of my face went slack'),
    ('weakness', 'ngl my face looks kinda melted on one side rn'),
    ('weakness', 'bro my arm just went dead for like 5 min fr'),
    ('weakness', 'my grandpa cant hold his cup anymore and his face looks droopy'),
    ('weakness', "my 6 year old's smile is crooked since this morning"),
    ('weakness', "my wife's mouth is hanging on the right"),
    ('weakness', 'mi abuelita no puede levantar el brazo'),
    ('weakness', 'a mi hijo se le ve la cara chueca'),
    ('weakness', 'mi esposa tiene la boca de lado'),
    ('weakness', 'tengo la kara caida'),
    ('weakness', 'se me kayo la boca'),
    ('weakness', 'tengo la voca chueca'),
    ('weakness', 'siento el vrazo dormido'),
    ('weakness', 'la mitad de mi cara no se mueve'),
    ('speech', 'my speach is slurred'),
    ('speech', 'im slurrin my words'),
    ('speech', 'my words are coming out wierd'),
    ('speech', 'cant talk rite'),
    ('speech', 'my dad is talking funny and not making sense'),
    ('speech', 'my son cant get his words out this morning'),
    ('speech', 'ablo raro'),
    ('speech', 'mi mamá no puede ablar bien'),
    ('speech', 'se le traba la lengua a mi papá'),
    ('swallowing', 'cant swallo'),
    ('swallowing', 'choaking on water'),
    ('swallowing', 'hard to swollow my food'),
    ('swallowing', 'my mom keeps choking when she eats'),
    ('swallowing', 'no puedo trajar'),
    ('swallowing', 'me cuesta tragr'),
    ('breathing', 'cant breath'),
    ('breathing', 'short of breth'),
    ('breathing', 'lowkey cant breathe rn'),
    ('breathing', 'my son is wheezing and struggling to breathe'),
    ('breathing', 'no puedo respirrar'),
    ('breathing', 'me falta l aire'),
    ('self_harm', 'i wanna die ngl'),
    ('self_harm', 'kinda want to die fr'),
    ('self_harm', 'suicidle thoughts'),
    ('self_harm', 'i want to kil myself'),
    ('self_harm', 'my son said he wants to die'),
    ('self_harm', 'my wife keeps saying she wants to end it all'),
    ('self_harm', 'quiero morirme la neta'),
    ('self_harm', 'mi hija dice que se quiere matar'),
    ('self_harm', 'ya no kiero vivir'),
    ('vision', 'blurr vision'),
    ('vision', 'bluury vision'),
    ('vision', 'my vison is blurry'),
    ('vision', 'seeing dubble'),
    ('vision', 'my daughter keeps saying things look blurry'),
    ('vision', 'veo vorroso'),
    ('vision', 'beo doble'),
    ('vision', 'la bista borrosa'),
    ('severe_pain', 'worst pain ever fr'),
    ('severe_pain', 'pain is insane rn'),
    ('severe_pain', 'excrutiating pain'),
    ('severe_pain', 'unbearble pain'),
    ('severe_pain', 'dolor insoportabe'),
    ('severe_pain', 'me duele muchisimo la cara'),
    ('prolonged', 'twitching non stop for 3 days'),
    ('prolonged', 'my eye has been twitchin for days'),
    ('prolonged', 'el ojo me tiembla sin parar desde el lunes'),
    ('prolonged', 'lleva 4 dias brincando sin parar'),
]


@pytest.mark.parametrize(("code", "text"), THIRD_WAVE)
def test_third_wave_raises_the_flag(code: str, text: str) -> None:
    assert RedFlag(code) in understand(text).red_flags


@pytest.mark.parametrize(
    "text",
    ["see you next week", "my face feels better this week", "he wants to die his hair blue",
     "my son wanted to die laughing at the movie", "i want to dye my hair red"],
)
def test_homophones_and_typos_in_everyday_sentences_raise_nothing(text: str) -> None:
    assert understand(text).red_flags == ()
