"""Classes of everyday wording the other lexicons did not reach, in English and Spanish.

Written after a blind set (exam2) showed whole families of phrasing missing: speech that
"sounds as though he has been drinking" or comes out "en desorden", a mouth that "pulls to
one side", an eye that cannot be kept shut in the shower, a pen that slips from the fingers,
water that dribbles out on drinking, "se me puso chueca la boca", half the field of vision
"gone", "se choca con todo", a throat that tightens or closes, and pain called unbearable,
insufferable or "killing me" in any order. Each entry is a class (verb forms, word orders,
both languages), never one sentence. Accents are folded; every repetition is bounded.
"""

from __future__ import annotations

from coach.core.triage.lexicon import any_of, gap
from coach.core.types import RedFlag

_WHO = r"(?:my |his |her |the |their |mi |su |sus |mis |el |la |los |las )?"
_SIDE_EN = r"(?:left |right |bad |weak |one |other )?"
_PART_EN = any_of(
    "face", "mouth", "lips?", "smile", "cheeks?", "jaw", "chin", "eyebrows?", "brow",
    "forehead", "eyelids?", "lids?", "tongue",
)
_LIMB_EN = any_of("arms?", "legs?", "hands?", "fingers?", "foot", "feet", "side", "body")
_PART_ES = any_of(
    "cara", "boca", "labios?", "sonrisa", "mejillas?", "cachetes?", "cejas?", "frente",
    "parpados?", "rostro", "comisura", "jeta", "trompa", "lengua", "brazos?", "piernas?",
    "manos?", "dedos?", "pies?", "lado", "mitad", "ojo",
)
_BENT_ES = any_of(
    "chuec[oa]s?", "torcid[oa]s?", "caid[oa]s?", "ladead[oa]s?", "colgad[oa]s?",
    "dormid[oa]s?", "entumid[oa]s?", "entumecid[oa]s?", "adormecid[oa]s?", "paralizad[oa]s?",
    "floj[oa]s?", "tiesa", "tieso", "muert[oa]s?", "desviad[oa]s?", "jalad[oa]s?",
    "pesad[oa]s?", "rar[oa]s?", "de lado", "sin fuerza", "bichuec[oa]s?",
)
_DRINK_WORDS = r"(?:drink|drinking|sip|sipping|eat|eating|rinse|rinsing|swallow|swallowing)"

