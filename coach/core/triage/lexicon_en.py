"""English red-flag vocabulary: how patients say each symptom in their own words."""

from __future__ import annotations

from coach.core.triage.lexicon import any_of, gap
from coach.core.types import RedFlag

_CANT = any_of(
    "cant", "cannot", "couldnt", "unable to", "not able to", "can barely", "can hardly",
    "barely", "hardly", "trouble", "troubles", "difficulty", "difficult", "hard (?:to|2)",
    "hard time", "struggl\\w*", "problems?", "issues?", "impossible to",
)
_FACE_PART = any_of(
    "face", "facial", "mouth", "lips?", "cheeks?", "eyebrows?", "brows?", "forehead",
    "eyelids?", "eyes?", "smile", "jaw", "side", "half", "arms?", "legs?", "hands?",
    "fingers?", "foot", "feet", "limbs?", "tongue", "left", "right", "body",
)
# "sevear", "sevre", "seveer", "sevier", "severly": misspellings two edits from "severe".
_SEVERE_TYPO = r"(?:sev(?:ear|eer|ier|ere|are|re|eare|iere)(?:ly)?|svere|severly|severe?ly)"
_PAIN = any_of("pain\\w*", "headaches?", "aches?", "aching", "migraines?", "hurts?", "hurting")
_PAIN_QUAL = any_of(
    "severe", "horrible", "horrendous", "excruciating", "unbearable", "terrible", "awful",
    "intense", "extreme", "agoni[sz]ing", "worst", "crippling", "debilitating", "insane",
    "killer", "blinding", "stabbing", "really bad", "very bad", "so bad", "so much",
    "incredible", "unreal", "brutal", "horrific", _SEVERE_TYPO, "the worst", "worst ever",
    "screaming", "searing", "unbelievable", "ridiculous", "mind blowing", "savage",
    "massive", "monster", "crushing", "relentless", "awful awful",
)
_AMOUNT = any_of("so", "really", "very", "super", "extremely", "just", "too", "incredibly")

