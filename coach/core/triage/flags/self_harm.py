"""Self-harm: wishes to die, plans, farewell behaviour, hopelessness, slang and
hyperbole about oneself (never about others).

Patterns run on one clause of canonical tokens (normalize.py); see lexicon.py for gap().
"""

from __future__ import annotations

from coach.core.triage.lexicon import any_of, gap

_NOT_A_RIDE = (
    r"(?! (?:to (?:the|my|a|an|his|her|work|school|church|appointment|hospital|doctor|clinic)|"
    r"there|back|with|along|out|for|safely|through))"
)
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
_REFLEXIVE = r"(?:my ?self|your ?self|one ?self|him ?self|her ?self|our ?selves|me)"
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
_ES_DROP = any_of(
    "puente", "balcon", "edificio", "techo", "azotea", "ventana", "vias", "via del tren", "tren",
    "metro", "camion", "carro", "coche", "auto", "precipicio", "barranco", "rio", "mar",
    "acantilado", "risco", "barranca", "penasco", "segundo piso", "quinto piso",
    "piso", "carretera", "autopista", "trafico", "volcan", "presa",
)

_HURT_EN = (
    r"(?:hit|hits|hitting|punch\w*|slap\w*|smack\w*|bang\w*|bash\w*|beat|beating|whack\w*|"
    r"scratch\w*|claw\w*|gouge\w*|pinch\w*|pull\w*|yank\w*|rip\w*|tear\w*|tore|pick\w*|"
    r"dig\w*|bite|biting|bit|cut|cuts|cutting|burn\w*|stab\w*)"
)
_STRIKE_EN = (
    r"(?:hit|hits|hitting|punch\w*|slap\w*|smack\w*|bang\w*|bash\w*|beat|beating|whack\w*)"
)
_BODY_EN = any_of(
    "face", "eye", "eyes", "eyelid", "eyelids", "lid", "lids", "cheek", "cheeks", "head",
    "temple", "forehead", "jaw", "lip", "lips", "skin", "arm", "arms", "leg", "legs", "wrist",
    "wrists", "hand", "hands", "chest", "brow", "eyebrow", "eyelashes", "lashes",
)
# "hit my face on the door by accident", "burned myself on the stove", "scratched myself on
# a rose bush", "cut myself shaving"
_NOT_AN_ACCIDENT_EN = (
    r"(?!(?: \S+){0,4} (?:on (?:a|an|the|my|some)|against|by accident|accidentally|by mistake|"
    r"shaving|cooking|with the (?:door|knife|oven|iron)|in the kitchen|at work)\b)"
)
_HURT_ES = (
    r"(?:pego|pegaba|golpeo|golpeaba|rasco|rascaba|rasque|arano|aranaba|arane|rasguno|"
    r"rasgunaba|rasgune|jalo|jalaba|jale|estiro|pellizco|pellizcaba|pellizque|pico|picaba|"
    r"muerdo|mordia|mordi|corto|cortaba|quemo|quemaba|sigo (?:rascando|aranando|jalando|"
    r"pellizcando|golpeando|pegando))"
)
_BODY_ES = any_of(
    "cara", "ojo", "ojos", "parpado", "parpados", "mejilla", "mejillas", "cachete", "cachetes",
    "cabeza", "frente", "sien", "quijada", "mandibula", "labio", "labios", "piel", "brazo",
    "brazos", "pierna", "piernas", "muneca", "munecas", "mano", "manos", "pecho", "ceja",
    "cejas", "pestanas",
)
# "mi hijo me pego en la cara jugando": accents gone, "pegó" reads as "pego"; someone
# else named just before is the one who hit
_NOT_BY_OTHER_ES = "".join(
    rf"(?<!\b{w} )"
    for w in ("hijo", "hija", "hijos", "nino", "nina", "ninos", "bebe", "nieto", "nieta",
              "esposo", "esposa", "marido", "mama", "papa", "hermano", "hermana", "alguien",
              "el", "ella", "novio", "novia", "perro", "gato", "sobrino", "sobrina", "jefe")
)
# "me pegue en la cabeza con la puerta", "me golpee la cara sin querer"
_NOT_AN_ACCIDENT_ES = (
    r"(?!(?: \S+){0,4} (?:con (?:la|el|una|un)|contra|sin querer|por accidente|"
    r"accidentalmente|jugando|al (?:caer|abrir|cerrar|agacharme|levantarme)|en la cocina)\b)"
)