WEAKNESS = (
    # a mouth or face pulled or drawn to one side ("mouth pulls to one side when he smiles")
    r"\b" + _PART_EN + r" " + gap(2) + any_of(
        "pulls?", "pulled", "pulling", "drawn", "draws", "drags?", "dragged", "twists?",
        "twisted", "slides?", "slid", "slants?", "slanted", "tilts?", "tilted", "leans?",
        "leaned", "sags?", "sagged", "droops?", "drooped", "hangs?", "hung", "goes",
        "went", "shifts?", "shifted", "veers?", "skews?", "skewed", "sits?", "sat", "is",
        "looks?",
    ) + r" (?:down |over |off |up )?(?:to|towards?|toward|on|off to|over to) (?:(?:one|the "
    r"other|a|his|her|my|the) side|(?:the |his |her |my )?(?:left|right)(?: side)?)\b",
    # an eye that cannot be shut, or lets soap or water in
    r"\b(?:cant|cannot|couldnt|unable to|not able to|can no longer|hard to|trouble|struggl\w* "
    r"to|wont|doesnt|dont|isnt) (?:keep|get|hold) " + _WHO + _SIDE_EN + r"(?:eye|eyes|eyelid|"
    r"eyelids|lid|lids) (?:fully |completely |all the way |properly |tight |tightly )?(?:shut|"
    r"closed)\b",
    r"\b(?:cant|cannot|couldnt|unable to|not able to|can no longer|hard to|trouble|struggl\w* "
    r"to) (?:fully |completely |properly )?(?:close|shut|squeeze shut) " + _WHO + _SIDE_EN
    + r"(?:eye|eyelid|lid|(?:left|right) eyes?)\b(?! (?:to|for) (?:sleep|nap|rest))",
    r"\b(?:eye|eyelid|lid) " + gap(2) + r"(?:wont|doesnt|cant|isnt|will not|does not) "
    r"(?:fully |completely |all the way )?(?:close|shut|closing|shutting)\b",
    r"\b(?:soap|shampoo|water|dust|wind|sand|sunscreen|makeup) " + gap(3) + r"(?:gets?|"
    r"getting|got|goes|going|went|runs?|running|ran) (?:right )?(?:in|into) " + _WHO
    + _SIDE_EN + r"(?:eye|it)\b " + gap(3) + r"(?:every time|each time|always|because|cause|"
    r"cant|wont|doesnt|since)",
    r"\bno (?:puedo|puede|pude|logro|consigo|podia|alcanzo a) cerrar (?:bien |del todo |"
    r"completamente |completo )?(?:el|mi|su|un) (?:ojo|parpado)\b(?! (?:para|pa) (?:dormir|"
    r"descansar))",
    r"\bno (?:puedo|puede|pude|logro|consigo|podia) (?:mantener|tener) (?:el|mi|su|los|sus|"
    r"mis) (?:ojo|ojos|parpado|parpados) (?:izquierdo |derecho )?(?:cerrado|cerrados|bien "
    r"cerrado|cerrad[oa]s?)\b",
    r"\b(?:se (?:me|le) )?(?:mete|entra|metio|entro|meten|entran) (?:el |la )?(?:jabon|"
    r"champu|shampoo|agua|polvo|viento|tierra) (?:\S+ )?(?:en|al) (?:el |mi |su )?ojo\b "
    + gap(3) + r"(?:porque|pq|xq|no (?:lo |se )?(?:puedo|puede|cierra)|siempre|cada vez)",
    # anything held that slips from the fingers ("pen keeps slipping out of my fingers")
    r"\b(?:pen|pencil|fork|spoon|cup|mug|glass|toothbrush|knife|keys|phone|remote|bottle|"
    r"brush|razor|things|stuff|everything|it|they|cards|coins|papers?) " + gap(2) + r"(?:keeps? |"
    r"kept |always |just )?(?:slipp\w*|slips?|slid\w*|fall\w*|fell|dropp\w*|drops?|tumbl\w*)"
    r" (?:right )?(?:out of|from|through|off) (?:my|his|her) (?:left |right )?(?:hand|hands|"
    r"fingers|grip|grasp)\b",
    r"\bse (?:me|le|te) (?:resbala|resbalan|resbalo|resbalaron|cae|caen|cayo|cayeron|zafa|zafan|"
    r"escurre|escurren|va|van) " + gap(3) + r"(?:de|de la|de las|de los|del|de mi|de mis|de su|"
    r"de sus|entre) (?:la |las |los |mi |mis |su |sus )?(?:mano|manos|dedos)\b",
    # a drink that dribbles out on drinking ("water dribbles out when i drink")
    r"\b(?:water|drink|drinks|coffee|tea|juice|soup|milk|liquid|liquids|it|everything|stuff|"
    r"food|saliva|spit) " + gap(2) + r"(?:to )?(?:dribbl\w*|drip\w*|leak\w*|spill\w*|trickl\w*|"
    r"pour\w*|runs?|running|ran|escap\w*|drool\w*|seep\w*) (?:out|down|back out) " + gap(3)
    + r"(?:when|as|while|whenever|every time|each time) (?:i|he|she|they) " + _DRINK_WORDS,
    r"\b(?:i|he|she) (?:keep |keeps |kept |always )?(?:dribbl\w*|drool\w*|spill\w*) (?:\S+ )?"
    r"(?:when|as|while|whenever|every time) (?:i|he|she) " + _DRINK_WORDS,
    r"\b(?:se (?:me|le|te) )(?:escurre|sale|cae|chorrea|derrama|va|riega|escapa|salen|caen) "
    r"(?:el |la )?(?:agua|bebida|cafe|sopa|jugo|leche|liquido|saliva|baba|comida|todo) "
    + gap(2) + r"(?:cuando|al|mientras|cada vez que) (?:tomo|bebo|toma|bebe|tomar|beber|como|"
    r"come|comer|enjuago|enjuagarme|enjuaga)",
    # "se me puso chueca la boca": a posture verb, the bent word, then the part
    r"\bse (?:me|le|te) (?:puso|pone|ha puesto|esta poniendo|quedo|queda|ha quedado|fue|va|"
    r"hizo|volvio|vio) (?:como |medio |bien |toda |todo |un poco )?" + _BENT_ES + r" "
    + gap(1) + r"(?:la |el |las |los |mi |mis |su |sus |media |medio )?" + _PART_ES + r"\b",
    r"\bse (?:me|le|te) (?:puso|pone|ha puesto|esta poniendo|quedo|queda|ha quedado) (?:la |el |"
    r"mi |su |media |medio )?" + _PART_ES + r" (?:como |medio |bien |toda |todo |un poco )?"
    + _BENT_ES + r"\b",
    # "se me callo la cara": "callo" written for "cayo"
    r"\bse (?:me|le|te) (?:callo|callo|kallo|kayo|callio|callendo|calleron) " + gap(1)
    + r"(?:la |el |las |los |mi |su |media |medio )?" + _PART_ES + r"\b",
    # biting the cheek: any regular or one-sided way of saying it
    r"\b(?:me muerdo|se muerde|me mordi|me he mordido|me muerde|mordiendome|se mordio|me vivo "
    r"mordiendo|muerdo) (?:el |la |los |las |mi |su )?(?:cachetes?|mejillas?|labios?|"
    r"carrillos?|moflete) " + gap(4) + any_of(
        "todo el rato", "todo el dia", "a cada rato", "a cada ratito", "a cada rato", "seguido",
        "siempre", "cada vez", "todo el tiempo", "de un lado", "del lado", "un monton",
        "muy seguido", "a cada rato", "cada que como", "cuando como", "al comer",
        "al masticar", "sin querer", "a cada momento", "cada dos por tres", "constantemente",
    ),
    r"\b(?:keep|keeps|kept|always|constantly|been|am|is) (?:on )?(?:biting|bite|chewing|chomping)"
    r" " + gap(2) + r"(?:inside of )?(?:my|his|her) (?:left |right )?(?:cheek|cheeks|lip|"
    r"lips|tongue)\b",
    # a hand, arm or leg that has become clumsy or useless on one side
    r"\b(?:left|right|one|his|her|my) (?:hand|arm|leg|foot|fingers|side) " + gap(2)
    + r"(?:is |feels |has been |went |seems |got |keeps being )?(?:so |really |very |kind of "
    r"|kinda |totally |all )?(?:clumsy|uncoordinated|useless|floppy|limp|dead weight|not "
    r"working|not responding)\b",
    r"\b(?:mano|brazo|pierna|pie|dedos|lado) (?:izquierd[oa]s? |derech[oa]s? )?" + gap(2)
    + r"(?:esta |anda |se siente |la siento |lo siento |se me puso |se le puso )?(?:muy |bien "
    r"|medio |toda |todo )?(?:torpe|inutil|sin fuerza|como muert[oa]|como trapo|no me responde|"
    r"no le responde|no responde|no me obedece|no le obedece)\b",
    # weakness told by a hand or arm at work ("cant lift my arm above my head")
    r"\b(?:cant|cannot|couldnt|unable to|not able to|can barely|can hardly|can no longer) "
    r"(?:lift|raise|hold up|move|feel|squeeze with|grip with|use) (?:my|his|her) (?:left |"
    r"right )?(?:arm|hand|leg|foot|fingers)\b(?! (?:for|because of|after|from) (?:the "
    r"|a )?(?:gym|workout|cast|sling|surgery|injury|fracture|break))",
    r"\bno (?:puedo|puede|pude|logro|consigo) (?:levantar|mover|subir|alzar|sentir|apretar) "
    r"(?:el|la|mi|su) (?:brazo|mano|pierna|pie|dedos)\b(?! (?:por|despues de) (?:el "
    r"|la )?(?:gimnasio|yeso|cirugia|fractura|ejercicio))",
)

