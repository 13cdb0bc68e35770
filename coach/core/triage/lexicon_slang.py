"""Slang, clinical and regional wording a third blind set (exam3) showed missing.

Self-harm said as internet slang or hyperbole about oneself ("kms fr", "unalive myself",
"would make you want to throw yourself off a bridge", "me tiro de un puente", "si no se quita
me mato"): the product treats any talk of killing oneself as self-harm, joke or not, but never
talk of killing others or "this is killing me" about pain or work. Numbness and weakness in
clinical and regional Spanish ("hipoestesia en la hemicara", "no siento la mitad de la cara",
"hormigueo en la lengua", "se me escapa el agua por la comisura"). Someone else's breathing
("se desmayó y no respiraba bien", "passed out and wasn't breathing right", "turned blue").
Each entry is a class (verb forms, word orders, both languages). Accents are folded; every
repetition is bounded.
"""

from __future__ import annotations

from coach.core.triage.lexicon import any_of, gap
from coach.core.types import RedFlag

_REFLEXIVE = r"(?:my ?self|your ?self|one ?self|him ?self|her ?self|our ?selves|me)"
_KILL_VERBS = any_of(
    "kill", "off", "unalive", "hang", "shoot", "drown", "throw", "fling", "hurl", "chuck",
    "yeet", "launch", "toss", "end", "delete", "poison", "hurt", "harm", "cut", "stab",
)
_DROP = any_of(
    "bridge", "train", "bus", "truck", "lorry", "cliff", "building", "roof", "rooftop", "window",
    "traffic", "balcony", "car", "tracks", "river", "lake", "sea", "ocean", "subway", "metro",
    "overpass", "freeway", "highway", "motorway", "sun", "volcano", "void", "ledge", "tower",
    "parking garage", "skyscraper", "canyon", "dam",
)
_ES_DROP = any_of(
    "puente", "balcon", "edificio", "techo", "azotea", "ventana", "vias", "via del tren", "tren",
    "metro", "camion", "carro", "coche", "auto", "precipicio", "barranco", "rio", "mar",
    "acantilado", "risco", "barranca", "penasco", "segundo piso", "quinto piso",
    "piso", "carretera", "autopista", "trafico", "volcan", "presa",
)

_HIGH = any_of(
    "bridge", "building", "roof", "rooftop", "window", "balcony", "cliff", "overpass",
    "ledge", "tower", "skyscraper", "parking garage", "canyon", "dam", "top floor",
)
_VEHICLE = any_of("train", "bus", "truck", "lorry", "car", "traffic", "subway", "metro", "tram")
# "my boss will just kill me": a threat from someone else, read back from "just"
_NOT_THREAT = (
    r"(?<!will just)(?<!gonna just)(?<!going to just)(?<!would just)(?<!d just)(?<!ll just)"
    r"(?<!to just)"
)

