"""understand(): from the text of a reply to a Reading.

Red flags are looked for in every reply in both languages' vocabularies (patients switch
language mid-message, and a mis-detected language must never hide a red flag). Each mention
found is read in its clause by context.status(); the first affirmed mention of a flag wins
over any number of negated ones ("no pain but my face is drooping").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from coach.core.triage import (
    commands,
    context,
    language,
    lexicon_breadth,
    lexicon_en,
    lexicon_es,
    lexicon_function,
    lexicon_probes,
    lexicon_slang,
    severity,
)
from coach.core.triage.context import Status
from coach.core.triage.lexicon import gap
from coach.core.triage.normalize import BOUNDARY, QUESTION, clauses, tokens
from coach.core.triage.reading import Reading
from coach.core.types import Command, Level, RedFlag

_FLAG_REGEXES: tuple[tuple[RedFlag, re.Pattern[str]], ...] = tuple(
    (
        flag,
        re.compile(
            "|".join(
                f"(?:{p})"
                for lexicon in (
                    lexicon_en, lexicon_es, lexicon_function, lexicon_breadth, lexicon_slang,
                    lexicon_probes,
                )
                for p in lexicon.PATTERNS.get(flag, ())
            )
        ),
    )
    for flag in RedFlag
    if flag in lexicon_en.PATTERNS or flag in lexicon_es.PATTERNS
)
_CONTINUOUS = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (lexicon_en.CONTINUOUS, lexicon_es.CONTINUOUS, lexicon_function.CONTINUOUS)
    )
)
_CLOSURE = re.compile(
    "|".join(
        f"(?:{p})"
        for p in lexicon_en.CLOSURE + lexicon_es.CLOSURE + lexicon_function.CLOSURE
    )
)
_SPASM = re.compile(
    "|".join(f"(?:{p})" for p in (lexicon_en.SPASM, lexicon_es.SPASM, lexicon_function.SPASM))
)
_MULTI_DAY = re.compile("|".join(f"(?:{p})" for p in lexicon_en.MULTI_DAY + lexicon_es.MULTI_DAY))
_INTERMITTENT = re.compile(f"(?:{lexicon_en.INTERMITTENT})|(?:{lexicon_es.INTERMITTENT})")
_SITUATIONAL = re.compile(f"(?:{lexicon_en.SITUATIONAL})|(?:{lexicon_es.SITUATIONAL})")
_UNIT_DAYS = {**lexicon_en.DURATION_UNITS, **lexicon_es.DURATION_UNITS}
_HOURS = frozenset({"hours", "hour", "horas", "hora", "h"})
_DURATION_COUNTS = {
    **{k: v for k, v in severity._WORDS.items() if v > 0},
    "a": 1, "an": 1, "couple": 2, "few": 3, "several": 3, "varios": 3, "varias": 3,
    "unos": 3, "unas": 3, "many": 3, "muchos": 3,
}
_PAIN_WORDS = frozenset(
    {"pain", "painful", "pains", "hurts", "hurt", "hurting", "headache", "ache", "aches",
     "dolor", "duele", "migraine", "jaqueca"}
)
SEVERE_PAIN_RATING = 8
# Clauses where a flag's words are figures of speech ("laughing so hard i cant breathe").
_FIGURATIVE: dict[RedFlag, re.Pattern[str]] = {
    # "lol i cant breathe", "no puedo respirar jajaja": a joke, as the laugh says (a laughing
    # emoji is read as "lol" by the tokenizer)
    RedFlag.BREATHING: re.compile(
        r"\b(?:laugh\w*|lmao|lmfao|rofl|lol|lolol|haha\w*|ahaha\w*|hehe\w*|ja(?:ja)+\w*|"
        r"je(?:je)+|xd|rei|reir|riendo|risa|carcajada\w*|dying laughing|muerto de risa)\b"
    ),
}
# "killing me lol not literally": the writer takes the figure back in the same breath. Talk of
# self-harm is never taken back this way: a joke about dying is still asked about.
_NOT_LITERALLY = re.compile(
    r"\b(?:not|no|nada|nothing|isnt|wasnt|no es|no era) (?:\S+ )?(?:literally|literal|"
    r"literalmente)\b"
)
# A song or a show named in the clause: "cant feel my face lol the weeknd on repeat".
_SONG = (
    r"|\b(?:cant feel my face|i cant breathe|cant breathe|no puedo respirar|i cant see|"
    r"blinded by the lights?) (?:\S+ ){0,5}(?:the weeknd|weeknd|song|songs|lyrics?|playlist|"
    r"spotify|on repeat|karaoke|album|concert|cancion|letra|concierto|en repeticion)\b"
    r"|\bcant feel my face when (?:im|i am) with you\b"
    r"|\b(?:the weeknd|weeknd|song|lyrics?|playlist|spotify|karaoke|album|cancion|letra de|"
    r"singing|cantando) (?:\S+ ){0,4}(?:cant feel my face|cant breathe|no puedo respirar|"
    r"blinded by the lights?)"
)
# A limb asleep from the way one sat: "my foot fell asleep sitting cross-legged at church".
_POSTURE = (
    r"|\b(?:foot|feet|leg|legs|butt|bum|toes|pie|pies|pierna|piernas|nalgas?|pompis|dedos del "
    r"pie) (?:\S+ ){0,3}(?:asleep|numb|tingl\w*|pins and needles|dormid\w*|durmi\w*|duerme|"
    r"entumi\w*|hormigue\w*) (?:\S+ ){0,3}(?:sitting|kneeling|squatting|cross legged|crossed|"
    r"sentad\w*|de rodillas|en cuclillas|cruzad\w*|on the toilet|en el bano|en el inodoro)"
    r"|\b(?:durmi\w*|dormid\w*|duerme|entumi\w*|hormigue\w*) (?:\S+ ){0,2}(?:pie|pies|"
    r"pierna|piernas|nalgas?|pompis) (?:\S+ ){0,3}(?:sentad\w*|de rodillas|en cuclillas|"
    r"cruzad\w*|en el bano|en el inodoro)"
)
# Figures of speech and benign causes that share words with a symptom: a mention that
# overlaps one of these spans is not a report ("choked on my words", "this heat is
# suffocating", "no para de llover"). Only the span is set aside, so "the heat is
# suffocating and i cant breathe" still raises the flag on "cant breathe".
_WEATHER = (
    r"(?:heat|weather|humidity|humid|air in here|room|office|house|place|traffic|crowd|"
    r"job|work|atmosphere|relationship|schedule|meeting|family|sun|summer|calor|bochorno|"
    r"ambiente|trabajo|trafico|oficina|casa|clima|tiempo|humedad|verano|sol|gente|reunion|"
    r"jefe|boss|deadline\w*|workload|stress|estres)"
)
# What keeps someone from the phone: "cant talk driving", "no puedo hablar, estoy en junta".
_ACTIVITY = (
    r"(?:driving|at work|at the office|in (?:a |the )?(?:meeting|class|lecture|church|mass|"
    r"car|store|shop|hospital|waiting room|middle of something|movies|cinema)|busy|working|on "
    r"(?:the road|a call|the phone|shift|my shift|the clock|the bus|the train)|at (?:the )?"
    r"(?:gym|doctor|dentist|store|school|church|mass|airport|bank|game|wedding|funeral)|with (?:a "
    r"|my )?(?:client|clients|customer|customers|patient|patients|boss|kids|family)|in a rush|"
    r"later|ttyl|text you|call you|will text|ill text|ill call|gotta go|got to go|at lunch|"
    r"manejando|conduciendo|en (?:el |la )?(?:trabajo|chamba|oficina|junta|reunion|clase|misa|"
    r"iglesia|carro|coche|camion|bus|metro|tienda|super|doctor|hospital|consulta|escuela|"
    r"calle|cine|boda|funeral)|en una (?:junta|reunion|llamada|clase)|trabajando|ocupad[oa]s?|"
    r"con (?:un |una |los |mis |el |la )?(?:cliente|clientes|paciente|pacientes|jefe|jefa|ninos|"
    r"hijos)|te (?:llamo|escribo|marco|hablo) (?:luego|despues|mas tarde|al rato)|luego te|"
    r"al rato te|mas tarde|despues te)"
)
# "cant talk right now", "no puedo hablar ahora, estoy en misa", "cant see my doctor until
# monday": an inability that is about being busy or booked, not about the body.
_BUSY = (
    r"|\b(?:cant|cannot|couldnt|no puedo|no podia|no pude) (?:talk|speak|chat|text|hablar|"
    r"contestar|agarrar el (?:telefono|celular)|answer|pick up) (?:to you |with you |"
    r"contigo |el telefono |the phone )?(?:now|right now|ahora|ahorita|at the moment|en este "
    r"momento|rn)\b"
    # "cant talk driving", "cant talk, in a meeting", "no puedo hablar, ando manejando", and
    # the activity first: "driving cant talk", "en junta no puedo hablar"
    r"|\b(?:cant|cannot|couldnt|no puedo|no podia|no pude) (?:talk|speak|chat|text|hablar|"
    r"contestar|answer|pick up|respond|responder)(?: to you| with you| contigo| now| rn| right "
    r"now| ahora| ahorita| atm| at the moment| ya)? (?:im |i am |am |i was |estoy |ando |voy |"
    r"sorry |perdon |lo siento )?" + _ACTIVITY + r"\b"
    r"|\b" + _ACTIVITY + r" (?:\S+ )?(?:cant|cannot|no puedo) (?:talk|speak|chat|text|hablar|"
    r"contestar|answer)\b"
    r"|\b(?:cant|cannot|couldnt|no puedo|no podia|no pude|no) (?:see|ver|veo|get in to see) "
    r"(?:my |mi |the |a |el |la |a la |al )?(?:doctor|dr|neurologist|gp|doctora|medico|medica|"
    r"neurologo|neurologa|specialist|nurse|enfermera|especialista|kids|family|familia|mom|mum|"
    r"friends|amigos|hijos|point|hora)\b"
)
# A numb or tingling part explained by a benign cause: "piernas dormidas de estar sentada",
# "lengua adormecida por el chile", "no siento los pies del frío", "numb from the dentist".
_NUMB_CAUSE = (
    r"\b(?:numb\w*|heavy|asleep|dead|tingl\w*|weak|jelly|rubber\w*|dormid[oa]s?|"
    r"durmi\w*|duerme\w*|pesad[oa]s?|entumi\w*|hormigue\w*|adormec\w*|siento|sentia|"
    r"pica|picando|arde|ardiendo) (?:\S+ ){0,3}(?:from|after|because of|de|del|por|tras|"
    r"despues de|con) (?:\S+ ){0,2}(?:sitting|kneeling|sleeping on|lying on|gym|workout|"
    r"exercise|exercising|running|run|hike|hiking|lifting|training|crossing|the cold|cold|"
    r"dentist|novocaine|anesthetic|anaesthetic|anestesia|injection|inyeccion|lack of sleep|"
    r"tiredness|being tired|no sleep|estar sentad\w*|tanto|la postura|ejercicio|gimnasio|"
    r"correr|frio|dentista|cansancio|desvelo|no dormir|chile|chiles|picante|aji|jalapeno|"
    r"salsa|spicy|pepper|peppers|chili|chilli|hot sauce|wasabi|lidocaine|lidocaina|novocaina)"
)
_FIGURE_SPANS: dict[RedFlag, re.Pattern[str]] = {
    RedFlag.WEAKNESS: re.compile(
        _NUMB_CAUSE
        + r"|\b(?:numb\w*|heavy|dead|weak|jelly|rubber\w*|limp) (?:\S+ ){0,3}(?:after|from) "
        r"(?:\S+ ){0,2}(?:leg day|arm day|practice|the game|football|soccer|a run|a long day|"
        r"spin class|class|squats|deadlifts|the match|the marathon)"
        # drooling over someone or by a pet, one dropped phone, a leaking cup, a face that
        # falls from shame, dragging one's feet
        r"|\b(?:dog|dogs|cat|cats|puppy|kitten|pet|teething)\w* (?:\S+ ){0,2}drool\w*"
        r"|\b(?:cup|mug|bottle|glass|thermos|flask|jug|pot|kettle|straw|pen|bag|container|box|"
        r"roof|pipe|tap|faucet|sink|diaper|nappy|tire|tyre|boat|bucket|lid|carton|pitcher) "
        r"(?:is |keeps |has |was |always |still )?(?:leak\w*|drip\w*|spill\w*|dribbl\w*|runs|"
        r"running|pours?|pouring)"
        r"|\bcae la cara de (?:verguenza|pena)\b|\bcara de (?:verguenza|pena)\b"
        r"|\bdragg\w* (?:my|his|her|our|their) feet\b"
        # not a symptom but being busy: "no puedo agarrar el telefono ahora"
        + _BUSY +
        r"|\bdrool\w* (?:over|at|for) |\bse (?:me|le|te) cae la baba (?:por (?!(?:un|el|la|una|"
        r"mi|su|ese|este) (?:\S+ )?(?:lado|costado|comisura|esquina|orilla|ladito)\b)|con|al "
        r"ver)\b"
        r"|\b(?:dropped|drop) my (?:phone|cup|keys|glasses|mug) (?:in|into|on|down|off|at|"
        r"while|when|again|lol)\b"
        # "remove my number": a number is not numbness
        r"|\bnumbers?\b|\bnumbered\b" + _SONG + _POSTURE
    ),
    RedFlag.SPEECH: re.compile(
        _NUMB_CAUSE + _BUSY
        # lost for words out of gratitude or shock, a remark that "came out wrong" at work
        + r"|\b(?:find|finding|found|encuentro|encuentra|hallo|tengo|hay) (?:the |any |las |"
        r"the right |the proper )?(?:words?|palabras) (?:to|para|for|con que) (?:thank|express|"
        r"describe|say how|tell you how|agradec\w*|expresar|describir|decir(?:le|les|te)? "
        r"(?:lo|cuanto|lo mucho|gracias))"
        # drunk for real, or playing drunk: "came home drunk and slurring", "pretending"
        r"|(?<!like he )(?<!like she )(?<!like i )(?<!if he )(?<!if she )(?<!if i )(?<!like )"
        r"(?<!como si )(?<!si )\b(?:came home|got|getting|gets|coming home|llego|vino) (?:so |"
        r"really |totally |"
        r"bien |muy )?(?:drunk|wasted|hammered|tipsy|borrach[oa]|tomad[oa]|pedo)\b(?: \S+){0,4}"
        r"|\b(?:\S+ ){0,4}(?:because|cause|bc|porque|since) (?:he|she|i|hes|shes|im|esta|"
        r"estaba) (?:is |was |got |had |been )?(?:drunk|wasted|hammered|tipsy|borrach[oa]|"
        r"tomad[oa]|drinking)\b"
        r"|\b(?:pretend\w*|imitat\w*|acting|playing|fingiendo|finge|haciendose el|jugando a) "
        r"(?:\S+ )?(?:to be |that (?:he|she|i|hes|shes|im) (?:is |was )?|como )?(?:drunk|"
        r"borrach[oa]|tomad[oa])\b"
        r"|\b(?:slurr\w*|arrastr\w*|sound\w* drunk|habla\w* como borrach\w*) (?:\S+ ){0,5}"
        r"(?:pretend\w*|imitat\w*|fingiendo|jugando)\b"
        r"|\b(?:words?|it|that|something) (?:\S+ )?(?:came|come|comes) out wrong (?:in|at|during|"
        r"on|to|with) (?:the |my |a |that |this )?(?:meeting|interview|date|presentation|call|"
        r"text|email|argument|class|work|party|dinner|boss|speech|toast)\b"
    ),
    RedFlag.VISION: re.compile(
        _BUSY[1:]
        + r"|\b(?:in|was|all|just|such|a total|one big|a) (?:a )?blur\b"
        # "seeing double... double shifts this week": the pun is read with the next clause
        r"|\bdouble (?:double )?(?:shifts?|duty|overtime|time|dates?|booked|dutch|espresso|"
        r"decker|whammy|digits|trouble|jeopardy|standards?|check|doubles|rainbows?|chins?|"
        r"burgers?|cheeseburgers?|scoops?|shots?|cheeked|header|feature|points)\b"
        r"|\bdobles? (?:dobles? )?(?:turnos?|jornadas?|chamba|trabajo|horario)\b"
        # blur explained by missing glasses: "blurry because i forgot my glasses"
        r"|\b(?:\S+ ){0,4}(?:because|cause|bc|since|as|without|porque|sin|pq|xq|por) (?:i |of |"
        r"que )?(?:forgot|left|lost|broke|dont have|didnt bring|need new|am not wearing|wasnt "
        r"wearing|took off|olvide|deje|perdi|rompi|no traigo|no tengo|no traje|me quite|no "
        r"llevo)? ?(?:my |mis |los |las |me )?(?:glasses|contacts|contact lenses|lenses|readers|"
        r"specs|lentes|anteojos|gafas|lentillas|pupilentes|contactos)\b"
        r"|\bblur (?:of|between)\b|\bblurr?(?:ed|ing|s)? the (?:line|lines|boundaries)\b"
        r"|\b(?:photo|photos|picture|pictures|pic|pics|selfie|selfies|video|videos|camera|"
        r"image|images|scan|footage|print|copy|screenshot|shot|photograph)\w* (?:\S+ ){0,4}"
        r"(?:blur\w*|fuzzy|grainy|out of focus|doubled|double exposed)"
    ),
    RedFlag.SELF_HARM: re.compile(
        # "no quiero seguir con el cafe": going on with a thing, not with life
        r"\bno (?:quiero|deseo|kiero) seguir (?:con (?:el|la|los|las|este|esta|estos|estas|ese|"
        r"esa|mis|mi) (?!vida\b|mundo\b)\w+|(?:tomando|usando|haciendo|comiendo|bebiendo|"
        r"yendo|pagando|viendo|trabajando|estudiando|con el tratamiento|las gotas|el cafe)\b)"
        r"|\b(?:dont|do not) want to (?:go on|continue|keep going|carry on|keep) (?:with |"
        r"taking |using |doing |drinking )(?:the |these |this |my )?(?:coffee|drops|pills|"
        r"meds|treatment|exercises|diet|app|program|massage|cream|tea|caffeine)\b"
        r"|\bkill\w* (?:my|him|her|them) ?sel(?:f|ves) (?:at (?:the |my )?(?:gym|work|office|job)|"
        r"over (?:this|a|the|my) (?:project|exam|report|thesis|assignment)|studying|working|"
        r"training|to (?:finish|get|make|meet|pay|pass)|for (?:this|a|my) (?:job|exam|boss|"
        r"degree|team))"
        # an accident: "hurt myself at the gym", "cut myself shaving"
        r"|\b(?:hurt|injur\w*|cut|burn\w*|burnt|scratch\w*|bruis\w*) (?:my|him|her|them) ?sel(?:f|"
        r"ves) (?:(?:at|in) (?:the |my )?(?:gym|work|kitchen|garden|yard|game|match|practice)|"
        r"lifting|running|playing|cooking|shaving|gardening|falling|skiing|working out|by "
        r"accident|accidentally|when (?:i|he|she) (?:fell|slipped|tripped)|on (?:the |a |some )?"
        r"(?:stairs|ice|glass|door|stove|oven|iron|pan)|slipping|tripping|chopping|cleaning)"
        r"|\baccidentally (?:hurt|cut|burn\w*|burnt|injur\w*) (?:my|him|her) ?self\b"
        + r"|\b(?:wake|waking|woke|wakes) up (?:so |too |really |super )?(?:early|at \S+|for "
        r"(?:work|school|class|the gym)|before)"
    ),
    RedFlag.SWALLOWING: re.compile(
        r"\bchok\w* (?:on |over )?(?:my |his |her |the |a |some |our )?(?:words?|lines?|"
        r"speech|answer|question|name|presentation|interview|exam|test|pitch|penalty|"
        r"final|game|match|big moment|tears|emotion\w*|laughter|laughing|pride)"
        r"|\bchok\w* (?:up|under pressure|at (?:the|my) (?:interview|exam|game|meeting|end|"
        r"last minute|presentation))"
        r"|\b(?:swallow\w*|tragar\w*|trag\w*) (?:my |his |her |the |mi |el |su )?"
        r"(?:pride|words|orgullo|palabras|anger|rabia|coraje|tears|lagrimas)"
        r"|\bhard (?:pill|one) to swallow"
        # "choking on all these emails", "me ahogo en papeles": work, not food
        r"|\b(?:chok\w*|drown\w*|ahog\w*|atragant\w*) (?:on|in|under|with|en|con|de) (?:all |"
        r"these |those |the |my |so many |this |todos |todas |estos |estas |tantos |tantas |"
        r"los |las |mis ){0,3}(?:e ?mails?|emails|work|paperwork|homework|bills|deadlines|tasks|"
        r"messages|texts|notifications|meetings|assignments|laundry|chores|correos|mails|"
        r"mensajes|tareas|pendientes|papeles|juntas|reuniones|cuentas|deberes)\b"
        r"|\bchok\w* (?:in|at|on|during|before|through) (?:the |my |a |his |her |our )?(?:\S+ )?"
        r"(?:interview|exam|test|game|match|final|meeting|presentation|audition|speech|date|"
        r"recital|race|debate|pitch|penalty|tryout|finals|playoffs?|shootout|round)\b"
        r"|\b(?:chok\w*|atragant\w*|ahog\w*) (?:de|con|on|with|from) (?:la |my |the |tanta )?"
        r"(?:risa|laughter|laughing|carcajada\w*)"
        # food held in the cheek or between the teeth is a weakness sign or nothing, not a
        # swallowing problem
        r"|\b(?:stuck|trapped|caught|lodged|queda\w*|quedo|atora\w*|atasca\w*|pega\w*|"
        r"junta\w*|acumula\w*|comida|food) " + gap(3) + r"(?:in|inside|between|en|entre) "
        r"(?:the |my |his |her |el |la |los |las |mi |mis |su |sus )?(?:left |right )?"
        r"(?:cheeks?|teeth|tooth|gums?|braces|cachetes?|mejillas?|moflete|carrillos?|dientes|"
        r"muelas?|encias?|frenos|brackets)\b"
    ),
    RedFlag.BREATHING: re.compile(
        _SONG[1:] + r"|\b" + _WEATHER
        + r" (?:\S+ ){0,3}(?:suffocat\w*|stifling|smother\w*|sofocante\w*|"
        r"asfixiante\w*|me asfixia|me ahoga|me sofoca|breathtaking)"
        r"|\b(?:suffocat\w*|stifling|sofocante|asfixiante) (?:\S+ ){0,2}" + _WEATHER
        + r"|\b(?:me )?(?:ahog\w*|asfixi\w*|sofoc\w*|suffocat\w*|drown\w*|smother\w*) "
        r"(?:en|con|in|with|under) (?:\S+ )?(?:trabajo|deudas|problemas|papeles|pendientes|"
        r"tareas|work|paperwork|debt|emails|bills|stuff|love|kisses|hugs|deadlines|correos|mails|"
        r"mensajes|papeleo|juntas|reuniones|messages|notifications|homework|chores|laundry)"
        r"|\btook my breath away\b|\bbreathtaking\b|\bquit\w* sin aliento\b"
        r"|\b(?:falta|faltaba|sin|quedo sin|quede sin|out of|short of) (?:el )?(?:aire|aliento|"
        r"breath) (?:despues de|tras|after|from|de tanto) (?:correr|hacer ejercicio|bailar|"
        r"nadar|el gimnasio|running|exercise|exercising|the gym|a run|jogging|dancing|swimming|"
        r"my run|the run|a workout|my workout|training)\b"
        # a blocked nose: "cant breathe through my nose", "no puedo respirar por la nariz"
        r"|\b(?:breath\w*|respir\w*) (?:bien )?(?:through|out of|thru|from|por|con|de) (?:my |"
        r"his |her |the |one |la |mi |su )?(?:nose|nostril\w*|nariz)\b(?! (?:or|and|ni|o|y) )"
        r"|\b(?:ahogad[oa]s?|asfixiad[oa]s?|sofocad[oa]s?) (?:de|en|con) (?:\S+ )?(?:trabajo|"
        r"deudas|problemas|tareas|pendientes|papeles|cosas|amor|chamba|curro|estudios|examenes)"
    ),
    RedFlag.PROLONGED: re.compile(
        r"\b(?:no (?:me |le |se me |se le |te |nos )?(?:para|ha parado|paraba|paro|dejan?|"
        r"ha dejado|dejaba|deja) de|sin parar de) "
        r"(?!(?:temblar|brincar|saltar|mover\w*|palpitar|parpadear|latir|vibrar|cerrar\w*|"
        r"apretar\w*|contraer\w*|dar|tirar|jalar|hacer|molestar\w*|picar|tiritar|"
        r"titilar|pulsar|agitar\w*|sacudir\w*)\b)\w+(?:ar|er|ir)\b"
        r"|\b(?:wont|doesnt|didnt|hasnt|havent|never|cant|wouldnt|isnt) (?:stop|stopped|stops|"
        r"quit|let up) (?!(?:twitch\w*|spasm\w*|jump\w*|flutter\w*|blink\w*|pull\w*|"
        r"mov\w*|shak\w*|quiver\w*|vibrat\w*|puls\w*|throb\w*|flicker\w*|tic\w*|"
        r"clos\w*|squeez\w*|going|happening)\b)\w+ing\b"
        r"|\b(?:rain\w*|snow\w*|lluvi\w*|llov\w*|llueve|nev\w*|phone|telefono|dog|perro|"
        r"baby|bebe|neighbou?r\w*|vecin\w*|cough\w*|tos|noise|ruido|music|musica) (?:\S+ ){0,2}"
        r"(?:constant\w*|nonstop|non stop|sin parar|todo el (?:dia|tiempo)|all (?:day|the time)|"
        r"day and night|dia y noche)"
        r"|\b(?:constant\w*|nonstop|sin parar|non stop) (?:\S+ ){0,2}(?:rain\w*|snow\w*|"
        r"lluvi\w*|llov\w*|noise|ruido|calls|llamadas|emails|meetings|reuniones|work|"
        r"trabajo|traffic|trafico)"
    ),
}


_TAIL_WORDS = 4
# "my face is drooping. hereditary", "... mi finada": a word about family or a relative who
# died, after a symptom, does not date the symptom
_FAMILY_WORDS = frozenset(
    {"hereditary", "hereditario", "hereditaria", "genetic", "genetico", "family", "fam",
     "familia", "late", "passed", "died", "finado", "finada", "difunto", "difunta", "murio",
     "fallecio", "qepd", "descanse", "gloria", "mi", "my", "his", "her", "su", "our"}
)


@dataclass
class _Clause:
    toks: list[str]
    text: str
    starts: list[int]
    about_other: bool  # the subject inherited from earlier clauses
    general: bool = False  # a general question about a symptom, not a report
    past_tail: bool = False  # followed by a short "never could" / "hace años" clause
    follow: str = ""  # the next clause's first words, for figures that straddle a boundary
    lead: str = ""  # the previous clause's last words, likewise ("driving, cant talk")
    question: bool = False
    denied: bool = False  # a fragment question answered no: "Drooping? Nope."
    answer: bool = False  # that answer
    family_past: bool = False  # told in the past of a relative who "had" a condition

    def mentions(
        self, pattern: re.Pattern[str], figure: re.Pattern[str] | None = None
    ) -> Iterator[tuple[int, int]]:
        spans: list[tuple[int, int]] | None = None  # found only once a mention is
        for match in pattern.finditer(self.text):
            if spans is None:
                spans = [] if figure is None else self._figure_spans(figure)
            if any(lo < match.end() and match.start() < hi for lo, hi in spans):
                continue
            first = bisect_right(self.starts, match.start()) - 1
            last = bisect_right(self.starts, max(match.end() - 1, match.start()))
            yield first, last

    def _figure_spans(self, figure: re.Pattern[str]) -> list[tuple[int, int]]:
        shift = len(self.lead) + 1 if self.lead else 0
        text = f"{self.lead} {self.text}" if self.lead else self.text
        if self.follow:
            text = f"{text} {self.follow}"
        return [(lo - shift, hi - shift) for lo, hi in (m.span() for m in figure.finditer(text))]

    def affirmed(
        self, pattern: re.Pattern[str], *, fixed_phrase: bool = False,
        figure: re.Pattern[str] | None = None, never_hypothetical: bool = False,
    ) -> int | None:
        """Start of the first affirmed mention of `pattern`, or None."""
        if self.denied or (self.general and not never_hypothetical):
            return None
        for first, last in self.mentions(pattern, figure):
            if context.status(
                self.toks, first, last, fixed_phrase=fixed_phrase,
                never_hypothetical=never_hypothetical,
            ) is Status.AFFIRMED and not (
                self.past_tail and not never_hypothetical and not context.recent(self.toks)
            ):
                return first
        return None

    def other(self, at: int) -> bool:
        return context.subject_before(self.toks, at, self.about_other)


def _starts(toks: list[str]) -> list[int]:
    """Where each token begins in " ".join(toks)."""
    starts: list[int] = []
    pos = 0
    for tok in toks:
        starts.append(pos)
        pos += len(tok) + 1
    return starts


def _clauses(toks: list[str]) -> list[_Clause]:
    result: list[_Clause] = []
    about_other = False
    personal = context.personal(toks)
    for clause_toks, question in clauses(toks):
        general = context.general_question(clause_toks, question, personal)
        result.append(
            _Clause(
                clause_toks, " ".join(clause_toks), _starts(clause_toks), about_other, general,
                question=question,
            )
        )
        about_other = context.subject_after(clause_toks, about_other)
    for before, after in pairwise(result):
        # "i cant whistle, never could": a short trailing clause that dates the one before
        if (
            len(after.toks) <= _TAIL_WORDS and context.historical(after.toks)
            and not _FAMILY_WORDS.intersection(after.toks)
        ):
            before.past_tail = True
        before.follow = " ".join(after.toks[:_FOLLOW_WORDS])
        after.lead = " ".join(before.toks[-_FOLLOW_WORDS:])
        before.denied = before.question and len(before.toks) <= _ASKED_WORDS and _answer_no(
            after.toks
        )
        after.answer = before.denied
    relative_had = False
    recent_message = context.recent(toks)
    for clause in result:
        clause.denied = clause.denied or _labelled_no(clause.toks)
        # "mom had trigeminal neuralgia, said the pain was awful": family history, told in
        # the past; a recency word ("now", "yesterday") or present tense keeps it current.
        relative_had = relative_had or (
            not _SELF_WORDS.intersection(clause.toks)
            and any(
                t in _HAD_VERBS and context.subject_before(clause.toks, i, False)
                for i, t in enumerate(clause.toks)
            )
        )
        clause.family_past = (
            relative_had and _TOLD_PAST.intersection(clause.toks) != set()
            and not _PRESENT_WORDS.intersection(clause.toks) and not recent_message
        )
    return result + _telegraphic(result, personal)


_HAD_VERBS = frozenset({"had", "tuvo", "padecio", "sufrio"})
_SELF_WORDS = frozenset({"i", "im", "ive", "me", "yo", "tengo", "estoy"})  # not "my mom"
_TOLD_PAST = frozenset({"was", "were", "said", "had", "fue", "era", "dijo", "decia", "tuvo"})
_PRESENT_WORDS = frozenset({"is", "are", "has", "es", "esta", "tiene", "says", "dice"})
_ASKED_WORDS = 6  # "Drooping?", "Any trouble swallowing?": a checklist question
# A fragment question answered by the next clause: "Drooping? Nope.", "Swallowing? Fine.",
# "¿Visión borrosa? Nada.", "Numbness? not really".
_NO_ANSWERS = frozenset(
    {"no", "nope", "nah", "naw", "nop", "nada", "none", "negative", "negativo", "fine", "good",
     "ok", "okay", "normal", "bien", "nothing", "nil", "zero", "cero", "clear", "perfect",
     "perfecto", "perfecta", "tampoco", "ninguno", "ninguna", "not", "all", "para", "todo",
     "nothin", "nunca", "never", "zilch", "zip", "ni"}
)
_ANSWER_FILLER = frozenset(
    {"really", "at", "so", "far", "thankfully", "gracias", "a", "dios", "nada", "lol", "today",
     "hoy", "thank", "god", "sir", "pretty", "much", "still", "too", "either", "de", "momento",
     "por", "ahora", "igual", "normal", "good", "fine", "bien", "clear", "ok", "okay", "all",
     "there", "on", "that", "front", "yet", "aun", "todavia", "as", "usual", "siempre",
     "jaja", "haha", "senor", "una", "vez", "mas", "y", "and", "way", "ever", "i", "can",
     "see", "tell", "notice", "noticed", "think", "dont", "que", "yo", "sepa", "note", "creo"}
)
_POSITIVE = frozenset({"good", "fine", "ok", "okay", "normal", "bien", "clear", "perfect",
                       "perfecto", "perfecta", "great", "right", "well"})
_NOT_SO = frozenset({"not", "nada", "ni", "no"})  # "not good", "nada bien", "no muy bien"


def _labelled_no(toks: list[str]) -> bool:
    """A checklist line answered in place: "drooping: no", "Vision - fine", "habla: bien"."""
    if ":" not in toks and "-" not in toks:
        return False
    for i in range(len(toks) - 1, 0, -1):
        if toks[i] in (":", "-"):
            return i <= _ASKED_WORDS and _answer_no(toks[i + 1 :]) if i + 1 < len(toks) else False
    return False


def _answer_no(toks: list[str]) -> bool:
    if len(toks) > 5 or toks[0] not in _NO_ANSWERS:
        return False
    for i, tok in enumerate(toks):
        if tok not in _NO_ANSWERS and tok not in _ANSWER_FILLER:
            return False
        if tok in _NOT_SO:
            after = [t for t in toks[i + 1 : i + 3] if t not in ("so", "too", "very", "that",
                                                                 "muy", "tan", "really")]
            if after and after[0] in _POSITIVE:
                return False  # "not good", "nada bien", "no muy bien", "no good"
    return True


_SHORT = 3  # words in a telegraphic fragment ("Vision. Right half. Gone.")
_FOLLOW_WORDS = 4
_RUN_WINDOW = 6  # fragments read together; windows overlap by half, so linear


def _telegraphic(parts: list[_Clause], personal: bool) -> list[_Clause]:
    """Runs of very short clauses read together as one: older patients and people in a
    hurry write "Vision. Right half. Gone." or "Coughing. With. Every. Meal." """
    joined: list[_Clause] = []
    run: list[_Clause] = []
    for clause in [*parts, None]:
        if clause is not None and (clause.denied or clause.answer):
            continue  # "Drooping? Nope." is settled; never read it into its neighbours
        if clause is not None and len(clause.toks) <= _SHORT:
            run.append(clause)
            continue
        if len(run) >= 2:
            step = _RUN_WINDOW // 2
            for lo in range(0, max(len(run) - step, 1), step):
                window = run[lo : lo + _RUN_WINDOW]
                toks = [tok for part in window for tok in part.toks]
                general = context.general_question(toks, False, personal)
                joined.append(
                    _Clause(toks, " ".join(toks), _starts(toks), window[0].about_other, general)
                )
        run = []
    return joined


def understand(text: str, lang: str | None = None) -> Reading:
    toks = tokens(text)
    detected = lang if lang in ("en", "es") else language.detect(toks, text)
    command, pause_for = commands.detect(text)
    found: dict[RedFlag, bool] = {}  # flag -> about someone else

    parts = _clauses(toks)
    not_literal = "literally" in toks or "literal" in toks or "literalmente" in toks
    for clause in parts:
        for flag, pattern in _FLAG_REGEXES:
            if flag in found and not found[flag]:
                continue
            figurative = _FIGURATIVE.get(flag)
            if figurative is not None and figurative.search(clause.text):
                continue
            if not_literal and flag is not RedFlag.SELF_HARM and _NOT_LITERALLY.search(
                f"{clause.text} {clause.follow}"
            ):
                continue
            at = clause.affirmed(
                pattern, figure=_FIGURE_SPANS.get(flag),
                never_hypothetical=flag is RedFlag.SELF_HARM,
            )
            if at is not None and clause.family_past and clause.other(at):
                continue
            if at is not None:
                found[flag] = found.get(flag, True) and clause.other(at)

    prolonged = _prolonged(parts, skip_durations=command is Command.PAUSE)
    if prolonged is not None:
        found[RedFlag.PROLONGED] = found.get(RedFlag.PROLONGED, True) and prolonged

    rating = None if command is not None else severity.find(toks)
    # Any rating of pain counts, not only the diary's (the twitch's) one: "pain 9/10, twitch 2"
    if command is None and not _PAIN_WORDS.isdisjoint(toks) and any(
        value >= SEVERE_PAIN_RATING and _pain_near(toks, at)
        for value, at in severity.ratings(toks, SEVERE_PAIN_RATING)
    ):
        found.setdefault(RedFlag.SEVERE_PAIN, False)

    flags = tuple(flag for flag in RedFlag if flag in found)
    level = max((flag.level for flag in flags), key=lambda lv: lv.rank, default=Level.ROUTINE)
    return Reading(
        level=level,
        red_flags=flags,
        severity=None if rating is None else rating[0],
        command=command,
        pause_for=pause_for,
        lang=detected,
        about_other=any(found.values()),
    )


def _prolonged(parts: list[_Clause], *, skip_durations: bool) -> bool | None:
    """None if no prolonged spasm is reported, else whether it is someone else's."""
    situational_continuous: bool | None = None
    spasm_for_days: bool | None = None  # a spasm and a multi-day duration in one clause
    long_enough = False
    intermittent = False
    for clause in parts:
        for pattern in (_CLOSURE, _CONTINUOUS):
            at = clause.affirmed(
                pattern, fixed_phrase=True, figure=_FIGURE_SPANS[RedFlag.PROLONGED]
            )
            if at is not None:
                if pattern is _CLOSURE or not _SITUATIONAL.search(clause.text):
                    return clause.other(at)
                situational_continuous = clause.other(at)
        clause_days = not skip_durations and _multi_day(clause)
        long_enough = long_enough or clause_days
        if clause_days and spasm_for_days is None:
            at = clause.affirmed(_SPASM)
            if at is not None:
                spasm_for_days = clause.other(at)
        intermittent = intermittent or bool(_INTERMITTENT.search(clause.text))
    if long_enough:
        if situational_continuous is not None:
            return situational_continuous
        if spasm_for_days is not None and not intermittent:
            return spasm_for_days
    return None