SPEECH = (
    # sounding drunk, said every way: "speaking as though he has been drinking"
    r"\b(?:speak\w*|talk\w*|sound\w*|slurr?\w*|acts?|acting) (?:\S+ )?(?:like|as if|as though) "
    r"(?:(?:i|he|she|they|hes|shes|im|theyre|someone|somebody) )?(?:(?:has|have|had|is|was|am|"
    r"are|were|d|ve|s|got|gets|get|went|is getting) )?(?:been |just |gotten |got )?"
    r"(?:drunk|drinking|intoxicated|tipsy|wasted|hammered|plastered|"
    r"sloshed|had (?:a few|too much|a drink|drinks)|on something|under the influence)\b",
    r"\b(?:habl\w*|suen\w*|pronunci\w*|se oye|se escucha|me oigo|se le oye) (?:\S+ )?(?:como si|"
    r"como que|como) (?:hubiera|hubiese|estuviera|estuviese|anduviera|tuviera|hubieras|"
    r"estuvieras|ha|hubiera estado|llego|viniera|andara|anda|esta|estaba)? ?(?:bebido|tomado|"
    r"tomad[oa]|borrach[oa]|ebri[oa]|"
    r"pasad[oa] de copas|picad[oa]|tragos|alcoholizad[oa]|pedo|mamad[oa]|en pedo|jumad[oa])\b",
    # asked whether drunk by others, or slurring noticed by someone else
    r"\b(?:asked|asks|asking|ask|thought|thinks|think|wondering|wonder\w*) (?:me |him |her |us )?"
    r"(?:if|whether) (?:i|he|she|im|hes|shes) (?:was |am |is |had been |has been |were |been )?"
    r"(?:drunk|drinking|tipsy|intoxicated|high|wasted|on something)\b",
    r"\b(?:me|le) (?:pregunt\w*|dijo|dicen|dijeron|dice) (?:si|que si) (?:estaba|estoy|esta|"
    r"estaria|habia) (?:borrach[oa]|tomad[oa]|bebido|ebri[oa])",
    r"\b(?:says?|said|told me|noticed|thinks|thought|noticing|mentioned|pointed out) (?:that )?"
    r"(?:i|im|he|hes|she|shes|i am|he is|she is|i was|he was|she was) (?:am |is |was )?"
    r"(?:slurring|mumbling|talking funny|talking weird|talking strange|sounding funny|"
    r"sounding weird|sounding off|not making sense|talking nonsense|garbling)",
    r"\b(?:dice|dicen|dijo|dijeron|nota|notan|noto|notaron|se dio cuenta|se dieron cuenta) "
    r"(?:de )?(?:que )?(?:hablo|habla|hablaba|hable|pronuncio|pronuncia|sueno|suena) (?:\S+ )?"
    r"(?:raro|rara|chistoso|chistosa|mal|arrastrado|arrastrando|trabad[oa]|enredad[oa]|gangoso|"
    r"distinto|diferente|extrano|como borrach[oa]|lento|lenta|sin sentido|incoherencias|cosas "
    r"sin sentido)",
    # words in the wrong order, scrambled, backwards
    r"\b(?:words?|sentences?|speech) " + gap(3) + r"(?:come|comes|came|coming|are|were|get|gets|"
    r"got|go|come out|coming out|came out) (?:out )?(?:all )?(?:in the wrong order|jumbled|"
    r"scrambled|mixed up|muddled|backwards|garbled|tangled|all wrong|out of order|in a "
    r"jumble|wrong way round|mashed|nonsense|slurred|twisted)",
    # "came out wrong" once is an awkward remark; coming out wrong keeps happening
    r"\b(?:words?|sentences?|speech) " + gap(2) + r"(?:keep|keeps|kept|are|is|been|always) "
    r"(?:coming|comming) out (?:all )?wrong\b",
    r"\b(?:words?|sentences?) (?:are |were |all )?(?:in the wrong order|out of order|jumbled up|"
    r"scrambled|mixed up|backwards)\b",
    r"\b(?:mix\w*|jumbl\w*|scrambl\w*|mess\w*) up (?:my|his|her|the) (?:words|sentences|"
    r"speech)\b",
    r"\b(?:palabras|frases|oraciones) " + gap(3) + r"(?:salen|sale|salian|salieron|digo|dice|"
    r"quedan|van|estan) (?:todas |toda )?(?:en desorden|desordenadas|al reves|revueltas|"
    r"mezcladas|cambiadas|trabadas|enredadas|en otro orden|en el orden equivocado|chuecas|sin "
    r"sentido|mal|raras|cruzadas|volteadas)",
    r"\b(?:me|le|les|te) (?:salen|sale|salian|salieron) (?:las palabras |las frases )?(?:en "
    r"desorden|desordenadas|al reves|revueltas|mezcladas|cambiadas|trabadas|enredadas|en otro "
    r"orden|volteadas|cruzadas)",
    r"\b(?:revuelvo|revuelve|mezclo|mezcla|cambio|cambia|confundo|confunde|volteo|voltea|"
    r"invierto|invierte) (?:el orden de )?(?:las|mis|sus) (?:palabras|silabas|frases)",
    # cannot find words
    r"\b(?:cant|cannot|couldnt|unable to|struggl\w* to|trouble|hard to) (?:find|get|think of|"
    r"come up with|say|remember|form|put together|string together) (?:the |my |his |her |any |"
    r"simple |basic |common |easy )?(?:right )?(?:words?|sentences?|names of things)\b(?! (?:to "
    r"(?:describe|express|thank|say how)|for (?:how|what|it|this|the)))",
    r"\bno (?:encuentro|encuentra|encontraba|hallo|halla|me salen|le salen|me sale|le sale|"
    r"logro decir|puede decir|puedo decir|puedo armar|puede armar) (?:las |la |ni las |ni "
    r"una )?(?:palabras?|frases?|oraciones?)\b(?! (?:para (?:agradecer|expresar|decir "
    r"cuanto|describir)))",
    r"\bse (?:me|le|te) (?:olvidan|van|borran|pierden|escapan|fueron|olvidaron) (?:las |unas |"
    r"algunas )?(?:palabras|frases|nombres de las cosas)\b",
    # slurring, noticed or not, any form
    r"\b(?:slurr\w*|slurry|sluring|slured) (?:my |his |her |the |some |a few |a bit |a "
    r"little )?(?:words|speech|talking|s|consonants|sentences)?\b",
    r"\b(?:arrastr\w*|trab\w*) (?:las |mis |sus |la |un poco las )?(?:palabras|silabas|letras|"
    r"lengua|erres|eses)\b",
    # formal register: "his speech is altered", "she is not making sense"
    r"\b(?:speech|speaking|voice|talking|habla|voz) " + gap(2) + r"(?:is |was |has been |seems |"
    r"sounds |esta |se oye |se escucha )?(?:slurred|thick|garbled|altered|impaired|slow|"
    r"slowed|sluggish|strange|abnormal|unclear|muffled|mangled|arrastrad\w*|trabad\w*|"
    r"enredad\w*|pastosa|gangosa|lenta|rara|extrana)\b(?! (?:from|por|after|tras|con) (?:the |"
    r"el |la |my |mi )?(?:cold|flu|gripe|resfriado|resfrio|dentist|dentista|anesthesia|"
    r"anestesia|novocaine|throat|garganta|cough|tos|laryngitis|laringitis))",
    r"\b(?:not making sense|no (?:tiene|tenia|hace|hacia) sentido lo que (?:dice|digo|decia|"
    r"dije))\b",
    r"\b(?:making|makes|made|make) (?:no|zero|little) sense (?:when|as|while|whenever) (?:he|"
    r"she|i|they) (?:talks?|speaks?|talking|speaking|tries to (?:talk|speak))",
    r"\bno (?:habla|hablo|hablaba|pronuncia|pronuncio|articula|articulo|modula|modulo) "
    r"(?:bien |nada )?(?:claro|clarito|bien|las palabras|normal)\b(?! (?:el |la )?(?:ingles|"
    r"espanol|idioma|frances|aleman))",
    r"\bno se (?:le|me) entiende (?:nada |casi nada )?(?:cuando habla|lo que dice|al hablar|"
    r"cuando hablo|lo que digo|nada de lo que)",
    r"\bme dicen que no se me entiende\b",
    # garbled and clumsy told by a mouth or tongue that will not obey
    r"\b(?:talk\w*|speak\w*|speech|voice) " + gap(2) + r"(?:funny|weird|strange|off|different|"
    r"wrong|not right)\b (?:since|for|all|today|this morning|out of nowhere|suddenly)",

)