PATTERNS: dict[RedFlag, tuple[str, ...]] = {
    RedFlag.WEAKNESS: (
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
        r"\b" + _FACE_PART + " " + gap(2) + any_of("dead", "floppy", "limp", "heavy", "frozen")
        + r"\b",
        r"\b(?:dribbl\w*|drip\w*|leak\w*|spill\w*|runs?|running) (?:out )?" + gap(3)
        + r"(?:side of )?(?:my |his |her )?mouth",
        r"\bparal[iy]\w*",
        r"\bweakness\b",
        r"\bfacial weak\w*",
        r"\b" + _FACE_PART + " " + gap(3) + r"weak\w*",
        r"\bweak\w* " + gap(2) + r"(?:in|on|down) " + gap(2) + _FACE_PART,
        r"\b(?:i|im|ive|me) " + gap(2) + r"(?:feel|feels|feeling|felt|am|been|getting|so) "
        + gap(1) + r"weak\b",
        r"\b(?:cant|cannot|couldnt|unable to|not able to|can barely|can hardly|hard to|"
        r"trouble|struggl\w*) " + gap(1) + any_of(
            "move", "moving", "lift", "lifting", "raise", "raising", "close", "closing",
            "shut", "smile", "smiling", "blink", "blinking", "wrinkle", "frown", "puff",
            "whistle", "grip", "hold", "feel", "feeling", "purse", "pucker", "use",
        ) + r" " + gap(3) + _FACE_PART,
        r"\b(?:cant|cannot|couldnt|unable to|not able to|can barely|hard to) " + gap(1)
        + any_of("smile", "blink", "whistle", "frown", "pucker") + r"\b",
        r"\b" + _FACE_PART + " " + gap(3) + any_of("wont", "cant", "doesnt", "isnt", "didnt")
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
    ),
    RedFlag.SPEECH: (
        r"\bslur\w*",
        r"\bspeech " + gap(3) + any_of(
            "slur\\w*", "weird", "funny", "off", "wrong", "strange", "garbled", "thick",
            "messed", "not right", "slow", "difficult", "hard", "different", "impaired",
            "jumbled", "drunk", "affected", "problems?", "issues?", "trouble",
        ),
        r"\bwords? (?:are |were |keep |keeps |just )?(?:coming|come|comes|came) out\b",
        r"\bwords? " + gap(2) + any_of("jumbled", "garbled", "mixed up", "wrong", "stuck"),
        r"\b" + _CANT + " " + gap(2) + any_of(
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
    ),
    RedFlag.SWALLOWING: (
        r"\b" + _CANT + " " + gap(3) + r"swallow\w*",
        r"\bswallow\w* " + gap(2) + any_of(
            "hard", "difficult", "weird", "off", "impossible", "a struggle", "a problem",
            "is an issue", "problems?", "issues?", "trouble", "not working",
        ),
        r"\bchok(?:e|es|ed|ing)\b(?! up)",
        r"\b(?:goes|go|going|went) down the wrong (?:way|pipe|hole)",
        r"\bfood " + gap(2) + r"(?:gets|getting|got|is|keeps) " + gap(1) + "stuck",
        r"\b(?:water|liquids?|drinks?|food) " + gap(3) + r"(?:comes?|coming|came) "
        + gap(1) + r"out " + gap(2) + r"nose",
        r"\b" + _CANT + " " + gap(1) + r"get " + gap(1)
        + r"(?:food|water|anything|pills?|drinks?|it) down",
        r"\bdysphagia\b",
    ),
    RedFlag.BREATHING: (
        r"\b" + _CANT + " " + gap(2) + any_of(
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
    ),
    RedFlag.SELF_HARM: (
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
    ),
    RedFlag.VISION: (
        r"\bblur\w*",
        r"\b(?:fuzzy|hazy|dim|cloudy|foggy|dark|double|doubled) (?:vision|sight|eyesight)",
        r"\b(?:vision|sight|eyesight) " + gap(3) + any_of(
            "blur\\w*", "fuzzy", "double", "going", "weird", "off", "cloudy", "dim\\w*",
            "dark\\w*", "strange", "funny", "messed", "worse", "hazy", "foggy", "spotty",
            "fading", "gone", "loss", "problems?", "trouble", "issues?",
        ),
        r"\bseeing " + gap(1) + any_of("double", "two of", "2 of", "things double", "spots",
                                       "flash\\w*", "lights"),
        r"\bsee " + gap(1) + any_of("double", "two of", "2 of"),
        r"\bloss of (?:vision|sight|eyesight)",
        r"\b(?:lost|losing|lose) (?:my |the |some |part of my )?(?:vision|sight|eyesight)",
        r"\b(?:cant|cannot|couldnt|unable to|can barely|can hardly|hard to|trouble) "
        r"(?:really )?see\b(?! (?:the point|why|how|what|myself|it happening|a doctor))",
        r"(?<!hot )\bflash(?:es|ing)\b",
        r"\bfloaters?\b",
        r"\b(?:went|going|gone|go|partially|suddenly|half) blind\b",
        r"\bblind (?:in|spot)",
        r"\bblindness\b",
        r"\bcurtain (?:over|across|coming|came|in)",
        r"\b(?:everything|things|it all|words|text|screen) " + gap(1) + any_of(
            "blurry", "fuzzy", "double", "hazy", "dim", "doubled",
        ),
    ),
    RedFlag.SEVERE_PAIN: (
        r"\b" + _PAIN_QUAL + " " + gap(3) + _PAIN,
        r"\bpain " + gap(2) + r"(?:a |at )?(?<![0-9] / )(?<![0-9] of )(?<!out of )(?:9|10|nine|"
        r"ten)\b(?! (?:days|hours|minutes|am|pm))",
        r"\b" + _PAIN + " " + gap(4) + r"(?:is |was |feels |has been |been |getting )?"
        + r"(?:" + _AMOUNT + " )?" + any_of(
            "severe", "unbearable", "excruciating", "horrible", "terrible", "awful", "intense",
            "extreme", "agoni[sz]ing", "insane", "too much", "unreal", "brutal", "crazy",
            "bad",
        ),
        # "the pain behind my left ear is awful": a long subject, then the copula
        r"\b" + _PAIN + " " + gap(6) + r"(?:is|was|feels|gets|has been) "
        + r"(?:" + _AMOUNT + " )?" + any_of(
            "severe", "unbearable", "excruciating", "horrible", "terrible", "awful",
            "brutal", "agoni[sz]ing",
        ) + r"\b",
        r"\bexcruciating\b",
        r"\bagony\b",
        r"\bhurts? " + gap(1) + any_of("so bad", "so much", "so badly", "really bad",
                                        "like hell", "like crazy", "too much",
                                        "unbearably", "terribly"),
        r"\b(?:head|jaw|face|eye|neck|ear|cheek|temple|tooth|teeth|eyes) " + gap(1)
        + r"(?:is |are )?killing me\b",
        r"\bthunderclap\b",
        r"\bcant (?:take|stand|bear) (?:the|this) pain",
    ),
}

# Broader phrasings, one class at a time: what a limb, a face, a voice, a swallow, a breath,
# a mood or an eye does when it goes wrong, in the words patients text.
_SIDE_PART = any_of(
    "face", "facial", "mouth", "lips?", "cheeks?", "eyebrows?", "brows?", "forehead",
    "eyelids?", "lids?", "smile", "jaw", "side", "half", "arms?", "legs?", "hands?",
    "fingers?", "foot", "feet", "limbs?", "body", "chin",
)
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
_LIMB = any_of("arms?", "legs?", "hands?", "fingers?", "foot", "feet", "limbs?", "side")
_SPEECH_BAD = any_of(
    "mumbl\\w*", "garbl\\w*", "slur\\w*", "slushy", "mushy", "muffled", "jumbled", "drunk",
    "wrong", "weird", "funny", "strange", "off", "thick", "slow", "different", "not right",
    "messed up", "nonsense", "gibberish", "broken", "like gibberish", "all wrong", "muddled",
    "scrambled", "mixed up", "backwards", "stuck", "robotic", "sloppy", "lazy", "clumsy",
)
_SWALLOW = r"sw[aou]l{1,2}(?:o|ow|ou|a|aw)\w{0,6}"  # "swolloing", "swalowing", "swollow"
_DRINK = any_of(
    "drink\\w*", "drank", "sips?", "sipping", "water", "tea", "coffee", "juice", "liquids?",
    "eat\\w*", "ate", "food", "meals?", "bites?", "mouthfuls?", "swallow\\w*", "soup", "milk",
    "pills?", "tablets?", "meds",
)
_EYE_WORD = any_of("eyes?", "vision", "sight", "eyesight")
_VISION_BAD = any_of(
    "dark", "black", "grey", "gray", "dim", "blank", "white", "blurry", "fuzzy", "foggy",
    "cloudy", "hazy", "misty", "smeary", "smudged", "smudgy", "milky", "out", "funny",
    "weird", "wavy", "wobbly", "shimmery", "shimmering", "double", "blotchy", "patchy",
    "grainy", "snowy", "static", "dull", "bright spots", "sparkly", "swimmy",
)
_WORDS_SEEN = any_of(
    "words", "text", "letters", "lines", "things", "everything", "images?", "pictures?", "tv",
    "screen", "faces", "people", "print", "writing", "signs?", "page", "it all", "objects",
    "the room", "room", "world", "numbers",
)

MORE: dict[RedFlag, tuple[str, ...]] = {
    RedFlag.WEAKNESS: (
        r"\b" + _SIDE_PART + " " + gap(3) + r"(?:feels? |felt |feeling |is |was |went |gone |"
        r"goes |going |looks? |looked |looking |seems? |got |getting |has |kind of |kinda |"
        r"sort of |all |a bit |like it |like its |a little |totally )?" + gap(1) + _LIMP
        + r"(?!\w)(?! (?:from|after) (?:sitting|kneeling|the cold|cold|crossing|sleeping|lying|"
        r"the dentist|dentist|novocaine|anesthetic|the gym|gym|workout|lifting|the injection))",
        r"\b" + _LIMP + r" " + gap(2) + r"(?:in |on |down )(?:my |the |his |her |one |left |"
        r"right )?" + gap(1) + _SIDE_PART + r"\b(?! (?:from|after) (?:sitting|kneeling|"
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
        r"\bpins and needles (?:in|down|on|all over) " + gap(2) + _SIDE_PART,
        r"\b" + _LIMB + r" " + gap(2) + r"(?:just )?(?:gave|gives|went|goes) (?:out|way|dead)",
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
        r"smile|lips?) " + gap(2) + any_of("looks", "is", "seems", "feels") + " " + gap(1)
        + any_of("different", "odd", "weird", "strange", "funny", "off", "wrong", "flat",
                 "lower", "not right", "slack", "smooth"),
    ),
    RedFlag.SPEECH: (
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
    ),
    RedFlag.SWALLOWING: (
        r"\b" + _CANT + " " + gap(3) + _SWALLOW,
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
        + gap(1) + r"(?:get|getting|keep|force|forcing|push) (?:them|it|food|pills?|anything|"
        r"water|drinks?|tablets?|meds|things|stuff) down",
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
    ),
    RedFlag.BREATHING: (
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
        r"\b(?:breathless|winded)\b(?! (?:after|from) (?:my |a |the )?(?:run|running|jog|"
        r"jogging|workout|gym|exercise|stairs|climbing|walk|hike|swim|class|training))",
        r"\b(?:cant|cannot|couldnt) (?:get|take|draw) (?:a |any |enough )?(?:deep |full |proper )?"
        r"(?:breath|air|oxygen)",
        r"\b(?:no|not enough|running out of) (?:air|oxygen)\b",
        r"\b(?:chest|lungs?) " + gap(3) + any_of("heavy", "tight\\w*", "crushing", "squeez\\w*",
                                                  "wont expand", "cant expand", "burning"),
    ),
    RedFlag.SELF_HARM: (
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
    ),
    RedFlag.VISION: (
        r"\bghost\w* (?:image\w*|outline\w*|effect|double|letters|text|shapes?)",
        r"\bghosting\b",
        r"\b" + _WORDS_SEEN + " " + gap(4) + any_of(
            "doubl\\w*", "split\\w*", "overlap\\w*", "swim\\w*", "wav\\w*", "wobbl\\w*",
            "shimmer\\w*", "distort\\w*", "warp\\w*", "danc\\w*", "blur\\w*", "fuzzy", "hazy",
            "foggy", "jump\\w* around", "mov\\w* around", "bend\\w*", "bent", "wavy", "smear\\w*",
            "run together", "running together", "two of", "echo\\w*", "shadow\\w*", "in two",
            "twice", "tilted", "slanted", "crooked", "out of focus", "dark\\w*",
        ),
        r"\b(?:seeing|see|saw|seen|sees) " + gap(2) + any_of(
            "two of", "2 of", "double", "ghost\\w*", "shadows?", "halos?", "rainbows?",
            "sparkl\\w*", "stars", "zig ?zags?", "wavy lines", "squiggl\\w*", "dots", "spots",
            "black spots", "floaters", "flash\\w*", "lights", "auras?", "things that arent",
            "through (?:a )?(?:fog|mist|haze|smoke|veil|film|water)",
        ),
        r"\b(?:frosted|foggy|fogged|frosty|dirty|smeared|steamed up|steamy|greasy|wet|misted|"
        r"misty|cloudy|smudged|bubbled|wax|dirty) (?:up )?(?:glass|window|windows|lens|lenses|"
        r"glasses|paper|screen|windscreen|windshield)",
        r"\b(?:looking|look|looks|see|seeing|like) through (?:a |some |the )?(?:fog|mist|haze|"
        r"smoke|veil|film|water|vaseline|gauze|cellophane|plastic|cloud|net|screen door)",
        r"\b" + _EYE_WORD + r" " + gap(2) + r"(?:went|goes|going|gone|turned|turning|turns|got|"
        r"getting|gets|is|was|feels?|seems?|keeps? going|all) " + gap(1) + _VISION_BAD
        + r"\b(?! (?:and puffy|circles|bags|underneath|under|around))",
        r"\b(?:everything|it all|the world|the room|the screen|my vision|all) " + gap(1)
        + r"(?:went|goes|going|gone|turned|turning|got|getting) " + gap(1)
        + any_of("dark", "black", "grey", "gray", "dim", "blank", "white", "blurry", "fuzzy",
                 "foggy", "hazy", "double", "wavy"),
        r"\b(?:cant|cannot|couldnt|unable to|trouble|struggl\w*|hard to|hard time|difficult to) "
        r"(?:to )?(?:focus|focusing|focussing) (?:my |the |his |her )?(?:eyes?|vision|sight|on "
        r"(?:the )?(?:words|text|screen|page|tv|anything|things|faces|letters))",
        r"\b(?:eyes?|vision) " + gap(2) + r"(?:wont|cant|doesnt|dont|arent|isnt|not|wouldnt) "
        + gap(1) + r"focus\w*",
        r"\bout of focus\b",
        r"\bevery ?thing " + gap(1) + r"(?:swims|swimming|spins|spinning|tilts|moves)",
        r"\b(?:dark|grey|gray|black|blank|blind|white|blurry|fuzzy|empty|missing|shadowy|"
        r"cloudy|foggy) (?:patch\w*|spots?|areas?|shadows?|blobs?|holes?|smudges?|smears?|"
        r"clouds?|bits?|parts?|sections?|bands?|veils?|curtains?|shades?|zones?|regions?)\b"
        r"(?! (?:on|under) (?:my |the |his |her )?(?:skin|arm|leg|face|cheek|lip|nail|hand))",
        r"\b(?:shadow|veil|shade|cloud|film|haze|curtain|blind|blackness|darkness) "
        + gap(2) + r"(?:over|across|in front of|covering|coming (?:down|up|over|across)|"
        r"came (?:down|up|over|across)|in|on) (?:my |the |his |her |one |part of my )?"
        r"(?:eyes?|vision|sight|view|left eye|right eye)",
        r"\btunnel vision\b",
        r"\b(?:peripheral|side) vision " + gap(2) + any_of("gone", "missing", "lost", "dark",
                                                           "blurry", "weird", "off"),
        r"\b(?:lost|losing|lose|missing) (?:the |my )?(?:top|bottom|left|right|side|half|"
        r"part|edge|middle|centre|center) (?:half |part |side )?of (?:my |the )?(?:vision|sight|"
        r"view|what i see)",
        r"\b(?:vision|sight|eye) " + gap(1) + r"(?:blacked|greyed|grayed|whited|blanked|went) "
        r"out\b",
        r"\bblacked out in (?:my |one |the )?eye",
    ),
    RedFlag.SEVERE_PAIN: (
        # the gap never crosses a twitch word: "pain 3 out of 10 twitch 9 out of 10"
        r"\b(?:pain|hurts?|hurting|ache|aching|headache|migraine|throbbing|agony) "
        r"(?:(?!twitch|tic\b|spasm)\S+ ){0,5}"
        + any_of("off the charts?", "off the scale", "through the roof", "beyond belief",
                 "out of this world", "beyond anything", "like never before",
                 "worst (?:ive|i have|i ve|i) (?:ever )?(?:had|felt|known|experienced)",
                 "the worst", "worst ever", "worst of my life", "like a knife", "like knives",
                 "like a hot poker", "like (?:being )?stabbed", "like an ice pick",
                 "like (?:my head|it) (?:is|was) (?:going to|gonna) explode",
                 "making me (?:cry|scream|throw up|sick|vomit)", "makes me (?:cry|scream|vomit)",
                 "(?:8|9|10|11|12|eight|nine|ten|eleven|twelve|100) (?:out of|outta|/|of) "
                 "(?:10|ten)", "(?:is |at |an? )?(?<![0-9] / )(?<![0-9] of )(?<!out of )"
                 "(?:8|9|10|11|eight|nine|ten|eleven)\\b(?! (?:days|hours|minutes|am|pm|weeks|"
                 "times|years|oclock))"),
        r"\bworst (?:pain|headache|migraine|ache|jaw pain|eye pain)\b",
        r"\b(?:off the charts?|off the scale|through the roof) " + gap(3)
        + r"(?:pain|hurt\w*|ache|aching|headache)",
        r"\b(?:so|really|very|extremely|incredibly|super|insanely|unbearably|excruciatingly|"
        r"horribly|crazy|ridiculously|stupidly|terribly|awfully|seriously|intensely) "
        r"(?:bloody |fucking |freaking )?(?:painful|sore|tender)\b(?! (?:but|after))",
        r"\b(?:never|not ever) (?:had|felt) (?:pain|a headache|anything|a pain) like (?:this|it)",
        r"\b(?:cant|cannot|couldnt) (?:sleep|think|function|work|eat|open my eyes|see straight|"
        r"move) (?:because of|from|with|for) (?:the |this |my )?(?:pain|headache|migraine)",
        r"\b(?:crying|screaming|sobbing|in tears|vomiting|throwing up) (?:from|with|because of|"
        r"in) (?:the |this )?(?:pain|headache|agony)",
        r"\bpain(?:killers|kill\w*)? (?:arent|dont|isnt|wont|not) (?:touching|helping|working)"
        r" (?:it|the pain)",
        r"\b" + _SEVERE_TYPO + r"\b",
    ),
}
PATTERNS = {flag: PATTERNS.get(flag, ()) + MORE.get(flag, ()) for flag in RedFlag
            if flag in PATTERNS or flag in MORE}

# Prolonged spasm: pieces combined by the reader (see reader.py).
CONTINUOUS = (
    r"\b(?:constant\w*|nonstop|non stop|continuous\w*|continual\w*|all the time|24 / 7|"
    r"never (?:stops?|stopped|ends|quits|lets up)|wont (?:stop|go away|quit|let up)|"
    r"doesnt (?:stop|go away|quit|let up)|didnt stop|hasnt (?:stopped|let up|gone away)|"
    r"havent stopped|keeps going|without (?:stopping|a break|any break|pause)|"
    r"day and night|all day and (?:all )?night|round the clock|around the clock|"
    r"every (?:second|minute) of the day|not stopping|never ending|endless\w*|"
    r"unrelenting|nonstopping|all day every day|every single (?:second|minute))"
)
CLOSURE = (
    r"\b(?:eyes?|eyelids?|lids?) " + gap(3) + r"(?:wont|cant|doesnt|wouldnt|isnt|didnt) "
    r"(?:stay )?(?:open|opening)\b",
    r"\b(?:eyes?|eyelids?|lids?) " + gap(2) + r"(?:stays?|stuck|clamped|forced|squeezed|"
    r"locked|glued|keeps|keep|is|was|staying|getting) " + gap(1) + r"(?:shut|closed)\b",
    r"\b(?:cant|cannot|couldnt|unable to) " + gap(1)
    + r"open (?:my |the )?(?:eyes?|eyelids?|lids?)",
    r"\b(?:eyes?|eyelids?) " + gap(2) + r"(?:clamp\w*|squeez\w*|lock\w*) shut",
)
SPASM = r"\b(?:twitch\w*|spasm\w*|tics?|flutter\w*|jump\w*|myokymia|blephar\w*|pulling|pulls)\b"
DURATION_UNITS = {
    "day": 1, "days": 1, "week": 7, "weeks": 7, "wk": 7, "month": 30, "months": 30,
    "year": 365, "years": 365, "d": 1, "w": 7,
}
MULTI_DAY = (
    r"\b(?:all|whole|entire|this whole|the whole|past|last) (?:week|weekend|month)\b",
    r"\bsince (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|last|the weekend|"
    r"the other day|the start|sunday)\b",
    r"\bfor (?:days|weeks|months|ages)\b",
    r"\b(?:days|weeks|months) (?:now|on end|straight|in a row)\b",
    r"\b(?:a|one|another) (?:week|month|fortnight)\b",
)
INTERMITTENT = (
    r"\b(?:on and off|off and on|comes and goes|come and go|sometimes|now and then|"
    r"here and there|occasional\w*|every now|once in a while|better|improving|gone|"
    r"stopped|free|less|went away|eased|calmer)\b"
)
SITUATIONAL = r"\b(?:when|whenever|while|during|after|every time|everytime|if)\b"
