"""Spanish red-flag vocabulary (accents are folded away before matching)."""

from __future__ import annotations

from coach.core.triage.lexicon import any_of, gap
from coach.core.types import RedFlag

_NO_PUEDO = r"(?:no (?:puedo|podia|pude|puede|podemos|logro|consigo)|ya no puedo)"
_CUESTA = any_of(
    "me cuesta", "le cuesta", "cuesta", "me cueste", "le cueste", "cueste",
    "dificultad para", "dificultades para",
    "problemas? para", "problemas? al", "trabajo para", "me cuesta mucho", "no logro",
    "batallo para", "trabajo al",
)
_PARTE = any_of(
    "cara", "boca", "labios?", "mejillas?", "cejas?", "frente", "parpados?", "ojos?",
    "sonrisa", "brazos?", "piernas?", "manos?", "dedos?", "lado", "lengua", "rostro",
)
_FUERTE = any_of(
    "insoportable", "terrible", "horrible", "fuertisimo", "muy fuerte", "intenso",
    "intensisimo", "severo", "espantoso", "atroz", "inaguantable", "tremendo", "brutal",
    "horroroso", "de locos", "infernal", "agudo", "fuerte", "fortisim[oa]", "fuertisima",
    "bestial", "tremend[oa]", "espantos[oa]", "horrible", "horrendo", "criminal",
    "salvaje", "inaguantable", "insufrible", "muy intenso", "demasiado fuerte", "durisimo",
    "horribl\\w*", "terribl\\w*", "de muerte", "del demonio", "del diablo", "matador",
)
_DOLOR = any_of("dolor\\w*", "jaqueca", "migrana", "duele")