SWALLOWING = (
    r"\b(?:cough|chok|gag|splutter|sputter|ahog|atragant|tos)\w* (?:\S+ ){0,3}(?:with|during|"
    r"at|con|en|al|a la hora de) (?:every|each|all|most|cada|toda|todas|las|la) (?:\S+ )?"
    r"(?:meals?|bites?|sips?|drinks?|comidas?|bocados?|tragos?|sorbos?|mouthfuls?)\b",
    r"\b(?:se (?:me|le) )?(?:atora|atoran|atoro|atasca|atascan|queda|quedan|queda atorad[oa]) "
    r"(?:la |el |las |los )?(?:comida|pastilla|pastillas|bocado|pan|carne|agua) " + gap(2)
    + r"(?:en (?:la|mi|su) garganta|en el pecho|a medio camino)",
)

BREATHING = (
    # a throat that tightens or closes
    r"\b(?:throat|airway|windpipe) " + gap(3) + r"(?:is |feels |felt |keeps |has been |seems |"
    r"getting |went |was )?(?:closing|closed|closes|close up|closing up|tight\w*|swelling|"
    r"swollen|constrict\w*|squeez\w*|narrow\w*|shutting|shut)\b",
    r"\b(?:tight|closing|tightening|swollen|swelling) (?:\S+ )?(?:in )?(?:my|his|her|the) throat"
    r"\b(?! (?:from|after|because of) (?:the |a |my )?(?:cold|flu|crying|cough|singing))",
    r"\b(?:me |le |se me |se le )?(?:aprieta|apretaba|apreto|cierra|cerro|cerraba|esta "
    r"cerrando|estaba cerrando|cerrando|hincha|hincho|estrangula|oprime|tapa|tapo) (?:la|mi|su) "
    r"garganta\b",
    r"\b(?:garganta|traquea) " + gap(3) + r"(?:se (?:me |le )?)?(?:cierra|cerrando|cerro|"
    r"cerrada|apretada|aprieta|apreto|hinchada|hincha|hinchando|estrecha|tapada|tapando|"
    r"oprimida|cerrandose|trancada|trancando)\b",
    r"\bsiento (?:que|como que) (?:se me|se le) (?:cierra|esta cerrando|tapa|esta tapando|"
    r"aprieta|hincha) (?:la garganta|el pecho|la traquea)?\b",
)

