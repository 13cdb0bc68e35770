"""Classes a probe pass found missing, in English and Spanish.

A hand that will not grip or grasp, tingling or ants running down a whole side or limb,
no strength in a limb ("no tengo fuerza en la mano"), things dropped again and again; a wish
to disappear with a filler word in between ("wish I could just disappear"); a pain or
headache unlike any before ("like I've never had", "como nunca antes"). Each entry is a
class, never one sentence. Accents are folded; every repetition is bounded.
"""

from __future__ import annotations

from coach.core.triage.lexicon import any_of, gap
from coach.core.types import RedFlag

_LIMB_EN = any_of(
    "arms?", "legs?", "hands?", "fingers?", "foot", "feet", "side", "body", "face",
    "half", "cheek", "lip", "tongue",
)
_LIMB_ES = any_of(
    "brazos?", "piernas?", "manos?", "dedos?", "pies?", "lado", "cuerpo", "cara", "mitad",
    "mejilla", "cachete", "labios?", "lengua", "hemicara",
)
_OWNER_EN = r"(?:my |his |her |their |the )"
_OWNER_ES = r"(?:el |la |los |las |mi |mis |su |sus )"
_SIDE_EN = r"(?:whole |entire |left |right |one |other ){0,2}"
_SIDE_ES = r"(?:tod[oa] |medi[oa] )?"

WEAKNESS = (
    # "my hand wont grip the cup", "her fingers cant grab anything"
    r"\b(?:hand|hands|fingers|grip) (?:\S+ )?(?:wont|cant|doesnt|cannot|will not|does not|"
    r"isnt able to|is not able to) (?:\S+ )?(?:grip|grab|grasp|hold|squeeze|close|make a fist|"
    r"pinch)\b",
    # "tingling down my whole right side", "numbness all along her left arm"
    r"\b(?:tingling|tingly|tingles|pins and needles|numbness|prickling|buzzing) (?:all )?"
    r"(?:down|along|through|up|across|over|throughout) " + _OWNER_EN + _SIDE_EN + _LIMB_EN
    + r"\b",
    # "hormigueo en todo el brazo", "siento hormigas en la mitad de la cara"
    r"\b(?:hormigueo|hormigas|hormigeo|cosquilleo|adormecimiento|entumecimiento) (?:por |en |"
    r"a lo largo de )" + _SIDE_ES + _OWNER_ES + r"?" + _LIMB_ES + r"\b",
    # "no tengo fuerza en la mano", "se quedo sin fuerza en el brazo"
    r"\b(?:no tengo|no tiene|no tenia|perdi|perdio|me quede sin|se quedo sin|sin) (?:\S+ )?"
    r"(?:fuerza|fuerzas) (?:en|de) " + _SIDE_ES + _OWNER_ES + r"?" + _LIMB_ES + r"\b",
    # "i keep dropping my coffee mug", "she keeps dropping things"
    r"\b(?:keep|keeps|kept|always|constantly) dropping (?:things|stuff|everything|"
    r"(?:my|his|her|the) " + gap(1) + any_of(
        "cup", "mug", "coffee", "tea", "glass", "fork", "spoon", "pen", "keys", "phone",
        "toothbrush", "plate", "bottle", "brush", "cigarette",
    ) + r")\b",
)

SELF_HARM = (
    # "wish i could just disappear forever", "i really want to just vanish"
    r"\b(?:want|wanna|wish|wishing) (?:to|i could|id|i would) (?:just |simply |really |only )"
    r"(?:disappear|vanish|stop existing|not exist|not be here|be gone)\b"
    r"(?! (?:into|to|for|from|on|under|with|in) )",
)

SEVERE_PAIN = (
    # "headache like i've never had", "pain like i never felt", "un dolor como nunca antes"
    r"\b(?:pain|headache|migraine|ache|hurts?|hurting) (?:\S+ )?like (?:ive|i have|i|id) never "
    r"(?:ever )?(?:had|felt|known|experienced)\b",
    r"\b(?:dolor|jaqueca|migrana|me duele|duele) " + gap(3) + r"como nunca\b",
)

PATTERNS: dict[RedFlag, tuple[str, ...]] = {
    RedFlag.WEAKNESS: WEAKNESS,
    RedFlag.SELF_HARM: SELF_HARM,
    RedFlag.SEVERE_PAIN: SEVERE_PAIN,
}