SELF_HARM = (
    # "kms", "kmsl", "kms fr", "ima kms", "killmyself"
    r"\b(?:kms|kmsl|kmsfr|kmss|kym|killmyself|killmyslf|unalivemyself)\b",
    # the generic "you" about oneself: "makes you want to kill yourself", "enough to make you
    # throw yourself off a bridge" (never a bare "kill yourself" said at someone)
    r"\b(?:want|wanna|wanting|wants|wish|make you|makes you|made you|making you|enough to|"
    r"ready to|about to|tempted to|urge to|feel like|felt like) (?:to )?(?:just |go |wanna |want "
    r"to )?" + _KILL_VERBS + r" (?:your ?self|one ?self)\b",
    # throwing oneself off or under something: "throw myself off a bridge", "yeet myself
    # into the sun", "jump off a tall building", "step in front of a bus", "lie on the tracks"
    r"\b(?:throw\w*|threw|fling\w*|flung|hurl\w*|chuck\w*|yeet\w*|launch\w*|toss\w*|drive|"
    r"driving|drove|ram\w*|crash\w*|jump\w*|walk\w*|step\w*) " + _REFLEXIVE + r" (?:off|from|"
    r"in front of|under|into|out of|onto|in to|of) (?:a |the |an |some |my |this |that |"
    r"oncoming )?(?:\S+ )?" + _DROP + r"\b",
    r"\b(?:jump\w*|leap\w*|leapt) (?:right |straight )?(?:off|from|out of|of) (?:a |the |an |"
    r"some |my |this |that )?(?:\S+ )?" + _HIGH + r"\b",
    r"\b(?:jump\w*|step\w*|walk\w*|run|running|ran|throw\w*|lie|lay|lying|laying) (?:out |down "
    r")?(?:in front of|under) (?:a |the |an |some |oncoming )?(?:\S+ )?" + _VEHICLE + r"\b",
    r"\bwalk\w* (?:out )?(?:into|in to) (?:the |oncoming )?traffic\b",
    r"\b(?:lie|lay|lying|laying) (?:down )?(?:on|across) (?:the )?(?:train )?(?:tracks|rails)\b",
    # "someone end me", "just kill me now", "put me out of my misery"
    r"\b(?:someone|somebody|anyone|just|please|pls|plz|god|lord|universe)" + _NOT_THREAT + " "
    r"(?:please |pls |just |plz |already )?(?:end|kill|unalive|shoot|off) me\b(?! (?:with|in|at) "
    r"(?:your|the|this) (?:cuteness|jokes?|kindness|look))",
    r"\bput me out of my misery\b",
    r"\b(?:id|i would|would|i ?d) (?:honestly |just |literally )?rather (?:just )?(?:die|be dead|"
    r"not (?:be alive|exist|live|wake up))\b",
    r"\b(?:dont|do not|didnt|no longer|never) (?:wanna|want to|wish to) (?:live|be alive|be here|"
    r"exist|keep living|wake up)\b(?! (?:in|at|with|near|on|for|there|when))",
    r"\b(?:sewer ?slide|self ?delet\w*|delete myself|un alive (?:my|him|her) ?self|off (?:my|"
    r"him|her) ?self)\b",
    # Spanish: "me tiro de un puente", "me aviento a las vias", "me quiero aventar del quinto
    # piso", "me dan ganas de tirarme al metro"
    r"\bme (?:tiro|aviento|lanzo|arrojo|echo|tirare|aventare|lanzare|voy a tirar|voy a aventar|"
    r"voy a lanzar|quiero tirar|quiero aventar|quiero lanzar|quiero arrojar|quisiera tirar|"
    r"dan ganas de tirar|dan ganas de aventar|tiraria|aventaria) (?:de|del|desde|a|al|bajo|"
    r"debajo de|delante de|por|frente a|enfrente de|contra) (?:un |una |el |la |los |las |este "
    r"|esta |ese |esa )?(?:\S+ )?" + _ES_DROP + r"\b",
    r"\b(?:tirarme|aventarme|lanzarme|arrojarme|echarme) (?:de|del|desde|a|al|bajo|debajo de|"
    r"delante de|por|frente a|enfrente de|contra) (?:un |una |el |la |los |las |este |esta "
    r"|ese |esa )?(?:\S+ )?" + _ES_DROP + r"\b",
    # "si no se quita me mato", "o me mato", "mejor me mato"
    r"\b(?:(?:o|si no|y|mejor|juro que|te juro que|ya|ahorita|hoy|ahora|neta|en serio|creo "
    r"que|capaz que|al rato) |si (?:\S+ ){1,6})me (?:mato|matare|voy a matar|quiero matar)\b"
    r"(?! (?:de "
    r"(?:risa|la risa|hambre|sed|sueno|cansancio|trabajo)|trabajando|estudiando|corriendo|"
    r"entrenando|haciendo|en el (?:gym|gimnasio|trabajo)|a (?:trabajar|estudiar|correr)|con "
    r"(?:el|la|los|las) |el |la |este |esta |ese |esa |los |las |mi |tanto ))",
    r"\b(?:pegarme|darme|me pego|me doy|me voy a pegar|me voy a dar|quiero pegarme|quiero "
    r"darme) un (?:tiro|balazo|plomazo)\b",
    r"\b(?:volarme|me vuelo|me voy a volar) (?:la cabeza|los sesos)\b",
    r"\b(?:ahorcarme|me ahorco|me voy a ahorcar|cortarme las venas|me corto las venas|me voy a "
    r"cortar las venas|abrirme las venas|colgarme (?:de|del|con) (?:una |un |la |el )?(?:viga|"
    r"arbol|techo|soga|cuerda|lazo|mecate))\b",
    r"\b(?:desaparecer(?:me)? (?:para siempre|de este mundo)|dejar de existir)\b",
    r"\b(?:que (?:alguien|alguno|dios) me mate|alguien mateme|matenme)\b",
)