VISION = (
    # vision, sight, half the view "gone", said in any order or in fragments
    r"\b(?:vision|sight|eyesight|view) " + gap(4) + r"(?:is |was |has |have |just |totally |"
    r"completely )?(?:gone|went (?:out|dark|black|grey|gray|blank)|disappeared|vanished|"
    r"blacked out|greyed out|grayed out|blanked out|lost|missing|dark|black)\b(?! (?:circles|"
    r"mode|theme|humor|chocolate))",
    r"\b(?:lost|losing|lose|loss of) (?:the )?(?:vision|sight|eyesight|view) (?:in|on|of|from|"
    r"to) (?:the |my |his |her |one )?(?:left |right |one )?(?:half|side|eye|part)",
    r"\b(?:cant|cannot|couldnt|can not|unable to) see (?:anything |a thing |nothing )?(?:on|to|"
    r"from|out of|with) (?:the |my |his |her |one )?(?:left|right|one)(?: side| half| eye)?\b",
    r"\b(?:bump\w*|walk\w*|run\w*|crash\w*|knock\w*) (?:into|in to) (?:things|everything|stuff|"
    r"doors?|door ?frames?|walls?|people|furniture|the door ?frame) " + gap(2) + r"(?:on|to) "
    r"(?:the |my |his |her |one )?(?:left|right|one side)\b",
    r"\bno (?:veo|ve|vemos|ven|veia|veo nada|ve nada|vi) (?:nada |bien |casi nada |ni madres "
    r")?(?:del|por el|de un|en el|hacia el|de este|de ese|con el) (?:\S+ )?(?:lado|costado|"
    r"ojo)\b",
    r"\b(?:se (?:choca|choco|chocaba|tropieza|pega|golpea|da) |me (?:choco|tropiezo|pego|"
    r"golpeo|doy) )(?:con|contra) (?:todo|todas las cosas|las cosas|los muebles|las puertas|"
    r"la gente|las paredes|el marco)\b",
    r"\b(?:perdi|perdio|perdida de|pierdo|pierde|se me fue|se le fue|se me apago|se le apago) "
    r"(?:la )?(?:vista|vision) (?:de|del|en|por) (?:un|el|la|media|mitad|este) ?(?:\S+ )?"
    r"(?:lado|ojo|mitad)",
    r"\b(?:vista|vision) " + gap(3) + r"(?:se (?:me |le )?fue|desaparecio|apagada|negra|oscura|"
    r"perdida|en negro|borrada|nada|cero)\b",
)

