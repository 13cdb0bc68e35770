"""Speech: slurred, jumbled, wrong or lost words, and others who cannot understand.

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

_SPEECH_BAD = any_of(
    "mumbl\\w*", "garbl\\w*", "slur\\w*", "slushy", "mushy", "muffled", "jumbled", "drunk",
    "wrong", "weird", "funny", "strange", "off", "thick", "slow", "different", "not right",
    "messed up", "nonsense", "gibberish", "broken", "like gibberish", "all wrong", "muddled",
    "scrambled", "mixed up", "backwards", "stuck", "robotic", "sloppy", "lazy", "clumsy",
)
_SALE_MAL = any_of(
    "rar[oa]s?", "mal", "extran[oa]s?", "chuec[oa]s?", "torcid[oa]s?", "enredad[oa]s?",
    "trabad[oa]s?", "al reves", "cruzad[oa]s?", "revuelt[oa]s?", "mezclad[oa]s?",
    "arrastrad[oa]s?", "lent[oa]s?", "distint[oa]s?", "diferente", "pastos[oa]",
    "gangos[oa]", "como borrach[oa]", "sin sentido", "incomprensible", "confus[oa]s?",
    "torpe", "entrecortad[oa]",
)

# English.
EN: tuple[str, ...] = (
    # unable to say what one knows best: "couldnt tell the pharmacist my own address"
    r"\b(?:couldnt|could not|cant|can not|cannot) (?:tell|say|get out|give) (?:\S+ ){0,3}"
    r"(?:my own|his own|her own) (?:address|name|phone number|birthday|date of birth)",
    r"\bslur\w*",
    r"\bspeech " + gap(3) + any_of(
        "slur\\w*", "weird", "funny", "off", "wrong", "strange", "garbled", "thick",
        "messed", "not right", "slow", "difficult", "hard", "different", "impaired",
        "jumbled", "drunk", "affected", "problems?", "issues?", "trouble",
    ),
    r"\bwords? (?:are |were |keep |keeps |just )?(?:coming|come|comes|came) out\b",
    r"\bwords? " + gap(2) + any_of("jumbled", "garbled", "mixed up", "wrong", "stuck"),
    r"\b" + CANT_EN + " " + gap(2) + any_of(
        "talk", "talking", "speak", "speaking", "get (?:my |the |any )?words out",
        "find (?:my |the )?words", "finding (?:my |the )?words", "say (?:words|anything)",
        "form (?:words|sentences)", "pronounce", "get words out", "articulate",
    ),
    r"\b(?:talking|talk|talks|sound|sounding|sounds|speaking|speak) " + gap(1) + any_of(
        "funny", "weird", "strange", "drunk", "garbled", "slurred", "different", "wrong",
        "off", "thick",
    ),
    r"\bgarbled\b",
    r"\bgibberish\b",
    r"\b(?:talking|talks|making|speaking) nonsense\b",
    r"\bmix\w* up (?:my |the |his |her )?words",
    r"\bcant get (?:them|the words|words|it|my words) out\b",
    r"\baphasia\b",
    r"\btongue " + gap(2) + any_of("thick", "heavy", "swollen", "wont move", "not working"),
    r"\b(?:wrong|right|correct) words?\b(?! (?:to (?:use|describe|say)|for (?:it|this|the)))",
    r"\b(?:using|saying|said|say|says|picking|picked|mixing|mixed) (?:the |all the |up )?"
    r"(?:wrong|weird|random|strange|made up|odd) words?",
    r"\b(?:words?|sentences?) (?:wont|dont|wouldnt|didnt|arent|werent|cant) " + gap(1)
    + any_of("come", "come out", "form", "work", "make sense", "flow"),
    r"\b(?:cant|couldnt|cannot|unable to|trouble|struggl\w*|hard to|hard time|difficulty)"
    r" " + gap(2) + r"(?:get|getting|find|finding|say|saying|form|forming|pronounc\w*|"
    r"think of) " + gap(3) + any_of("words?", "sounds?", "letters?", "names?", "the word",
                                    "it out", "them out", "anything out", "sentences?",
                                    "clearly", "properly", "right"),
    r"\b(?:voice|speech|talking|my words|his words|her words|speaking|sentences) "
    + gap(3) + r"(?:comes? |came |"
    r"is |was |sounds? |sounded |coming |feels? |are |were |got |gets |been |all )?"
    + gap(1) + _SPEECH_BAD + r"\b",
    r"\b(?:sound|sounding|sounds|sounded|talk\w*|speak\w*) (?:like (?:im|i am|i was|he|she) "
    r")?(?:drunk|mumbl\w*|garbl\w*|slur\w*|slushy|mushy)",
    r"\bmumbl\w*",
    r"\b(?:people|everyone|nobody|no one|they|he|she|husband|wife|kids|son|daughter|"
    r"family|friends?|coworkers?|boss) " + gap(3) + any_of(
        "cant understand (?:me|what im saying|a word|my)", "couldnt understand (?:me|what)",
        "dont understand (?:me|what im saying)", "(?:asking|ask|asked|asks) me to repeat",
        "keep asking me to repeat", "understand me",
    ),
    r"\b(?:asking|ask|asked|asks) me to repeat (?:myself|what i said|everything|it)",
    r"\bcant (?:understand|make out) (?:what )?(?:im|i am) saying",
    r"\b(?:stutter\w*|stammer\w*)\b",
    r"\btongue " + gap(3) + any_of("thick", "heavy", "numb\\w*", "clumsy", "weird", "fat",
                                   "swollen", "tied", "not working", "wont move",
                                   "getting in the way", "tingl\\w*", "lazy"),
    r"\b(?:lost|losing|lose) (?:my |the )?words\b",
    r"\b(?:cant|couldnt|trouble|hard to) (?:talk|speak)\w* (?:right|properly|clearly|"
    r"normally|straight)",
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
    r"\btalk\w* like (?:my|his|her) mouth (?:is|was) full",
    r"\bword ?finding (?:difficult\w*|problems?|trouble|issues?)",
    # sounding drunk, said every way: "speaking as though he has been drinking"
    r"\b(?:speak\w*|talk\w*|sound\w*|slurr?\w*|acts?|acting) (?:\S+ )?(?:like|as if|as though) "
    r"(?:(?:i|he|she|they|hes|shes|im|theyre|someone|somebody) )?(?:(?:has|have|had|is|was|am|"
    r"are|were|d|ve|s|got|gets|get|went|is getting) )?(?:been |just |gotten |got )?"
    r"(?:drunk|drinking|intoxicated|tipsy|wasted|hammered|plastered|"
    r"sloshed|had (?:a few|too much|a drink|drinks)|on something|under the influence)\b",
    # asked whether drunk by others, or slurring noticed by someone else
    r"\b(?:asked|asks|asking|ask|thought|thinks|think|wondering|wonder\w*) (?:me |him |her |us )?"
    r"(?:if|whether) (?:i|he|she|im|hes|shes) (?:was |am |is |had been |has been |were |been )?"
    r"(?:drunk|drinking|tipsy|intoxicated|high|wasted|on something)\b",
    r"\b(?:says?|said|told me|noticed|thinks|thought|noticing|mentioned|pointed out) (?:that )?"
    r"(?:i|im|he|hes|she|shes|i am|he is|she is|i was|he was|she was) (?:am |is |was )?"
    r"(?:slurring|mumbling|talking funny|talking weird|talking strange|sounding funny|"
    r"sounding weird|sounding off|not making sense|talking nonsense|garbling)",
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
    # cannot find words
    r"\b(?:cant|cannot|couldnt|unable to|struggl\w* to|trouble|hard to) (?:find|get|think of|"
    r"come up with|say|remember|form|put together|string together) (?:the |my |his |her |any |"
    r"simple |basic |common |easy )?(?:right )?(?:words?|sentences?|names of things)\b(?! (?:to "
    r"(?:describe|express|thank|say how)|for (?:how|what|it|this|the)))",
    # slurring, noticed or not, any form
    r"\b(?:slurr\w*|slurry|sluring|slured) (?:my |his |her |the |some |a few |a bit |a "
    r"little )?(?:words|speech|talking|s|consonants|sentences)?\b",
    r"\b(?:making|makes|made|make) (?:no|zero|little) sense (?:when|as|while|whenever) (?:he|"
    r"she|i|they) (?:talks?|speaks?|talking|speaking|tries to (?:talk|speak))",
    # garbled and clumsy told by a mouth or tongue that will not obey
    r"\b(?:talk\w*|speak\w*|speech|voice) " + gap(2) + r"(?:funny|weird|strange|off|different|"
    r"wrong|not right)\b (?:since|for|all|today|this morning|out of nowhere|suddenly)",
)
# Spanish.
ES: tuple[str, ...] = (
    r"\bhablo " + gap(1) + any_of("raro", "extrano", "mal", "gracioso", "chistoso",
                                  "como borrach[oa]", "arrastrado", "lento", "trabad[oa]",
                                  "enredad[oa]", "distinto", "diferente"),
    r"\barrastr\w* " + gap(1) + r"(?:las |mis )?palabras",
    r"\bhabla " + gap(1) + any_of("arrastrada", "rara", "extrana", "torpe", "confusa",
                                  "trabada", "lenta", "raro", "mal"),
    r"\b" + NO_PUEDO_ES + " " + gap(1) + any_of("hablar", "decir", "pronunciar",
                                              "articular"),
    r"\b" + CUESTA_ES + " " + gap(1) + any_of("hablar", "pronunciar", "decir", "articular"),
    r"\bno me salen " + gap(1) + r"palabras",
    r"\bpalabras " + gap(2) + any_of("salen mal", "salen raras", "al reves", "enredadas",
                                    "no salen", "no me salen", "salen torcidas"),
    r"\blengua " + gap(1) + any_of("pesada", "trabada", "dormida", "torpe", "hinchada"),
    r"\bse me traba la lengua\b",
    r"\bbalbuce\w*",
    r"\bincoheren\w*",
    r"\bno se (?:me|le) entiende\b",
    r"\bno (?:me|le) sal\w* " + gap(1) + r"palabras",
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
    r"\bhabl\w* como si (?:tuviera|tuviese|trajera|tuvieras) (?:la boca|la lengua) (?:dormida|"
    r"llena|hinchada|adormecida|de trapo|trabada|pesada)",
    r"\b(?:me|se|le) (?:enred\w*|atoro|atora|atore|trabo|trabe) (?:al|cuando|para) (?:hablar|"
    r"hablo|habla|decir)",
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
    r"\b(?:habl\w*|suen\w*|pronunci\w*|se oye|se escucha|me oigo|se le oye) (?:\S+ )?(?:como si|"
    r"como que|como) (?:hubiera|hubiese|estuviera|estuviese|anduviera|tuviera|hubieras|"
    r"estuvieras|ha|hubiera estado|llego|viniera|andara|anda|esta|estaba)? ?(?:bebido|tomado|"
    r"tomad[oa]|borrach[oa]|ebri[oa]|"
    r"pasad[oa] de copas|picad[oa]|tragos|alcoholizad[oa]|pedo|mamad[oa]|en pedo|jumad[oa])\b",
    r"\b(?:me|le) (?:pregunt\w*|dijo|dicen|dijeron|dice) (?:si|que si) (?:estaba|estoy|esta|"
    r"estaria|habia) (?:borrach[oa]|tomad[oa]|bebido|ebri[oa])",
    r"\b(?:dice|dicen|dijo|dijeron|nota|notan|noto|notaron|se dio cuenta|se dieron cuenta) "
    r"(?:de )?(?:que )?(?:hablo|habla|hablaba|hable|pronuncio|pronuncia|sueno|suena) (?:\S+ )?"
    r"(?:raro|rara|chistoso|chistosa|mal|arrastrado|arrastrando|trabad[oa]|enredad[oa]|gangoso|"
    r"distinto|diferente|extrano|como borrach[oa]|lento|lenta|sin sentido|incoherencias|cosas "
    r"sin sentido)",
    r"\b(?:palabras|frases|oraciones) " + gap(3) + r"(?:salen|sale|salian|salieron|digo|dice|"
    r"quedan|van|estan) (?:todas |toda )?(?:en desorden|desordenadas|al reves|revueltas|"
    r"mezcladas|cambiadas|trabadas|enredadas|en otro orden|en el orden equivocado|chuecas|sin "
    r"sentido|mal|raras|cruzadas|volteadas)",
    r"\b(?:me|le|les|te) (?:salen|sale|salian|salieron) (?:las palabras |las frases )?(?:en "
    r"desorden|desordenadas|al reves|revueltas|mezcladas|cambiadas|trabadas|enredadas|en otro "
    r"orden|volteadas|cruzadas)",
    r"\b(?:revuelvo|revuelve|mezclo|mezcla|cambio|cambia|confundo|confunde|volteo|voltea|"
    r"invierto|invierte) (?:el orden de )?(?:las|mis|sus) (?:palabras|silabas|frases)",
    r"\bno (?:encuentro|encuentra|encontraba|hallo|halla|me salen|le salen|me sale|le sale|"
    r"logro decir|puede decir|puedo decir|puedo armar|puede armar) (?:las |la |ni las |ni "
    r"una )?(?:palabras?|frases?|oraciones?)\b(?! (?:para (?:agradecer|expresar|decir "
    r"cuanto|describir)))",
    r"\bse (?:me|le|te) (?:olvidan|van|borran|pierden|escapan|fueron|olvidaron) (?:las |unas |"
    r"algunas )?(?:palabras|frases|nombres de las cosas)\b",
    r"\b(?:arrastr\w*|trab\w*) (?:las |mis |sus |la |un poco las )?(?:palabras|silabas|letras|"
    r"lengua|erres|eses)\b",
    r"\b(?:not making sense|no (?:tiene|tenia|hace|hacia) sentido lo que (?:dice|digo|decia|"
    r"dije))\b",
    r"\bno (?:habla|hablo|hablaba|pronuncia|pronuncio|articula|articulo|modula|modulo) "
    r"(?:bien |nada )?(?:claro|clarito|bien|las palabras|normal)\b(?! (?:el |la )?(?:ingles|"
    r"espanol|idioma|frances|aleman))",
    r"\bno se (?:le|me) entiende (?:nada |casi nada )?(?:cuando habla|lo que dice|al hablar|"
    r"cuando hablo|lo que digo|nada de lo que)",
    r"\bme dicen que no se me entiende\b",
)
# Either language: clinical words, Spanglish, checklist answers.
BOTH: tuple[str, ...] = (
    r"\b" + FORMAL_TROUBLE + r" (?:with|in|of|con|en|del|de la|al|para) (?:my |his |her |"
    r"the |el |la |mi |su )?(?:speech|speaking|talking|articulation|word finding|habla|"
    r"hablar|lenguaje|pronunciacion|articulacion)\b",
    r"\b(?:dysarthria|disartria|dysphasia|disfasia|anomia)\b",
    # formal register: "his speech is altered", "she is not making sense"
    r"\b(?:speech|speaking|voice|talking|habla|voz) " + gap(2) + r"(?:is |was |has been |seems |"
    r"sounds |esta |se oye |se escucha )?(?:slurred|thick|garbled|altered|impaired|slow|"
    r"slowed|sluggish|strange|abnormal|unclear|muffled|mangled|arrastrad\w*|trabad\w*|"
    r"enredad\w*|pastosa|gangosa|lenta|rara|extrana)\b(?! (?:from|por|after|tras|con) (?:the |"
    r"el |la |my |mi )?(?:cold|flu|gripe|resfriado|resfrio|dentist|dentista|anesthesia|"
    r"anestesia|novocaine|throat|garganta|cough|tos|laryngitis|laringitis))",
    answered_badly('speech', 'my speech', 'speaking', 'talking', 'el habla', 'hablar'),
)
PATTERNS: tuple[str, ...] = EN + ES + BOTH
