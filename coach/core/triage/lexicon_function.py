"""Red flags told by what stops working, in English and Spanish.

Patients rarely name a symptom: they say coffee dribbles from one corner of the mouth, food
collects in a cheek, the eye stays open in the shower, a shoe falls off, words come out in
the wrong order, they sleep sitting up to breathe, they are giving their things away, the
board at school looks doubled. Each block below is one such function, written broadly (verb
forms, word orders, regional Spanish) rather than as the sentences that revealed it.
Accents are folded before matching; every repetition is bounded (see lexicon.py).
"""

from __future__ import annotations

from coach.core.triage.lexicon import any_of, gap
from coach.core.types import RedFlag

# --- weakness -------------------------------------------------------------------------------
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
_ES_PARTE = any_of(
    "cara", "boca", "labios?", "mejillas?", "cachetes?", "cejas?", "frente", "parpados?",
    "sonrisa", "brazos?", "piernas?", "manos?", "dedos?", "pies?", "lado", "mitad", "rostro",
    "menton", "comisura", "moflete", "carrillo", "medio cuerpo", "lengua",
)
_ES_DORMIDA = any_of(
    "dormid[oa]s?", "entumid[oa]s?", "entumecid[oa]s?", "adormecid[oa]s?", "paralizad[oa]s?",
    "caid[oa]s?", "torcid[oa]s?", "chuec[oa]s?", "muert[oa]s?", "floj[oa]s?", "ties[oa]s?",
    "colgad[oa]s?", "engarrotad[oa]s?", "acalambrad[oa]s?", "insensible", "sin fuerza",
    "rar[oa]s?", "extran[oa]s?", "pesad[oa]s?", "ladead[oa]s?", "desviad[oa]s?",
)
_ES_RARO = any_of(
    "rar[oa]s?", "extran[oa]s?", "distint[oa]s?", "diferente", "chistos[oa]", "ties[oa]",
    "tirante", "acartonad[oa]", "como de carton", "como de palo", "como ajena", "como ajeno",
)
_ES_LADO = r"(?:del|de un|en el|de este|por el|de mi|en un|de ese) (?:\S+ )?(?:lado|costado)"
_ES_LIQUIDO = any_of(
    "el agua", "agua", "la bebida", "el cafe", "cafe", "la sopa", "sopa", "el jugo", "jugo",
    "la leche", "leche", "el te", "el liquido", "liquidos?", "la saliva", "saliva", "la baba",
    "el refresco", "el caldo", "caldo", "la comida", "comida", "el enjuague", "todo", "la",
    "lo",
)
_ES_ESCAPA = any_of(
    "escurre", "escurren", "escurrio", "sale", "salen", "salio", "chorrea", "chorrean",
    "chorreo", "derrama", "derraman", "derramo", "riega", "riegan", "rego", "cae", "caen",
    "cayo", "escapa", "escapan", "escapo", "va", "van", "fue", "gotea", "gotean",
)
_ES_ORILLA = (
    r"(?:por|de|del) (?:la |el |un |una |mi |su )?(?:comisura|esquina|orilla|ladito|lado|"
    r"costado|rincon|boca|un lado)"
)

WEAKNESS = (
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
    r"\b(?:arm|hand) (?:just )?(?:dropped|fell|flopped|drops|falls|flops) (?:to|down to|onto|"
    r"by|at) (?:my|his|her) (?:side|lap)",
    # what the mouth cannot hold, a cheek that fills, an eye that will not wink
    r"\b(?:cant|cannot|couldnt|hard to|trouble|wont|doesnt|unable to) (?:keep|hold) (?:my |his |"
    r"her |the |any |a )?\S+ (?:in|inside) (?:my|his|her|the) mouth",
    r"\b(?:cheek|cheeks|cachete|cachetes|mejilla|mejillas|moflete) " + gap(2) + r"(?:fills?|"
    r"filling|full|filled|llena\w*|se llena\w*) (?:up )?(?:with|of|de|con) (?:\S+ )?(?:food|"
    r"comida)",
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
    r"\b(?:chew|chewing|chews|mastic\w*) (?:only |solo |nada mas |nomas )?(?:on|de|por|con) "
    r"(?:one|un) (?:solo )?(?:side|lado)\b " + gap(4) + r"(?:food|comida|stuck|atora|queda|"
    r"atasca|pega|cheek|cachete|mejilla)",
    # "my arm feels week": the homophone, after a body part
    r"\b(?:face|arm|arms|leg|legs|hand|hands|side|body|mouth|lip|fingers|foot) " + gap(2)
    + r"(?:feels?|felt|feeling|is|are|went|gone|getting|so) (?:so |very |really |kinda |all |a "
    r"bit )?week\b",
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
    r"\b" + _ES_PARTE + r" " + gap(2) + _ES_RARO + r" " + _ES_LADO,
    r"\b(?:mitad|un lado|lado (?:izquierdo|derecho)) (?:de|del) (?:la |mi |su )?(?:cara|boca|"
    r"sonrisa|labio|rostro) " + gap(2) + _ES_RARO + r"\b",
    r"\b" + _ES_PARTE + r" (?:izquierd[oa]s?|derech[oa]s?) " + gap(2) + _ES_RARO + r"\b",
    # Spanish: the limp word before the part ("tengo dormida la mano", "siento dormido el
    # labio", "tengo entumida media cara")
    r"\b(?:tengo|tiene|traigo|trae|siento|sentia|senti|siente|noto|note|llevo|lleva|"
    r"amaneci con|amanecio con|desperte con|desperto con) (?:como )?(?:bien |muy |toda |todo |"
    r"medio )?" + _ES_DORMIDA + r" (?:la |el |las |los |mi |mis |su |sus |media |medio |un |"
    r"una |toda |todo )?(?:mitad (?:de|del) (?:la |el |mi |su )?)?" + _ES_PARTE + r"\b",
    r"\bse (?:me|le|te) (?:entum\w*|engarrot\w*|agarrot\w*|acalambr\w*|adormec\w*|"
    r"paraliz\w*) " + gap(1) + r"(?:la |el |las |los |mi |mis |media |medio )?" + _ES_PARTE,
    r"\b" + _ES_PARTE + r" " + gap(2) + r"no se (?:me|le|te) (?:arruga|arrugan|mueve|mueven|"
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
    r"\bme (?:fallo|fallaron|falla|fallan|fallaba|fallaban) (?:la|las|el|los|mi|mis) (?:pierna|"
    r"piernas|brazo|brazos|mano|manos|rodilla|rodillas)\b",
)

