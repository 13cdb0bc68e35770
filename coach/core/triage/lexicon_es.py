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
    "horroroso", "de locos", "infernal", "agudo", "fuerte",
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
        r"\bno veo " + any_of("bien", "nada", "de", "por", "con", "casi"),
        r"\bperd\w* " + gap(1) + r"(?:la )?(?:vista|vision)",
        r"\bperdida de (?:la )?(?:vista|vision)",
        r"\bdestellos\b",
        r"\bceguera\b",
        r"\b(?:quede|me quede|estoy quedando|quedando) ciego",
    ),
    RedFlag.SEVERE_PAIN: (
        r"\b" + _DOLOR + " " + gap(4) + _FUERTE + r"\b",
        r"\bdolor " + gap(2) + r"(?:9|10|nueve|diez)\b(?! (?:dias|horas|minutos))",
        r"\bme duele tanto\b",
        r"\b" + _FUERTE + " " + gap(1) + _DOLOR,
        r"\bel peor dolor\b",
        r"\bpeor dolor de cabeza\b",
        r"\bme duele " + gap(2) + any_of("muchisimo", "horrible", "demasiado", "un monton",
                                         "terrible", "insoportable", "horrores"),
        r"\bme (?:mata|esta matando) " + any_of("el dolor", "la cabeza", "la mandibula",
                                                "la cara", "el ojo"),
        r"\bno aguanto (?:el|este) dolor",
    ),
}

CONTINUOUS = (
    r"\b(?:sin parar|no para|no ha parado|no se detiene|no se quita|no se me quita|"
    r"no deja de|no me deja de|constante\w*|continuo|continua|continuamente|todo el tiempo|"
    r"dia y noche|sin descanso|sin detenerse|no se va|no para nunca|nunca para|no cesa)"
)
CLOSURE = (
    r"\b" + r"(?:no (?:puedo|podia|pude|puede) abrir|no se (?:me |le )?abre) " + gap(1)
    + r"(?:el |los |mi |mis )?(?:ojos?|parpados?)",
    r"\b(?:ojos?|parpados?) " + gap(2) + r"(?:se (?:me |le )?(?:queda|quedan) cerrad|"
    r"no se (?:me |le )?abren?|cerrad[oa]s? (?:todo|sin))",
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
