"""Breathing: struggling for air, a throat that closes, blue lips, breathing that sounds
wrong.

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

# English.
EN: tuple[str, ...] = (
    r"\b" + CANT_EN + " " + gap(2) + any_of(
        "breath\\w*", "get (?:enough |any )?air", "catch my breath",
    ),
    r"\bshort(?:ness)? (?:of )?breath\w*",
    r"\bout of breath\b(?! (?:after|from|when) (?:my |a |the )?(?:run|running|jog|jogging|"
    r"workout|gym|exercise|stairs|climbing|walk|hike|swim|class|training))",
    r"\b(?:cant|cannot|couldnt|unable to) get (?:a |any )?(?:full |deep |good )?breath",
    r"\bbreathless\w*",
    r"\bbreathing " + gap(2) + any_of("hard", "difficult", "labou?red", "weird", "bad",
                                      "fast", "shallow", "trouble", "problems?"),
    r"\bthroat " + gap(3) + any_of("clos\\w*", "tight\\w*", "swell\\w*", "swollen",
                                   "shut\\w*"),
    r"\bchest " + gap(2) + r"tight\w*",
    r"\btight\w* (?:in )?(?:my |the )?chest",
    r"\bgasp\w*",
    r"\bwheez\w*",
    r"\bsuffocat\w*",
    r"\bsmother\w*",
    r"\b(?:struggl\w*|fight\w*|gasp\w*|desperate|hungry|grasp\w*|gulp\w*|battling|"
    r"working hard|labou?ring|reaching|starved|starving) (?:for )?(?:air|breath|oxygen)\b",
    r"\bair hunger\b",
    r"\bpanting\b(?! (?:after|from) (?:my |a |the )?(?:run|running|jog|jogging|workout|"
    r"gym|exercise|stairs|climbing|walk|hike|swim|class|training|dog))",
    r"\b(?:lips?|fingers?|fingertips|face|mouth) " + gap(3)
    + r"(?:blue|bluish|purple|grey|gray|turning blue)\b",
    r"\bblue (?:lips?|fingertips|fingers)\b",
    r"\b(?:breathing|breath|breaths|breathes|breathe) " + gap(2) + r"(?:is |are |was |sounds? |"
    r"got |getting |seems? )?" + gap(1) + any_of(
        "loud", "noisy", "labou?red", "heavy", "raspy", "ragged", "rattl\\w*", "wheez\\w*",
        "short", "shallow", "fast", "rapid", "strange", "weird", "funny", "off", "wrong",
        "harsh", "gurgl\\w*", "whistl\\w*", "strained", "hard work", "laboured", "tight",
        "struggl\\w*", "difficult", "hard", "bad", "worse", "irregular", "stopping",
    ),
    r"\b(?:only|just|barely) (?:get|say|speak|manage|talk) " + gap(2)
    + r"(?:words? )?(?:out )?(?:between|without) (?:breaths|a breath|breathing|gasps)",
    r"\bbetween (?:each )?breaths\b",
    r"\b(?:cant|cannot|couldnt|unable to|trouble|struggl\w*|hard to) (?:finish|complete|"
    r"get through) (?:a |my )?(?:sentence|sentences)",
    r"\b(?:feel|feels|felt|feeling) like (?:im|i am|i was|hes|shes) (?:drowning|suffocating|"
    r"choking|being strangled)",
    # "SOB" as clinicians and patients write it: "SOB since last night", "feeling sob"
    # (not the verb: "i sob at sad films", "sob when i think of him")
    r"\bsob (?:since|getting|worse|walking|climbing|even (?:at rest|sitting|lying)|lying|at "
    r"rest|on exertion)\b|\b(?:feeling|feel|felt|been|getting|very|really|more) sob\b",
    r"\b(?:breathless|winded)\b(?! (?:after|from) (?:my |a |the )?(?:run|running|jog|"
    r"jogging|workout|gym|exercise|stairs|climbing|walk|hike|swim|class|training))",
    r"\b(?:cant|cannot|couldnt) (?:get|take|draw) (?:a |any |enough )?(?:deep |full |proper )?"
    r"(?:breath|air|oxygen)",
    r"\b(?:no|not enough|running out of) (?:air|oxygen)\b",
    r"\b(?:chest|lungs?) " + gap(3) + any_of("heavy", "tight\\w*", "crushing", "squeez\\w*",
                                              "wont expand", "cant expand", "burning"),
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
    # a throat that tightens or closes
    r"\b(?:throat|airway|windpipe) " + gap(3) + r"(?:is |feels |felt |keeps |has been |seems |"
    r"getting |went |was )?(?:closing|closed|closes|close up|closing up|tight\w*|swelling|"
    r"swollen|constrict\w*|squeez\w*|narrow\w*|shutting|shut)\b",
    r"\b(?:tight|closing|tightening|swollen|swelling) (?:\S+ )?(?:in )?(?:my|his|her|the) throat"
    r"\b(?! (?:from|after|because of) (?:the |a |my )?(?:cold|flu|crying|cough|singing))",
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
    r"\b(?:cant|couldnt|cannot|unable to|trouble|struggl\w*|hard time|not able to|wasnt able "
    r"to) (?:\S+ )?(?:catch|get|getting|catching) (?:his|her|their) breath\b(?! (?:after|from) "
    r"(?:the |a )?(?:run|running|stairs|workout|gym|laughing|walk))",
)
# Spanish.
ES: tuple[str, ...] = (
    r"\b" + NO_PUEDO_ES + " " + gap(1) + r"respirar",
    r"\b" + CUESTA_ES + " " + gap(1) + r"respirar",
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
    r"\b" + NO_PUEDO_ES + r" (?:ni )?(?:jalar|agarrar|tomar|coger|meter|sacar|recuperar) "
    r"(?:el |suficiente |nada de )?(?:aire|aliento)",
    r"\b(?:me |le )?cuesta (?:mucho |trabajo )?(?:jalar|tomar|agarrar|coger) (?:el )?aire",
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
    r"\bme (?:ahogo|aogo|ajogo)\b(?! (?:con|en|de) )",
    r"\b(?:me |le |se me |se le )?(?:aprieta|apretaba|apreto|cierra|cerro|cerraba|esta "
    r"cerrando|estaba cerrando|cerrando|hincha|hincho|estrangula|oprime|tapa|tapo) (?:la|mi|su) "
    r"garganta\b",
    r"\b(?:garganta|traquea) " + gap(3) + r"(?:se (?:me |le )?)?(?:cierra|cerrando|cerro|"
    r"cerrada|apretada|aprieta|apreto|hinchada|hincha|hinchando|estrecha|tapada|tapando|"
    r"oprimida|cerrandose|trancada|trancando)\b",
    r"\bsiento (?:que|como que) (?:se me|se le) (?:cierra|esta cerrando|tapa|esta tapando|"
    r"aprieta|hincha) (?:la garganta|el pecho|la traquea)?\b",
    # Spanish: "no respiraba bien", "casi no respira", "dejó de respirar", "se puso morado"
    r"\b(?:no|ya no|casi no|apenas|ni) (?:(?:le|se|me|estaba|esta|podia|podria|alcanzaba a|"
    r"lograba|bien|casi) )?(?:respira|respiraba|respiraban|respiro|respiran|respirando|respiraria|"
    r"respirar)\b",
    r"\b(?:dejo|dejaba|deja|ha dejado|habia dejado|paro|paraba|ha parado|dejaron) de respirar\b",
    r"\bse (?:puso|ponia|esta poniendo|estaba poniendo|le puso|volvio|quedo|le pusieron|le "
    r"pusieron los labios|le puso la cara|pone) (?:toda |todo |bien |medio |muy |los labios |"
    r"la cara )?(?:azul\w*|morad[oa]s?|amoratad[oa]s?|moradit[oa]s?|cianotic[oa]s?)\b(?! de "
    r"(?:comer|tanto|risa|coraje|frio|la risa))",
)
# Either language: clinical words, Spanglish, checklist answers.
BOTH: tuple[str, ...] = (
    r"\b" + FORMAL_TROUBLE + r" (?:with|in|of|con|en|para|al) (?:my |his |her |the |la |"
    r"mi |su )?(?:breathing|respiration|respiracion|respirar)\b",
    r"\b(?:dyspn\w*|disnea|orthopn\w*|ortopnea|stridor|estridor|cyanos\w*|cianosis|"
    r"cyanotic|cianotic\w*|respiratory distress|dificultad respiratoria|insuficiencia "
    r"respiratoria)\b",
    r"\b(?:cant|cannot|couldnt|unable to|no puedo|no puede|no pude|no soy capaz de|no es "
    r"capaz de) (?:\S+ )?(?:respirar|breathe)\b",
    answered_badly('breathing', 'my breathing', 'respirar', 'la respiracion'),
)
PATTERNS: tuple[str, ...] = EN + ES + BOTH