PATTERNS: dict[RedFlag, tuple[str, ...]] = {
    RedFlag.WEAKNESS: (
        r"\bca(?:e|en|yo|yendo|iga|igan|ia|ida) " + gap(1) + any_of(
            "la cara", "la boca", "el parpado", "un lado", "el labio", "la mitad", "la ceja",
            "el lado",
        ),
        r"\b" + _PARTE + " " + gap(2) + any_of(
            "caid[oa]s?", "cayendo", "torcid[oa]s?", "colgad[oa]s?", "chuec[oa]s?",
            "paralizad[oa]s?", "pesad[oa]s?", "dormid[oa]s?", "de lado", "ladead[oa]s?",
            "debil\\w*", "sin fuerza", "no se mueve", "no (?:la|lo|las|los) puedo mover",
            "desviad[oa]", "floj[oa]", "no (?:me )?responde", "muert[oa]",
        ),
        r"\bdurmi\w* " + gap(4) + any_of("cara", "boca", "brazo", "pierna", "lado", "mano",
                                           "labio", "mejilla", "piernas", "brazos", "manos")
        + r"\b(?! (?:de|por) (?:estar|tanto|dormir|la postura|sentad\w*|cruzad\w*))",
        r"\btorci\w* " + gap(1) + r"(?:la |el |su )?(?:boca|cara|labio|sonrisa)",
        r"\b(?:adormec|entumec|entumid)\w*",
        r"\bparali[sz]\w*",
        r"\bdebilidad\b",
        r"\b(?:me siento|estoy|siento) (?:muy )?debil\b(?! de (?:voluntad|animo|caracter))",
        r"\bsin fuerza (?:en|de)\b",
        r"\b" + _NO_PUEDO + " " + gap(1) + any_of(
            "mover", "sonreir", "cerrar", "levantar", "subir", "sentir", "apretar",
            "soplar", "silbar", "fruncir", "parpadear", "agarrar", "sostener",
        ),
        r"\bno siento " + gap(1) + any_of("la cara", "el brazo", "la pierna", "la boca",
                                          "el labio", "la mano", "la mejilla", "el lado"),
        r"\bbab(?:eo|eando|eas|ea|a)\b",
        r"\b(?:tengo|estoy teniendo|esta teniendo|creo|sera|es un|le esta dando|me esta dando|"
        r"miedo|da) " + gap(3) + r"(?:derrame|infarto cerebral|ataque cerebral|embolia)\b",
        r"\bse me (?:sale|salen|escapa|escurre|cae) " + gap(1)
        + any_of("el agua", "la comida", "la bebida", "el cafe", "la saliva"),
        r"\bparalisis de bell (?:otra vez|de nuevo|volvio|regreso)",
    ),
    RedFlag.SPEECH: (
        r"\bhablo " + gap(1) + any_of("raro", "extrano", "mal", "gracioso", "chistoso",
                                      "como borrach[oa]", "arrastrado", "lento", "trabad[oa]",
                                      "enredad[oa]", "distinto", "diferente"),
        r"\barrastr\w* " + gap(1) + r"(?:las |mis )?palabras",
        r"\bhabla " + gap(1) + any_of("arrastrada", "rara", "extrana", "torpe", "confusa",
                                      "trabada", "lenta", "raro", "mal"),
        r"\b" + _NO_PUEDO + " " + gap(1) + any_of("hablar", "decir", "pronunciar",
                                                  "articular"),
        r"\b" + _CUESTA + " " + gap(1) + any_of("hablar", "pronunciar", "decir", "articular"),
        r"\bno me salen " + gap(1) + r"palabras",
        r"\bpalabras " + gap(2) + any_of("salen mal", "salen raras", "al reves", "enredadas",
                                        "no salen", "no me salen", "salen torcidas"),
        r"\blengua " + gap(1) + any_of("pesada", "trabada", "dormida", "torpe", "hinchada"),
        r"\bse me traba la lengua\b",
        r"\bbalbuce\w*",
        r"\bincoheren\w*",
        r"\bno se (?:me|le) entiende\b",
        r"\bno (?:me|le) sal\w* " + gap(1) + r"palabras",
    ),
    RedFlag.SWALLOWING: (
        r"\b" + _NO_PUEDO + " " + gap(1) + r"(?:tragar|pasar (?:la comida|el agua|saliva))",
        r"\b" + _CUESTA + " " + gap(1) + r"tragar",
        r"\batragant\w*",
        r"\bahog\w* con\b",
        r"\bse (?:me|le) (?:van|va|fue|fueron) por (?:otro lado|el otro lado|mal camino)",
        r"\btragar " + gap(2) + any_of("dificil", "imposible", "cuesta", "problema"),
        r"\bno me pasa " + any_of("la comida", "el agua", "nada"),
        r"\bse me (?:atora|atasca|queda) " + any_of("la comida", "el agua", "la pastilla"),
    ),
    RedFlag.BREATHING: (
        r"\b" + _NO_PUEDO + " " + gap(1) + r"respirar",
        r"\b" + _CUESTA + " " + gap(1) + r"respirar",
        r"\b(?:me |le )?falta " + gap(1) + r"(?:el )?aire",
        r"\bfalta de (?:aire|aliento)",
        r"\bsin (?:aire|aliento)\b",
        r"\bme ahogo\b(?! (?:con|en))",
        r"\bme estoy ahogando\b",
        r"\bse me cierra la garganta",
        r"\bgarganta " + gap(1) + any_of("cerrada", "cerrando", "hinchada", "apretada"),
        r"\bpecho apretado\b",
        r"\bopresion en el pecho",
        r"\brespir\w* " + gap(1) + any_of("mal", "dificil", "con dificultad", "raro", "agitad[oa]"),
        r"\bsofoc\w*",
    ),
    RedFlag.SELF_HARM: (
        r"\bquiero morir\w*",
        r"\bme quiero morir\b(?! de (?:risa|la risa|verguenza|pena))",
        r"\bno quiero (?:vivir|seguir viviendo|seguir|despertar|estar aqui|existir)\b",
        r"\bsuicid\w*",
        r"\bmatarme\b",
        r"\bme (?:quiero|voy a) (?:matar|cortar)\b",
        r"\bse (?:quiere|va a) (?:matar|cortar|morir)\b",
        r"\b(?:cortarme|morirme)\b",
        r"\bganas de morir\w*",
        r"\bpara que seguir (?:viviendo|vivo)",
        r"\bno despertar\w*",
        r"\bpastillas " + gap(1) + r"(?:guardadas|juntadas|escondidas)",
        r"\btomar\w* todas\b",
        r"\bme voy a matar\b",
        r"\bquitarme la vida\b",
        r"\bmejor muert[oa]s?\b",
        r"\bacabar con (?:todo|mi vida|esto de una vez)",
        r"\b(?:hacerme|hacerme mucho) dano\b",
        r"\blastimarme\b",
        r"\bno (?:vale|tiene sentido) (?:la pena )?(?:vivir|seguir)",
        r"\bsin (?:razon|ganas|motivo) (?:para|de) vivir",
        r"\bestarian mejor sin mi\b",
        r"\bdesaparecer para siempre\b",
    ),
    RedFlag.VISION: (
        r"\bve(?:o|s|mos|n)? " + gap(1) + any_of("doble", "borroso", "nublado", "mal",
                                                  "luc\\w*", "destellos", "manchas",
                                                  "todo doble", "dos"),
        r"\b(?:vista|vision) " + gap(1) + any_of("borrosa", "nublada", "doble", "rara",
                                                 "mal", "oscura", "empanada", "turbia"),
        r"\bborros\w*",
        # never "no veo nada raro": nothing strange seen is a good report
        r"\bno veo " + any_of("bien", "de", "por", "con", "casi"),
        r"\bno veo nada(?! (?:rar[oa]s?|extran[oa]s?|diferente|distint[oa]|anormal|nuevo|malo|mal|"
        r"preocupante|especial|fuera de lo (?:normal|comun)|que me preocupe)\b)",
        r"\bperd\w* " + gap(1) + r"(?:la )?(?:vista|vision)",
        r"\bperdida de (?:la )?(?:vista|vision)",
        r"\bdestellos\b",
        r"\bceguera\b",
        r"\b(?:quede|me quede|estoy quedando|quedando) ciego",
    ),
    RedFlag.SEVERE_PAIN: (
        r"\b" + _DOLOR + " " + gap(4) + _FUERTE + r"\b",
        r"\bdolor " + gap(2) + r"(?<![0-9] / )(?<![0-9] de )(?<![0-9] sobre )(?:9|10|nueve|"
        r"diez)\b(?! (?:dias|horas|minutos))",
        r"\bme duele tanto\b",
        r"\b" + _FUERTE + " " + gap(1) + _DOLOR,
        r"\bel peor dolor\b",
        r"\bpeor dolor de cabeza\b",
        r"\bme duele " + gap(2) + any_of("muchisimo", "horrible", "demasiado", "un monton",
                                         "terrible", "insoportable", "horrores"),
        r"\bme (?:mata|esta matando) " + any_of("el dolor", "la cabeza", "la mandibula",
                                                "la cara", "el ojo"),
        r"\bno aguanto (?:el|este) dolor",
        # "el dolor detrás de la oreja es horrible": a long subject, then the copula
        r"\bdolor\w* " + gap(6) + r"(?:es|esta|era|estaba|se pone|se siente) "
        + r"(?:muy |super |re |bien |demasiado )?" + _FUERTE + r"\b",
    ),
}