# --- speech ---------------------------------------------------------------------------------
SPEECH = (
    r"\b(?:say|saying|said|says|call\w*) (?:\S+ ){1,3}(?:when|but|instead of what) (?:i|he|"
    r"she) (?:mean|meant|means|want|wanted|wants)\b",
    r"\b(?:say|said|saying|mean|meant|want to say|try to say|trying to say|tried to say) "
    r"(?:one word|something|one thing|a word)\b " + gap(3) + r"(?:another|something else|a "
    r"different (?:one|word)|the wrong (?:one|word)|a random word) (?:comes?|came|coming) out",
    r"\bsound\w* like (?:hes|shes|im|i am|he is|she is|i was|he was|she was|ive|hes been|"
    r"shes been|he has been|she has been|ive been|i have been|theyre|they are|they have been)"
    r" ?(?:been )?(?:drunk|drinking|wasted|tipsy|had a few|hammered|on something)\b",
    r"\b(?:like|as if) (?:i have|i had|i got|theres|there is|hes got|he has|she has|shes got|"
    r"with) (?:a )?(?:mouth ?full of |bunch of )?(?:marbles|cotton|rocks|a sock|socks) in (?:my|"
    r"his|her) mouth",
    r"\b(?:mouth ?full of|mouthful of) (?:marbles|cotton|rocks)",
    r"\b(?:words?|sentences?) (?:just |really |simply |still )?(?:wont|dont|wouldnt|didnt|arent|"
    r"werent|cant) " + gap(1) + r"(?:come|come out|form|work|make sense|flow)",
    r"\b(?:sound|sounds|sounding|sounded|talk\w*|speak\w*) like (?:i|he|she|im|hes|shes|ive|"
    r"hes|he has|she has|i have) (?:just )?(?:had|have|having|has|is having|am having|been "
    r"having) (?:a )?(?:stroke|mini stroke)",
    r"\b(?:forget|forgetting|forgot|lose|losing|lost) (?:simple |common |basic |easy |my )?words "
    r"(?:mid|in the middle|halfway|when i talk|while talking|when talking|as i talk)",
    r"\btongue " + gap(2) + r"(?:isnt|is not|wont|doesnt|not) (?:working|work|moving|move)\w* "
    r"(?:right|properly|well|normally)",
    r"\bhabl\w* como si (?:tuviera|tuviese|trajera|tuvieras) (?:la boca|la lengua) (?:dormida|"
    r"llena|hinchada|adormecida|de trapo|trabada|pesada)",
    r"\b(?:me|se|le) (?:enred\w*|atoro|atora|atore|trabo|trabe) (?:al|cuando|para) (?:hablar|"
    r"hablo|habla|decir)",
    r"\btalk\w* like (?:my|his|her) mouth (?:is|was) full",
    r"\b(?:digo|dice|decia|dije|quiero decir|quiere decir|trato de decir|intento decir) "
    r"(?:una cosa|algo|una palabra|otra cosa)? ?" + gap(2) + r"(?:y|pero) (?:me |le )?(?:sale|"
    r"salen|salio|dice|digo) (?:otra|otras|otro|algo diferente|cualquier cosa|otra cosa|otras "
    r"palabras)\b",
    r"\b(?:me|se|le) equivoc\w* (?:de|con las?|en las?) palabras?",
    r"\b(?:me |le )?(?:salen|sale|salieron) (?:otras? palabras?|palabras equivocadas|cualquier "
    r"palabra|palabras que no son)\b",
    r"\b(?:suena|sonaba|suenas|sueno|hablo|habla|hablaba|parece|pareces|parezco|como) (?:como "
    r"|como si estuviera |como si estuviese |como si anduviera )?(?:borrach[oa]|tomad[oa]|"
    r"pedo|ebri[oa]|mamad[oa]|jum[oa]|prendid[oa]|pasad[oa] de copas|picad[oa])\b",
    r"\bse (?:me|le|te) (?:traba\w*|enred\w*) (?:las |mis |sus |la )?(?:palabras|palabra|"
    r"lengua|silabas|letras)",
    r"\blengua " + gap(2) + any_of(
        "gorda", "tiesa", "floja", "lenta", "rara", "entumida", "adormecida", "acalambrada",
        "como de trapo", "torpe", "pesada", "dormida", "trabada", "hinchada", "como de piedra",
    ),
)