def _multi_day(clause: _Clause) -> bool:
    """The clause states a duration of two days or more (but not years: that is the
    patient's long-standing condition, not a new prolonged spasm)."""
    toks = clause.toks
    for i in range(len(toks) - 1):
        unit = toks[i + 1]
        count_word = toks[i]
        count = int(count_word) if count_word.isdigit() and len(count_word) <= 4 else (
            _DURATION_COUNTS.get(count_word)
        )
        if count is None:
            continue
        if unit == "of" and i + 2 < len(toks):  # "a couple of days"
            unit = toks[i + 2]
        if unit in _HOURS and count >= 48:
            return True
        days = _UNIT_DAYS.get(unit)
        if days is not None and days < 365 and count * days >= 2:
            return True
    return bool(_MULTI_DAY.search(clause.text))


_TWITCH_WORDS = frozenset(
    {"twitch", "twitches", "twitching", "twitched", "spasm", "spasms", "tic", "tics",
     "espasmo", "espasmos", "eyelid", "lid", "parpado", "temblor", "flutter", "fluttering",
     "brinca", "brincando", "salta", "myokymia", "mioquimia"}
)
_PAIN_REACH = 14
_NO_PAIN = frozenset({"no", "not", "without", "sin", "nada", "ni", "zero", "cero", "dont"})


def _pain_near(toks: list[str], at: int) -> bool:
    """A pain word next to the rating in its clause, or, failing that, the topic the rating
    refers back to: "Pain in the jaw this evening. I would put it at 9", "me duele la
    quijada, un 9" (but not "twitching all day, 9. headache though")."""
    if _pain_in_clause(toks, at):
        return True
    i = at - 1
    while i >= 0 and at - i <= _PAIN_REACH:
        if toks[i] in _PAIN_WORDS:
            return not _NO_PAIN.intersection(toks[max(i - 2, 0) : i])
        if toks[i] in _TWITCH_WORDS:
            return False
        i -= 1
    return False


def _pain_in_clause(toks: list[str], at: int) -> bool:
    for step in (-1, 1):
        i = at + step
        while 0 <= i < len(toks) and abs(i - at) <= 5 and toks[i] not in (BOUNDARY, QUESTION):
            if toks[i] in _PAIN_WORDS:
                # "twitch 9 no pain": a pain denied is not the rating's topic
                return not _NO_PAIN.intersection(toks[max(i - 2, 0) : i])
            if toks[i] in _TWITCH_WORDS:
                break  # "pain 3/10 twitch 9/10": the 9 is the twitch's
            i += step
    return False