# Broader phrasings, one class at a time (accents are folded; "k" for "c" is common in SMS).
_PARTE_AMPLIA = any_of(
    "cara", "boca", "labios?", "mejillas?", "cejas?", "frente", "parpados?", "sonrisa",
    "brazos?", "piernas?", "manos?", "dedos?", "pies?", "lado", "mitad", "rostro", "menton",
    "comisura", "cachete", "cachetes", "extremidad\\w*", "cuerpo", "medio cuerpo",
)
_FLOJA = any_of(
    "caid[oa]s?", "kaid[oa]s?", "cayendo", "cayo", "torcid[oa]s?", "chuec[oa]s?",
    "colgad[oa]s?", "colgando", "cuelga", "ladead[oa]s?", "desviad[oa]s?", "pesad[oa]s?",
    "dormid[oa]s?", "muert[oa]s?", "entumid[oa]s?", "entumecid[oa]s?", "adormecid[oa]s?",
    "insensible", "paralizad[oa]s?", "tiesa", "floj[oa]s?", "debil\\w*", "sin fuerza",
    "como de trapo", "de trapo", "como dormid[oa]", "como muert[oa]", "hormigue\\w*",
    "como de (?:hule|goma|plastico|madera|carton|corcho|piedra|palo)",
    "cosquille\\w*", "con hormigueo", "chorread[oa]", "derretid[oa]", "bajad[oa]",
    "mas baj[oa]", "disparej[oa]", "asimetric[oa]", "no (?:me |le )?(?:responde|funciona|"
    "obedece|sube|hace caso|cierra|se mueve|se cierra|se levanta)", "inutil",
    # the same as verbs after the part: "la boca se me tuerce", "el brazo se me durmió"
    "tuerce", "tuercen", "torcio", "torcia", "(?:c|k)ae", "(?:c|k)aen", "(?:c|k)ayo",
    "(?:c|k)aia", "cuelga", "cuelgan", "colgo", "duerme", "duermen", "durmio", "durmieron",
    "entumio", "entumieron", "entumece", "adormece", "adormecio", "ladea", "ladeo",
    "desvia", "desvio", "chorrea", "derrite", "afloja", "aflojo", "chuequea", "va de lado",
    "jala (?:para|pa|hacia) un lado", "se va (?:para|pa|hacia) un lado", "paraliz\\w*",
    "se (?:me|le) bajan?", "se (?:me|le) cayo", "se (?:me|le) fue (?:para|pa|hacia) abajo",
)
_VERBO_CAIDA = any_of(
    "(?:c|k)a(?:e|en|yo|yendo|iga|igan|ia|ido|ida)", "tuerce", "tuercen", "torcio",
    "torciendo", "tuerza", "chueque\\w*", "duerme", "duermen", "durmio", "durmieron",
    "durmiendo", "entumi\\w*", "entumec\\w*", "adormec\\w*", "cuelga", "cuelgan", "colgo",
    "ladea", "ladeo", "desvia", "desvio", "va (?:para|pa) un lado", "baja", "bajo",
    "afloja", "aflojo", "paraliz\\w*", "hormigue\\w*", "cosquille\\w*", "chorrea",
    "derrite", "jala (?:para|pa) un lado", "va de lado",
)
_SE = r"(?:se (?:me|le|te) |me |le )"
_SALE_MAL = any_of(
    "rar[oa]s?", "mal", "extran[oa]s?", "chuec[oa]s?", "torcid[oa]s?", "enredad[oa]s?",
    "trabad[oa]s?", "al reves", "cruzad[oa]s?", "revuelt[oa]s?", "mezclad[oa]s?",
    "arrastrad[oa]s?", "lent[oa]s?", "distint[oa]s?", "diferente", "pastos[oa]",
    "gangos[oa]", "como borrach[oa]", "sin sentido", "incomprensible", "confus[oa]s?",
    "torpe", "entrecortad[oa]",
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
_VISTA = any_of("la vista", "vista", "la vision", "vision", "el ojo", "los ojos", "ojos?")

MORE: dict[RedFlag, tuple[str, ...]] = {
    RedFlag.WEAKNESS: (
        r"\b" + _PARTE_AMPLIA + " " + gap(4) + _FLOJA + r"\b(?! (?:de|por) (?:estar|tanto|"
        r"dormir|la postura|sentad\w*|cruzad\w*|la anestesia|el dentista|la inyeccion|frio))",
        r"\b" + _SE + gap(1) + _VERBO_CAIDA + r" " + gap(2) + r"(?:la |el |las |los |mi |mis |"
        r"un |una |medio )?" + _PARTE_AMPLIA + r"\b(?! (?:de|por) (?:estar|tanto|dormir|la "
        r"postura|sentad\w*|cruzad\w*|la anestesia|el dentista|frio))",
        r"\b(?:c|k)a(?:e|en|yo|yendo|iga|igan|ia|ido|ida) " + gap(1) + any_of(
            "la cara", "la boca", "el parpado", "un lado", "el labio", "la mitad", "la ceja",
            "el lado", "media cara", "la sonrisa", "la comisura", "el cachete", "la mejilla",
        ),
        r"\b(?:hormigueo|cosquilleo|adormecimiento|entumecimiento|calambre\w*) " + gap(3)
        + r"(?:en |de )(?:la |el |las |los |mi |mis |toda |todo |medio |media )?"
        + _PARTE_AMPLIA,
        r"\bno (?:me |le |te )?(?:lo |la |los |las )?(?:puedo|puede|pude|podia|logro|consigo) "
        r"(?:ni )?(?:levantar|mover|subir|cerrar|sentir|apretar|agarrar|sostener|mover bien|"
        r"levantar bien)",
        r"\bno (?:lo |la |los |las )?(?:levanto|muevo|subo|cierro|siento|aprieto) (?:bien|nada|"
        r"para nada|casi)?\b",
        r"\b(?:la |el |mi |las |los |mis )?" + _PARTE_AMPLIA + " " + gap(2)
        + r"no (?:me |le |te )?(?:sube|suben|responde|responden|funciona|funcionan|obedece|"
        r"obedecen|cierra|cierran|se mueve|se mueven|se levanta|hace caso|se cierra|"
        r"sella|sellan|junta|juntan)",
        r"\bno (?:me |le |te )?(?:sube|responde|funciona|obedece|cierra|se mueve|se levanta|"
        r"hace caso) " + gap(1) + r"(?:la |el |mi |las |los )?" + _PARTE_AMPLIA,
        r"\bno (?:puedo|puede|pude|logro) (?:juntar|cerrar|apretar|sellar) (?:bien )?"
        r"(?:los |mis )?labios",
        r"\b(?:labios|boca) " + gap(2) + r"no (?:se )?(?:juntan|cierran|sellan|cierra|aprietan)",
        r"\bno (?:me |le )?(?:junto|junta|cierro|cierra|aprieto|aprieta|sello|sella) (?:bien )?"
        r"(?:los |mis |sus )?labios",
        r"\bmedia cara\b(?! de)",
        r"\bse (?:me|le) escurre (?:el agua|la bebida|la comida|la baba|el liquido)",
    ),
    RedFlag.SPEECH: (
        r"\bno (?:me |le |te )?(?:entienden|entiende|entendian|entendia|entendieron|entendio) "
        r"(?:nada |bien |lo que )?(?:cuando|al|lo que|que) " + gap(1)
        + r"(?:hablo|habla|hablar|digo|dice|decir)",
        r"\bnadie (?:me |le )?(?:entiende|entienden|entendia)\b",
        r"\bno (?:le |les |te |se le )?(?:entiendo|entendemos|entiendo nada|entendi) " + gap(4)
        + r"(?:cuando|lo que|al) (?:habla|dice|hablar|decir)",
        r"\b(?:voz|habla|palabras|palabra|pronunciacion) " + gap(3) + r"(?:me |le )?"
        r"(?:sale|salen|suena|suenan|esta|estan|salio|salieron|oye|escucha|es|son|noto|nota)? ?"
        + _SALE_MAL + r"\b",
        r"\b(?:me|le) (?:sale|salen|salio) (?:todo |toda |la voz |las palabras |la palabra )?"
        + _SALE_MAL + r"\b(?= (?:al|cuando) (?:hablar|hablo|habla)|\s*$| y )",
        r"\bse (?:me|le|te) (?:enredan|enreda|traban|traba|trabo|trabaron|revuelven|revuelve|"
        r"mezclan|mezcla|confunden|confunde|cruzan|cruza|atoran|atora|olvidan|van|fueron|"
        r"pegan|pega|tropiezan) (?:las |mis |sus |la )?(?:palabras|palabra|lengua|silabas|letras)",
        r"\b(?:digo|dice|decia|dije) (?:una )?palabras? (?:por otra|equivocad\w*|que no son|"
        r"incorrect\w*|rar\w*|sin sentido|al reves|cambiad\w*)",
        r"\b(?:cambio|cambia|confundo|confunde|mezclo|mezcla|invierto) (?:las |mis )?palabras",
        r"\bno (?:me |le )?(?:encuentro|encuentra|salen|sale|vienen|llegan) (?:las |mis )?"
        r"palabras",
        r"\b(?:me |le )?trab\w* (?:al|cuando|para) (?:hablar|hablo|habla)",
        r"\btartamude\w*",
        r"\b(?:cuesta|costaba|cuesto|cuestan|batallo|dificultad|problemas?) " + gap(2)
        + r"(?:hablar|pronunciar|decir|articular|encontrar las palabras|sacar las palabras|"
        r"modular|vocalizar)",
        r"\bse (?:me|le) (?:duerme|durmio|traba|hincha|pone pesada|pone torpe|entumio|"
        r"adormecio) la lengua",
        r"\b(?:hablo|habla|hablando|hablaba) (?:como )?(?:borrach[oa]|con la boca llena|"
        r"mocho|gangoso|enredad[oa]|trabad[oa]|raro|rara|chistoso|despacio|lento|lenta|pastoso)",
        r"\bno (?:puedo|puede|pude) (?:hablar|decir|pronunciar) (?:bien|claro|nada|las)",
    ),
    RedFlag.SWALLOWING: (
        r"\b(?:" + _NO_PUEDO + r"|" + _CUESTA + r"|no (?:me |le )?(?:baja|bajan|pasa|pasan|"
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
    ),
    RedFlag.BREATHING: (
        r"\bjade(?:o|a|an|ando|ante|aba)\b(?! (?:despues de|por|al|tras) (?:correr|subir|"
        r"caminar|el ejercicio|hacer ejercicio|el gimnasio|la carrera|las escaleras|nadar))",
        r"\brespir(?:a|o|an|ar|ando|aba|ación|acion) " + gap(2) + r"(?:con )?(?:mucha |gran |"
        r"bastante |algo de |un poco de )?(?:dificultad|esfuerzo|trabajo|problemas?|ruido|"
        r"silbido)",
        r"\b(?:respiracion|respiro|respira) " + gap(2) + any_of(
            "agitad[oa]", "rapid[oa]", "ruidos[oa]", "pesad[oa]", "entrecortad[oa]",
            "dificil", "dificultosa", "trabajosa", "rar[oa]", "superficial", "corta",
            "forzad[oa]", "silbante", "con silbido",
        ),
        r"\b(?:no|ni) (?:me )?(?:entra|llega|alcanza|jalo|agarro|cojo|cabe|pasa) (?:el |nada "
        r"de |suficiente )?aire\b",
        r"\b(?:me |le )?(?:quedo|quede|queda|quedaba|estoy quedando) sin (?:aire|aliento|"
        r"respiracion)",
        r"\basfixi\w*",
        r"\bahogand\w*\b(?! (?:en|con) (?:trabajo|deudas|problemas|papeles|pendientes))",
        r"\b(?:sensacion de |siento )?ahogo\b(?! (?:en|con) )",
        r"\blabios? " + gap(3) + r"(?:morad[oa]s?|azul\w*|grises|moraditos?|amoratad[oa]s?)",
        r"\b(?:labios|dedos|unas) (?:morados|azules|amoratados)",
        r"\bsilb\w* (?:en el pecho|al respirar|cuando respiro)",
        r"\b(?:lucho|luchando|peleando|batallando|boqueando) (?:por|para) (?:respirar|aire|el "
        r"aire)",
        r"\bboque(?:o|a|ando|aba)\b",
        r"\bno (?:puedo|puede|pude) (?:ni )?(?:terminar|acabar) (?:una |las |la )?(?:frase|"
        r"oracion|frases)",
        r"\bsolo (?:puedo|puede) decir (?:unas |dos |tres |pocas )?palabras",
        r"\bpecho " + gap(2) + any_of("apretado", "pesado", "oprimido", "cerrado", "me aprieta",
                                      "aprieta"),
        r"\bme aprieta el pecho\b",
        r"\b" + _NO_PUEDO + r" (?:ni )?(?:jalar|agarrar|tomar|coger|meter|sacar|recuperar) "
        r"(?:el |suficiente |nada de )?(?:aire|aliento)",
        r"\b(?:me |le )?cuesta (?:mucho |trabajo )?(?:jalar|tomar|agarrar|coger) (?:el )?aire",
    ),
    RedFlag.SELF_HARM: (
        r"\b(?:quiero|quisiera|queria|ganas de|me gustaria|deseo|solo quiero|ojala pudiera) "
        r"(?:desaparecer|no existir|dejar de existir|irme (?:de este mundo|para siempre)|"
        r"dormir para siempre|no despertar|no estar|morir|dormirme y no despertar|"
        r"no seguir|que todo acabe|que todo termine|acabar con todo|no volver a despertar)",
        r"\b(?:ya )?no (?:le )?(?:veo|encuentro|tiene|hay) (?:ningun |ni )?(?:sentido|razon|"
        r"motivo|caso)(?: (?:a|en|de|para) (?:nada|la vida|vivir|seguir|todo|esto|levantarme|"
        r"existir))?\b(?! (?:a|en|de|para) (?!(?:nada|la vida|vivir|seguir|todo|esto|"
        r"levantarme|existir)\b))",
        r"\b(?:nada|la vida|vivir|mi vida) (?:ya )?(?:no )?tiene sentido\b",
        r"\bsin sentido (?:vivir|seguir)",
        r"\bmejor (?:me muero|me mato|morirme|estar muert[oa]|ya no estar|que me muera|"
        r"desaparecer|no despertar|no haber nacido)",
        r"\b(?:ojala|quisiera|prefiero|preferiria|preferible|mas vale) (?:me )?(?:morir\w*|"
        r"muera|muriera|estar muert[oa]|estuviera muert[oa]|no despertar|no haber nacido|"
        r"desaparecer|no existir)",
        r"\b(?:hacer|hacerme|haciendo|hago|hice|hecho|he hecho) (?:unos |mas |otra vez |de nuevo )?"
        r"(?:cortes|cortadas|heridas|dano|quemaduras)\b(?! (?:en la cocina|al cocinar|cocinando|"
        r"con el cuchillo|en el jardin|trabajando))",
        r"\b(?:me (?:corto|corte|cortaba|quemo|queme|lastimo|lastime|golpeo|hago dano|hice dano|"
        r"rasguno|he cortado|he quemado|he lastimado|estoy cortando|volvi a cortar|he vuelto a "
        r"cortar))\b(?! (?:el pelo|las unas|el cabello|cocinando|con el papel|sin querer|al))",
        r"\bautolesi\w*",
        r"\b(?:me|se) (?:he|ha|has|han|estoy|esta|estaba|sigo|sigue|volvi a|volvio a|he vuelto a|"
        r"ha vuelto a) (?:estado |vuelto a )?(?:cortando|cortar|lastimando|lastimar|quemando|"
        r"quemar|haciendo dano|hacer dano|golpeando|rasgunando)\b(?! (?:el pelo|las unas|el "
        r"cabello|cocinando|con el papel|sin querer|al cocinar|en la cocina))",
        r"\b(?:guardad[oa]s?|juntad[oa]s?|escondid[oa]s?|acumulad[oa]s?|ahorrad[oa]s?|junto|"
        r"juntando|guardando|acumulando|escondiendo|ahorrando|reuniendo) (?:unas |las |mis |"
        r"todas las |muchas |varias )?(?:pastillas|pildoras|medicinas|medicamentos|"
        r"somniferos|calmantes)",
        r"\b(?:pastillas|pildoras|medicinas|somniferos|calmantes) " + gap(2)
        + r"(?:guardadas|juntadas|escondidas|acumuladas|ahorradas|por si acaso)",
        r"\b(?:tomarme|tragarme|tomar|tragar|beberme) (?:todas|toda la caja|todo el frasco|"
        r"el frasco|la caja entera|un punado)",
        r"\b(?:tirarme|aventarme|lanzarme|echarme|arrojarme) (?:de|del|desde|a|al|bajo|debajo"
        r"|delante) " + gap(2) + r"(?:puente|balcon|edificio|techo|azotea|ventana|vias|tren|"
        r"metro|camion|carro|coche|auto|precipicio|barranco|rio|mar)",
        r"\b(?:estrellar|estrellarme|chocar|chocarme|meterme) (?:el coche |el carro |con el "
        r"coche |con el carro )?(?:contra|debajo de|bajo) " + gap(2) + r"(?:pared|muro|arbol|"
        r"camion|tren|poste|puente)",
        r"\b(?:pensado|pensando|pienso|pense|idea|ideas|pensamientos) (?:en |de )(?:matarme|"
        r"morirme|suicidarme|quitarme la vida|hacerme dano|desaparecer|tirarme|no despertar|"
        r"acabar con todo|la muerte|morir)",
        r"\b(?:ya )?no (?:quiero|deseo) (?:seguir (?:aqui|viviendo|asi|en este mundo)|vivir mas|"
        r"estar (?:aqui|en este mundo|viva|vivo)|despertar(?:me)?|existir)",
        r"\b(?:cansad[oa]|hart[oa]) de (?:vivir|la vida|existir|estar viv[oa])",
        r"\bsin esperanza\b|\bdesesperanza\w*",
        r"\bestarian mejor sin mi\b|\bmejor sin mi\b",
        r"\bquitarme (?:la vida|de en medio)",
        r"\b(?:me|se|te) (?:quiero|quiere|quieres|voy a|va a|queria|pienso|estoy pensando) "
        r"(?:en )?(?:quitar la vida|quitar de en medio|matar|suicidar|morir|cortar|colgar|"
        r"tirar de|aventar de)",
        r"\bterminar con (?:todo|mi vida|esto de una vez)",
    ),
    RedFlag.VISION: (
        r"\b(?:se (?:me|le|te) )?nubl(?:a|an|o|aron|ada|ado|adas|ados|ando|e)\b " + gap(2)
        + r"(?:la |el |los |las |mi |mis )?(?:vista|vision|ojo|ojos)",
        r"\b(?:vista|vision|ojo|ojos) " + gap(3) + r"(?:se (?:me|le) )?(?:nubl\w*|empan\w*|"
        r"oscurec\w*|apag\w*|borr\w*|turbi\w*|nebulos\w*|lechos\w*|opac\w*|negr[oa]|gris|"
        r"oscur[oa]|en negro|fallando|falla|rar[oa]|doble|movid[oa]|chuec[oa]|distorsionad\w*)",
        r"\bse (?:me|le|te) (?:nubla|nublo|empana|empano|oscurece|oscurecio|puso negro|puso "
        r"gris|puso oscuro|pone negro|pone oscuro|apago|apaga|fue|va|borra|borro|va la vista|"
        r"desenfoca|desenfoco) " + gap(1) + r"(?:la |el |los )?(?:vista|vision|ojo|ojos|todo)",
        r"\b(?:cortina|sombra|mancha|nube|velo|telon|tela|nubosidad|niebla|bruma|neblina|punto|"
        r"puntos|zona|parte) (?:negr[oa]s?|oscur[oa]s?|gris\w*|blanc[oa]s?|ciega) ?" + gap(3)
        + r"(?:en|sobre|delante de|frente a|tapando|que tapa|por) (?:el |la |los |mi |mis |un )?"
        r"(?:ojo|ojos|vista|vision|campo)",
        r"\bcortina (?:negr[oa]|oscur[oa]|gris|que (?:baja|cae|sube|tapa)|en el ojo|sobre el "
        r"ojo|delante)",
        r"\b(?:como|tipo) (?:una |un )?(?:cortina|velo|telon|sombra|nube|niebla|neblina|vidrio "
        r"empanado|cristal empanado|vidrio sucio|cristal sucio)\b",
        r"\b(?:veo|ve|vemos|ven|veia|vi|viendo) " + gap(2) + any_of(
            "doble", "dobles", "borros\\w*", "nublad\\w*", "empanad\\w*", "turbi\\w*",
            "movid[oa]s?", "chuec[oa]s?", "ondulad[oa]s?", "torcid[oa]s?", "encimad[oa]s?",
            "fantasmas?", "sombras?", "manchas?", "puntos? (?:negros?|brillantes|de luz)",
            "luces", "lucecitas", "destellos", "rayos", "estrellitas", "moscas", "todo oscuro",
            "todo negro", "todo gris", "oscuro", "negro", "raro", "rara", "mal", "como a traves",
            "todo rar[oa]", "como en un tunel", "menos", "a medias", "solo la mitad",
            "la mitad", "como con niebla", "con niebla", "tubo", "tunel",
        ),
        r"\b(?:letras|palabras|lineas|renglones|imagenes|cosas|objetos|caras|pantalla|tele) "
        + gap(3) + any_of("se mueven", "bailan", "se juntan", "se enciman", "se duplican",
                          "se ven dobles", "dobles", "se ven doble", "borros\\w*",
                          "se desenfocan", "se ven rar\\w*", "se ven movid\\w*", "se doblan",
                          "ondulad\\w*", "torcid\\w*", "se deforman", "se ven borros\\w*"),
        r"\b(?:no (?:puedo|logro|consigo)|me cuesta|dificultad para) (?:ni )?enfocar",
        r"\bno (?:enfoco|enfocan|enfoca)\b",
        r"\bdesenfocad[oa]s?\b",
        r"\bvision (?:de )?tunel\b",
        r"\b(?:imagen|imagenes) (?:fantasma|doble|dobles)",
        r"\bmoscas volantes\b",
        r"\bno veo (?:por|con|del|de) (?:un|el|este|ese) (?:ojo|lado)",
    ),
    RedFlag.SEVERE_PAIN: (
        r"\b(?:dolor|duele|dolia|jaqueca|migrana) " + gap(5) + any_of(
            "el peor (?:que he|de mi vida|que haya)", "la peor (?:que he|de mi vida)",
            "nunca (?:habia|he) (?:sentido|tenido)", "a morir", "de muerte", "que me muero",
            "que no aguanto", "que no soporto", "que me hace llorar", "me hace llorar",
            "del (?:8|9|10|ocho|nueve|diez)\\b", "(?:un|en) (?:8|9|10|ocho|nueve|diez)\\b(?! "
            "(?:dias|horas|minutos|semanas|veces))", "por las nubes", "fuera de escala",
            "muchisimo", "horrores", "un monton", "bestial", "demasiado",
        ),
        r"\bme (?:muero|estoy muriendo) (?:de|del) dolor",
        r"\b(?:peor|mayor) dolor\b",
        r"\bnunca (?:me habia dolido|me ha dolido|habia tenido un dolor) (?:tanto|asi)",
        r"\b(?:dolorazo|doloron|dolorononon)\b",
        r"\bno (?:aguanto|soporto|resisto) (?:el|este|ese|tanto) dolor",
        r"\b(?:llorando|lloro|grito|gritando|vomitando) (?:de|del|por el) dolor",
        r"\bme duele (?:horrible|horrores|muchisimo|a morir|un chingo|un monton|demasiado|"
        r"fatal|una barbaridad|como nunca)",
    ),
}
PATTERNS = {flag: PATTERNS.get(flag, ()) + MORE.get(flag, ()) for flag in RedFlag
            if flag in PATTERNS or flag in MORE}

CONTINUOUS = (
    r"\b(?:sin parar|no para|no ha parado|no ha dejado de|no han dejado de|no dejan de|"
    r"no se detiene|no se quita|no se me quita|"
    r"no deja de|no me deja de|constante\w*|continuo|continua|continuamente|todo el tiempo|"
    r"dia y noche|sin descanso|sin detenerse|no se va|no para nunca|nunca para|no cesa)"
)
CLOSURE = (
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
SPASM = r"\b(?:espasmo\w*|tic|tics|temblor\w*|brinc\w*|salta|saltando|parpadeo|tiembla|tirones?)\b"
DURATION_UNITS = {"dia": 1, "dias": 1, "semana": 7, "semanas": 7, "mes": 30, "meses": 30,
                  "ano": 365, "anos": 365}
MULTI_DAY = (
    r"\b(?:toda|todo) (?:la|el) (?:semana|mes|fin de semana)\b",
    r"\bdesde el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|fin)\b",
    r"\bdesde (?:la semana pasada|el mes pasado|hace dias|hace semanas)\b",
    r"\b(?:por|durante|hace) (?:dias|semanas|meses)\b",
    r"\b(?:una|otra) semana\b",
    r"\bun mes\b",
    r"\bvarios dias\b",
)
INTERMITTENT = (
    r"\b(?:va y viene|a veces|de vez en cuando|intermitente|mejor|mejorando|se fue|se quito|"
    r"ya no|menos|paro|se calmo)\b"
)
SITUATIONAL = r"\b(?:cuando|mientras|durante|despues de|cada vez que|si)\b"