_ES_BODY = any_of(
    "lengua", "cara", "boca", "labios?", "mejillas?", "cachetes?", "hemicara", "hemicuerpo",
    "hemifacies", "hemilengua", "mitad", "lado", "menton", "encias?", "brazos?", "piernas?",
    "manos?", "dedos?", "pies?", "parpados?", "cejas?", "frente", "rostro", "comisura",
    "paladar", "moflete", "carrillo", "medio cuerpo", "media cara", "pomulo",
)
_ES_TINGLE = any_of(
    "hormigue\\w*", "cosquille\\w*", "adormec\\w*", "entumec\\w*", "entumi\\w*",
    "acorchad\\w*", "acartonad\\w*", "insensib\\w*", "hipoestesi\\w*", "hipostesi\\w*",
    "parestesi\\w*", "disestesi\\w*", "anestesiad[oa]s?", "piquetitos", "alfileres",
    "agujitas", "calambrit\\w*", "chispitas", "corrientitas?", "toquecitos", "perdida de "
    "(?:la )?sensibilidad", "falta de sensibilidad", "poca sensibilidad", "menos sensibilidad",
    "sensibilidad disminuida", "sin sensibilidad", "debilidad", "torpeza",
)
_ES_OUT = any_of(
    "escapa", "escapan", "escapo", "escapaba", "sale", "salen", "salio", "salia", "escurre",
    "escurren", "escurrio", "escurria", "chorrea", "chorrean", "chorreo", "derrama", "derraman",
    "derramo", "gotea", "gotean", "riega", "rego", "cae", "caen", "cayo", "caia", "va", "van",
    "iba", "fue",
)
_NOT_FROM = (
    r"(?! (?:de|del|por|tras|despues de) (?:la |el )?(?:estar sentad\w*|tanto (?:caminar|correr|"
    r"estar|escribir)|frio|anestesia|dentista|inyeccion|postura|picante|chile|muela))"
)