# --- swallowing -----------------------------------------------------------------------------
SWALLOWING = (
    r"\b(?:cough|chok|gag|splutter|sputter)\w* " + gap(4) + r"(?:with|during|at|over|through|"
    r"after|on) (?:every |each |all |my |the |a |most )?(?:meal|meals|bite|bites|sip|sips|drink|"
    r"drinks|mouthful|mouthfuls|swallow|dinner|lunch|breakfast|food|supper)\b",
    r"\b(?:cant|cannot|couldnt|unable to|trouble|struggl\w*|hard to|hard time) " + gap(1)
    + r"(?:get|getting|keep|force|forcing|push) (?:my |his |her )?(?:own )?(?:spit|saliva) "
    r"down",
    r"\b(?:swallow\w*|tragar|trago|traga|trag\w*) " + gap(3) + r"(?:twice|two times|three "
    r"times|several times|multiple times|a few times|2 times|3 times|over and over|dos veces|"
    r"tres veces|varias veces|muchas veces)\b",
    r"\bse (?:me|le|te) (?:va|van|fue|fueron|iba|iban|pasa|pasan|mete|metio) " + gap(3)
    + r"(?:al|a los|a el|para el|pal|pa el) (?:pulmon|pulmones)\b",
    r"\bse (?:me|le|te) (?:sale|salen|salio|salieron|regresa|regresan|devuelve|devuelven|"
    r"vuelve|sube) (?:el agua|la comida|la bebida|el liquido|la leche|el jugo|la sopa|el cafe|"
    r"lo que (?:como|tomo|bebo)|todo)? ?(?:por|de) la nariz",
)

# --- breathing ------------------------------------------------------------------------------
BREATHING = (
    r"\b(?:pillows?|sitting up|sit up|sat up|propped up|prop (?:my|him|her)self up|upright|"
    r"in a chair|in the recliner|in my recliner|recliner) " + gap(3) + r"(?:to|so i can|so he "
    r"can|so she can|or i cant|or else i cant|otherwise i cant|in order to|or he cant|or she "
    r"cant) (?:\S+ )?(?:breathe|breath|get air|catch)",
    r"\b(?:cant|cannot|couldnt|unable to) (?:lie|lay|sleep) (?:down )?flat\b(?! on (?:my|his|"
    r"her|the) (?:stomach|front|tummy|belly|side|face))",
    r"\b(?:cant|cannot|couldnt|unable to) (?:lie|lay|sleep) (?:down )?(?:on my back )?(?:without|"
    r"or|because|cause) (?:getting |feeling |i get |i feel )?(?:breathless|short of breath|"
    r"winded|choking|gasping|suffocat\w*|cant breathe|out of breath|drowning)",
    r"\b(?:stop|pause|stopping|pausing|stops|pauses) " + gap(2) + r"(?:for|to) (?:catch (?:my "
    r"|his |her )?breath|breathe|air|a breath|breath)\b(?= (?:\S+ ){0,6}(?:sentence|sentences|"
    r"talking|speaking|talk|speak|conversation|dressed|shower\w*|bathroom|across the room|"
    r"tying|brushing)\b)",
    r"\b(?:mid|middle of (?:a |my )?|halfway through (?:a |my )?)(?:sentence|sentences|"
    r"conversation) " + gap(4) + r"(?:air|breath|breathe)\b",
    r"\bbreathing " + gap(2) + r"(?:feels |is |seems |has become |became )?(?:like )?(?:a chore|"
    r"work|an effort|effort|a struggle|hard work|a battle|a fight)\b",
    r"\b(?:like|as if) (?:im |i am |hes |shes |he is |she is )?(?:breathing|breathe|breath\w*) "
    r"(?:through|thru) a (?:straw|pillow|wet towel|sock)",
    r"\b(?:fingernails|nails|nail beds|toes|toenails|skin around (?:my |his |her )?(?:mouth|"
    r"lips)) " + gap(3) + r"(?:blue|bluish|purple|grey|gray|dusky)\b",
    r"\b(?:baby|he|she|son|daughter|kid|child|husband|wife|mom|mum|dad|face|lips) " + gap(2)
    + r"(?:turned|turning|went|going|goes|gone) (?:all |"
    r"a bit |kind of )?(?:blue|purple|dusky|bluish)\b(?! (?:with|from) (?:rage|anger|cold|"
    r"paint|ink|dye|laughing|laughter))",
    r"\bblue (?:around|round) (?:the|my|his|her) (?:lips|mouth)",
    # Spanish
    r"\b(?:sentad[oa]|semi ?sentad[oa]|incorporad[oa]|almohadas|en la silla|en el sillon|"
    r"parad[oa]) " + gap(3) + r"(?:para|pa) (?:poder )?(?:respirar|agarrar aire|jalar aire|"
    r"tomar aire|coger aire)",
    r"\b(?:no (?:puedo|puede|pude)|ya no puedo) (?:acostarme|estar acostad[oa]|dormir acostad[oa]|"
    r"acostarse|echarme|dormir boca arriba) (?:porque|sin que|por que|que|xq|pq|sin) (?:me |le )?"
    r"(?:ahog\w*|falt\w*|asfixi\w*)",
    r"\bme (?:agito|fatigo|sofoco) (?:con|al|hablando|caminando|de nada|por nada|cuando|solo|"
    r"mucho|subiendo|rapido|facil|enseguida|luego luego|hasta)\b",
    r"\bse (?:me|le|te) (?:puso|pusieron|pone|ponen|estan poniendo|esta poniendo|pusieron) "
    r"(?:bien |muy |medio )?(?:morad\w*|azul\w*|amoratad\w*|moradit\w*)",
    r"\b(?:labios|boca|unas|dedos|cara) " + gap(3) + r"(?:morad\w*|azul\w*|amoratad\w*|"
    r"moradit\w*)",
    r"\b(?:falta|faltaba|sin|quedo sin|quede sin|queda sin|se me va|se le va|pierdo|pierde) "
    r"(?:el )?(?:resuello|fuelle)\b",
    r"\b(?:estoy|esta|estaba|ando|anda|me siento|se siente|siento|amaneci|amanecio) (?:bien |"
    r"muy |medio |como |toda |todo )?(?:ahogad[oa]|asfixiad[oa]|sofocad[oa])\b",
    r"\b(?:como si )?(?:respirara|respirar|respiro|respira|respirando) (?:por|con|a traves de) "
    r"(?:un|una) (?:popote|pitillo|pajita|sorbete|bombilla|carrizo)",
)

