"""Figures of speech and benign causes: words that look like a red flag but are not a report.

Three kinds, each used by reader.py:
- LAUGHTER: a clause whose laugh makes a flag's words a joke (breathing only: "lol i cant
  breathe"); the whole clause is set aside.
- NOT_LITERALLY: "killing me lol not literally", the writer takes the figure back.
- FIGURE_SPANS: per flag, spans of a clause that are a figure or have a benign cause
  ("choked on my words", "this heat is suffocating", "numb from the dentist"). A mention
  overlapping a span is set aside, and only that span, so "the heat is suffocating and i cant
  breathe" still raises the flag on "cant breathe".
"""

from __future__ import annotations

import re

from coach.core.triage.lexicon import gap
from coach.core.types import RedFlag

LAUGHTER: dict[RedFlag, re.Pattern[str]] = {
    # "lol i cant breathe", "no puedo respirar jajaja": a joke, as the laugh says (a laughing
    # emoji is read as "lol" by the tokenizer)
    RedFlag.BREATHING: re.compile(
        r"\b(?:laugh\w*|lmao|lmfao|rofl|lol|lolol|haha\w*|ahaha\w*|hehe\w*|ja(?:ja)+\w*|"
        r"je(?:je)+|xd|rei|reir|riendo|risa|carcajada\w*|dying laughing|muerto de risa)\b"
    ),
}
# "killing me lol not literally": the writer takes the figure back in the same breath. Talk of
# self-harm is never taken back this way: a joke about dying is still asked about.
NOT_LITERALLY = re.compile(
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
# What can be "suffocating" or "drowning" without a symptom: heat, a room, a job, a crowd.
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
FIGURE_SPANS: dict[RedFlag, re.Pattern[str]] = {
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