WEAKNESS = (
    # clinical words: "hipoestesia", "hypoesthesia", "disestesia"
    r"\b(?:hipoestesi\w*|hipostesi\w*|hypo(?:a)?esthesi\w*|dysa?esthesi\w*|disestesi\w*|"
    r"hemihipoestesi\w*|hemiparestesi\w*|anestesia facial|facial anesthesia)\b",
    # a tingle or numbness word, then where: "hormigueo en la lengua", "adormecida la
    # hemicara", "piquetitos en la mitad de la cara"
    r"\b" + _ES_TINGLE + r" " + gap(3) + r"(?:en|de|del) (?:la |el |las |los |mi |mis |su |sus "
    r"|toda |todo |media |medio |un |una |la mitad de (?:la |el |mi )?|el lado \w+ de (?:la "
    r"|el |mi )?)?(?:izquierd[oa] |derech[oa] )?" + _ES_BODY + r"\b" + _NOT_FROM,
    r"\b(?:hemicara|hemicuerpo|hemilengua|hemifacies|media cara|mitad de la cara|lengua|cara|"
    r"boca|labios?|cachetes?|mejillas?|menton|pomulo|moflete|paladar|encias?) " + gap(3)
    + any_of(_ES_TINGLE, "dormid[oa]s?", "como de (?:carton|palo|plastico|hule|goma|corcho)",
             "como muert[oa]", "como anestesiad[oa]", "como (?:si|cuando) (?:me )?(?:hubieran|"
             "pusieran|pusieron) anestesia") + r"\b" + _NOT_FROM,
    # "no siento la mitad de la cara", "ya no me siento bien el labio", "no le siente la mano"
    r"\bno (?:me |le |te )?(?:siento|siente|sentia|sentian|senti|sintio|sentimos|sentis) "
    r"(?:bien |nada |casi |ya |muy bien |para nada )?(?:(?:el|la|los|las|mi|mis|su|sus|media|"
    r"medio) )?(?:mitad (?:de|del) (?:la |el |mi )?|lado (?:izquierdo |derecho )?de (?:la |el |"
    r"mi )?)?(?:izquierd[oa] |derech[oa] )?" + _ES_BODY + r"\b" + _NOT_FROM,
    # a drink or saliva escaping through the corner or one side of the mouth: "se me escapa
    # un poco de agua por la comisura", "la baba se me cae por un lado"
    r"\b" + _ES_OUT + r" (?:\S+ ){0,5}(?:por|de|del) (?:la |una |el |un |mi |su )?(?:comisura|"
    r"esquina de la boca|"
    r"orilla de la boca|lado de la boca|ladito de la boca|un lado de la boca|costado de la "
    r"boca)\b",
    r"\bse (?:me|le|te) " + _ES_OUT + r" (?:un poco de |poquito de |tantito de |algo de )?"
    r"(?:el |la |los |las )?"
    r"(?:agua|bebida|cafe|sopa|jugo|leche|te|liquido|liquidos|saliva|baba|comida|refresco|"
    r"caldo) (?:\S+ ){0,3}(?:por|de) (?:un|el|un solo|este|ese) (?:\S+ )?(?:lado|costado|"
    r"ladito)\b",
    r"\b(?:baba|saliva) (?:se (?:me|le|te) )?" + _ES_OUT + r" (?:\S+ ){0,3}(?:por|de) "
    r"(?:un|el|la|una|este|ese) (?:\S+ )?(?:lado|"
    r"costado|ladito|comisura|esquina)\b",
    # a face part that feels like the dentist's injection: "half my face feels like novocaine"
    r"\b(?:face|lip|lips|cheek|tongue|mouth|chin|jaw|side) " + gap(2) + r"(?:feels?|felt|feeling|"
    r"is|like) (?:\S+ )?like (?:novocaine|anesthetic|anaesthetic|lidocaine|(?:i|ive) (?:just )?"
    r"(?:had|been to|got back from) (?:the )?dentist|(?:a |the )?dentist (?:shot|injection|"
    r"numbed it)|rubber|cardboard|plastic|it (?:isnt|is not|wasnt) mine|someone elses)",
    # English clinical and plain numbness at one side or in the tongue
    r"\b(?:tingl\w*|pins and needles|numb\w*|prickl\w*) " + gap(3)
    + r"(?:in|on|of|down|along) (?:my |his |her |the |one )?(?:left |right )?(?:tongue|half of "
    r"(?:my |his |her |the )?face|side of (?:my |his |her |the )?(?:face|body|mouth)|face|lips?"
    r"|cheek)\b(?! (?:from|after) (?:the |a )?(?:cold|dentist|spicy|pepper|chili|novocaine))",
)