SEVERE_PAIN = (
    # unbearable, insufferable, excruciating, in either order and with any intensifier
    r"\b(?:pain|hurts?|hurting|ache|aching|headache|migraine|throbbing) " + gap(4)
    + r"(?:(?:is|was|feels|has been|been|getting|just|literally|honestly|actually|so|really|"
    r"absolutely|totally|completely|lowkey|fr|ngl|like) ){0,3}(?:unbearabl\w*|insufferabl\w*|"
    r"intolerabl\w*|unreal|unbelievabl\w*|excruciating\w*|agoni[sz]ing|torture|torturous|"
    r"brutal|savage|killing me|destroying me|murdering me)\b",
    r"\b(?:jaw|face|eye|eyes|head|cheek|temple|ear|tooth|teeth|neck) " + gap(3)
    + r"(?:(?:is|was|feels|has been|been|just|literally|honestly|actually|so|really|"
    r"absolutely) ){0,3}(?:unbearabl\w*|excruciating\w*|agoni[sz]ing|killing me|destroying "
    r"me|murdering me|in agony)\b",
    r"\b(?:unbearabl\w*|insufferabl\w*|intolerabl\w*|excruciating\w*|agoni[sz]ing|brutal|"
    r"savage|torturous|crippling|blinding|splitting|searing|stabbing) " + gap(2)
    + r"(?:pain|hurt|ache|headache|migraine|jaw pain|face pain|eye pain)\b",
    r"\b(?:this|the|my|that) (?:\S+ )?(?:pain|headache|migraine|ache) (?:is |has been |keeps )?"
    r"(?:literally |honestly |actually |just |really )?(?:killing|destroying|murdering|wrecking) "
    r"me\b",
    r"\b(?:dolor|duele|dolia|jaqueca|migrana|quijada|mandibula|cara|cabeza|ojo) " + gap(4)
    + any_of(
        "insoportabl\\w*", "inaguantabl\\w*", "intolerabl\\w*", "insufribl\\w*", "atroz",
        "brutal", "bestial", "infernal", "una tortura", "un infierno", "una candela",
        "candela", "horrible", "horroroso", "espantoso", "de muerte", "a morir", "criminal",
        "del demonio", "del diablo", "de locos", "tremendo", "matador", "me esta matando",
        "me mata", "me tiene loc[oa]",
    ) + r"\b",
    r"\b(?:insoportable|inaguantable|atroz|brutal|bestial|infernal|tremendo|terrible|horrible|"
    r"espantoso) " + gap(1) + r"(?:dolor|dolorazo)\b",
    r"\bme (?:muero|estoy muriendo|voy a morir|morire|estoy matando) (?:\S+ )?(?:de|del|con el|"
    r"por el) dolor\b",
    r"\b(?:no (?:aguanto|soporto|resisto|puedo con|lo aguanto|lo soporto)|ya no puedo con) "
    r"(?:\S+ )?(?:el |este |ese |tanto |la |esta )?(?:dolor|jaqueca|migrana)\b",
    r"\b(?:cant|cannot|can no longer) (?:take|stand|bear|handle|deal with|cope with|tolerate) "
    r"(?:\S+ )?(?:the |this |my |that )?(?:pain|headache|migraine|ache|hurting)\b",
)

PATTERNS: dict[RedFlag, tuple[str, ...]] = {
    RedFlag.WEAKNESS: WEAKNESS,
    RedFlag.SPEECH: SPEECH,
    RedFlag.SWALLOWING: SWALLOWING,
    RedFlag.BREATHING: BREATHING,
    RedFlag.VISION: VISION,
    RedFlag.SEVERE_PAIN: SEVERE_PAIN,
}