# --- self-harm ------------------------------------------------------------------------------
SELF_HARM = (
    r"\b(?:wish|hope|hoping|pray\w*|want\w*|wanna|rather|prefer|would be (?:nice|fine|ok|okay|"
    r"better)|id be (?:fine|ok|okay|happy|glad)|wouldnt mind|dont mind|ok with|okay with|fine "
    r"with) " + gap(3) + r"(?:not|never|wouldnt|didnt|dont|wont|no longer|couldnt) "
    r"(?:\S+ )?(?:wak\w*|woke) up\b(?! (?:late|early|too|before|at|until|til|till|in time|with|"
    r"during|again tonight))",
    r"\b(?:go|going|fall|falling|drift) (?:to sleep|asleep|off) (?:and|then) (?:just )?(?:not|"
    r"never) (?:wake|waking) up",
    r"\b(?:giv\w*|gave) (?:away )?(?:all (?:of )?)?(?:my|his|her) (?:stuff|things|belongings|"
    r"possessions|valuables)(?: away)?\b(?! (?:to|for) (?:charity|goodwill|the thrift|a thrift|"
    r"donation|the church|salvation|a yard sale))",
    r"\b(?:giv\w*|gave) away (?:all (?:of )?(?:my|his|her) |everything i (?:own|have)|most of my)",
    r"\bgoodbye (?:letters?|notes?|messages?|videos?|texts?)\b",
    r"\b(?:said|saying|say|wrote|writing|write) (?:my )?goodbyes? to (?:everyone|everybody|all "
    r"of you|you all|my (?:kids|family|children|friends|parents))\b(?! (?:at|before (?:my|the) "
    r"(?:trip|flight)|and (?:left|went|drove|got)))",
    r"\bthis is (?:my )?(?:goodbye|farewell)\b",
    r"\b(?:suicide|farewell) (?:note|letter)",
    r"\b(?:im|i am|feel like|feeling like|just|such|only|nothing but) (?:\S+ )?(?:a )?(?:burden|"
    r"drain) (?:to|on|for) (?:everyone|everybody|my family|my kids|my husband|my wife|them|you "
    r"all|people|anyone|the people i love)",
    r"\b(?:wont|will not|not going to|not gonna) be (?:around|here) (?:much longer|for long|"
    r"anymore|any more|tomorrow|next week|by (?:tomorrow|then|next week))",
    r"\b(?:wont|will not|dont|never) (?:have to )?(?:worry|deal) (?:about|with) me (?:anymore|"
    r"any more|much longer|soon|for long|again)",
    r"\b(?:wants|wanted|wanting|wishes|wished) to (?:die|be dead|end it|end (?:it all|things|"
    r"(?:his|her|their) life)|kill (?:him|her)self|disappear|not be here|not be alive)\b"
    r"(?! (?:laughing|of (?:laughter|embarrassment|boredom|shame)|(?:my|his|her|their) hair))",
    r"\b(?:want|wanna|wish|wishing) (?:it all|everything|all of it|life|my life|the world|all "
    r"this) to (?:stop|end|go away|be over)\b",
    r"\b(?:dont|cant|cannot|do not|can not|no longer) see (?:a|any) (?:way out|way forward|"
    r"future|light at the end|reason to (?:live|go on|stay))",
    r"\b(?:better|happier|easier|simpler|fine|relieved|lighter) " + gap(3) + r"(?:if|when|"
    r"once) (?:i|im) (?:was |were |am )?(?:gone|dead|not here|not around|no longer here|"
    r"disappeared|died|wasnt here|werent here|wasnt around|didnt exist|never existed|left for "
    r"good)",
    r"\b(?:want|wanna|wish|wishing|like|just want) (?:to )?(?:go to |just |fall )?(?:sleep|"
    r"asleep) forever\b",
    r"\b(?:ya )?no (?:le )?(?:veo|hay|encuentro|tengo) (?:ninguna |otra )?salida\b",
    r"\b(?:seria|estaria|fuera|es) (?:mejor|mas facil|preferible) (?:si )?(?:yo )?(?:no estar|"
    r"no estuviera|me muriera|desapareciera|no existiera|no hubiera nacido|ya no estuviera|"
    r"no despertara|morirme|desaparecer)",
    r"\bmejor no (?:estar|existir|despertar|haber nacido|seguir)\b",
    r"\b(?:wanna|want to|wish to|gonna|just want to|just wanna) (?:just )?(?:be gone|not exist|"
    r"stop existing|not be here|not be alive|disappear forever|sleep forever|be dead)\b",
    # Spanish
    r"\b(?:ojala|quisiera|quiero|deseo|prefiero|ganas de|me gustaria|preferiria) " + gap(2)
    + r"no (?:amanecer|amanezca|amaneciera|despertar\w*|despierte|despertara|volver a "
    r"despertar|volver a abrir los ojos)",
    r"\b(?:regal\w*|repart\w*|dando|di|doy) (?:todas |todos )?(?:mis|sus) (?:cosas|pertenencias|"
    r"posesiones)\b(?! (?:a la|para la|a una) (?:caridad|iglesia|beneficencia|donacion|fundacion))",
    r"\b(?:carta|cartas|nota|notas|mensaje|mensajes|video) de despedida\b",
    r"\b(?:me despedi|me estoy despidiendo|me despido|despidiendome|me vine a despedir|me quiero "
    r"despedir) de (?:todos|todo el mundo|ustedes|mi familia|mis hijos|mis hijas|mis papas|"
    r"todas)\b(?! (?:en el|en la|antes de (?:irme|salir|viajar)))",
    r"\b(?:esto es|este es) (?:un |mi )?adios\b",
    r"\b(?:soy|me siento|siento que soy|solo soy|nomas soy) (?:una |un )?(?:carga|estorbo|"
    r"peso|molestia) (?:para|pa) (?:todos|mi familia|mis hijos|ustedes|los demas|mi esposo|mi "
    r"esposa|todo el mundo)",
    r"\b(?:ya )?no (?:voy a|vaya a) (?:estar|seguir) (?:aqui |por aqui )?(?:mucho tiempo|por "
    r"mucho tiempo|manana|la proxima semana|para entonces|mucho mas)",
    r"\b(?:ya )?no (?:van|vas|va) a tener que (?:preocupar\w*|lidiar|aguantarme|cargar) "
    r"(?:mas )?(?:por|de|con) (?:mi|conmigo)",
    r"\b(?:irme|ir|irse|marcharme) de este mundo\b",
)