# English.
EN: tuple[str, ...] = (
    # looking at a height and "thinking things": "i look at the balcony and think things"
    r"\b(?:look|looked|looking|stare|stared|staring|stand|stood|standing) (?:at|over|on|by) "
    r"(?:\S+ ){0,2}" + _HIGH + r"(?: \S+){0,3} (?:and|n) (?:think|thought|thinking|have|get|"
    r"got) (?:things|thoughts|ideas|about it)",
    r"\bsuicid\w*",
    r"\bkill(?:ing)? (?:my|him|her|them) ?self\b",
    r"\bkms\b",
    r"\b(?:want|wanna|wanted|wish|going|ready|like) (?:to )?(?:die|be dead)\b"
    r"(?! (?:laughing|of (?:laughter|embarrassment|boredom|shame)|(?:my|his|her|their) "
    r"hair))",
    r"\bwish (?:i|id) (?:was|were|could be) dead\b",
    r"\bwish (?:i|id) (?:wasnt|werent) (?:alive|here|born)\b",
    r"\bbetter off (?:dead|without me|gone)\b",
    r"\bend(?:ing)? (?:it all|my life|my own life|everything)\b",
    r"\b(?:whats|what is|no) the point (?:of|in) (?:living|life|going on|being alive)",
    r"\b(?:never|not) (?:to )?wake up\b",
    r"\b(?:pills|tablets|meds) " + gap(2) + r"(?:saved|stashed|stockpiled|hoarded)",
    r"\btake (?:them all|all (?:of )?(?:them|my pills|the pills|my meds))\b",
    r"\b(?:want|wanna|going|gonna|ready) (?:to )?end (?:it|things)\b",
    r"\bwant (?:it all|everything|it|this|life) to (?:end|be over|stop for good)\b",
    r"\bno (?:reason|point|will) (?:to|in) (?:live|living|go on|going on|keep going)",
    r"\b(?:hurt|harm|cut|injur)\w* (?:my|him|her|them) ?self",
    r"\bself ?harm\w*",
    r"\btake my (?:own )?life\b",
    r"\bnot worth living\b",
    r"\blife (?:isnt|is not|aint) worth",
    r"\bdont want to (?:live|be alive|be here|wake up|exist|go on)\b",
    r"\bcant go on\b",
    r"\bgive up on (?:life|everything|living)",
    r"\boverdos\w*",
    r"\b(?:dont|cant|doesnt|do not|no longer|never|not) see (?:the |any |much )?point\b"
    r"(?! (?:of|in|to|with|doing) (?!(?:anything|life|living|going|trying|it all|carrying|"
    r"being|getting up|waking|anymore|me|myself|existing|continuing|any of it)\b))",
    r"\b(?:whats|what is|no|theres no|there is no|no more) (?:the )?point (?:anymore|any more|"
    r"of anything|in anything|of it all|in it all|to anything|of trying|in trying|"
    r"of me|to me|of existing)\b",
    r"\bwhats the point\s*$",
    r"\bend(?:ing|ed)? (?:it|things|this|everything|my life|myself|it all)\b"
    r"(?! (?:with|between|on a|on good|early|at work|well))",
    r"\bunaliv\w*",
    r"\b(?:off|kill|killing|killed|hang|hanging|hung|drown|shoot|poison|cut|cutting|burn|"
    r"burning|harm|harming|hurt|hurting|injur\w*|starv\w*) (?:my ?self|myself)\b",
    r"\b(?:cutting|cut|burning|burnt|scratching) (?:again|myself again|my (?:arms?|wrists?|"
    r"legs?|thighs?|skin))\b",
    r"\bslit (?:my )?wrists?",
    r"\b(?:relaps\w*) (?:on|with|into) (?:cutting|self ?harm\w*)",
    r"\b(?:driv\w*|crash\w*|swerv\w*|steer\w*|drove|ram\w*|veer\w*) " + gap(3)
    + r"(?:into|off|in front of) (?:a |the |an |some |oncoming )?(?:wall|tree|traffic|"
    r"bridge|cliff|truck|lorry|pole|river|barrier|bus|train|lake|road|ditch|overpass)",
    r"\bcrash\w* (?:the|my) car (?:on purpose|deliberately)",
    # off something high, or in front of something moving (never "step off the bus")
    r"\b(?:jump\w*|throw\w*|fling\w*) (?:off|from|out of) (?:a |the |my |an |some )?"
    r"(?:bridge|building|roof|window|balcony|cliff|overpass|tower)\b",
    r"\b(?:jump\w*|step\w*|walk\w*|throw\w*|fling\w*) (?:in front of|under) (?:a |the |an "
    r"|some |oncoming )?(?:train|bus|truck|traffic|subway)\b",
    r"\b(?:jump\w*|step\w*|walk\w*|throw\w*|fling\w*) (?:into|onto) (?:the |oncoming )?"
    r"(?:traffic|tracks)\b",
    r"\b(?:saving|saved|stockpil\w*|hoard\w*|stash\w*|collect\w*|hiding|hid|keeping|"
    r"counting|gather\w*) (?:up )?(?:all )?(?:my |the |some |of my |extra )?(?:pills|tablets|"
    r"meds|medication|medicine|sleeping pills|painkillers|prescriptions?)\b",
    r"\b(?:take|taking|swallow|swallowing|down|downing) (?:all|every one of|a whole "
    r"(?:bottle|pack|box) of|the whole (?:bottle|pack|box)|a bottle of|handfuls? of) "
    r"(?:my |the |of my )?(?:pills|tablets|meds|sleeping pills|painkillers)",
    r"\b(?:want|wanna|wish|wishing|just want) (?:to|i could|id|i would) (?:disappear|vanish|"
    r"not exist|stop existing|not be here|sleep forever|never wake|fall asleep forever|"
    r"not wake up|go away forever|be gone)",
    r"\b(?:everyone|everybody|they|family|kids|husband|wife) (?:would be|d be|are|is) better "
    r"off without me",
    r"\b(?:tired|sick) of (?:living|being alive|life|existing|waking up)\b",
    r"\b(?:done|finished) with (?:life|living|everything|it all|this world)\b",
    r"\b(?:feel|feeling|felt|im|i am|so|totally|completely|utterly) (?:so |very |totally )?"
    r"hopeless\b",
    r"\bno (?:way out|future|hope left|reason to keep going)\b",
    r"\bcant (?:do|take|handle) (?:this|it|life) any ?more\b",
    r"\bdont want to (?:be here|live|exist|be alive|carry on|keep going|wake up)\b",
    r"\b(?:want|wanna|going|gonna|plan\w*|thinking (?:of|about)|thought (?:of|about)|"
    r"considering|consider\w*) (?:to )?(?:ending|end) (?:it|things|my life|everything|"
    r"it all)\b",
    r"\b(?:thinking|thought|think|thoughts) (?:of|about) (?:dying|death|suicide|not being "
    r"here|killing|ending|hurting myself|overdos\w*|jumping)\b",
    r"\bdie in my sleep\b",
    r"\b(?:rather|prefer to|prefer) (?:be )?dead\b",
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
    r"\b(?:wont|will not|not going to|not gonna) be (?:around|here|alive) (?:anymore |any more )?"
    r"(?:to|for) (?:read\w*|see\w*|get\w*|answer\w*) (?:these|them|this|your|the texts|the "
    r"messages)\b(?! (?:next|this|on|tomorrow|while|during|until|till|for (?:a|the) (?:week|"
    r"weekend|month)))",
    r"\b(?:gave|given|giving|give) away (?:my|our) (?:dog|cat|pets?|puppy|kitten|dogs|cats)\b",
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
    r"\b(?:wanna|want to|wish to|gonna|just want to|just wanna) (?:just )?(?:be gone|not exist|"
    r"stop existing|not be here|not be alive|disappear forever|sleep forever|be dead)\b",
    r"\b(?:put|putting|got|getting|have) (?:all )?(?:my|his|her) affairs in order",
    r"\b(?:pray|praying|prayed|hope|asking|ask|begging|beg|want|wish) (?:\S+ )?(?:the lord|god|"
    r"jesus|he) (?:\S+ )?(?:takes?|will take|would take|to take|took) me\b" + _NOT_A_RIDE,
    r"\b(?:lord|god|jesus) (?:please )?(?:just )?take me\b" + _NOT_A_RIDE,
    r"\bready to (?:meet my maker|die|leave this world|be with (?:the lord|god|jesus|my "
    r"(?:late|husband|wife)))",
    # weary wishes not to wake: "I pray every night that I won't wake up", "ojala me
    # duerma y no despierte"
    r"\b(?:pray|praying|prayed|hope|hoping|wish|wishing) (?:\S+ ){0,3}?(?:that )?i (?:wont|"
    r"will not|dont|do not|never|would not|wouldnt|could not|couldnt|didnt) (?:ever )?wake up"
    r"\b(?! (?:with|to|and (?:see|find)|feeling|in pain|at|early|late|tired|sore|stiff|"
    r"sick|before|till|until|on time|in time|too))",
    r"\b(?:nobody|no one|noone|nobody else|no body) (?:would|will|is going to|gonna|d) "
    r"(?:even )?(?:miss|notice|care|mind)\b(?! (?:the|a|it|this|that|if the|if it))",
    r"\b(?:everyone|everybody|family|kids|husband|wife|they|my \w+) (?:would|will|d) (?:all )?"
    r"be (?:better|fine|happier|ok|okay) (?:off )?without me",
    r"\b(?:make|want|need) (?:it|this|everything|the pain) (?:all )?(?:to )?(?:stop|end) "
    r"(?:forever|permanently|for good)",
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
    # "wish i could just disappear forever", "i really want to just vanish"
    r"\b(?:want|wanna|wish|wishing) (?:to|i could|id|i would) (?:just |simply |really |only )"
    r"(?:disappear|vanish|stop existing|not exist|not be here|be gone)\b"
    r"(?! (?:into|to|for|from|on|under|with|in) )",
    # Means made ready and a method settled: a nurse hears a plan, not a mood ("the pills are
    # all laid out", "i know exactly how i would do it", "letters to the kids for when im gone").
    r"\b(?:pills|tablets|meds|medication|sleeping pills|painkillers|razors?|blades?) (?:are )?"
    r"(?:all )?(?:lined up|laid out|counted out|set out|in a row|in front of me|in my hand)\b"
    # ("lined up in the organiser by day" is a routine)
    r"(?! (?:in|by|for|per|into) (?!front of|my hand|my hands))",
    r"\b(?:know|decided|planned|worked out|figured out) (?:exactly )?how (?:i|id|i would|im "
    r"going to|im gonna|i am going to|i will|ill) do it(?: now| already| tonight)?\s*$",
    r"\b(?:know|decided|planned|worked out|figured out) (?:exactly )?(?:how|when|where) (?:i|id|"
    r"i would|im going to|im gonna|i am going to|i will|ill) (?:end it|end things|end it all|end "
    r"my life|kill myself)\b",
    r"\b(?:letters?|notes?|messages?|videos?|cards?) (?:\S+ ){0,4}(?:for when (?:im|i am) (?:gone|"
    r"not here|not around|dead)|for after (?:im|i am) gone)\b",
    r"\b(?:letters?|notes?|messages?|videos?|cards?) (?:to|for) (?:my |each of my |all my )?"
    r"(?:kids|children|family|wife|husband|parents|mum|mom|dad|sons?|daughters?|loved ones|"
    r"grandkids|friends|everyone) (?:\S+ ){0,2}just in case\s*$",
    r"\bwont need (?:\S+ ){0,3}where (?:im|i am) going\b",
    # Self-injury told by the act: hitting, punching or slapping oneself, scratching or
    # pulling at the eyelid until it bleeds, bruises from it ("i keep hitting my own face to
    # make the twitching stop"; never "hit my face on the door", "rubbed my eye").
    r"\b" + _HURT_EN + r" (?:at )?(?:my own|my ?self|myself)\b" + _NOT_AN_ACCIDENT_EN,
    r"\b" + _HURT_EN + r" (?:at )?(?:my|me) (?:\S+ )?" + _BODY_EN + r" " + gap(4)
    + r"(?:until|till|til|so hard|hard enough) " + gap(3) + r"(?:bleed\w*|bled|bruis\w*|"
    r"blood\w*|raw|marks?|welts?|scabs?|swollen|scar\w*)\b",
    r"\b" + _STRIKE_EN + r" (?:my|me) (?:own )?(?:\S+ )?" + _BODY_EN + r" " + gap(3)
    + r"(?:to (?:make|stop|get|keep)|on purpose|deliberately|in frustration|out of "
    r"frustration|so (?:it|that it|the \S+) (?:stops|will stop)|(?:until|till|til) (?:it|the "
    r"\S+) stops|over and over|again and again)\b",
    r"\b(?:keep|kept|been|cant stop|couldnt stop|started|start) " + _STRIKE_EN + r" (?:my|me) "
    r"(?:own )?(?:\S+ )?" + _BODY_EN + r"\b" + _NOT_AN_ACCIDENT_EN,
    r"\b(?:bruis\w*|bleed\w*|bled|blood\w*|marks|welts|scabs|cuts|scratches) (?:all )?(?:on "
    r"my \S+ )?(?:from|of) (?:all )?(?:the )?" + _HURT_EN + r" (?:at )?(?:my ?self|myself|my own|"
    r"my " + _BODY_EN + r"\b(?! (?:on|against) ))",
    r"\b(?:gave|give|giving|left|leaving|leave) (?:my ?self|myself) (?:\S+ )?(?:bruises|black "
    r"eyes?|a black eye|cuts|welts|scars|burns|marks)\b",
    # the English twins of the Spanish farewells: "for when i'm gone", "take care of my cat"
    r"\b(?:for|once|after) (?:when )?i(?:m| am)? (?:gone|no longer here|not here anymore)\b",
    r"\b(?<!\bto )(?<!\bi )(?<!\bwe )(?:please )?(?:take care of|look after) (?:my|mi) "
    r"(?:cat|cats|dog|dogs|kitty|pup|puppy|"
    r"pets?|kids|babies|plants)\b(?! (?:\S+ ){0,6}?(?:while|when i|this weekend|till|until|for a "
    r"few|for the))",
    # wanting to join someone who has died: "wants to go be with mom", "be with my late wife"
    r"\b(?:want|wants|wanted|wanna|ready|longing|long) to (?:go )?(?:be|join) (?:with )?"
    r"(?:my |his |her |our )?(?:late |dead |deceased )?(?:mom|mum|mother|mama|dad|father|"
    r"papa|wife|husband|son|daughter|brother|sister|grandma|grandpa|granny|baby|boy|girl)\b"
    r"(?! (?:for|this|next|at|in (?:the|a)|on|over|tonight|tomorrow|after|while|when)\b)",
    # "feel like dying lol": a wish to die with a laugh is still a wish to die
    r"\b(?:feel|feeling|felt|feels) like (?:dying|i want to die|i wanna die|ending it)\b"
    r"(?! (?:laughing|of (?:laughter|embarrassment|boredom|shame)))",
    # "feel like disappearing for good", "i want to vanish for good"
    r"\b(?:feel like|feeling like|want to|wanna|wish i could|i could|i would|id|i will|ill|"
    r"going to|gonna|think to|thinking of|thinking about) (?:just |simply )?(?:disappear|"
    r"disappearing|vanish|vanishing|be gone|go away|going away) (?:for good|forever|"
    r"permanently|and never come back)\b(?! (?:from (?:social|facebook|instagram|twitter|the "
    r"group|work|this app)))",
    # ceasing to be, said as a wish or a thought: "i'd just stop being here", "i should just
    # stop existing", "id rather not be around anymore"
    r"\b(?:should|could|would|id|i d|might as well|wish i could|i could|just) (?:just |simply |"
    r"quietly )?(?:stop|quit) (?:being here|existing|being alive|being around)\b"
    r"(?! (?:so|at|in|on|until|till|late|early|with|for|when|while|there|tonight|today|people|"
    r"them|him|her|you|my|the|a|an|this|that|those|such)\b)",
    r"\b(?:rather|want to|wanna|wish to|wish i could|like to|prefer to) (?:just |simply )?not "
    r"be (?:around|here) (?:anymore|any more|no more|at all)\b",
)
# Spanish.
ES: tuple[str, ...] = (
    # looking at a height or the tracks and "thinking things": "miro el balcon y pienso cosas"
    r"\b(?:miro|mire|veo|me asomo|me quedo viendo|me quedo mirando|estaba mirando) (?:\S+ ){0,2}"
    + _ES_DROP + r"(?: \S+){0,3} (?:y|e) (?:pienso cosas|pense cosas|pienso en (?:saltar|"
    r"tirarme|aventarme|acabar)|se me ocurren (?:cosas|ideas)|me dan ganas|tengo ideas|"
    r"me vienen ideas)",
    r"\bquiero morir\w*",
    r"\bme quiero morir\b(?! de (?:risa|la risa|verguenza|pena))",
    r"\bno quiero (?:vivir|seguir viviendo|seguir|despertar|estar aqui|existir)\b",
    # thinking of not being: "a veces pienso en no estar mas", "pensando en desaparecer"
    r"\b(?:pienso|pense|pensaba|pensando|piensa|pensar|se me pasa por la cabeza) en (?:ya )?"
    r"(?:no estar (?:mas|aqui|ya)|ya no estar|desaparecer|morir\w*|quitarme la vida|matarme|"
    r"no despertar|dejar de existir|acabar con todo)\b",
    # dejar de estar: "quisiera dejar de estar aqui", "deberia simplemente dejar de existir"
    r"\b(?:quiero|quisiera|queria|me gustaria|deseo|solo quiero|mejor|deberia|podria|ojala "
    r"pudiera) (?:simplemente |solo |ya )?dejar de (?:estar aqui|estar en este mundo|existir|"
    r"estar viv[oa])\b(?! (?:en|con|hasta|tan|por|de|a|para|cuando|mientras)\b)",
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
    r"\b(?:ya )?no (?:le )?(?:veo|hay|encuentro|tengo) (?:ninguna |otra )?salida\b",
    r"\b(?:seria|estaria|fuera|es) (?:mejor|mas facil|preferible) (?:si )?(?:yo )?(?:no estar|"
    r"no estuviera|me muriera|desapareciera|no existiera|no hubiera nacido|ya no estuviera|"
    r"no despertara|morirme|desaparecer)",
    r"\bmejor no (?:estar|existir|despertar|haber nacido|seguir)\b",
    # Spanish
    r"\b(?:ojala|quisiera|quiero|deseo|prefiero|ganas de|me gustaria|preferiria) " + gap(2)
    + r"no (?:amanecer|amanezca|amaneciera|despertar\w*|despierte|despertara|volver a "
    r"despertar|volver a abrir los ojos)",
    r"\b(?:regal\w*|repart\w*|dando|di|doy) (?:\S+ ){0,4}?(?:todas |todos )?(?:mis|sus) "
    r"(?:cosas|pertenencias|posesiones)\b(?! (?:a la|para la|a una) (?:caridad|iglesia|"
    r"beneficencia|donacion|fundacion))",
    # a pet given away, said as a farewell ("ya regale mi perro"; never "le regale a mi perro
    # un juguete")
    r"\b(?:regale|regalamos|regalo|di en adopcion|ya entregue) (?:a )?(?:mi|mis) (?:perr\w*|"
    r"gat\w*|mascotas?)\b(?! (?:un|una|unos|unas|algo|comida|croquetas))",
    # no longer being there to read them: "ya no voy a estar para leerlos"
    r"\bya no (?:voy a estar|estare|voy a seguir aqui|voy a estar aqui)\b"
    r"(?! (?:en (?:la|el|esta|este) (?:ciudad|pais|trabajo|empresa|grupo|casa)|de viaje))",
    r"\b(?:carta|cartas|nota|notas|mensaje|mensajes|video) de despedida\b",
    # irse con quien ya murio: "quiere irse con mi mama al cielo", "con su difunta esposa"
    r"\b(?:quiere|quiero|queria|quisiera|ya quiere|ya quiero) (?:irse|irme|estar|reunirse|"
    r"reunirme) con (?:mi |su )?(?:difunt[oa] |finad[oa] )?(?:mama|papa|madre|padre|esposa|"
    r"esposo|hij[oa]|herman[oa]|abuel[oa]|vieja|viejo)\b(?= (?:al cielo|que en paz|que (?:ya )?"
    r"(?:murio|fallecio|se fue)|en el cielo|q e p d|qepd))",
    # affairs settled for one's absence, others asked to care for what one leaves: "deje todo
    # arreglado para cuando no este", "cuiden a mi gata" (said to a coach, a farewell; not
    # "mientras viajo")
    # (the match starts at its own "no", so the context rules do not read it as a denial)
    r"(?:(?<=\bcuando )|(?<=\bcuando ya )|(?<=\bcuando yo )|(?<=\bcuando yo ya ))"
    r"no (?:este|estemos|exista)\b(?! (?:en (?:casa|la casa|el trabajo|la oficina|la ciudad)|de "
    r"viaje|aqui (?:en|el|la|este)|este fin|el fin|el finde|unos dias|por (?:unos|la|el)))",
    r"\bcuid(?:en|es|a|ame|enme|ar|aran|en bien) (?:a |de )?(?:mi|mis) (?:gat\w*|perr\w*|"
    r"mascotas?|hij[oa]s?|nin[oa]s?|plantas)\b(?! (?:\S+ ){0,6}?(?:mientras|cuando (?:yo )?"
    r"(?:este|vuelva|regrese)|este fin|el finde|unos dias|esta semana|hasta que|por unos))",
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
    r"\b(?:pido|pidiendo|ruego|rogando|ojala|quisiera|que) (?:a )?(?:dios|diosito|el senor|"
    r"la virgen)? ?(?:que )?(?:dios |diosito |el senor )?(?:ya |pronto |de una vez |mejor )?"
    r"(?:me )?(?:lleve|recoja|llame|"
    r"llevara|recogiera|llevase)\b(?! (?:mi|mis|el|la|los|su|sus|tu|al|a la|a mi|a casa|en) )",
    r"\b(?:duerma|dormir|dormirme|durmiera|quedarme dormid[oa]|me quede dormid[oa]) y (?:ya )?"
    r"(?:no|nunca|jamas) (?:mas )?(?:despierte|despertar|despertara|despertarme|vuelva a "
    r"despertar)\b(?! (?:con|sin|a las|temprano|antes|hasta))",
    r"\b(?:nadie|a nadie) (?:me )?(?:extranaria|extranara|notaria|notara|le importaria|le "
    r"importa|echaria de menos)\b",
    r"\bque todo (?:termine|terminara|acabe|acabara|se acabe|se acabara|se termine|"
    r"termine ya|se termine ya)\b",
    r"\b(?:sewer ?slid\w*|self ?delet\w*|su ?ic ?ide|sui ?cide|unalive\w*|s ?word)\b",
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
    # los medios listos y el plan hecho
    r"\b(?:pastillas|pildoras|medicinas|pastillas para dormir) (?:ya )?(?:estan )?(?:todas )?"
    r"(?:juntas|alineadas|en fila|delante de mi|en la mano)\b",
    r"\bya (?:se|tengo pensado|tengo decidido|decidi) como (?:lo voy a hacer|lo hare|lo haria)"
    r"\s*$",
    r"\bya (?:se|tengo pensado|tengo decidido|decidi) (?:como|cuando|donde) (?:matarme|"
    r"quitarme la vida|acabar con (?:todo|mi vida))\b",
    r"\b(?:cartas?|notas?|mensajes?|videos?) (?:a|para) (?:mis hijos|mi familia|mi esposa|mi "
    r"esposo|mis padres|mi madre|mi mama|mi padre|mi papa|mis seres queridos|todos|mis nietos) "
    r"(?:\S+ ){0,2}por si acaso\s*$",
    # autolesion contada por el acto: "me pego en la cara cuando no para el tic", "me doy
    # cachetadas", "me jalo el parpado hasta que sangra", "me deje moretones" (nunca "me pegue
    # con la puerta", "me talle el ojo", "me rasque la picadura")
    _NOT_BY_OTHER_ES + r"\bme (?:pego|pegue|pegaba|he pegado|golpeo|golpee|golpeaba|"
    r"he golpeado|doy|di|daba|he dado|sigo dando|estoy dando) (?:de )?(?:golpes|golpazos|"
    r"cachetadas|bofetadas|punetazos|"
    r"manotazos|cachetes|zapes|trancazos|putazos|madrazos)\b",
    _NOT_BY_OTHER_ES + r"\bme (?:pego|pegaba|sigo pegando|estoy pegando|golpeo|golpeaba|"
    r"sigo golpeando|estoy golpeando|cacheteo|abofeteo) (?:yo sol[oa] |sol[oa] )?(?:en )?"
    r"(?:la|el|los|las|mi|mis) "
    + _BODY_ES + r"\b" + _NOT_AN_ACCIDENT_ES,
    _NOT_BY_OTHER_ES + r"\bme (?:\S+ )?" + _HURT_ES + r" (?:\S+ ){0,4}(?:hasta (?:que )?"
    r"(?:me )?(?:sangr\w*|sale sangre|salir sangre|hacerme (?:dano|moretones|heridas)|"
    r"dejarme (?:moretones|marcas|"
    r"heridas)|me (?:salen|quedan|deja|dejo) (?:moretones|marcas|heridas)))",
    r"\bme (?:deje|he dejado|dejo|estoy dejando|hice|he hecho|hago) (?:\S+ )?(?:moretones|"
    r"moratones|morados|marcas|heridas|cortes|quemaduras)\b(?! (?:al caer|con la|con el|en la "
    r"cocina|cocinando|jugando|en el gym|en el gimnasio|de (?:la|el) (?:caida|accidente)))",
)
# Either language: clinical words, Spanglish, checklist answers.
BOTH: tuple[str, ...] = (
    r"\b(?:how many|how much|cuantas|cuantos|cuanto) (?:of )?(?:my |the |las |los |de )?"
    r"(?:pills|tablets|meds|sleeping pills|pastillas|medicinas|somniferos|pildoras|"
    # the pills named by what they are: a searched lethal amount is the same question
    r"paracetamol\w*|acetaminophen|tylenol|panadol|ibuprofen\w*|advil|aspirin\w*|insulin\w*|"
    r"clonazepam|rivotril|xanax|alprazolam|diazepam|valium|lorazepam) " + gap(3)
    + r"(?:to die|would kill|to kill|it takes|would it take|it would take|para morir|para "
    r"matarme|para no despertar|se necesitan|hacen falta|to not wake up|to overdose)"
    r"(?! to (?:help|work|kick in|knock out|get rid|stop the|ease|relieve|fix|feel better|"
    r"sleep|calm))",
    r"\b(?:look\w*|search\w*|googl\w*|research\w*|busque|buscando|busco) (?:up )?(?:ways|"
    r"how|methods|formas|maneras|como) (?:de |to )?(?:die|kill myself|end it|end my life|"
    r"overdose|morir|matarme|suicidarme|quitarme la vida)",
)
PATTERNS: tuple[str, ...] = EN + ES + BOTH
