"""Body parts as patients name them, for the flag lexicons.

Each list is the exact set one group of patterns was written and tested with. They overlap
(`BODY_EN` and `BODY_SIDE_EN` differ by a few words) and are kept apart on purpose: merging
two lists changes what their patterns match, so do it only with a before/after snapshot.
"""

from __future__ import annotations

from coach.core.triage.lexicon import any_of

# --- English --------------------------------------------------------------------------------
BODY_EN = any_of(
    "face", "facial", "mouth", "lips?", "cheeks?", "eyebrows?", "brows?", "forehead",
    "eyelids?", "eyes?", "smile", "jaw", "side", "half", "arms?", "legs?", "hands?",
    "fingers?", "foot", "feet", "limbs?", "tongue", "left", "right", "body",
)

BODY_SIDE_EN = any_of(
    "face", "facial", "mouth", "lips?", "cheeks?", "eyebrows?", "brows?", "forehead",
    "eyelids?", "lids?", "smile", "jaw", "side", "half", "arms?", "legs?", "hands?",
    "fingers?", "foot", "feet", "limbs?", "body", "chin",
)

LIMB_EN = any_of("arms?", "legs?", "hands?", "fingers?", "foot", "feet", "limbs?", "side")

FACE_EN = any_of(
    "face", "mouth", "lips?", "smile", "cheeks?", "jaw", "chin", "eyebrows?", "brow",
    "forehead", "eyelids?", "lids?", "tongue",
)

LIMB_BODY_EN = any_of("arms?", "legs?", "hands?", "fingers?", "foot", "feet", "side", "body")

LIMB_FACE_EN = any_of(
    "arms?", "legs?", "hands?", "fingers?", "foot", "feet", "side", "body", "face",
    "half", "cheek", "lip", "tongue",
)

WHICH_SIDE_EN = r"(?:left |right |bad |weak |one |other )?"

WHOLE_SIDE_EN = r"(?:whole |entire |left |right |one |other ){0,2}"

OWNER = r"(?:my |his |her |the |their |mi |su |sus |mis |el |la |los |las )?"

OWNER_EN = r"(?:my |his |her |their |the )"

# --- Spanish (accents folded) ----------------------------------------------------------
OWNER_ES = r"(?:el |la |los |las |mi |mis |su |sus )"

BODY_ES = any_of(
    "cara", "boca", "labios?", "mejillas?", "cejas?", "frente", "parpados?", "ojos?",
    "sonrisa", "brazos?", "piernas?", "manos?", "dedos?", "lado", "lengua", "rostro",
)

BODY_WIDE_ES = any_of(
    "cara", "boca", "labios?", "mejillas?", "cejas?", "frente", "parpados?", "sonrisa",
    "brazos?", "piernas?", "manos?", "dedos?", "pies?", "lado", "mitad", "rostro", "menton",
    "comisura", "cachete", "cachetes", "extremidad\\w*", "cuerpo", "medio cuerpo",
)

FACE_LIMB_ES = any_of(
    "cara", "boca", "labios?", "sonrisa", "mejillas?", "cachetes?", "cejas?", "frente",
    "parpados?", "rostro", "comisura", "jeta", "trompa", "lengua", "brazos?", "piernas?",
    "manos?", "dedos?", "pies?", "lado", "mitad", "ojo",
)

LIMB_FACE_ES = any_of(
    "brazos?", "piernas?", "manos?", "dedos?", "pies?", "lado", "cuerpo", "cara", "mitad",
    "mejilla", "cachete", "labios?", "lengua", "hemicara",
)

BODY_SIDE_ES = any_of(
    "cara", "boca", "labios?", "mejillas?", "cachetes?", "cejas?", "frente", "parpados?",
    "sonrisa", "brazos?", "piernas?", "manos?", "dedos?", "pies?", "lado", "mitad", "rostro",
    "menton", "comisura", "moflete", "carrillo", "medio cuerpo", "lengua",
)

BODY_CLINICAL_ES = any_of(
    "lengua", "cara", "boca", "labios?", "mejillas?", "cachetes?", "hemicara", "hemicuerpo",
    "hemifacies", "hemilengua", "mitad", "lado", "menton", "encias?", "brazos?", "piernas?",
    "manos?", "dedos?", "pies?", "parpados?", "cejas?", "frente", "rostro", "comisura",
    "paladar", "moflete", "carrillo", "medio cuerpo", "media cara", "pomulo",
)

WHOLE_SIDE_ES = r"(?:tod[oa] |medi[oa] )?"