# --- vision ---------------------------------------------------------------------------------
_EYE_AFTER = (
    r"(?! (?:strain|drops|twitch\w*|doctor|appointment|mask|cream|makeup|shadow|bags|liner|"
    r"lashes|area|patch|exam|test|infection|lid twitch))"
)
VISION = (
    r"\b(?:blur\w*|fuzzy|hazy|foggy|cloudy|misty|smeary|smudged|smudgy|dim|double|doubled|"
    r"wavy|distorted|out of focus|milky|filmy|patchy|warped|dark spots?|spots|shadows?|flashes|"
    r"sparkles|not clear|not sharp|grainy|dark) " + gap(2) + r"(?:out of|in|from|through|with) "
    r"(?:my |one |the |his |her |that |this )?(?:left |right |bad |good |other |one )?eye\b"
    + _EYE_AFTER,
    r"\b(?:board|whiteboard|chalkboard|blackboard|signs?|road signs?|street signs?|tv|telly|"
    r"screen|phone|book|books|menu|clock|subtitles|captions|headlights|cars|stairs|steps|"
    r"teachers?|everythings|stuff|photos?|map|computer|monitor|laptop|labels?|kerb|curb|"
    r"words|letters|text|numbers|faces|people|things|everything) " + gap(3) + r"(?:looks? |"
    r"looked |looking |seems? |seemed |appears? |appeared |is |are |was |were |went |gone |"
    r"all |kind of |kinda )?(?:doubled|double|in two|split|blurred|fuzzy|hazy|foggy|wavy|"
    r"wobbly|warped|distorted|out of focus|smeared|smudged|ghosted|shadowed|twice)\b"
    r"(?! (?:the|size|price|what|as|that|its|checked|booked|click\w*|parked|shift))",
    r"\b(?:sees|see|seeing|saw) (?:two|2|double) (?:of )?(?:everything|things|each|every|images|"
    r"pictures|copies|versions|moons|suns|tvs|screens|boards|teachers|faces|outlines|lines|"
    r"words|letters)\b",
    r"\b(?:cover\w*|clos\w*|shut\w*|squint\w*|hold\w* (?:a|his|her|my) hand over|hid\w*|tap\w*|"
    r"block\w*) (?:one|an|his|her|my|the) (?:\S+ )?eye (?:to|so (?:he|she|i) can|in order to|"
    r"when (?:he|she|i)|while (?:he|she|i)) (?:\S+ )?(?:see|read|watch|look|focus)",
    r"\bzig ?zag\w* (?:lines?|lights?|shapes?|patterns? (?:in|across|over) (?:my|his|her)|in "
    r"(?:my|his|her) (?:vision|eye|sight)|on the (?:left|right)|everywhere)",
    r"\b(?:shimmer\w*|sparkl\w*|flicker\w*|jagged|glitter\w*|flashing) (?:zig ?zags?|lines? "
    r"(?:in|across|over)|lights? in (?:my|his|her)|patches|crescents?|spots?|dots?)",
    r"\b(?:shimmer\w*|sparkl\w*|flicker\w*) (?:zig ?zag\w*|lines|edges)",
    r"\b(?:can|could) only see (?:half|the left|the right|one side|part|the top|the bottom)",
    r"\b(?:part|half|chunk|piece|bit|section|corner|side|edge|top|bottom|middle|center|centre) "
    r"of (?:my |the |his |her )?(?:vision|sight|eyesight|view|visual field) " + gap(2)
    + r"(?:is |are |went |was |has |seems |looks |keeps )?(?:missing|gone|dark|black|blank|cut "
    r"off|blurry|grey|gray|not there|blocked|blacked out|greyed out|fuzzy|weird|off|going)\b",
    r"\bno (?:distingo|distingue|reconozco|reconoce|alcanzo a (?:ver|leer)|logro (?:ver|leer)|"
    r"enfoco) (?:bien )?(?:las |los |a las |a los )?(?:caras|letras|numeros|colores|rostros|"
    r"personas|letreros|senales|nada|gente)\b",
    r"\b(?:veo|ve|vemos|ven|veia|vi|viendo) " + gap(3) + r"(?:mancha|manchas|sombra|sombras|"
    r"puntos negros|punto negro|velo|nube|niebla)\b",
    r"\b(?:cant|cannot|couldnt|can barely|can hardly|hard to|trouble|struggl\w* to) (?:make "
    r"out|read|recogni[sz]e) (?:peoples |people\w* |the |any |my )?(?:faces|words|letters|signs|"
    r"street signs|the board|tv|screen|subtitles|text|numbers|clock|print|menu|phone|board)\b"
    r"(?! (?:without|in the dark|in dim|from (?:far|across)|at night|with(?:out)? (?:my )?"
    r"(?:glasses|readers|specs|lenses|contacts)))",
    # Spanish
    r"\b(?:todo|las cosas|la tele|el pizarron|el pizarra|la pizarra|el tablero|las letras|la "
    r"pantalla|la gente|las caras|el celular) (?:se (?:me |le )?)?(?:ve|ven|veia|veian|mira|"
    r"miran) (?:todo |como |muy |medio |bien )?(?:difus\w*|borros\w*|nublad\w*|empanad\w*|"
    r"turbi\w*|doble\w*|movid\w*|chuec\w*|oscur\w*|distorsionad\w*|desenfocad\w*|lechos\w*|"
    r"opac\w*|torcid\w*|ondulad\w*|encimad\w*|fantasma\w*|como (?:con|en|entre) niebla)",
    r"\b(?:difus[oa]s?|desenfocad[oa]s?) " + gap(2) + r"(?:del|de un|por el|con el|en el|de "
    r"mi) ojo",
    r"\b(?:ve|veo|ves|vemos|ven|veia|vi|viendo|se ve|se ven) (?:todo |como )?(?:difus\w*|"
    r"rayas|rayitas|lineas (?:en )?zig ?zag|zig ?zag\w*|lineas onduladas|luces en zig ?zag|"
    r"lineas quebradas)",
    r"\b(?:la )?(?:vista|vision) (?:se (?:me|le|te) )?(?:va|fue|iba|pierde|perdio|perdia|"
    r"desaparece|desaparecio|apaga|apago)\b",
    r"\b(?:se )?(?:tapa|tape|tapo|cubre|cierra|cierro|tapando|cerrando|cubriendo|entrecierra|"
    r"entrecierro) (?:un|el|uno de los|su|mi) ojo\w* (?:para|pa) (?:poder )?(?:ver|leer|mirar|"
    r"enfocar)",
    r"\b(?:letras|palabras|lineas|renglones|cosas|numeros|imagenes) " + gap(3) + r"(?:estan "
    r"|se estan |andan )?(?:bailando|brincando|saltando|moviendose|temblando|nadando|"
    r"encimandose|duplicandose)\b",
    r"\b(?:mitad|parte|lado|pedazo|cachito) (?:izquierd[oa] |derech[oa] |de arriba |de abajo )?"
    r"(?:de|del) (?:la |mi |su |el )?(?:vista|vision|campo visual|campo de vision)\b",
)

