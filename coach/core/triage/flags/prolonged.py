"""Prolonged spasm: an eye that will not open (closure), a spasm that never stops
(continuity), and what counts as the spasm itself, in English and Spanish.

The reader combines these with the time words in vocab/time.py: closure or continuity is a
flag at once (unless continuity is tied to a situation, "when I read"), a spasm with a
multi-day duration in its clause is one unless it is intermittent.
"""

from __future__ import annotations

from coach.core.triage.lexicon import gap

# --- English --------------------------------------------------------------------------------
CONTINUOUS_EN = (
    r"\b(?:constant\w*|nonstop|non stop|continuous\w*|continual\w*|all the time|24 / 7|"
    r"never (?:stops?|stopped|ends|quits|lets up)|wont (?:stop|go away|quit|let up)|"
    r"doesnt (?:stop|go away|quit|let up)|didnt stop|hasnt (?:stopped|let up|gone away)|"
    # "it hasn't let go since Tuesday", "won't ease off"
    r"(?:hasnt|havent|wont|doesnt|didnt|never) (?:let go|eased off|eased up|loosened|relaxed|"
    r"released|given up|given me a break)|"
    r"no (?:letup|let up)|without (?:a |any )?(?:letup|let up)|"
    r"havent stopped|keeps going|without (?:stopping|a break|any break|pause)|"
    r"day and night|all day and (?:all )?night|round the clock|around the clock|"
    r"every (?:second|minute) of the day|not stopping|never ending|endless\w*|"
    r"unrelenting|nonstopping|all day every day|every single (?:second|minute)|"
    # "every waking minute", "every waking hour of the day": awake means all of it (not
    # "every waking minute i think about the trip", a person's doing)
    r"every waking (?:second|minute|moment|hour)s?(?! (?:i|we|he|she|they|my|of my)\b))"
)
CLOSURE_EN = (
    r"\b(?:eyes?|eyelids?|lids?) " + gap(3) + r"(?:wont|cant|doesnt|wouldnt|isnt|didnt) "
    r"(?:stay )?(?:open|opening)\b",
    r"\b(?:eyes?|eyelids?|lids?) " + gap(2) + r"(?:stays?|stuck|clamped|forced|squeezed|"
    r"locked|glued|keeps|keep|is|was|staying|getting) " + gap(1) + r"(?:shut|closed)\b",
    r"\b(?:cant|cannot|couldnt|unable to) " + gap(1)
    + r"open (?:my |the )?(?:eyes?|eyelids?|lids?)",
    r"\b(?:eyes?|eyelids?) " + gap(2) + r"(?:clamp\w*|squeez\w*|lock\w*) shut",
)
SPASM_EN = (
    r"\b(?:twitch\w*|spasm\w*|tics?|flutter\w*|jump\w*|myokymia|blephar\w*|pulling|pulls)\b"
)

# --- Spanish --------------------------------------------------------------------------------
CONTINUOUS_ES = (
    r"\b(?:sin parar|no para|no ha parado|no ha dejado de|no han dejado de|no dejan de|"
    r"no se detiene|no se quita|no se me quita|"
    r"no deja de|no me deja de|constante\w*|continu[oa]s?\b(?! con\b)|continuamente|todo el tiempo|"
    r"dia y noche|sin descanso|sin detenerse|no se va|no para nunca|nunca para|no cesa|"
    # "no se ha ido desde el martes", "no se me ha quitado en toda la semana"
    r"no se (?:me |le )?(?:ha|han) (?:ido|quitado|calmado|parado)|"
    # "cada minuto que estoy despierta", "cada hora despierto"
    r"cada (?:segundo|minuto|momento|hora) (?:que (?:estoy|paso|estuve) )?despiert[oa])"
)
CLOSURE_ES = (
    r"\b" + r"(?:no (?:puedo|podia|pude|puede) abrir|no se (?:me |le )?abre) " + gap(1)
    + r"(?:el |los |mi |mis )?(?:ojos?|parpados?)",
    r"\b(?:ojos?|parpados?) " + gap(2) + r"(?:se (?:me |le )?(?:queda|quedan) cerrad|"
    r"no se (?:me |le )?abren?|cerrad[oa]s? (?:todo|sin))",
    r"\b(?:ojos?|parpados?) " + gap(6) + r"no se (?:me |le )?(?:abren?|quiere abrir|puede abrir)",
    # "el ojo se me cierra y no puedo abrirlo", "el parpado se cierra y no lo puedo abrir"
    r"\b(?:ojos?|parpados?) " + gap(6) + r"no (?:(?:lo|la|los|las) )?(?:puedo|podia|pude|puede|"
    r"logro|consigo) (?:abrir|abrirlo|abrirla|abrirlos|abrirlas)\b",
    r"\b(?:ojos?|parpados?) " + gap(2) + r"cerrad[oa]s? (?:por|con) (?:el |los |un )?"
    r"(?:espasmo|espasmos|tic|tics|temblor)",
)
SPASM_ES = (
    r"\b(?:espasmo\w*|tic|tics|temblor\w*|brinc\w*|salta|saltando|parpadeo|tiembla|tirones?)\b"
)

