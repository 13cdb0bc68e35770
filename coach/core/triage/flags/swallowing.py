"""Swallowing: food or pills that stick, coughing or choking on drinks, a swallow that
will not go down.

Patterns run on one clause of canonical tokens (normalize.py); see lexicon.py for gap().
"""

from __future__ import annotations

from coach.core.triage.lexicon import any_of, gap
from coach.core.triage.vocab.negation import (
    CANT_EN,
    CUESTA_ES,
    FORMAL_TROUBLE,
    NO_PUEDO_ES,
    answered_badly,
)

_SWALLOW = r"sw[aou]l{1,2}(?:o|ow|ou|a|aw)\w{0,6}"  # "swolloing", "swalowing", "swollow"
_DRINK = any_of(
    "drink\\w*", "drank", "sips?", "sipping", "water", "tea", "coffee", "juice", "liquids?",
    "eat\\w*", "ate", "food", "meals?", "bites?", "mouthfuls?", "swallow\\w*", "soup", "milk",
    "pills?", "tablets?", "meds",
)
_COMIDA = any_of(
    "la comida", "comida", "el agua", "agua", "las? pastillas?", "pastillas?", "el bocado",
    "bocados?", "la saliva", "saliva", "la bebida", "bebidas?", "los liquidos", "liquidos",
    "el pan", "la carne", "las medicinas", "medicinas", "el cafe", "la sopa", "nada", "la leche",
    "las pildoras", "pildoras", "los alimentos", "alimentos", "tabletas?", "capsulas?",
    "todo", "algo",
)
_BEBER = any_of(
    "bebo", "beber", "bebiendo", "bebi", "tomo (?:agua|algo|liquidos|cafe|te|sopa)",
    "tomar (?:agua|algo|liquidos|cafe|te|sopa)", "tomando (?:agua|algo|liquidos)", "como",
    "comer", "comiendo", "trago", "tragar", "tragando", "trague",
)

