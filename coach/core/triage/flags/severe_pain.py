"""Severe pain: pain words with an intensity, an image, a rating or what the pain stops
one doing.

Patterns run on one clause of canonical tokens (normalize.py); see lexicon.py for gap().
"""

from __future__ import annotations

from coach.core.triage.lexicon import any_of, gap

# A head or eye told as pounding, throbbing or splitting is a pain word: "head pounding, the
# worst ever" takes the qualifiers a pain word takes.
_PAIN = any_of("pain\\w*", "headaches?", "aches?", "aching", "migraines?", "hurts?", "hurting",
               "pounding", "throbbing", "splitting")
# "sevear", "sevre", "seveer", "sevier", "severly": misspellings two edits from "severe".
_SEVERE_TYPO = r"(?:sev(?:ear|eer|ier|ere|are|re|eare|iere)(?:ly)?|svere|severly|severe?ly)"
_PAIN_QUAL = any_of(
    "severe", "horrible", "horrendous", "excruciating", "unbearable", "terrible", "awful",
    "intense", "extreme", "agoni[sz]ing", "worst", "crippling", "debilitating", "insane",
    "killer", "blinding", "stabbing", "really bad", "very bad", "so bad", "so much",
    "incredible", "unreal", "brutal", "horrific", _SEVERE_TYPO, "the worst", "worst ever",
    "screaming", "searing", "unbelievable", "ridiculous", "mind blowing", "savage",
    "massive", "monster", "crushing", "relentless", "awful awful",
)
_AMOUNT = any_of("so", "really", "very", "super", "extremely", "just", "too", "incredibly")
_DOLOR = any_of("dolor\\w*", "jaqueca", "migrana", "duele")
_FUERTE = any_of(
    "insoportable", "terrible", "horrible", "fuertisimo", "muy fuerte", "intenso",
    "intensisimo", "severo", "espantoso", "atroz", "inaguantable", "tremendo", "brutal",
    "horroroso", "de locos", "infernal", "agudo", "fuerte", "fortisim[oa]", "fuertisima",
    "bestial", "tremend[oa]", "espantos[oa]", "horrible", "horrendo", "criminal",
    "salvaje", "inaguantable", "insufrible", "muy intenso", "demasiado fuerte", "durisimo",
    "horribl\\w*", "terribl\\w*", "de muerte", "del demonio", "del diablo", "matador",
)

# English.
EN: tuple[str, ...] = (
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
    r"^agoni[sz]ing\b",  # the whole answer: "agonising", "agonizing today"
    r"\bagony\b",
    r"\bhurts? " + gap(1) + any_of("so bad", "so much", "so badly", "really bad",
                                    "like hell", "like crazy", "too much",
                                    "unbearably", "terribly"),
    r"\b(?:head|jaw|face|eye|neck|ear|cheek|temple|tooth|teeth|eyes) " + gap(1)
    + r"(?:is |are )?killing me\b",
    r"\bthunderclap\b",
    r"\bcant (?:take|stand|bear) (?:the|this) pain",
    # the gap never crosses a twitch word: "pain 3 out of 10 twitch 9 out of 10"
    r"\b(?:pain|hurts?|hurting|ache|aching|headache|migraine|throbbing|pounding|agony) "
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
    r"\bhurts? (?:like (?:a )?(?:bitch|mf|motherfucker|fuck|heck|the devil|nothing else|a "
    r"mother|crazy|hell|mad|a bastard)|so fucking|like fuck)",
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
    r"\b(?:cant|cannot|can no longer) (?:take|stand|bear|handle|deal with|cope with|tolerate) "
    r"(?:\S+ )?(?:the |this |my |that )?(?:pain|headache|migraine|ache|hurting)\b",
    # "headache like i've never had", "pain like i never felt", "un dolor como nunca antes"
    r"\b(?:pain|headache|migraine|ache|hurts?|hurting) (?:\S+ )?like (?:ive|i have|i|id) never "
    r"(?:ever )?(?:had|felt|known|experienced)\b",
)
# Spanish.
ES: tuple[str, ...] = (
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
    r"\b(?:dolor|duele|dolia|jaqueca|migrana) " + gap(4) + any_of(
        "candela", "cabron\\w*", "berraco", "verraco", "tenaz", "de la hostia",
        "de la ostia", "del carajo", "de madre", "del copon", "mortal", "machin",
        "arrech[oa]", "bien feo", "bien fuerte", "fuertote", "horribl\\w*",
    ) + r"\b",
    r"\b(?:candela|un horror|un infierno|una barbaridad|una locura|una bestialidad) (?:de|del) "
    r"dolor",
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
    r"\b(?:dolor|jaqueca|migrana|me duele|duele) " + gap(3) + r"como nunca\b",
)
# Either language: clinical words, Spanglish, checklist answers.
BOTH: tuple[str, ...] = (
)
PATTERNS: tuple[str, ...] = EN + ES + BOTH