# --- Either language: persistent twitching, closure with a duration, twitch slang ----------
_PERSISTENT = (
    r"(?:persistent\w*|incessant\w*|unremitting|ceaseless\w*|sin cesar|incesante\w*|"
    r"persistente\w*|permanente\w*|continu[oa]s?)\b"
)
_TWITCH = (
    r"(?:twitch\w*|spasm\w*|tics?|flutter\w*|blink\w*|espasmo\w*|temblor\w*|parpadeo\w*|"
    r"brinc\w*|myokymia|mioquimia)\b"
)
CONTINUOUS_BOTH = (
    r"\bno (?:me|le|se me|se le|te) (?:para|paro|ha parado|paraba|detiene|calma|quita|da "
    r"tregua|da descanso|deja descansar)\b"
    r"|\b(?:ni|sin) (?:un|una|por un) (?:solo |sola )?(?:segundo|minuto|momento|rato|instante|"
    r"pausa|tregua)\b"
    r"|\b(?:not|never|hasnt|hadnt|havent|didnt|wont|doesnt|without) (?:stopped |stopping |stop |"
    r"quit |let up |rested |paused |calmed (?:down )?)?(?:for |even for )?(?:a|one|a single|1) "
    r"(?:single )?(?:second|minute|moment|min|sec|instant)\b"
    r"|\b" + _PERSISTENT + r" " + gap(2) + _TWITCH
    + r"|\b" + _TWITCH + r" " + gap(3) + _PERSISTENT
)
CLOSURE_BOTH = (
    r"\b(?:llevo|lleva|tengo|tiene|traigo|trae) " + gap(3) + r"(?:con )?(?:el|los|mi|su|mis|sus) "
    r"(?:ojo|ojos|parpado|parpados) cerrad",
    r"\b(?:ojo|ojos|parpado|parpados) cerrad[oa]s? (?:desde|hace|por|durante|todo|toda|varios|"
    r"dos|tres|\d)",
    r"\b(?:eyes?|eyelids?|lids?) " + gap(2) + r"(?:has been|have been|been) (?:stuck |clamped |"
    r"squeezed |glued )?(?:shut|closed) (?:since|for|all)",
)
SPASM_BOTH = (
    # told only as something that goes on ("on and on since the 10th", "sigue y sigue desde
    # el lunes"): with a multi-day start in the clause, what goes on is the spasm
    r"\b(?:on and on|going and going|goes and goes|sigue y sigue|dale que dale|erre que erre)\b|"
    r"\b(?:flicker\w*|quiver\w*|vibrat\w*|pulsing|ticcing|palpit\w*|parpade\w*|"
    r"temblequ\w*|pestane\w*|vibra|vibrando|bailando|baila|bailan|brinc\w*|salta|saltan|"
    r"saltaba|tiembl\w*|"
    r"(?:me|le|te) (?:late|laten|latia|latio|lateaba)|titila\w*|titilando)\b"
    r"|\b(?:eye|eyelid|lid|eyes|ojo|parpado)s? " + gap(3) + r"(?:acting up|wildin\w*|going "
    r"crazy|going nuts|freaking out|doing its thing|doing the thing|misbehaving|loco|de loco)"
    # told by a machine that shakes: "el ojo en modo licuadora", "lid going like a blender"
    r"|\b(?:eye|eyelid|lid|eyes|ojo|parpado)s? " + gap(4) + r"(?:en modo |como (?:una |un )?|like "
    r"(?:a )?|going like (?:a )?)(?:licuadora|batidora|vibrador|vibracion|lavadora|taladro|"
    r"blender|vibrator|washing machine|jackhammer|paint mixer|phone on vibrate|celular en "
    r"vibrador)\b"
)