# English.
EN: tuple[str, ...] = (
    r"\b" + CANT_EN + " " + gap(3) + r"swallow\w*",
    # swallowing that does not happen, told by a carer: "holding food in her cheek and not
    # swallowing it", "he won't swallow his food", "keeps pocketing food in his cheeks"
    r"\b(?:not|isnt|wont|wouldnt|wasnt|stopped|refuses to|refusing to) swallow(?:ing)? "
    r"(?:it|them|her food|his food|their food|my food|food|anything|her pills|his pills|the "
    r"food|her meals|his meals|liquids|drinks|water)\b",
    r"\b(?:holding|holds|held|pocketing|pockets|pocketed|keeping|keeps|storing) (?:the |her |his |"
    r"my |their )?(?:food|bites?|mouthfuls?|pills?) (?:in|inside) (?:her|his|my|their|the) "
    r"(?:cheeks?|mouth)\b",
    r"\bswallow\w* " + gap(2) + any_of(
        "hard", "difficult", "weird", "off", "impossible", "a struggle", "a problem",
        "is an issue", "problems?", "issues?", "trouble", "not working",
    ),
    r"\bchok(?:e|es|ed|ing)\b(?! up)",
    r"\b(?:goes|go|going|went) down the wrong (?:way|pipe|hole)",
    r"\bfood " + gap(2) + r"(?:gets|getting|got|is|keeps) " + gap(1) + "stuck",
    r"\b(?:water|liquids?|drinks?|food) " + gap(3) + r"(?:comes?|coming|came) "
    + gap(1) + r"out " + gap(2) + r"nose",
    r"\b" + CANT_EN + " " + gap(1) + r"get " + gap(1)
    + r"(?:food|water|anything|pills?|drinks?|it) down",
    r"\bdysphagia\b",
    r"\b" + CANT_EN + " " + gap(3) + _SWALLOW,
    r"\b" + _SWALLOW + " " + gap(2) + any_of(
        "hard", "difficult", "impossible", "a struggle", "a problem", "problems?",
        "issues?", "trouble", "not working"),
    r"\b(?:pills?|tablets?|food|meds?|it|bites?|meat|bread|rice|water|capsules?|vitamins?|"
    r"things|stuff|everything) " + gap(3) + r"(?:gets? |getting |got |is |are |keeps? |"
    r"feels? |feel |seems? |stays? |staying |sits? |sitting )?(?:like (?:its |they are |"
    r"theyre )?)?(?:stuck|caught|lodged|sticking|hung up)\b(?! (?:in traffic|at work|"
    r"at home|in the office|indoors|inside))",
    r"\b(?:stuck|caught|lodged) (?:in|halfway down) (?:my |the )?(?:throat|gullet|chest)",
    r"\b(?:cant|cannot|couldnt|unable to|trouble|struggl\w*|hard to|hard time) "
    + gap(1) + r"(?:get|getting|keep|force|forcing|push) (?:my |the |his |her |these |those )?"
    r"(?:them|it|food|pills?|anything|water|drinks?|tablets?|meds|medicine|things|stuff) down",
    r"\b(?:wont|doesnt|dont|cant) go down\b",
    r"\b" + _DRINK + " " + gap(5) + r"(?:makes? me |making me |and i |i )?"
    + any_of("cough\\w*", "splutter\\w*", "sputter\\w*", "gag\\w*", "choke\\w*",
             "chok\\w*"),
    r"\b(?:cough\w*|splutter\w*|sputter\w*|gag\w*|chok\w*) " + gap(4)
    + r"(?:when|whenever|while|after|on|every time|each time|if) " + gap(3) + _DRINK,
    r"\bsplutter\w*|\bsputter\w*",
    r"\bsomething (?:stuck|caught) in (?:my |the )?throat",
    r"\bdown the wrong (?:way|pipe|hole|tube)",
    r"\b(?:swallowing|swallow) " + gap(2) + any_of("hurts?", "painful", "weird", "funny",
                                                    "strange", "wrong", "slow"),
    r"\b(?:cough|chok|gag|splutter|sputter)\w* " + gap(4) + r"(?:with|during|at|over|through|"
    r"after|on) (?:every |each |all |my |the |a |most )?(?:meal|meals|bite|bites|sip|sips|drink|"
    r"drinks|mouthful|mouthfuls|swallow|dinner|lunch|breakfast|food|supper)\b",
    r"\b(?:cant|cannot|couldnt|unable to|trouble|struggl\w*|hard to|hard time) " + gap(1)
    + r"(?:get|getting|keep|force|forcing|push) (?:my |his |her )?(?:own )?(?:spit|saliva) "
    r"down",
)
# Spanish.
ES: tuple[str, ...] = (
    # "atorarse" (Mexico, Central America): choking on food or drink; not "me atore en el
    # trafico" (stuck somewhere)
    r"\bme (?:atoro|atore|atoraba|estoy atorando|atoro toda|sigo atorando)\b(?! en\b)",
    r"\bse me (?:atora|atoro|atoran|atoraba) (?:la comida|el agua|la pastilla|todo|lo que|"
    r"la saliva|el bocado|la tortilla|el pan|la carne)",
    r"\b" + NO_PUEDO_ES + " " + gap(1) + r"(?:tragar|pasar (?:la comida|el agua|saliva))",
    r"\b" + CUESTA_ES + " " + gap(1) + r"(?:tragar|deglutir)",
    # the clinical word: "no puedo deglutir bien", "problemas con la deglucion"
    r"\b" + NO_PUEDO_ES + " " + gap(1) + r"deglutir",
    r"\b(?:problemas?|dificultad|dificultades) (?:con|en|de) (?:la )?deglucion\b",
    r"\batragant\w*",
    r"\bahog\w* con\b",
    r"\bse (?:me|le) (?:van|va|fue|fueron) por (?:otro lado|el otro lado|mal camino)",
    r"\btragar " + gap(2) + any_of("dificil", "imposible", "cuesta", "problema"),
    r"\bno me pasa " + any_of("la comida", "el agua", "nada"),
    r"\bse me (?:atora|atasca|queda) " + any_of("la comida", "el agua", "la pastilla"),
    r"\b(?:" + NO_PUEDO_ES + r"|" + CUESTA_ES + r"|no (?:me |le )?(?:baja|bajan|pasa|pasan|"
    r"entra|entran|quiere bajar)) " + gap(1) + r"(?:pasar|pasarme|bajar|tragar|tragarme)? ?"
    + _COMIDA + r"\b(?! (?:de|por) (?:la )?(?:boca|nariz))",
    r"\b(?:me cuesta|le cuesta|cuesta|dificultad para|no puedo|no puede) "
    r"(?:pasar|tragar|bajar|pasarme|tragarme)\b",
    r"\bse (?:me|le|te) (?:va|van|fue|fueron|iba|iban|pasa|pasan|mete|metio) " + gap(3)
    + r"por (?:otro lado|el otro lado|mal camino|mal sitio|mal lado|otro camino|el camino "
    r"viejo|otro tubo|el otro tubo|donde no es|otro conducto|el lado equivocado|la via "
    r"equivocada|el tubo equivocado)",
    r"\b(?:atorad[oa]s?|atascad[oa]s?|atora|atoran|atasca|atascan|pegad[oa]s?|trabad[oa]s?|"
    r"se quedan?|quedan?) " + gap(3) + r"(?:en )?(?:la |mi )?garganta",
    # what one eats stuck in the neck or chest ("se me queda trabado aca en el cuello"; not a
    # stiff neck, "tengo el cuello trabado")
    r"\b(?:se (?:me|le|te) )?(?:queda|quedan|quedo|quedaba) (?:trabad[oa]s?|atorad[oa]s?|"
    r"atascad[oa]s?|pegad[oa]s?) (?:\S+ ){0,2}en (?:el |la |mi |su )?(?:cuello|garganta|pecho|"
    r"esofago)\b",
    r"\b" + _COMIDA + " " + gap(3) + r"(?:se (?:me|le) )?(?:quedan? |queda |quedo )?"
    r"(?:atorad[oa]s?|atascad[oa]s?|atora|atoran|atasca|atascan|atoro|atasco)\b",
    r"\b" + _COMIDA + " " + gap(1) + r"no (?:me |le )?(?:baja|bajan|pasa|pasan|entra|"
    r"entran|quiere bajar|quieren bajar)\b",
    r"\bse (?:me|le|te) (?:atora|atoran|atasca|atascan|atoro|atasco|queda|quedan|traba|"
    r"traban|pega|pegan) " + gap(1) + _COMIDA,
    r"\b(?:toso|tose|tosiendo|tosi|toser|tos|atraganto|atraganta|ahogo|ahoga|me ahogo|"
    r"carraspeo) " + gap(5) + r"(?:al |cuando |cada vez que |si |mientras |despues de )"
    + gap(1) + _BEBER,
    r"\b(?:al|cuando|cada vez que|si) " + gap(1) + _BEBER + " " + gap(4)
    + r"(?:toso|tose|me da tos|me atraganto|se atraganta|me ahogo|se ahoga|me dan ganas "
    r"de toser)",
    r"\bme da tos (?:al|cuando|cada vez que) " + gap(1) + _BEBER,
    r"\bse me (?:atora|atoran|atasca|queda) (?:algo|todo|la comida|el bocado) en "
    r"(?:la )?garganta",
    r"\b(?:algo|una bola|un nudo) (?:atorado |atascado |pegado )?en la garganta "
    r"(?:que no (?:baja|pasa)|cuando trago|al tragar)",
    r"\btrag(?:ar|o|a) " + gap(2) + any_of("duele", "cuesta", "dificil", "doloroso",
                                          "raro", "imposible", "mal"),
    r"\bse (?:me|le|te) (?:va|van|fue|fueron|iba|iban|pasa|pasan|mete|metio) " + gap(3)
    + r"(?:al|a los|a el|para el|pal|pa el) (?:pulmon|pulmones)\b",
    r"\bse (?:me|le|te) (?:sale|salen|salio|salieron|regresa|regresan|devuelve|devuelven|"
    r"vuelve|sube) (?:el agua|la comida|la bebida|el liquido|la leche|el jugo|la sopa|el cafe|"
    r"lo que (?:como|tomo|bebo)|todo)? ?(?:por|de) la nariz",
    r"\b(?:cough|chok|gag|splutter|sputter|ahog|atragant|tos)\w* (?:\S+ ){0,3}(?:with|during|"
    r"at|con|en|al|a la hora de) (?:every|each|all|most|cada|toda|todas|las|la) (?:\S+ )?"
    r"(?:meals?|bites?|sips?|drinks?|comidas?|bocados?|tragos?|sorbos?|mouthfuls?)\b",
    r"\b(?:se (?:me|le) )?(?:atora|atoran|atoro|atasca|atascan|queda|quedan|queda atorad[oa]) "
    r"(?:la |el |las |los )?(?:comida|pastilla|pastillas|bocado|pan|carne|agua) " + gap(2)
    + r"(?:en (?:la|mi|su) garganta|en el pecho|a medio camino)",
)
# Either language: clinical words, Spanglish, checklist answers.
BOTH: tuple[str, ...] = (
    r"\b(?:swallow\w*|tragar|trago|traga|trag\w*) " + gap(3) + r"(?:twice|two times|three "
    r"times|several times|multiple times|a few times|2 times|3 times|over and over|dos veces|"
    r"tres veces|varias veces|muchas veces)\b",
    r"\b" + FORMAL_TROUBLE + r" (?:with|in|of|con|en|para|al) (?:my |his |her |the |la |"
    r"mi |su )?(?:swallowing|swallow|deglucion|tragar|deglutir)\b",
    r"\b(?:disfagia|odynophagia|odinofagia)\b",
    r"\b(?:cant|cannot|couldnt|unable to|no puedo|no puede|no pude|no soy capaz de|no es "
    r"capaz de) (?:\S+ )?(?:tragar|swallow\w*|pasar bocado)",
    answered_badly('swallowing', 'my swallowing', 'swallow', 'tragar', 'la deglucion'),
)
PATTERNS: tuple[str, ...] = EN + ES + BOTH
