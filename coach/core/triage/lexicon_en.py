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
_PAIN = any_of("pain\\w*", "headaches?", "aches?", "aching", "migraines?", "hurts?", "hurting")
_PAIN_QUAL = any_of(
    "severe", "horrible", "horrendous", "excruciating", "unbearable", "terrible", "awful",
    "intense", "extreme", "agoni[sz]ing", "worst", "crippling", "debilitating", "insane",
    "killer", "blinding", "stabbing", "really bad", "very bad", "so bad", "so much",
    "incredible", "unreal", "brutal", "horrific",
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
        r"(?! (?:laughing|of (?:laughter|embarrassment|boredom|shame)))",
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
        r"\bpain " + gap(2) + r"(?:a |at )?(?:9|10|nine|ten)\b(?! (?:days|hours|minutes|am|pm))",
        r"\b" + _PAIN + " " + gap(4) + r"(?:is |was |feels |has been |been |getting )?"
        + r"(?:" + _AMOUNT + " )?" + any_of(
            "severe", "unbearable", "excruciating", "horrible", "terrible", "awful", "intense",
            "extreme", "agoni[sz]ing", "insane", "too much", "unreal", "brutal", "crazy",
            "bad",
        ),
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