BREATHING = (
    # someone (or oneself) not breathing, or not breathing right: "wasn't breathing right",
    # "stopped breathing", "isn't breathing"
    r"\b(?:wasnt|isnt|werent|arent|stopped|stops|stop|quit|quits|barely|hardly|not|never "
    r"started) (?:really |even |properly |normally |fully )?breath(?:ing|ed|es|e)\b(?! (?:hard|"
    r"heavy|heavily|as hard|any harder|through|down|a word|in the|on|out|easy|easier|deeply|"
    r"fire|smoke|that|the|near|over|too|loudly|so hard|like (?:a|that)|weird anymore|funny "
    r"anymore))",
    r"\b(?:he|she|they|i|baby|hes|shes|dad|mom|mum|husband|wife|son|daughter|kid|who|grandma|"
    r"grandpa|friend|coworker|and|then|had) (?:\S+ ){0,2}(?:turn\w*|went|go|goes|going|gone) "
    r"(?:all |kind of |kinda |a bit |slightly |completely |really )?(?:blue|bluish|purple|ashen)"
    r"\b(?! (?:from|with|because of) (?:the )?(?:cold|paint|dye|ink|bruis\w*|laugh\w*))",
    # Spanish: "no respiraba bien", "casi no respira", "dejó de respirar", "se puso morado"
    r"\b(?:no|ya no|casi no|apenas|ni) (?:(?:le|se|me|estaba|esta|podia|podria|alcanzaba a|"
    r"lograba|bien|casi) )?(?:respira|respiraba|respiraban|respiro|respiran|respirando|respiraria|"
    r"respirar)\b",
    r"\b(?:dejo|dejaba|deja|ha dejado|habia dejado|paro|paraba|ha parado|dejaron) de respirar\b",
    r"\bse (?:puso|ponia|esta poniendo|estaba poniendo|le puso|volvio|quedo|le pusieron|le "
    r"pusieron los labios|le puso la cara|pone) (?:toda |todo |bien |medio |muy |los labios |"
    r"la cara )?(?:azul\w*|morad[oa]s?|amoratad[oa]s?|moradit[oa]s?|cianotic[oa]s?)\b(?! de "
    r"(?:comer|tanto|risa|coraje|frio|la risa))",
    r"\b(?:cant|couldnt|cannot|unable to|trouble|struggl\w*|hard time|not able to|wasnt able "
    r"to) (?:\S+ )?(?:catch|get|getting|catching) (?:his|her|their) breath\b(?! (?:after|from) "
    r"(?:the |a )?(?:run|running|stairs|workout|gym|laughing|walk))",
)

# A checklist answered badly: "Swallowing? Not good", "Vision - not great", "¿Tragar? Mal",
# "la respiración no muy bien".
_IS = (
    r"(?:is |was |has been |feels |sounds |seems |esta |estuvo |se siente |se oye |anda |me "
    r"sale )?"
)
_NOT_WELL = (
    r"(?:not (?:so |too |very |that |really )?(?:good|great|right|ok|okay|normal|easy|clear|"
    r"well)|no good|bad|terrible|awful|off|a struggle|rough|nada bien|no (?:muy |tan |anda )?"
    r"(?:bien|normal|claro|clara)|mal|fatal|regular|pesim[oa])$"
)


def _checklist(*topics: str) -> str:
    return r"\b" + any_of(*topics) + r" " + _IS + _NOT_WELL


PATTERNS: dict[RedFlag, tuple[str, ...]] = {
    RedFlag.SELF_HARM: SELF_HARM,
    RedFlag.WEAKNESS: WEAKNESS,
    RedFlag.BREATHING: (
        *BREATHING, _checklist("breathing", "my breathing", "respirar", "la respiracion"),
    ),
    RedFlag.SWALLOWING: (
        _checklist("swallowing", "my swallowing", "swallow", "tragar", "la deglucion"),
    ),
    RedFlag.SPEECH: (
        _checklist("speech", "my speech", "speaking", "talking", "el habla", "hablar"),
    ),
    RedFlag.VISION: (
        _checklist("vision", "my vision", "eyesight", "sight", "la vista", "la vision", "vista"),
    ),
}
