"""Weakness or numbness: a face, a limb or one side that droops, goes numb or stops
working, told in English and Spanish.

Patterns run on one clause of canonical tokens (normalize.py); see lexicon.py for gap().
"""

from __future__ import annotations

from coach.core.triage.lexicon import any_of, gap
from coach.core.triage.vocab.body import (
    BODY_CLINICAL_ES,
    BODY_EN,
    BODY_ES,
    BODY_SIDE_EN,
    BODY_SIDE_ES,
    BODY_WIDE_ES,
    FACE_EN,
    FACE_LIMB_ES,
    LIMB_EN,
    LIMB_FACE_EN,
    LIMB_FACE_ES,
    OWNER,
    OWNER_EN,
    OWNER_ES,
    WHICH_SIDE_EN,
    WHOLE_SIDE_EN,
    WHOLE_SIDE_ES,
)
from coach.core.triage.vocab.negation import NO_PUEDO_ES

_LIMP = any_of(
    "asleep", "dead", "heavy", "heavier", "numb\\w*", "tingl\\w*", "hanging", "hangs", "hung",
    "melt\\w*", "sagg\\w*", "sags", "saggy", "lopsided", "crooked", "slanted", "slanting",
    "wonky", "droop\\w*", "floppy", "limp", "slack", "useless", "lifeless", "like rubber",
    "rubbery", "like jelly", "like lead", "sliding", "slid", "slipping", "slumped", "sunk",
    "sinking", "lower", "uneven", "off center", "pulled to one side", "twisted", "paralyzed",
    "frozen", "not working", "wont work", "doesnt work", "stopped working", "gave out",
    "pins and needles", "fuzzy", "like cotton", "like a stroke", "not mine",
    "like it belongs to someone else", "disconnected", "cant feel",
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
_SE = r"(?:se (?:me|le|te) |me |le )"
_VERBO_CAIDA = any_of(
    "(?:c|k)a(?:e|en|yo|yendo|iga|igan|ia|ido|ida)", "tuerce", "tuercen", "torcio",
    "torciendo", "tuerza", "chueque\\w*", "duerme", "duermen", "durmio", "durmieron",
    "durmiendo", "entumi\\w*", "entumec\\w*", "adormec\\w*", "cuelga", "cuelgan", "colgo",
    "ladea", "ladeo", "desvia", "desvio", "va (?:para|pa) un lado", "baja", "bajo",
    "afloja", "aflojo", "paraliz\\w*", "hormigue\\w*", "cosquille\\w*", "chorrea",
    "derrite", "jala (?:para|pa) un lado", "va de lado",
)
_ESCAPE = any_of(
    "dribbl\\w*", "drip\\w*", "leak\\w*", "spill\\w*", "runs?", "running", "ran", "trickl\\w*",
    "pour\\w*", "seep\\w*", "escap\\w*", "squirt\\w*", "comes?", "coming", "came", "falls?",
    "falling", "fell", "drool\\w*", "slosh\\w*", "goes", "going", "went", "slid\\w*",
    "slips?", "slipping",
)
_CONTAINER = (
    r"(?! of (?:the |a |this |that |my |his |her )?(?:cup|glass|mug|bottle|pot|pan|bowl|bag|box|"
    r"table|car|room|road|street|bed|plate|jug|container|sink|tub|bath|pool|can|tin|tank|pipe|"
    r"roof|wall|house|building|boat|tent|bucket|counter|desk|page|screen)\b)"
)
_ONE_SIDE = (
    r"(?:out (?:of )?|from |down |through )(?:the |my |his |her |one |a )?(?:left |right |"
    r"other |same |bad |weak )?(?:side|corner|edge)s?\b" + _CONTAINER
)
_MOUTH_SIDE = (
    r"(?:cheeks?|gums? and cheek|side of (?:my |his |her |the )?mouth|pouch of (?:my |his |her )?"
    r"cheek)"
)
_POCKETS = any_of(
    "stuck", "trapped", "caught", "lodged", "pocket\\w*", "collect\\w*", "gather\\w*",
    "builds? up", "building up", "built up", "sits?", "sitting", "stays?", "staying",
    "ends? up", "hid\\w*", "hiding", "pool\\w*", "accumulat\\w*", "left", "squirrel\\w*",
)
_HELD = any_of(
    "pens?", "pencils?", "forks?", "spoons?", "cups?", "mugs?", "glass", "toothbrush",
    "knife", "keys", "phone", "remote", "bottle", "brush", "razor",
)
_SHOE = any_of(
    "shoes?", "slippers?", "sandals?", "flip ?flops?", "sneakers?", "boots?", "crocs?",
    "trainers?", "heels?",
)
_ES_ESCAPA = any_of(
    "escurre", "escurren", "escurrio", "sale", "salen", "salio", "chorrea", "chorrean",
    "chorreo", "derrama", "derraman", "derramo", "riega", "riegan", "rego", "cae", "caen",
    "cayo", "escapa", "escapan", "escapo", "va", "van", "fue", "gotea", "gotean",
)
_ES_LIQUIDO = any_of(
    "el agua", "agua", "la bebida", "el cafe", "cafe", "la sopa", "sopa", "el jugo", "jugo",
    "la leche", "leche", "el te", "el liquido", "liquidos?", "la saliva", "saliva", "la baba",
    "el refresco", "el caldo", "caldo", "la comida", "comida", "el enjuague", "todo", "la",
    "lo",
)
_ES_ORILLA = (
    r"(?:por|de|del) (?:la |el |un |una |mi |su )?(?:comisura|esquina|orilla|ladito|lado|"
    r"costado|rincon|boca|un lado)"
)
_ES_RARO = any_of(
    "rar[oa]s?", "extran[oa]s?", "distint[oa]s?", "diferente", "chistos[oa]", "ties[oa]",
    "tirante", "acartonad[oa]", "como de carton", "como de palo", "como ajena", "como ajeno",
)
_ES_LADO = r"(?:del|de un|en el|de este|por el|de mi|en un|de ese) (?:\S+ )?(?:lado|costado)"
_ES_DORMIDA = any_of(
    "dormid[oa]s?", "entumid[oa]s?", "entumecid[oa]s?", "adormecid[oa]s?", "paralizad[oa]s?",
    "caid[oa]s?", "torcid[oa]s?", "chuec[oa]s?", "muert[oa]s?", "floj[oa]s?", "ties[oa]s?",
    "colgad[oa]s?", "engarrotad[oa]s?", "acalambrad[oa]s?", "insensible", "sin fuerza",
    "rar[oa]s?", "extran[oa]s?", "pesad[oa]s?", "ladead[oa]s?", "desviad[oa]s?",
)
_REDUCED = any_of(
    "no", "lack of", "loss of", "lost", "losing", "reduced", "decreased", "diminished", "less",
    "without", "poor", "altered", "weak", "weaker", "impaired", "perdida de", "perdi", "sin",
    "poca", "poco", "menos", "falta de", "disminucion de", "disminuida", "disminuido",
)
_SENSATION = any_of(
    "sensation", "feeling", "strength", "power", "movement", "control", "grip", "function",
    "tone", "sensibilidad", "fuerza", "movimiento", "control", "tacto",
)
_DRINK_WORDS = r"(?:drink|drinking|sip|sipping|eat|eating|rinse|rinsing|swallow|swallowing)"
_BENT_ES = any_of(
    "chuec[oa]s?", "torcid[oa]s?", "caid[oa]s?", "ladead[oa]s?", "colgad[oa]s?",
    "dormid[oa]s?", "entumid[oa]s?", "entumecid[oa]s?", "adormecid[oa]s?", "paralizad[oa]s?",
    "floj[oa]s?", "tiesa", "tieso", "muert[oa]s?", "desviad[oa]s?", "jalad[oa]s?",
    "pesad[oa]s?", "rar[oa]s?", "de lado", "sin fuerza", "bichuec[oa]s?",
)
_ES_TINGLE = any_of(
    "hormigue\\w*", "cosquille\\w*", "adormec\\w*", "entumec\\w*", "entumi\\w*",
    "acorchad\\w*", "acartonad\\w*", "insensib\\w*", "hipoestesi\\w*", "hipostesi\\w*",
    "parestesi\\w*", "disestesi\\w*", "anestesiad[oa]s?", "piquetitos", "alfileres",
    "agujitas", "calambrit\\w*", "chispitas", "corrientitas?", "toquecitos", "perdida de "
    "(?:la )?sensibilidad", "falta de sensibilidad", "poca sensibilidad", "menos sensibilidad",
    "sensibilidad disminuida", "sin sensibilidad", "debilidad", "torpeza",
)
_NOT_FROM = (
    r"(?! (?:de|del|por|tras|despues de) (?:la |el )?(?:estar sentad\w*|tanto (?:caminar|correr|"
    r"estar|escribir)|frio|anestesia|dentista|inyeccion|postura|picante|chile|muela))"
)
_ES_OUT = any_of(
    "escapa", "escapan", "escapo", "escapaba", "sale", "salen", "salio", "salia", "escurre",
    "escurren", "escurrio", "escurria", "chorrea", "chorrean", "chorreo", "derrama", "derraman",
    "derramo", "gotea", "gotean", "riega", "rego", "cae", "caen", "cayo", "caia", "va", "van",
    "iba", "fue",
)

# English.
EN: tuple[str, ...] = (
    r"\bdroop\w*",
    r"\bsag(?:s|ging|gy|ged)?\b",
    r"\blop ?sided\b",
    r"\bcrooked\b",
    r"\b(?:smile|face|mouth) " + gap(2) + any_of(
        "uneven", "asymmetric\\w*", "wonky", "twisted", "slanted", "slack", "lower on",
        "falling", "fallen", "fell", "dropped", "pulled down", "not moving",
    ),
    r"\b(?:uneven|wonky|asymmetric\w*) (?:smile|face|mouth)",
    r"\bnumb\w*(?!(?: \S+){0,3} (?:from|after) (?:sitting|kneeling|the cold|cold|crossing|"
    r"sleeping|lying|the dentist|dentist|novocaine|anesthetic))",
    r"\b" + BODY_EN + " " + gap(2) + any_of("dead", "floppy", "limp", "heavy", "frozen")
    + r"\b",
    r"\b(?:dribbl\w*|drip\w*|leak\w*|spill\w*|runs?|running) (?:out )?" + gap(3)
    + r"(?:side of )?(?:my |his |her )?mouth",
    r"\bparal[iy]\w*",
    r"\bweakness\b",
    r"\bfacial weak\w*",
    r"\b" + BODY_EN + " " + gap(3) + r"weak\w*",
    r"\bweak\w* " + gap(2) + r"(?:in|on|down) " + gap(2) + BODY_EN,
    r"\b(?:i|im|ive|me) " + gap(2) + r"(?:feel|feels|feeling|felt|am|been|getting|so) "
    + gap(1) + r"weak\b",
    r"\b(?:cant|cannot|couldnt|unable to|not able to|can barely|can hardly|hard to|"
    r"trouble|struggl\w*) " + gap(1) + any_of(
        "move", "moving", "lift", "lifting", "raise", "raising", "close", "closing",
        "shut", "smile", "smiling", "blink", "blinking", "wrinkle", "frown", "puff",
        "whistle", "grip", "hold", "feel", "feeling", "purse", "pucker", "use",
    ) + r" " + gap(3) + BODY_EN,
    r"\b(?:cant|cannot|couldnt|unable to|not able to|can barely|hard to) " + gap(1)
    + any_of("smile", "blink", "whistle", "frown", "pucker") + r"\b",
    r"\b" + BODY_EN + " " + gap(3) + any_of("wont", "cant", "doesnt", "isnt", "didnt")
    + " " + gap(1) + any_of(
        "move", "moving", "close", "closing", "shut", "work", "working", "respond",
        "lift", "smile", "blink", "blinking", "raise", "go up", "cooperate",
    ),
    r"\b(?:half|one side|side) " + gap(4) + any_of(
        "heavy", "frozen", "dead", "fallen", "slack", "limp", "not moving", "stuck",
        "wont move", "doesnt move", "lower", "falling", "dropping", "dropped",
    ),
    r"\bface " + gap(2) + any_of("heavy", "frozen", "dead", "limp", "fallen", "slack"),
    r"\bdrool\w*",
    r"\b(?:dropping|drop|dropped) (?:things|stuff|my (?:cup|phone|fork|spoon))",
    r"\b(?:arm|leg|hand|knee)s? " + gap(1) + r"(?:gave|gives|giving|give) (?:out|way)",
    r"\b(?:having|have|think|maybe|might|is this|is it|could this be|scared|afraid|"
    r"worried) " + gap(3) + r"(?:a |mini )?strokes?\b",
    r"\bpalsy " + gap(2) + any_of("back", "again", "returning", "coming back", "came back"),
    r"\b(?:getting|developing|got|have|has|having) " + gap(1) + r"bells palsy again",
    r"\bfood " + gap(2) + r"(?:falls|falling|fell|spill\w*|leak\w*) (?:out|from)",
    r"\b(?:water|drinks?|liquids?|coffee|tea) " + gap(3)
    + r"(?:spill\w*|leak\w*|dribbl\w*|runs|running) " + gap(2) + r"(?:mouth|lip|chin)",
    r"\b" + BODY_SIDE_EN + " " + gap(3) + r"(?:feels? |felt |feeling |is |was |went |gone |"
    r"goes |going |looks? |looked |looking |seems? |got |getting |has |kind of |kinda |"
    r"sort of |all |a bit |like it |like its |a little |totally )?" + gap(1) + _LIMP
    + r"(?!\w)(?! (?:from|after) (?:sitting|kneeling|the cold|cold|crossing|sleeping|lying|"
    r"the dentist|dentist|novocaine|anesthetic|the gym|gym|workout|lifting|the injection))",
    r"\b" + _LIMP + r" " + gap(2) + r"(?:in |on |down )(?:my |the |his |her |one |left |"
    r"right )?" + gap(1) + BODY_SIDE_EN + r"\b(?! (?:from|after) (?:sitting|kneeling|"
    r"sleeping|lying|the gym|gym|workout|the dentist|dentist))",
    r"\b(?:lips?|mouth) " + gap(3) + any_of("wont", "cant", "doesnt", "dont", "isnt",
                                             "arent", "not") + " " + gap(1) + any_of(
        "seal\\w*", "close\\w*", "meet", "shut", "stay closed", "stay shut", "hold",
        "purse", "pucker", "move", "work\\w*", "keep (?:water|food|it|drink) in",
    ),
    r"\b(?:eyelids?|lids?|eyebrows?|brows?) " + gap(3) + any_of(
        "dropped", "dropping", "drops", "fallen", "fell", "falling", "came down",
        "come down", "hanging", "hangs", "lower", "heavy", "wont (?:lift|go up|open|raise)",
        "cant (?:lift|go up|raise)", "doesnt (?:lift|go up|raise)", "stuck down",
    ),
    r"\b(?:cant|cannot|couldnt|unable to|not able to|can barely|can hardly|hard to|"
    r"trouble|struggl\w*) " + gap(1) + any_of(
        "lift", "lifting", "raise", "raising", "move", "moving", "feel", "feeling", "grip",
        "hold", "use", "squeeze", "wiggle",
    ) + r" (?:my |the |his |her |it|them)",
    r"\b(?:went|gone|goes|go|going|gets|got) (?:all )?(?:numb|dead|limp|floppy|weak|"
    r"heavy)\b(?! (?:quiet|still|calm|silent|tired|easy))",
    r"\bface " + gap(2) + r"(?:is |was |went |looks )?(?:hanging|slipping|sliding|melting)",
    r"\bone side (?:of (?:my |his |her |the )?(?:face|mouth|body) )?" + gap(2)
    + r"(?:isnt|doesnt|wont|not|cant) " + gap(1) + r"(?:move|moving|work|working|smile)",
    r"\bhalf (?:of )?(?:my |his |her )?(?:face|mouth|smile|body) " + gap(2)
    + any_of("wont", "doesnt", "isnt", "not", "cant") + " " + gap(1) + any_of(
        "move", "moving", "work", "working", "smile", "follow", "respond"),
    r"\b(?:smile|face|mouth) " + gap(3) + any_of("only (?:moves|goes) (?:up )?on one",
                                                 "one sided", "on one side only"),
    r"\bpins and needles (?:in|down|on|all over) " + gap(2) + BODY_SIDE_EN,
    r"\b" + LIMB_EN + r" " + gap(2) + r"(?:just )?(?:gave|gives|went|goes) (?:out|way|dead)",
    r"\bcant (?:keep|hold) (?:water|drinks?|food|liquid) in (?:my )?mouth",
    r"\bcorner of (?:my |his |her |the )?(?:mouth|lips?) " + gap(2) + any_of(
        "down", "lower", "droop\\w*", "drop\\w*", "fallen", "fell", "hanging", "sagg\\w*",
        "pulled down", "not moving", "wont move", "doesnt move", "slack", "turned down",
    ),
    r"\b(?:face|smile|mouth|lips?|cheeks?) " + gap(3) + any_of(
        "different", "odd", "weird", "strange", "funny", "off", "wrong", "not right",
        "not the same", "uneven", "lower", "flat", "flatter", "smoother",
    ) + r" (?:on|down) (?:one|the left|the right|the other|my left|my right|his left|"
    r"her left|his right|her right) side",
    r"\b(?:one|the left|the right|left|right) side of (?:my |his |her |the )?(?:face|mouth|"
    r"smile|lips?) " + gap(2) + any_of("looks", "looked", "is", "was", "seems", "seemed",
                                         "feels", "felt") + " " + gap(1)
    + any_of("different", "odd", "weird", "strange", "funny", "off", "wrong", "flat",
             "lower", "not right", "slack", "smooth"),
    # a drink escaping from one side or corner ("it spills out one side", "dribbling out the
    # right corner of my mouth", "down my chin on one side")
    r"\b" + _ESCAPE + r" (?:back )?(?:right )?" + _ONE_SIDE,
    r"\b" + _ESCAPE + r" (?:out )?" + gap(1) + r"(?:the |my |his |her |one )?(?:left |right )?"
    r"corner of (?:my |his |her |the )?(?:mouth|lips?)",
    r"\b" + _ESCAPE + r" " + gap(2) + r"down (?:my |his |her |the )?chin",
    r"\b(?:drink|drinks|drinking|water|coffee|tea|juice|soup|milk|liquid|liquids|sip|sips) "
    + gap(4) + _ESCAPE + r" " + gap(1) + r"(?:out|from) (?:of )?(?:my |his |her |the )?mouth",
    # food pocketing in the cheek: weakness of the cheek muscle, not a swallowing problem
    r"\b(?:food|bits|crumbs|pieces|chunks|rice|bread|stuff|leftovers|it|everything|meat) "
    + gap(4) + _POCKETS + r" (?:up )?(?:in|inside|between|against|into) (?:my |his |her |the |"
    r"one |a )?(?:left |right )?" + _MOUTH_SIDE,
    r"\b(?:pocket\w*|squirrel\w*|chipmunk\w*) (?:food|my food|his food|her food|it|bits)\b",
    r"\bfood pocket\w*",
    r"\b(?:dig\w*|fish\w*|scoop\w*|clear\w*|get|getting|pick\w*|sweep\w*|push\w*|hook\w*) "
    r"(?:the |some |my |bits of )?(?:food|it|bits|stuff|crumbs) out (?:of|from) (?:my |his |"
    r"her |the )?(?:left |right )?cheeks?",
    # lips and cheeks that will not seal: puffing, blowing, whistling, a straw
    r"\b(?:air|it) " + gap(2) + r"(?:leaks?|leaking|escapes?|escaping|comes? out|goes out|"
    r"whooshes|puffs out) " + gap(4) + r"(?:puff|blow|whistl|inflat)\w*",
    r"\b(?:cant|cannot|couldnt|unable to|not able to|can barely|can hardly|hard to|trouble|"
    r"struggl\w* to) " + gap(1) + r"(?:blow (?:out|up)|suck (?:through|on|from)|drink "
    r"(?:through|from|with) a straw|use a straw|puff (?:up|out)|keep (?:air|my cheeks) "
    r"(?:in|puffed))",
    # an eye that stays open
    r"\b(?:eyes?|eyelids?|lids?) " + gap(3) + r"(?:stays?|staying|stayed|remains?|stuck|is|"
    r"keeps?|wont stay|doesnt stay) (?:half |wide |partly )?open (?:when|while|as|if|during|at "
    r"night|in the shower|to sleep|asleep|even|all night|when i sleep|on blinking)",
    r"\b(?:eyes?|eyelids?|lids?) " + gap(3) + r"(?:doesnt|wont|cant|isnt|not|stopped|never|"
    r"barely) blink\w*",
    r"\b(?:tape|taping|taped|tapes) (?:my|his|her|the) (?:left |right )?eye(?:lid)?s? "
    r"(?:shut|closed|down)",
    r"\bsleep\w* with (?:my|his|her|one|an|the) (?:left |right )?eye (?:half |partly )?open",
    # biting the cheek or lip on one side
    r"\b(?:keep|keeps|kept|always|constantly) (?:on )?(?:biting|bite|chewing on|chomping on) "
    r"(?:the inside of )?(?:my|his|her) (?:left |right )?(?:cheek|lip|cheeks)",
    r"\b(?:bit|biting|bite|bites) (?:the inside of )?(?:my|his|her) (?:cheek|lip) " + gap(3)
    + r"(?:on one side|on the (?:left|right)|same side|every time|each time|whenever)",
    # a smile that looks wrong
    r"\bsmile (?:(?!doesnt |dont |didnt |isnt |wont |no longer |never )\S+ ){0,2}(?:looks?|"
    r"looked|looking|went|goes|seems?|is|feels?|has gone|"
    r"gone|turned|comes out) (?:all |kind of |kinda |a bit |so |super |really )?(?:off|weird|"
    r"funny|wrong|odd|strange|different|not right|wonky|uneven|one sided|half|lopsided|"
    r"crooked|flat|lazy)\b",
    r"\b(?:only|just) (?:one side|half|the left|the right|the left side|the right side) "
    r"(?:of (?:my |his |her )?(?:mouth|face|smile|lips?) )?(?:goes up|moves|lifts|works|smiles|"
    r"curls up|comes up)",
    # one side of the face feels or looks off
    r"\b(?:face|smile|mouth|lips?|cheeks?|jaw|chin|eyebrows?|forehead) " + gap(3) + any_of(
        "different", "odd", "weird", "strange", "funny", "off", "wrong", "not right",
        "not the same", "uneven", "lower", "flat", "flatter", "smoother", "tight", "stiff",
    ) + r" (?:on|down|along|in) (?:the |my |his |her )?(?:left|right|one side|other side)\b",
    r"\bhalf (?:of )?(?:my |his |her |the )?(?:face|mouth|lip|lips|smile|tongue) " + gap(2)
    + r"(?:feels?|felt|is|was|looks?|looked|went|goes|seems?) (?:all |kind of |kinda |a bit |"
    r"so )?(?:weird|funny|off|strange|different|tight|stiff|wrong|odd|not right|fuzzy)",
    r"\b(?:left|right) (?:cheek|lip|side of (?:my |his |her )?(?:face|mouth)|half of (?:my |"
    r"his |her )?face|eyebrow|corner of (?:my |his |her )?mouth) " + gap(2) + r"(?:feels?|"
    r"felt|is|was|looks?|looked|went|seems?) (?:all |kind of |kinda |a bit |so )?(?:weird|"
    r"funny|off|strange|different|tight|stiff|wrong|odd|not right|fuzzy)",
    # the limp word before the body part ("a dead arm", "a floppy lip")
    r"\b(?:a|my|his|her|got a|have a) (?:dead|numb|limp|floppy|droopy|saggy|useless|"
    r"paralyzed|paralysed|frozen|lazy) (?:left |right )?(?:arm|leg|hand|lip|cheek|face|side|"
    r"foot|mouth|smile)\b",
    # dropping things from one hand
    r"\b(?:things|stuff|cups?|mugs?|glass\w*|my \S+|the \S+|everything|it) " + gap(2)
    + r"(?:keeps? |kept )(?:falling|slipping|dropping|sliding) (?:out of|from|off) "
    r"(?:my|his|her) (?:left |right )?(?:hand|hands|fingers|grip)",
    r"\b(?:things|stuff|everything) " + gap(1) + r"(?:falls?|slips?|drops?|slides?) "
    r"(?:out of|from) (?:my|his|her) (?:left |right )?(?:hand|hands|fingers|grip)",
    r"\b(?:fell|slipped|dropped|slid) (?:out of|from) (?:my|his|her) (?:left |right )?"
    r"(?:hand|hands|fingers|grip) " + gap(1) + r"(?:twice|again|(?:two|three|2|3|several|a "
    r"few) times|for no reason|by itself|on its own)",
    r"\b(?:cant|cannot|couldnt|unable to|trouble|hard to|struggl\w* to) (?:hold|grip|use) "
    r"(?:a|the|my|his|her|onto (?:a|the|my)) " + _HELD + r"\b",
    # a foot that drags or loses its shoe
    r"\b" + _SHOE + r" " + gap(3) + r"(?:keeps? |kept )?(?:falling|falls|slipping|slips|"
    r"coming|comes) off",
    r"\b" + _SHOE + r" " + gap(3) + r"(?:fell|slipped|came) off (?:my|his|her) (?:left|right)",
    r"\b(?:dragging|drags?|dragged|scuff\w*|shuffl\w*) (?:my|his|her) (?:left |right )?"
    r"(?:foot|leg|toes)\b",
    r"\b(?:foot|leg|toes) " + gap(2) + r"(?:keeps? |kept |is |are |been )?(?:dragging|drags|"
    r"catching|catches|scuffing|slapping|flopping)\b",
    r"\bfoot drop\b",
    # handwriting
    r"\bhandwriting " + gap(3) + any_of(
        "messy", "a mess", "bad", "awful", "terrible", "shaky", "weird", "different",
        "illegible", "worse", "sloppy", "scrawl\\w*", "like a (?:child|kid|toddler)s?",
        "changed", "unreadable", "off", "wrong", "all over", "horrible", "wobbly", "not mine",
        "gone", "like chicken scratch",
    ),
    r"\b(?:cant|cannot|couldnt|unable to|trouble|hard to|struggl\w* to) (?:write|sign (?:my|"
    r"his|her) name) (?:properly|right|straight|legibly|anymore|at all|normally|neatly|"
    r"clearly|with my (?:left|right) hand)",
    # a limb that gives way
    r"\b(?:legs?|knees?|ankles?|hips?) " + gap(2) + r"(?:just )?(?:buckl\w*|collaps\w*|gave way|"
    r"went out|folded|caved|gave out)",
    # an eye that will not close: "I cannot get my eye to close at all"
    r"\b(?:cant|cannot|couldnt|unable to|can never) (?:get|make) (?:my|his|her|the|that) "
    r"(?:left |right )?(?:eye|eyelid|lid)s? (?:to )?(?:close|shut)\b",
    # legs that do not hold the body up: "my legs won't hold me up", "can't stay on my feet"
    r"\b(?:legs?|knees?) " + gap(2) + r"(?:wont|cant|wouldnt|couldnt|dont|didnt|arent|no "
    r"longer) (?:hold|support|carry|keep) (?:me|him|her|my weight|his weight|her weight)\b",
    r"\b(?:cant|cannot|couldnt|can barely|unable to) (?:stand|stay) (?:up )?(?:on my|on his|on "
    r"her) (?:own )?(?:feet|legs)\b",
    r"\b(?:arm|hand) (?:just )?(?:dropped|fell|flopped|drops|falls|flops) (?:to|down to|onto|"
    r"by|at) (?:my|his|her) (?:side|lap)",
    # what the mouth cannot hold, a cheek that fills, an eye that will not wink
    r"\b(?:cant|cannot|couldnt|hard to|trouble|wont|doesnt|unable to) (?:keep|hold) (?:my |his |"
    r"her |the |any |a )?\S+ (?:in|inside) (?:my|his|her|the) mouth",
    r"\b(?:cant|cannot|couldnt|unable to|can no longer) (?:wink|blow a kiss|suck through a "
    r"straw|whistle)\b",
    r"\b(?:forehead|brow|eyebrow|frente|ceja) " + gap(2) + r"(?:doesnt|wont|isnt|not|cant) "
    r"(?:wrinkle|crease|move|lift|go up|frown)\w*",
    r"\b(?:half|one side|part|the left side|the right side) (?:of )?(?:my |his |her )?(?:smile|"
    r"face|mouth) " + gap(2) + r"(?:is |went |has gone |seems )?(?:missing|gone|not there|"
    r"frozen|dead|asleep)\b",
    r"\b(?:left|right|one) side " + gap(2) + r"(?:feels?|felt|is|went|seems?|has felt) (?:kind "
    r"of |kinda |a bit |all |so |really |just |lowkey )?(?:off|weird|funny|strange|different|"
    r"wrong|not right|not mine|heavy|useless|weak)\b",
    r"\b(?:hand|hands|arm|arms|leg|legs|foot|fingers|mouth|face|eye|eyelid|body|side|lips) "
    + gap(2) + r"(?:wont|doesnt|dont|isnt|wouldnt|didnt|not|cant) (?:do what|listen|obey|"
    r"cooperate|respond|follow|work right|work properly|do anything)",
    r"\bmiss\w* (?:the |my |his |her )?\S+ (?:when|as|every time) (?:i|he|she) (?:reach|grab|"
    r"try to (?:grab|pick|reach))",
    r"\b(?:cant|cannot|couldnt|unable to|trouble|hard to|struggl\w* to|struggl\w* with) "
    r"(?:button\w*|zip\w* up|tie (?:my |his |her )?(?:shoes|laces|shoelaces)|do up (?:my |his |"
    r"her )?buttons|fasten\w*|brush (?:my|his|her) teeth|open (?:a|the) (?:jar|bottle|door))",
    r"\b(?:tripping|trip|tripped|trips|stumbling|stumble|stumbled) (?:over|on) (?:my|his|her) "
    r"(?:left |right )?(?:foot|leg)\b",
    # "my arm feels week": the homophone, after a body part
    r"\b(?:face|arm|arms|leg|legs|hand|hands|side|body|mouth|lip|fingers|foot) " + gap(2)
    + r"(?:feels?|felt|feeling|is|are|went|gone|getting|so) (?:so |very |really |kinda |all |a "
    r"bit )?week\b",
    r"\bfacial (?:asymmetr\w*|droop\w*|weak\w*|paralys\w*|palsy|numb\w*|nerve palsy)",
    r"\basymmetr\w* (?:of (?:the|my|his|her) )?(?:face|smile|mouth)",
    r"\b(?:ptosis|hemiparesis|hemiparesia|hemiplegia|hemiplejia|paresthesia\w*|"
    r"paraesthesia\w*|parestesia\w*|lagophthalmos|lagoftalmos|monoparesis|paresia)\b",
    # a mouth or face pulled or drawn to one side ("mouth pulls to one side when he smiles")
    r"\b" + FACE_EN + r" " + gap(2) + any_of(
        "pulls?", "pulled", "pulling", "drawn", "draws", "drags?", "dragged", "twists?",
        "twisted", "slides?", "slid", "slants?", "slanted", "tilts?", "tilted", "leans?",
        "leaned", "sags?", "sagged", "droops?", "drooped", "hangs?", "hung", "goes",
        "went", "shifts?", "shifted", "veers?", "skews?", "skewed", "sits?", "sat", "is",
        "looks?",
    ) + r" (?:down |over |off |up )?(?:to|towards?|toward|on|off to|over to) (?:(?:one|the "
    r"other|a|his|her|my|the) side|(?:the |his |her |my )?(?:left|right)(?: side)?)\b",
    # an eye that cannot be shut, or lets soap or water in
    r"\b(?:cant|cannot|couldnt|unable to|not able to|can no longer|hard to|trouble|struggl\w* "
    r"to|wont|doesnt|dont|isnt) (?:keep|get|hold) " + OWNER + WHICH_SIDE_EN + r"(?:eye|eyes|eyelid|"
    r"eyelids|lid|lids) (?:fully |completely |all the way |properly |tight |tightly )?(?:shut|"
    r"closed)\b",
    r"\b(?:cant|cannot|couldnt|unable to|not able to|can no longer|hard to|trouble|struggl\w* "
    r"to) (?:fully |completely |properly )?(?:close|shut|squeeze shut) " + OWNER + WHICH_SIDE_EN
    + r"(?:eye|eyelid|lid|(?:left|right) eyes?)\b(?! (?:to|for) (?:sleep|nap|rest))",
    r"\b(?:eye|eyelid|lid) " + gap(2) + r"(?:wont|doesnt|cant|isnt|will not|does not) "
    r"(?:fully |completely |all the way )?(?:close|shut|closing|shutting)\b",
    r"\b(?:soap|shampoo|water|dust|wind|sand|sunscreen|makeup) " + gap(3) + r"(?:gets?|"
    r"getting|got|goes|going|went|runs?|running|ran) (?:right )?(?:in|into) " + OWNER
    + WHICH_SIDE_EN + r"(?:eye|it)\b " + gap(3) + r"(?:every time|each time|always|because|cause|"
    r"cant|wont|doesnt|since)",
    # anything held that slips from the fingers ("pen keeps slipping out of my fingers")
    r"\b(?:pen|pencil|fork|spoon|cup|mug|glass|toothbrush|knife|keys|phone|remote|bottle|"
    r"brush|razor|things|stuff|everything|it|they|cards|coins|papers?) " + gap(2) + r"(?:keeps? |"
    r"kept |always |just )?(?:slipp\w*|slips?|slid\w*|fall\w*|fell|dropp\w*|drops?|tumbl\w*)"
    r" (?:right )?(?:out of|from|through|off) (?:my|his|her) (?:left |right )?(?:hand|hands|"
    r"fingers|grip|grasp)\b",
    # a drink that dribbles out on drinking ("water dribbles out when i drink")
    r"\b(?:water|drink|drinks|coffee|tea|juice|soup|milk|liquid|liquids|it|everything|stuff|"
    r"food|saliva|spit) " + gap(2) + r"(?:to )?(?:dribbl\w*|drip\w*|leak\w*|spill\w*|trickl\w*|"
    r"pour\w*|runs?|running|ran|escap\w*|drool\w*|seep\w*) (?:out|down|back out) " + gap(3)
    + r"(?:when|as|while|whenever|every time|each time) (?:i|he|she|they) " + _DRINK_WORDS,
    r"\b(?:i|he|she) (?:keep |keeps |kept |always )?(?:dribbl\w*|drool\w*|spill\w*) (?:\S+ )?"
    r"(?:when|as|while|whenever|every time) (?:i|he|she) " + _DRINK_WORDS,
    r"\b(?:keep|keeps|kept|always|constantly|been|am|is) (?:on )?(?:biting|bite|chewing|chomping)"
    r" " + gap(2) + r"(?:inside of )?(?:my|his|her) (?:left |right )?(?:cheek|cheeks|lip|"
    r"lips|tongue)\b",
    # a hand, arm or leg that has become clumsy or useless on one side
    r"\b(?:left|right|one|his|her|my) (?:hand|arm|leg|foot|fingers|side) " + gap(2)
    + r"(?:is |feels |has been |went |seems |got |keeps being )?(?:so |really |very |kind of "
    r"|kinda |totally |all )?(?:clumsy|uncoordinated|useless|floppy|limp|dead weight|not "
    r"working|not responding)\b",
    # weakness told by a hand or arm at work ("cant lift my arm above my head")
    r"\b(?:cant|cannot|couldnt|unable to|not able to|can barely|can hardly|can no longer) "
    r"(?:lift|raise|hold up|move|feel|squeeze with|grip with|use) (?:my|his|her) (?:left |"
    r"right )?(?:arm|hand|leg|foot|fingers)\b(?! (?:for|because of|after|from) (?:the "
    r"|a )?(?:gym|workout|cast|sling|surgery|injury|fracture|break))",
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
    # "my hand wont grip the cup", "her fingers cant grab anything"
    r"\b(?:hand|hands|fingers|grip) (?:\S+ )?(?:wont|cant|doesnt|cannot|will not|does not|"
    r"isnt able to|is not able to) (?:\S+ )?(?:grip|grab|grasp|hold|squeeze|close|make a fist|"
    r"pinch)\b",
    # "tingling down my whole right side", "numbness all along her left arm"
    r"\b(?:tingling|tingly|tingles|pins and needles|numbness|prickling|buzzing) (?:all )?"
    r"(?:down|along|through|up|across|over|throughout) " + OWNER_EN + WHOLE_SIDE_EN + LIMB_FACE_EN
    + r"\b",
    # "i keep dropping my coffee mug", "she keeps dropping things"
    r"\b(?:keep|keeps|kept|always|constantly) dropping (?:things|stuff|everything|"
    r"(?:my|his|her|the) " + gap(1) + any_of(
        "cup", "mug", "coffee", "tea", "glass", "fork", "spoon", "pen", "keys", "phone",
        "toothbrush", "plate", "bottle", "brush", "cigarette",
    ) + r")\b",
)
# Spanish.
ES: tuple[str, ...] = (
    r"\bca(?:e|en|yo|yendo|iga|igan|ia|ida) " + gap(1) + any_of(
        "la cara", "la boca", "el parpado", "un lado", "el labio", "la mitad", "la ceja",
        "el lado",
    ),
    r"\b" + BODY_ES + " " + gap(2) + any_of(
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
    r"\b" + NO_PUEDO_ES + " " + gap(1) + any_of(
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
    r"\b" + BODY_WIDE_ES + " " + gap(4) + _FLOJA + r"\b(?! (?:de|por) (?:estar|tanto|"
    r"dormir|la postura|sentad\w*|cruzad\w*|la anestesia|el dentista|la inyeccion|frio))",
    r"\b" + _SE + gap(1) + _VERBO_CAIDA + r" " + gap(2) + r"(?:la |el |las |los |mi |mis |"
    r"un |una |medio )?" + BODY_WIDE_ES + r"\b(?! (?:de|por) (?:estar|tanto|dormir|la "
    r"postura|sentad\w*|cruzad\w*|la anestesia|el dentista|frio))",
    r"\b(?:c|k)a(?:e|en|yo|yendo|iga|igan|ia|ido|ida) " + gap(1) + any_of(
        "la cara", "la boca", "el parpado", "un lado", "el labio", "la mitad", "la ceja",
        "el lado", "media cara", "la sonrisa", "la comisura", "el cachete", "la mejilla",
    ),
    r"\b(?:hormigueo|cosquilleo|adormecimiento|entumecimiento|calambre\w*) " + gap(3)
    + r"(?:en |de )(?:la |el |las |los |mi |mis |toda |todo |medio |media )?"
    + BODY_WIDE_ES,
    r"\bno (?:me |le |te )?(?:lo |la |los |las )?(?:puedo|puede|pude|podia|logro|consigo) "
    r"(?:ni )?(?:levantar|mover|subir|cerrar|sentir|apretar|agarrar|sostener|mover bien|"
    r"levantar bien)",
    r"\bno (?:lo |la |los |las )?(?:levanto|muevo|subo|cierro|siento|aprieto) (?:bien|nada|"
    r"para nada|casi)?\b",
    r"\b(?:la |el |mi |las |los |mis )?" + BODY_WIDE_ES + " " + gap(2)
    + r"no (?:me |le |te )?(?:sube|suben|responde|responden|funciona|funcionan|obedece|"
    r"obedecen|cierra|cierran|se mueve|se mueven|se levanta|hace caso|se cierra|"
    r"sella|sellan|junta|juntan)",
    r"\bno (?:me |le |te )?(?:sube|responde|funciona|obedece|cierra|se mueve|se levanta|"
    r"hace caso) " + gap(1) + r"(?:la |el |mi |las |los )?" + BODY_WIDE_ES,
    r"\bno (?:puedo|puede|pude|logro) (?:juntar|cerrar|apretar|sellar) (?:bien )?"
    r"(?:los |mis )?labios",
    r"\b(?:labios|boca) " + gap(2) + r"no (?:se )?(?:juntan|cierran|sellan|cierra|aprietan)",
    r"\bno (?:me |le )?(?:junto|junta|cierro|cierra|aprieto|aprieta|sello|sella) (?:bien )?"
    r"(?:los |mis |sus )?labios",
    r"\bmedia cara\b(?! de)",
    r"\bse (?:me|le) escurre (?:el agua|la bebida|la comida|la baba|el liquido)",
    # Spanish: a drink escaping at the corner, food in the cheek
    r"\b(?:se (?:me|le|te) )" + gap(1) + _ES_ESCAPA + r" " + gap(1) + r"(?:" + _ES_LIQUIDO
    + r" )?" + gap(1) + _ES_ORILLA,
    r"\b" + _ES_ESCAPA + r" " + gap(2) + r"(?:por|de) (?:la |una )?(?:comisura|esquina de la "
    r"boca|orilla de la boca)",
    r"\b(?:se (?:me|le|te) |me |le )?(?:queda|quedan|quedo|junta|juntan|acumula|acumulan|"
    r"atora|atoran|atasca|atascan|mete|meten|va|van|pega|pegan|guarda|guardan|esconde) "
    + gap(3) + r"(?:en|entre) (?:el |la |los |las |mi |mis |su |sus |un )?(?:cachetes?|"
    r"mejillas?|moflete|mofletes|carrillos?|lado de la boca|encia y (?:el|la) (?:cachete|"
    r"mejilla))\b",
    r"\b(?:saco|sacar|sacarme|saca|sacarle|quito|quitar|quitarme) (?:la |las |los |el )?"
    r"(?:comida|restos|pedacitos|pedazos|bocado|migas) " + gap(2) + r"(?:del|de la|de los) "
    r"(?:cachete|mejilla|moflete|carrillo)",
    # Spanish: cheeks, lips, forehead that will not do their job
    r"\bno (?:puedo|puede|pude|logro|consigo|podia) (?:ni )?(?:inflar|soplar|chiflar|silbar|"
    r"chupar|sorber|arrugar|fruncir|apretar|cerrar bien)\b",
    r"\b(?:se (?:me|le) )?(?:sale|escapa|va) el aire (?:al|cuando|si) (?:inflar|soplar|silbar|"
    r"chiflar|infl\w*|sopl\w*)",
    # Spanish: an eye that stays open, does not blink
    r"\b(?:ojos?|parpados?) " + gap(4) + r"no (?:me |le |te )?(?:se )?(?:(?:me |le )?cierra|"
    r"cierran|cerraba|parpadea|parpadean|pestanea|pestanean|baja|bajan)\b",
    r"\b(?:se (?:me|le) )?(?:queda|quedan|quedo|quedaba) abiert[oa]s? (?:el |los |mi |su )?"
    r"(?:ojo|ojos|parpado)",
    r"\b(?:ojo|ojos|parpados?) " + gap(3) + r"(?:se (?:me|le) )?(?:queda|quedan|quedo|"
    r"quedaba) abiert",
    r"\b(?:dorm|duerm)\w* con (?:el|un|los|mi|su) (?:ojo|ojos|parpado) (?:medio |un poco )?"
    r"abiert",
    r"\b(?:pegar|tapar|cerrar|pego|tapo|cierro|pegarme|taparme|cerrarme|pegarle|taparle)\w* "
    r"(?:el|mi|su) (?:ojo|parpado) con (?:cinta|curita|tela adhesiva|esparadrapo|micropore|"
    r"un parche)",
    # Spanish: biting the cheek
    r"\b(?:me muerdo|se muerde|me mordi|me he mordido|me muerde|mordiendome|se mordio) "
    r"(?:el |la |los |las )?(?:cachetes?|mejillas?|labios?|carrillos?|moflete) " + gap(3)
    + r"(?:de un lado|del lado|al masticar|al comer|seguido|siempre|a cada rato|cada vez|todo "
    r"el tiempo|mucho|sin querer (?:de un lado|seguido))",
    # Spanish: the smile and one side that feels wrong
    r"\b(?:solo|nada mas|nomas|unicamente) (?:se (?:me|le) |me |le )?(?:sube|mueve|levanta|"
    r"funciona|sonrie|responde) (?:un lado|la mitad|el lado (?:izquierdo|derecho)|media boca|"
    r"un solo lado|de un lado)",
    r"\b(?:siento|noto|tengo|tiene|siente|nota|senti|note|se siente|se me siente|se le siente|"
    r"la siento|lo siento) (?:como )?(?:muy |medio |bien )?" + _ES_RARO + r" " + gap(2)
    + r"(?:un lado|la mitad|medio lado|media cara|el lado|un costado)",
    r"\b" + BODY_SIDE_ES + r" " + gap(2) + _ES_RARO + r" " + _ES_LADO,
    r"\b(?:mitad|un lado|lado (?:izquierdo|derecho)) (?:de|del) (?:la |mi |su )?(?:cara|boca|"
    r"sonrisa|labio|rostro) " + gap(2) + _ES_RARO + r"\b",
    r"\b" + BODY_SIDE_ES + r" (?:izquierd[oa]s?|derech[oa]s?) " + gap(2) + _ES_RARO + r"\b",
    # Spanish: the limp word before the part ("tengo dormida la mano", "siento dormido el
    # labio", "tengo entumida media cara")
    r"\b(?:tengo|tiene|traigo|trae|siento|sentia|senti|siente|noto|note|llevo|lleva|"
    r"amaneci con|amanecio con|desperte con|desperto con) (?:como )?(?:bien |muy |toda |todo |"
    r"medio )?" + _ES_DORMIDA + r" (?:la |el |las |los |mi |mis |su |sus |media |medio |un |"
    r"una |toda |todo )?(?:mitad (?:de|del) (?:la |el |mi |su )?)?" + BODY_SIDE_ES + r"\b",
    r"\bse (?:me|le|te) (?:entum\w*|engarrot\w*|agarrot\w*|acalambr\w*|adormec\w*|"
    r"paraliz\w*) " + gap(1) + r"(?:la |el |las |los |mi |mis |media |medio )?" + BODY_SIDE_ES,
    r"\b" + BODY_SIDE_ES + r" " + gap(2) + r"no se (?:me|le|te) (?:arruga|arrugan|mueve|mueven|"
    r"levanta|levantan|cierra|cierran|sube|suben|junta|juntan|frunce)\b",
    r"\bse (?:me|le|te) (?:caen|resbalan|zafan) (?:las cosas|todo|los vasos|las tazas|los "
    r"platos|las llaves|los cubiertos)\b",
    r"\bno (?:puedo|puede|pude|logro) (?:abotonar\w*|abrochar\w*|amarrar\w* (?:las agujetas|"
    r"los zapatos|los cordones|las cintas)|atar\w* (?:los cordones|las agujetas|los zapatos)|"
    r"cepillarme los dientes|abrir (?:el|la|un|una) (?:frasco|botella|puerta))",
    r"\b(?:me tropiezo|se tropieza|me tropece|se tropezo|tropezando) (?:con|por) (?:el|mi|su) "
    r"(?:pie|pierna)\b",
    # Spanish: dropping things, a foot that drags, handwriting, a leg that gives way
    r"\bse (?:me|le|te) (?:caen|cae|resbalan|resbala|zafan|zafa|escurren|escurre|van cayendo|"
    r"estan cayendo|sueltan) " + gap(3) + r"(?:de|de la|de las|de mi|de mis|de su|de sus) "
    r"(?:la |las |mi |mis |su |sus )?(?:mano|manos|dedos)\b",
    r"\bse (?:me|le|te) (?:sale|salen|cae|caen|zafa|zafan|salio|cayo|safa) " + gap(1)
    + r"(?:el zapato|la chancla|la chancleta|la sandalia|la pantufla|el tenis|la zapatilla|"
    r"las chanclas|los zapatos|el huarache|la alpargata|la chinela|la cholita)",
    r"\barrastr(?:o|a|an|ando|aba|e) (?:el|la|los|las|mi|su|mis|sus) (?:pie|pierna|pies|"
    r"piernas)\b",
    r"\b(?:mi|su) letra " + gap(2) + any_of(
        "fea", "rara", "chueca", "temblorosa", "ilegible", "horrible", "mal", "distinta",
        "diferente", "cambio", "cambiada", "de nin[oa]", "como de nin[oa]", "no se entiende",
    ),
    r"\b(?:no (?:puedo|puede|pude|logro)|me cuesta|le cuesta|dificultad para) (?:escribir|"
    r"firmar) (?:bien|mi nombre|su nombre|derecho|claro|con la mano|nada)",
    r"\bse (?:me|le|te) (?:doblo|doblaron|dobla|doblan|vencio|vencieron|vence|vencen|aflojo|"
    r"aflojaron|afloja|aflojan|fallo|fallaron|fue|fueron) (?:la |las |el |los |mi |mis )?"
    r"(?:pierna|piernas|rodilla|rodillas|tobillo)\b",
    # "no consigo que el ojo se cierre", "no logro cerrar el ojo del todo"
    r"\bno (?:consigo|logro|puedo hacer|puede hacer) que (?:el|mi|su) (?:ojo|parpado) (?:se )?"
    r"(?:cierre|cierren)\b",
    # "las piernas no me sostienen", "no me sostengo en pie", "mi mama no se sostiene de pie"
    r"\b(?:pierna|piernas|rodillas) " + gap(2) + r"(?:ya )?no (?:me |le |lo |la |te )?"
    r"(?:sostienen|sostiene|aguantan|aguanta|soportan|sostenian|sostuvieron)\b",
    r"\bno (?:me |le |te )?(?:sostienen|aguantan) (?:las |mis |sus )?(?:piernas|rodillas)\b",
    r"\bno (?:me sostengo|se sostiene|se sostenia|me sostenia|me puedo sostener|se puede "
    r"sostener|puedo sostenerme|puede sostenerse|me mantengo|se mantiene) (?:en pie|de pie|"
    r"parad[oa])\b",
    r"\bme (?:fallo|fallaron|falla|fallan|fallaba|fallaban) (?:la|las|el|los|mi|mis) (?:pierna|"
    r"piernas|brazo|brazos|mano|manos|rodilla|rodillas)\b",
    r"\basimetri\w* (?:facial|de la cara|en la cara|de la boca|en la boca|de la sonrisa)",
    r"\bacorchad[oa]s?\b|\bacorch\w* (?:la|el|los|las|mi|media|medio)",
    r"\b(?:jeta|trompa|geta) " + gap(2) + r"(?:dormid\w*|chuec\w*|torcid\w*|caid\w*|"
    r"colgad\w*|de lado)",
    r"\bse (?:me|le|te) (?:ha|han|habia) (?:quedado|dormido|caido|torcido|entumido|"
    r"entumecido|adormecido|paralizado|acorchado|ido) " + gap(1) + r"(?:la |el |las |los |"
    r"mi |media |medio )?(?:cara|boca|labio|labios|brazo|pierna|mano|mejilla|lado|mitad|"
    r"cuerpo|parpado|ceja|sonrisa|pie)",
    r"\bno (?:puedo|puede|pude|logro|consigo|podia|alcanzo a) cerrar (?:bien |del todo |"
    r"completamente |completo )?(?:el|mi|su|un) (?:ojo|parpado)\b(?! (?:para|pa) (?:dormir|"
    r"descansar))",
    r"\bno (?:puedo|puede|pude|logro|consigo|podia) (?:mantener|tener) (?:el|mi|su|los|sus|"
    r"mis) (?:ojo|ojos|parpado|parpados) (?:izquierdo |derecho )?(?:cerrado|cerrados|bien "
    r"cerrado|cerrad[oa]s?)\b",
    r"\b(?:se (?:me|le) )?(?:mete|entra|metio|entro|meten|entran) (?:el |la )?(?:jabon|"
    r"champu|shampoo|agua|polvo|viento|tierra) (?:\S+ )?(?:en|al) (?:el |mi |su )?ojo\b "
    + gap(3) + r"(?:porque|pq|xq|no (?:lo |se )?(?:puedo|puede|cierra)|siempre|cada vez)",
    r"\bse (?:me|le|te) (?:resbala|resbalan|resbalo|resbalaron|cae|caen|cayo|cayeron|zafa|zafan|"
    r"escurre|escurren|va|van) " + gap(3) + r"(?:de|de la|de las|de los|del|de mi|de mis|de su|"
    r"de sus|entre) (?:la |las |los |mi |mis |su |sus )?(?:mano|manos|dedos)\b",
    r"\b(?:se (?:me|le|te) )(?:escurre|sale|cae|chorrea|derrama|va|riega|escapa|salen|caen) "
    r"(?:el |la )?(?:agua|bebida|cafe|sopa|jugo|leche|liquido|saliva|baba|comida|todo) "
    + gap(2) + r"(?:cuando|al|mientras|cada vez que) (?:tomo|bebo|toma|bebe|tomar|beber|como|"
    r"come|comer|enjuago|enjuagarme|enjuaga)",
    # "se me puso chueca la boca": a posture verb, the bent word, then the part
    r"\bse (?:me|le|te) (?:puso|pone|ha puesto|esta poniendo|quedo|queda|ha quedado|fue|va|"
    r"hizo|volvio|vio) (?:como |medio |bien |toda |todo |un poco )?" + _BENT_ES + r" "
    + gap(1) + r"(?:la |el |las |los |mi |mis |su |sus |media |medio )?" + FACE_LIMB_ES + r"\b",
    r"\bse (?:me|le|te) (?:puso|pone|ha puesto|esta poniendo|quedo|queda|ha quedado) (?:la |el |"
    r"mi |su |media |medio )?" + FACE_LIMB_ES + r" (?:como |medio |bien |toda |todo |un poco )?"
    + _BENT_ES + r"\b",
    # "se me callo la cara": "callo" written for "cayo"
    r"\bse (?:me|le|te) (?:callo|callo|kallo|kayo|callio|callendo|calleron) " + gap(1)
    + r"(?:la |el |las |los |mi |su |media |medio )?" + FACE_LIMB_ES + r"\b",
    # biting the cheek: any regular or one-sided way of saying it
    r"\b(?:me muerdo|se muerde|me mordi|me he mordido|me muerde|mordiendome|se mordio|me vivo "
    r"mordiendo|muerdo) (?:el |la |los |las |mi |su )?(?:cachetes?|mejillas?|labios?|"
    r"carrillos?|moflete) " + gap(4) + any_of(
        "todo el rato", "todo el dia", "a cada rato", "a cada ratito", "a cada rato", "seguido",
        "siempre", "cada vez", "todo el tiempo", "de un lado", "del lado", "un monton",
        "muy seguido", "a cada rato", "cada que como", "cuando como", "al comer",
        "al masticar", "sin querer", "a cada momento", "cada dos por tres", "constantemente",
    ),
    r"\b(?:mano|brazo|pierna|pie|dedos|lado) (?:izquierd[oa]s? |derech[oa]s? )?" + gap(2)
    + r"(?:esta |anda |se siente |la siento |lo siento |se me puso |se le puso )?(?:muy |bien "
    r"|medio |toda |todo )?(?:torpe|inutil|sin fuerza|como muert[oa]|como trapo|no me responde|"
    r"no le responde|no responde|no me obedece|no le obedece)\b",
    r"\bno (?:puedo|puede|pude|logro|consigo) (?:levantar|mover|subir|alzar|sentir|apretar) "
    r"(?:el|la|mi|su) (?:brazo|mano|pierna|pie|dedos)\b(?! (?:por|despues de) (?:el "
    r"|la )?(?:gimnasio|yeso|cirugia|fractura|ejercicio))",
    # clinical words: "hipoestesia", "hypoesthesia", "disestesia"
    r"\b(?:hipoestesi\w*|hipostesi\w*|hypo(?:a)?esthesi\w*|dysa?esthesi\w*|disestesi\w*|"
    r"hemihipoestesi\w*|hemiparestesi\w*|anestesia facial|facial anesthesia)\b",
    # a tingle or numbness word, then where: "hormigueo en la lengua", "adormecida la
    # hemicara", "piquetitos en la mitad de la cara"
    r"\b" + _ES_TINGLE + r" " + gap(3) + r"(?:en|de|del) (?:la |el |las |los |mi |mis |su |sus "
    r"|toda |todo |media |medio |un |una |la mitad de (?:la |el |mi )?|el lado \w+ de (?:la "
    r"|el |mi )?)?(?:izquierd[oa] |derech[oa] )?" + BODY_CLINICAL_ES + r"\b" + _NOT_FROM,
    r"\b(?:hemicara|hemicuerpo|hemilengua|hemifacies|media cara|mitad de la cara|lengua|cara|"
    r"boca|labios?|cachetes?|mejillas?|menton|pomulo|moflete|paladar|encias?) " + gap(3)
    + any_of(_ES_TINGLE, "dormid[oa]s?", "como de (?:carton|palo|plastico|hule|goma|corcho)",
             "como muert[oa]", "como anestesiad[oa]", "como (?:si|cuando) (?:me )?(?:hubieran|"
             "pusieran|pusieron) anestesia") + r"\b" + _NOT_FROM,
    # "no siento la mitad de la cara", "ya no me siento bien el labio", "no le siente la mano"
    r"\bno (?:me |le |te )?(?:siento|siente|sentia|sentian|senti|sintio|sentimos|sentis) "
    r"(?:bien |nada |casi |ya |muy bien |para nada )?(?:(?:el|la|los|las|mi|mis|su|sus|media|"
    r"medio) )?(?:mitad (?:de|del) (?:la |el |mi )?|lado (?:izquierdo |derecho )?de (?:la |el |"
    r"mi )?)?(?:izquierd[oa] |derech[oa] )?" + BODY_CLINICAL_ES + r"\b" + _NOT_FROM,
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
    # "hormigueo en todo el brazo", "siento hormigas en la mitad de la cara"
    r"\b(?:hormigueo|hormigas|hormigeo|cosquilleo|adormecimiento|entumecimiento) (?:por |en |"
    r"a lo largo de )" + WHOLE_SIDE_ES + OWNER_ES + r"?" + LIMB_FACE_ES + r"\b",
    # "no tengo fuerza en la mano", "se quedo sin fuerza en el brazo"
    r"\b(?:no tengo|no tiene|no tenia|perdi|perdio|me quede sin|se quedo sin|sin) (?:\S+ )?"
    r"(?:fuerza|fuerzas) (?:en|de) " + WHOLE_SIDE_ES + OWNER_ES + r"?" + LIMB_FACE_ES + r"\b",
    # one side of the face that looks or feels odd: "un lado de la cara se le ve raro",
    # "la mitad de la boca la siento distinta" (the English twin is in EN)
    r"\b(?:un|el|medio|la mitad del?|la mitad de la) (?:lado (?:izquierdo |derecho )?de )?"
    r"(?:la |mi |su |tu )?(?:cara|boca|rostro|sonrisa) " + gap(2)
    + r"(?:se (?:me |le |te )?)?(?:ve|veia|vio|siente|sentia|nota|notaba|esta|estaba|quedo|"
    r"queda|(?:la|lo) (?:siento|sentia|noto|veo)) " + gap(1) + any_of(
        "rar[oa]", "distint[oa]", "diferente", "chuec[oa]", "caid[oa]", "extran[oa]",
        "torcid[oa]", "mal", "floj[oa]", "dormid[oa]", "como caid[oa]", "desigual",
    ),
)
# Either language: clinical words, Spanglish, checklist answers.
BOTH: tuple[str, ...] = (
    r"\b(?:cheek|cheeks|cachete|cachetes|mejilla|mejillas|moflete) " + gap(2) + r"(?:fills?|"
    r"filling|full|filled|llena\w*|se llena\w*) (?:up )?(?:with|of|de|con) (?:\S+ )?(?:food|"
    r"comida)",
    r"\b(?:chew|chewing|chews|mastic\w*) (?:only |solo |nada mas |nomas )?(?:on|de|por|con) "
    r"(?:one|un) (?:solo )?(?:side|lado)\b " + gap(4) + r"(?:food|comida|stuck|atora|queda|"
    r"atasca|pega|cheek|cachete|mejilla)",
    r"\b" + _REDUCED + r" (?:la |el |the |any |all )?" + _SENSATION
    + r" (?:in|on|of|down|along|en|de|del) (?:the |my |"
    r"his |her |la |el |mi |su |one |both )?(?:left |right |izquierd[oa] |derech[oa] )?"
    r"(?:side|face|arm|leg|hand|fingers|foot|lip|lips|mouth|cheek|eyelid|brazo|pierna|mano|"
    r"cara|boca|labio|mejilla|lado|dedos|pie|parpado)",
)
PATTERNS: tuple[str, ...] = EN + ES + BOTH