# --- severe pain ----------------------------------------------------------------------------
SEVERE_PAIN = (
    r"\bhurts? (?:like (?:a )?(?:bitch|mf|motherfucker|fuck|heck|the devil|nothing else|a "
    r"mother|crazy|hell|mad|a bastard)|so fucking|like fuck)",
    r"\b(?:dolor|duele|dolia|jaqueca|migrana) " + gap(4) + any_of(
        "candela", "cabron\\w*", "berraco", "verraco", "tenaz", "de la hostia",
        "de la ostia", "del carajo", "de madre", "del copon", "mortal", "machin",
        "arrech[oa]", "bien feo", "bien fuerte", "fuertote", "horribl\\w*",
    ) + r"\b",
    r"\b(?:candela|un horror|un infierno|una barbaridad|una locura|una bestialidad) (?:de|del) "
    r"dolor",
)

# --- prolonged (used by the reader as extra continuity and closure phrases) -----------------
_PERSISTENT = (
    r"(?:persistent\w*|incessant\w*|unremitting|ceaseless\w*|sin cesar|incesante\w*|"
    r"persistente\w*|permanente\w*|continu[oa]s?)\b"
)
_TWITCH = (
    r"(?:twitch\w*|spasm\w*|tics?|flutter\w*|blink\w*|espasmo\w*|temblor\w*|parpadeo\w*|"
    r"brinc\w*|myokymia|mioquimia)\b"
)
CONTINUOUS = (
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
CLOSURE = (
    r"\b(?:llevo|lleva|tengo|tiene|traigo|trae) " + gap(3) + r"(?:con )?(?:el|los|mi|su|mis|sus) "
    r"(?:ojo|ojos|parpado|parpados) cerrad",
    r"\b(?:ojo|ojos|parpado|parpados) cerrad[oa]s? (?:desde|hace|por|durante|todo|toda|varios|"
    r"dos|tres|\d)",
    r"\b(?:eyes?|eyelids?|lids?) " + gap(2) + r"(?:has been|have been|been) (?:stuck |clamped |"
    r"squeezed |glued )?(?:shut|closed) (?:since|for|all)",
)
SPASM = (
    r"\b(?:flicker\w*|quiver\w*|vibrat\w*|pulsing|ticcing|palpit\w*|parpade\w*|"
    r"temblequ\w*|pestane\w*|vibra|vibrando|bailando|baila|bailan|brinc\w*|salta|saltan|"
    r"saltaba|tiembl\w*|"
    r"(?:me|le|te) (?:late|laten|latia|latio|lateaba)|titila\w*|titilando)\b"
    r"|\b(?:eye|eyelid|lid|eyes|ojo|parpado)s? " + gap(3) + r"(?:acting up|wildin\w*|going "
    r"crazy|going nuts|freaking out|doing its thing|doing the thing|misbehaving|loco|de loco)"
)

# --- formal and clinical words, as older adults and caregivers write them ---------------------
_NOT_A_RIDE = (
    r"(?! (?:to (?:the|my|a|an|his|her|work|school|church|appointment|hospital|doctor|clinic)|"
    r"there|back|with|along|out|for|safely|through))"
)
_FORMAL_TROUBLE = (
    r"(?:difficult(?:y|ies)|trouble|problems?|issues?|impairment|impaired|changes?|"
    r"disturbances?|dificultad\w*|problemas?|alteraci\w*|cambios?|trastornos?)"
)
_SENSATION = any_of(
    "sensation", "feeling", "strength", "power", "movement", "control", "grip", "function",
    "tone", "sensibilidad", "fuerza", "movimiento", "control", "tacto",
)
_REDUCED = any_of(
    "no", "lack of", "loss of", "lost", "losing", "reduced", "decreased", "diminished", "less",
    "without", "poor", "altered", "weak", "weaker", "impaired", "perdida de", "perdi", "sin",
    "poca", "poco", "menos", "falta de", "disminucion de", "disminuida", "disminuido",
)
FORMAL: dict[RedFlag, tuple[str, ...]] = {
    RedFlag.WEAKNESS: (
        r"\b" + _REDUCED + r" (?:la |el |the |any |all )?" + _SENSATION
        + r" (?:in|on|of|down|along|en|de|del) (?:the |my |"
        r"his |her |la |el |mi |su |one |both )?(?:left |right |izquierd[oa] |derech[oa] )?"
        r"(?:side|face|arm|leg|hand|fingers|foot|lip|lips|mouth|cheek|eyelid|brazo|pierna|mano|"
        r"cara|boca|labio|mejilla|lado|dedos|pie|parpado)",
        r"\bfacial (?:asymmetr\w*|droop\w*|weak\w*|paralys\w*|palsy|numb\w*|nerve palsy)",
        r"\basymmetr\w* (?:of (?:the|my|his|her) )?(?:face|smile|mouth)",
        r"\basimetri\w* (?:facial|de la cara|en la cara|de la boca|en la boca|de la sonrisa)",
        r"\b(?:ptosis|hemiparesis|hemiparesia|hemiplegia|hemiplejia|paresthesia\w*|"
        r"paraesthesia\w*|parestesia\w*|lagophthalmos|lagoftalmos|monoparesis|paresia)\b",
        r"\bacorchad[oa]s?\b|\bacorch\w* (?:la|el|los|las|mi|media|medio)",
        r"\b(?:jeta|trompa|geta) " + gap(2) + r"(?:dormid\w*|chuec\w*|torcid\w*|caid\w*|"
        r"colgad\w*|de lado)",
        r"\bse (?:me|le|te) (?:ha|han|habia) (?:quedado|dormido|caido|torcido|entumido|"
        r"entumecido|adormecido|paralizado|acorchado|ido) " + gap(1) + r"(?:la |el |las |los |"
        r"mi |media |medio )?(?:cara|boca|labio|labios|brazo|pierna|mano|mejilla|lado|mitad|"
        r"cuerpo|parpado|ceja|sonrisa|pie)",
    ),
    RedFlag.SPEECH: (
        r"\b" + _FORMAL_TROUBLE + r" (?:with|in|of|con|en|del|de la|al|para) (?:my |his |her |"
        r"the |el |la |mi |su )?(?:speech|speaking|talking|articulation|word finding|habla|"
        r"hablar|lenguaje|pronunciacion|articulacion)\b",
        r"\bword ?finding (?:difficult\w*|problems?|trouble|issues?)",
        r"\b(?:dysarthria|disartria|dysphasia|disfasia|anomia)\b",
    ),
    RedFlag.SWALLOWING: (
        r"\b" + _FORMAL_TROUBLE + r" (?:with|in|of|con|en|para|al) (?:my |his |her |the |la |"
        r"mi |su )?(?:swallowing|swallow|deglucion|tragar|deglutir)\b",
        r"\b(?:disfagia|odynophagia|odinofagia)\b",
        r"\b(?:cant|cannot|couldnt|unable to|no puedo|no puede|no pude|no soy capaz de|no es "
        r"capaz de) (?:\S+ )?(?:tragar|swallow\w*|pasar bocado)",
    ),
    RedFlag.BREATHING: (
        r"\b" + _FORMAL_TROUBLE + r" (?:with|in|of|con|en|para|al) (?:my |his |her |the |la |"
        r"mi |su )?(?:breathing|respiration|respiracion|respirar)\b",
        r"\b(?:dyspn\w*|disnea|orthopn\w*|ortopnea|stridor|estridor|cyanos\w*|cianosis|"
        r"cyanotic|cianotic\w*|respiratory distress|dificultad respiratoria|insuficiencia "
        r"respiratoria)\b",
        r"\b(?:cant|cannot|couldnt|unable to|no puedo|no puede|no pude|no soy capaz de|no es "
        r"capaz de) (?:\S+ )?(?:respirar|breathe)\b",
        r"\bme (?:ahogo|aogo|ajogo)\b(?! (?:con|en|de) )",
    ),
    RedFlag.SELF_HARM: (
        r"\b(?:put|putting|got|getting|have) (?:all )?(?:my|his|her) affairs in order",
        r"\b(?:pray|praying|prayed|hope|asking|ask|begging|beg|want|wish) (?:\S+ )?(?:the lord|god|"
        r"jesus|he) (?:\S+ )?(?:takes?|will take|would take|to take|took) me\b" + _NOT_A_RIDE,
        r"\b(?:lord|god|jesus) (?:please )?(?:just )?take me\b" + _NOT_A_RIDE,
        r"\bready to (?:meet my maker|die|leave this world|be with (?:the lord|god|jesus|my "
        r"(?:late|husband|wife)))",
        r"\b(?:pido|pidiendo|ruego|rogando|ojala|quisiera|que) (?:a )?(?:dios|diosito|el senor|"
        r"la virgen)? ?(?:que )?(?:dios |diosito |el senor )?(?:ya |pronto |de una vez |mejor )?"
        r"(?:me )?(?:lleve|recoja|llame|"
        r"llevara|recogiera|llevase)\b(?! (?:mi|mis|el|la|los|su|sus|tu|al|a la|a mi|a casa|en) )",
        # weary wishes not to wake: "I pray every night that I won't wake up", "ojala me
        # duerma y no despierte"
        r"\b(?:pray|praying|prayed|hope|hoping|wish|wishing) (?:\S+ ){0,3}?(?:that )?i (?:wont|"
        r"will not|dont|do not|never|would not|wouldnt|could not|couldnt|didnt) (?:ever )?wake up"
        r"\b(?! (?:with|to|and (?:see|find)|feeling|in pain|at|early|late|tired|sore|stiff|"
        r"sick|before|till|until|on time|in time|too))",
        r"\b(?:duerma|dormir|dormirme|durmiera|quedarme dormid[oa]|me quede dormid[oa]) y (?:ya )?"
        r"(?:no|nunca|jamas) (?:mas )?(?:despierte|despertar|despertara|despertarme|vuelva a "
        r"despertar)\b(?! (?:con|sin|a las|temprano|antes|hasta))",
        r"\b(?:nobody|no one|noone|nobody else|no body) (?:would|will|is going to|gonna|d) "
        r"(?:even )?(?:miss|notice|care|mind)\b(?! (?:the|a|it|this|that|if the|if it))",
        r"\b(?:nadie|a nadie) (?:me )?(?:extranaria|extranara|notaria|notara|le importaria|le "
        r"importa|echaria de menos)\b",
        r"\b(?:how many|how much|cuantas|cuantos|cuanto) (?:of )?(?:my |the |las |los |de )?"
        r"(?:pills|tablets|meds|sleeping pills|pastillas|medicinas|somniferos|pildoras) " + gap(3)
        + r"(?:to die|would kill|to kill|it takes|would it take|it would take|para morir|para "
        r"matarme|para no despertar|se necesitan|hacen falta|to not wake up|to overdose)",
        r"\b(?:look\w*|search\w*|googl\w*|research\w*|busque|buscando|busco) (?:up )?(?:ways|"
        r"how|methods|formas|maneras|como) (?:de |to )?(?:die|kill myself|end it|end my life|"
        r"overdose|morir|matarme|suicidarme|quitarme la vida)",
        r"\b(?:everyone|everybody|family|kids|husband|wife|they|my \w+) (?:would|will|d) (?:all )?"
        r"be (?:better|fine|happier|ok|okay) (?:off )?without me",
        r"\bque todo (?:termine|terminara|acabe|acabara|se acabe|se acabara|se termine|"
        r"termine ya|se termine ya)\b",
        r"\b(?:sewer ?slid\w*|self ?delet\w*|su ?ic ?ide|sui ?cide|unalive\w*|s ?word)\b",
        r"\b(?:make|want|need) (?:it|this|everything|the pain) (?:all )?(?:to )?(?:stop|end) "
        r"(?:forever|permanently|for good)",
        r"\b(?:cuando|para cuando) (?:yo )?(?:ya )?no (?:este|estemos)\b",
    ),
    RedFlag.VISION: (
        r"\b(?:visual|vision|sight|eyesight) (?:disturbance\w*|changes?|loss|problems?|"
        r"symptoms?|impairment|field (?:loss|defect|cut))",
        r"\b" + _FORMAL_TROUBLE + r" (?:with|in|of|con|en|de la) (?:my |his |her |the |la |mi |"
        r"su )?"
        r"(?:vision|sight|eyesight|vista|vision)\b",
        r"\b(?:vision|sight|eyesight|vista|vision) " + gap(3) + r"(?:deteriorat\w*|declin\w*|"
        r"diminish\w*|decreas\w*|reduced|impaired|poor|poorer|failing|weaker|empeor\w*|"
        r"deterior\w*|disminu\w*|baj\w*)",
        r"\b(?:diplopia|scotoma\w*|escotoma\w*|hemianop\w*|amaurosis|photopsia\w*|fotopsia\w*)\b",
        r"\bchiribitas\b",
        r"\bno veo (?:un carajo|un pomo|un pito|ni jota|ni papa|un culo|ni madres|nada de nada)",
        r"\bd[ou]{1,2}b{1,2}le?d? (?:vision|sight)",
    ),
}

PATTERNS: dict[RedFlag, tuple[str, ...]] = {
    flag: pats + FORMAL.get(flag, ())
    for flag, pats in (
        (RedFlag.WEAKNESS, WEAKNESS),
        (RedFlag.SPEECH, SPEECH),
        (RedFlag.SWALLOWING, SWALLOWING),
        (RedFlag.BREATHING, BREATHING),
        (RedFlag.SELF_HARM, SELF_HARM),
        (RedFlag.VISION, VISION),
        (RedFlag.SEVERE_PAIN, SEVERE_PAIN),
    )
}
