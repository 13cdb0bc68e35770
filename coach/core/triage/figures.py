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
from collections.abc import Iterable
from dataclasses import dataclass

from coach.core.triage.lexicon import gap
from coach.core.types import RedFlag

LAUGHTER: dict[RedFlag, re.Pattern[str]] = {
    # "lol i cant breathe", "no puedo respirar jajaja": a joke, as the laugh says (a laughing
    # emoji is read as "lol" by the tokenizer)
    RedFlag.BREATHING: re.compile(
        r"\b(?:laugh\w*|lmao|lmfao|rofl|lol|lolol|haha\w*|ahaha\w*|hehe\w*|ja(?:ja)+\w*|"
        r"je(?:je)+|xd|rei|reir|riendo|risa|carcajada\w*|dying laughing|muerto de risa|"
        # what is laughed at: "wheezing at my sister's memes"
        r"memes?|jokes?|chistes?|comedy|comedia|sitcom|standup|stand up)\b"
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
    # a foot or leg that "fell asleep", "se me durmió el pie": pressure on a nerve, said as
    # such; a limb that then will not move is doubted (DOUBT) and keeps the flag
    r"|\b(?:foot|feet|leg|legs|butt|bum|toes|pie|pies|pierna|piernas|nalgas?|pompis) "
    r"(?:\S+ ){0,2}(?:fell asleep|falls asleep|went to sleep|goes to sleep|is asleep|was asleep)"
    r"|\bse (?:me|le|te) (?:durmio|durmieron|duerme|duermen|entumio|entumieron|entume) "
    r"(?:el |la |los |las |mi |mis )?(?:pie|pies|pierna|piernas|nalgas?|pompis)\b"
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
    r"pica|picando|arde|ardiendo) (?:(?!like |como |as if |tipo )\S+ ){0,3}"
    r"(?:from|after|because of|de|del|por|tras|"
    r"despues de|con) (?:\S+ ){0,2}(?:sitting|kneeling|sleeping on|lying on|gym|workout|"
    r"exercise|exercising|running|run|hike|hiking|lifting|training|crossing|the cold|cold|"
    r"dentist|novocaine|anesthetic|anaesthetic|anestesia|injection|inyeccion|lack of sleep|"
    r"tiredness|being tired|no sleep|estar sentad\w*|tanto|la postura|ejercicio|gimnasio|"
    r"correr|frio|dentista|cansancio|desvelo|no dormir|chile|chiles|picante|aji|jalapeno|"
    r"salsa|spicy|pepper|peppers|chili|chilli|hot sauce|wasabi|lidocaine|lidocaina|novocaina)"
)
# Benign causes written as spans (the older form; see Benign causes below for the newer,
# per-part one): set aside only when the message does not doubt the cause.
_WEAKNESS_CAUSE = (
        _NUMB_CAUSE
        + r"|\b(?:numb\w*|heavy|dead|weak|jelly|rubber\w*|limp) (?:\S+ ){0,3}(?:after|from) "
        r"(?:\S+ ){0,2}(?:leg day|arm day|practice|the game|football|soccer|a run|a long day|"
        r"spin class|class|squats|deadlifts|the match|the marathon)"
)
_WEAKNESS_FIGURE = (
        # drooling over someone or by a pet, one dropped phone, a leaking cup, a face that
        # falls from shame, dragging one's feet
        r"|\b(?:dog|dogs|cat|cats|puppy|kitten|pet|teething)\w* (?:\S+ ){0,2}drool\w*"
        # a baby's drool: "my toddler's drooling everywhere, teething", "el bebe babea"
        r"|\b(?:baby|babys|babies|toddler|toddlers|infant|newborn|bebe|bebes|bebito|nena|nene)"
        r" (?:\S+ ){0,3}(?:drool\w*|dribbl\w*|babe\w*)"
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
        r"|\bnumbers?\b|\bnumbered\b" + _SONG
)

_SPEECH_FIGURE = (
        _BUSY
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
)

_DOINGS = (
    r"(?:sneezing|coughing|working|crying|talking|running|watching|barking|texting|calling|"
    r"ringing|raining|snowing|studying|partying|dancing|walking|driving|travell?ing|cleaning|"
    r"cooking|eating|gaming|playing|shopping|packing|chatting|laughing|scrolling|typing|"
    r"writing|reading|teaching|rushing|binging|drinking|singing|yelling|screaming|arguing|"
    r"fighting|crying|hiking|cycling|training|emailing|messaging|beeping|buzzing|drilling|"
    r"hammering|whining|complaining|snoring)"
)
_NOT_THE_SPASM = (
    r"|\b" + _DOINGS + r" (?:\S+ ){0,2}(?:nonstop|non stop|constantly|sin parar)\b"
    r"|\b(?:nonstop|non stop|constantly) " + _DOINGS + r"\b"
    r"|\b(?:snores|barks|talks|works|cries|coughs|sneezes|texts|calls|rings|ronca|ladra|"
    r"habla|llora|tose|estornuda|trabaja|llama) (?:\S+ ){0,2}(?:nonstop|non stop|constantly|"
    r"sin parar|todo el (?:dia|tiempo|rato))\b"
    r"|\b(?:ran|run|worked|work|cried|talked|sneezed|coughed|studied|partied|danced|walked|"
    r"drove|driven|travel\w*|watched|binged|binge|texted|called|rang|barked|been on my feet|"
    r"on my feet) (?:\S+ ){0,3}(?:nonstop|non stop|constantly|sin parar)\b"
    r"|\b(?:kids|children|toddler|toddlers|baby|babies|work|job|shift|meetings|feet|show|"
    r"series|construction|allerg\w*|pollen|sneez\w*|hijos|hijas|ninos|ninas|nenes|trabajo|"
    r"chamba|curro|obra|juntas|reuniones|phone|celular|telefono|"
    r"notifications|notificaciones|jefe|boss|visitas|visitors|guests|stress|estres|presion|"
    r"pressure|deadlines|pendientes|lluvia|rain|drama|chisme|gossip) "
    r"(?:\S+ ){0,3}(?:nonstop|non stop|constant\w*|sin parar|no paran?\b|todo el (?:dia|fin)|"
    r"(?:never|wont|doesnt) (?:lets?|let) up|no (?:letup|let up))"
    # "no letup at work this week": the work does not let up, not the spasm
    r"|\bno (?:letup|let up) (?:at|with|from|in) (?:work|the job|my job|the kids|school|uni|"
    r"college|the office|the shop|meetings|deadlines|the baby|the house)\b"
    r"|\bno (?:me |le |se me |se le |te |nos )?(?:paran|paraban|han parado|dejan|dejaban) de "
    r"(?!(?:temblar|brincar|saltar|mover\w*|palpitar|parpadear|latir|vibrar|cerrar\w*)\b)"
    r"\w+(?:ar|er|ir)\b"
    # "the twitching wont stop me from going", "el tic no me va a detener": resolve, not a
    # spasm that will not stop
    r"|\b(?:wont|will not|wouldnt|cant|doesnt|didnt|isnt going to|not going to|aint gonna|"
    r"never) (?:stop|keep) (?:me|us) from\b"
    r"|\bno me (?:va a |vas a |iba a |van a )?(?:detener|detiene|detuvo|impide|impidio|"
    r"impedir|parar|para|paro) (?:de )?(?:ir|salir|hacer|trabajar|ver|disfrutar|ninguna|nada)\b"
    # the hours are an activity's, not the spasm's: "6 horas en excel sin parar", "worked 10
    # hours straight without a break"
    r"|\b(?:\d+|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|two|three|four|five|six|"
    r"seven|eight|nine|ten|twelve|several|many|muchas|varias) (?:horas|hours|hrs|h) "
    r"(?:(?!(?:twitch\w*|tic|tics|espasm\w*|spasm\w*|brinc\w*|salt\w*|parpad\w*|temblor\w*|"
    r"jump\w*|flutter\w*|closed|cerrad[oa]|shut|it)\b)\S+ ){1,4}(?:sin parar|sin descanso|"
    r"nonstop|non stop|straight|without a break|sin pausa)\b"
    # a spell that did not stop, then did: "hubo un rato que no paraba, pero despues se calmo",
    # "it wouldnt stop this morning but then it settled" (the next clause's words are read too)
    r"|\b(?:no (?:me |se me |le )?(?:paraba|paro|para|se quitaba|se calmaba)|(?:wouldnt|didnt|"
    r"wont|doesnt) (?:stop|quit|let up)|nonstop|non stop|sin parar) (?:\S+ ){0,3}(?:(?:pero|"
    r"but|and|y) )?(?:despues|luego|ya|al final|por fin|then|later|eventually|finally|after|"
    r"by) (?:\S+ )?(?:(?:it|it finally|it eventually) )?(?:se (?:calmo|quito|paso|fue|detuvo|"
    r"relajo|tranquilizo)|paro|(?:settled|stopped|calmed|eased|went away|died down|"
    r"passed))\b"
)

FIGURE_SPANS: dict[RedFlag, re.Pattern[str]] = {
    RedFlag.WEAKNESS: re.compile(_WEAKNESS_CAUSE + _WEAKNESS_FIGURE + _POSTURE),
    RedFlag.SPEECH: re.compile(_NUMB_CAUSE + _SPEECH_FIGURE),
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
        # how a face looks, not what one sees: "un lado de la cara se le ve raro", "la boca se
        # me ve chueca" (but "con el ojo se me ve todo borroso" is what is seen)
        r"|\b(?:cara|boca|labios?|sonrisa|cachetes?|mejillas?|rostro|parpados?|piel|lado) "
        r"(?:\S+ )?se (?:me |le |te |les |nos )?(?:ve|ven|veia|veian)\b"
        r"(?! (?:todo|doble|borros|nublad|empanad|oscur|negro))(?: \S+){0,2}"
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
        # the weather as the subject after the verb: "me asfixia el calor", "nos ahoga la
        # humedad", "this heat is suffocating me" is above
        + r"|\b(?:me |nos |te )?(?:asfixia|ahoga|ahogo|sofoca|sofoco|asfixiaba|ahogaba|"
        r"sofocaba|esta asfixiando|esta ahogando|esta sofocando) (?:el |la |este |esta |tanto |"
        r"tanta )?"
        + _WEATHER + r"\b"
        + r"|\b(?:me )?(?:ahog\w*|asfixi\w*|sofoc\w*|suffocat\w*|drown\w*|smother\w*) "
        r"(?:en|con|in|with|under) (?:\S+ )?(?:trabajo|deudas|problemas|papeles|pendientes|"
        r"tareas|work|paperwork|debt|emails|bills|stuff|love|kisses|hugs|deadlines|correos|mails|"
        r"mensajes|papeleo|juntas|reuniones|messages|notifications|homework|chores|laundry)"
        r"|\btook my breath away\b|\bbreathtaking\b|\bquit\w* sin aliento\b"
        # "el trabajo me tiene sin aliento": run off one's feet, not short of breath
        r"|\b(?:trabajo|chamba|curro|jefe|jefa|work|job|boss|schedule|agenda) (?:me |te |la |lo )?"
        r"(?:tiene|trae|deja|dejo|left|leaves|has) (?:me |a mi )?(?:sin aliento|sin aire|"
        r"breathless)\b"
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
        # someone or something else going nonstop: "sneezing nonstop", "kids have been
        # nonstop", "worked nonstop since monday", "mis hijos no paran de gritar"
        + _NOT_THE_SPASM
    ),
}


# --- Idioms ---------------------------------------------------------------------------------
# Set phrases whose words are a symptom's: surprise ("my jaw hit the floor", "my face fell when
# I heard"), being smitten or shy ("weak at the knees", "tongue-tied around my crush"), a verb
# that means both "it costs" and "it is hard to" ("me cuesta la comida un dineral", "me cuesta
# todo"), something hard to talk *about* or *to* rather than hard to say ("me cuesta hablar en
# público", "hard to talk about my feelings", "me cuesta decir que no"), and dying of laughter
# or shame in Spanish ("me quiero morir de la vergüenza"). Only the idiom's span is set aside.
_NEWS = (
    r"(?:heard|saw|read|found out|was told|got|opened|learned|learnt|realized|realised|checked|"
    r"looked at) (?:\S+ ){0,3}(?:bill|price|news|results?|score|quote|invoice|cost|total|"
    r"receipt|message|letter|email|text|grade|grades|it|that|this|what)\b"
)
_TALK_ABOUT = (
    r"\b(?:cuesta\w*|me cuesta|le cuesta|hard to|difficult to|trouble|struggle to|struggl\w*|"
    r"dificil|cant|cannot|no puedo|no se|never could|nunca pude|afraid to|scared to|miedo de|"
    r"verguenza) (?:\S+ ){0,2}(?:hablar|talk|talking|speak|speaking|decir|say|saying|"
    r"expresar|express|pronunciar|pronounce|opening up|abrirme) (?:(?:en|in) (?:publico|public|"
    r"front of|frente|clase|class|ingles|aleman|frances|italiano|portugues|chino|japones|otro "
    r"idioma|otros idiomas|english|french|german|italian|spanish|chinese|japanese|another "
    r"language)|(?:de|about|sobre) (?:mis|sus|los|las|la|el|esto|eso|lo|mi|su|tu|my|his|her|"
    r"it|this|that|what|feelings|emotions|things|sentimientos|emociones|temas|problemas|"
    r"personal)|delante de|frente a|to (?:strangers|people|my boss|my ex|girls|boys|women|men|"
    r"crowds|a crowd|new people)|con (?:desconocidos|extranos|la gente|mi jefe|mi ex|gente)|"
    r"que no\b|no to\b|no a\b|que lo siento|sorry|lo siento|te quiero|i love you)"
)
_IDIOMS: dict[RedFlag, str] = {
    RedFlag.WEAKNESS: (
        r"\b(?:jaw|mouth)s? (?:literally |just |totally )?(?:hit|fell|fall|dropped|drop|dropping|"
        r"was|is|on) (?:open|wide open|to the floor|the floor|on the floor|to the ground|"
        r"the ground)\b"
        r"|\b(?:face|jaw|mouth)s? (?:literally |just )?(?:fell|dropped|drop|dropping|fell open|"
        r"dropped open|fall open) (?:open )?(?:when|as|once|the moment|after) (?:\S+ ){0,3}"
        + _NEWS + r"(?! (?:\S+ ){0,3}(?:mirror|reflection|photo|selfie|camera))"
        r"|\bweak (?:at|in) the knees\b|\bweak (?:at|for) (?:saying no|chocolate|cake|sweets|"
        r"you|him|her|puppies|dogs|sales|shoes)\b"
        r"|\b(?:dead|asleep) on (?:my|his|her|our|their) feet\b"
        # sleepy, not one side asleep: "mumbling because im half asleep"
        r"|\bhalf asleep\b(?! (?:\S+ ){0,2}(?:face|arm|leg|side|mouth|lip))"
        r"|\b(?:medio dormid[oa]|medio despiert[oa])\b(?! (?:\S+ ){0,2}(?:cara|brazo|pierna|"
        r"lado|boca|labio))"
        r"|\bcaen? (?:la cara|los ojos|los parpados) de (?:sueno|cansancio)\b"
        r"|\bcae la cara de (?:sueno|cansancio)\b|\bse me cae la baba (?:por|con) (?!un\b|el lado)"
        r"|\bse (?:me|le|te) (?:fue|cayo) el alma (?:a los pies|al suelo)\b"
    ),
    RedFlag.SPEECH: (
        _TALK_ABOUT
        + r"|\b(?:tongue ?tied|tongue tie) (?:around|with|in front of|on|at|when|because|from|"
        r"nerves)|\b(?:im|i am|was|got|get|gets|getting|always|so|totally|a bit|bit) tongue "
        r"?tied\b"
        r"|\btip of (?:my|the|his|her) tongue\b|\bsin palabras\b|\bspeechless\b"
        r"|\blost for words\b"
    ),
    RedFlag.SWALLOWING: (
        # "me cuesta la comida un dineral": it costs; "me cuesta todo": everything is hard
        r"\b(?:cuest\w*|costo|costaron|costaba) (?!(?:\S+ )?(?:tragar|pasar|bajar|comer|beber|"
        r"tomar|hablar|respirar)\b)(?:\S+ ){0,4}(?:pesos|dolares|euros|dinero|"
        r"un dineral|una fortuna|un ojo de la cara|un rinon|caro|cara|caros|caras|barato|barata|"
        r"\d+ ?(?:pesos|dolares|euros|lucas|varos|mil)|mucho dinero|poco)\b"
        r"|(?<!tragar )(?<!tragar me )(?<!tragar le )(?<!pasar me )(?<!comer me )"
        r"\b(?:me cuesta|le cuesta|cuesta|me cueste|cueste) (?:todo|algo|nada|mucho|un monton|"
        r"horrores|trabajo)\b(?! (?:\S+ )?(?:tragar|pasar|bajar|comer|beber|tomar))"
        r"|\b(?:ya no |no )puedo con (?:todo|algo|nada|esto|eso|mi vida|la vida|tanto)\b"
        r"|\bno (?:me |le |te )?pasa nada\b(?! (?:de|por|al) )"
        r"|\b(?:movie|film|story|news|excuse|lie|ending|plot|bill|price|truth|idea|result|"
        r"defeat|loss|breakup|verdict|decision) (?:was|is|were|are) (?:so |really |a bit |pretty "
        r")?(?:hard|difficult|tough) to swallow\b"
        r"|\bchok\w* back (?:my |the |a )?(?:tears?|sobs?|a sob|laughter|emotion\w*)\b"
        # news hard to accept: "hard to swallow that my doctor wants to wait"
        r"|\b(?:hard|difficult|tough) to swallow (?:that|the fact|the news|how|what|it all|"
        r"the idea|the thought|the bill|the price)\b"
        # a big pill is hard for anyone to get down: "the vitamin is huge, hard to swallow"
        r"|\b(?:pills?|vitamins?|tablets?|capsules?) (?:is |was |are |were |so |really |too |a bit "
        r")*(?:big|huge|large|giant|massive)(?: \S+){0,3} (?:hard|difficult|tough) to swallow\b"
        r"|\b(?:big|huge|large|giant|massive|horse) (?:\S+ )?(?:pills?|vitamins?|tablets?|"
        r"capsules?) (?:\S+ ){0,3}(?:hard|difficult|tough) to swallow\b"
        r"|\btrag\w* (?:me |se |le |te )?(?:la idea|el cuento|la noticia|la mentira|que)\b"
        # a drink down the wrong way from laughing: "choked on my coffee laughing"
        r"|\b(?:chok\w*|cough\w*|atragant\w*) (?:\S+ ){0,6}(?:laugh\w*|lol|haha\w*|ja(?:ja)+\w*|"
        r"risa|rei|riendo|me hizo reir|made me laugh)\b"
        r"|\b(?:me |le )?cuesta\w* tragar (?:las |los |la |el )?(?:pastillas?|capsulas?|"
        r"vitaminas?|tabletas?) (?:grandes|enormes)\b"
    ),
    RedFlag.SELF_HARM: (
        # never a wish: "me quiero morir de la vergüenza" is still asked about
        r"(?<!quiero )(?<!quiere )(?<!quisiera )(?<!queria )(?<!ganas de )"
        r"\b(?:morir(?:me|se)?|muero|muere|moria|muera) (?:de (?:la |el )?|del )(?:risa|"
        r"verguenza|pena ajena|envidia|hambre|sueno|aburrimiento|ganas|calor|frio|celos|emocion|"
        r"amor|nervios|ternura|gusto|alegria|felicidad|carcajada\w*)\b"
        # never "matarme de hambre": starving oneself is not an idiom
        r"|\b(?:matar(?:me|se)?|mato|mata) (?:de (?:la )?)(?:risa|verguenza|carcajada\w*)\b"
        r"|\bkill\w* (?:my|him|her|them) ?sel(?:f|ves) laughing\b"
        r"|\bno (?:quiero|kiero) despertar(?:me)? (?:temprano|tan temprano|con (?:la )?alarma|con "
        r"el despertador|a las|mañana temprano|antes de|el domingo|el sabado)\b"
        r"|\bpastillas de (?:jabon|menta|caldo|chocolate)\b"
        r"|\bcarta de despedida (?:a|para) (?:mi |la |el |una |un |nuestra |nuestro )?"
        r"(?:companer\w*|jefe|jefa|amig\w*|colega|maestr\w*|profe\w*|vecin\w*|que se "
        r"(?:jubila|va|muda))"
        r"|\bme (?:quem\w*|cort\w*) (?:la lengua|el dedo|la mano|los dedos|el labio) (?:con|"
        r"cocinando|picando|pelando|al cocinar|al picar|al pelar|en la cocina)"
        r"|\bse me resbalo (?:\S+ ){0,3}y me corte\b"
    ),
    RedFlag.BREATHING: (
        r"\b(?:sin (?:aliento|aire)) (?:\S+ ){0,2}(?:con|por|ante|al ver) (?:la |el |esa |ese |"
        r"tanta |tanto )?(?:vista|paisaje|vistas|belleza|noticia|sorpresa|atardecer|mar|lago|"
        r"montana|montanas|playa|regalo|show|concierto)"
        r"|\b(?:me dejo|me dejaron|nos dejo) sin (?:aliento|aire)\b"
    ),
}


# --- Benign causes --------------------------------------------------------------------------
# A symptom with its cause stated in the same message is not a red flag when that cause
# explains it: a lip numb after the dentist's injection, legs like jelly after leg day,
# blurred sight after dilating drops or new glasses, double vision after too many beers, an arm
# asleep from sleeping on it, a voice gone odd with a cold. A cause explains only some flags
# and, within them, only some parts: the dentist explains a numb lip, never a drooping eyelid,
# an arm, or slurred speech; exercise explains tired limbs, never one side or the face.
# Swallowing, self-harm and loss of vision are never explained; speech only as drink's
# slurring or a tired mumble, breathing only as being winded by exertion. A doubted cause
# keeps the flag (see DOUBT).
@dataclass(frozen=True)
class _Explains:
    allowed: re.Pattern[str]  # a part or symptom word this cause accounts for, near the mention
    forbidden: re.Pattern[str]  # a part or symptom it never accounts for


@dataclass(frozen=True)
class Cause:
    name: str
    stated: re.Pattern[str]  # the cause, anywhere in the message
    explains: dict[RedFlag, _Explains]
    lasts_hours: bool  # a multi-day duration in the message makes this cause doubtful


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")


_MOUTH_AREA = (
    r"lips?", "mouth", r"cheeks?", "chin", "tongue", r"gums?", "jaw", "teeth", "tooth",
    r"labios?", "boca", r"cachetes?", r"mejillas?", "barbilla", "menton", "lengua",
    r"encias?", "mandibula", "quijada", "dientes", r"muelas?", r"drool\w*", r"babe\w*",
    "baba", "saliva", r"dribbl\w*",
)
_FACE = ("face", "cara", "half", "media", "medio", "mitad", "rostro", "side", "lado")
_LIMBS = (
    r"legs?", r"arms?", r"hands?", r"fingers?", "feet", "foot", r"toes?", r"thighs?",
    r"knees?", r"calf", "calves", r"muscles?", "body", "bum", "butt", r"wrists?", r"shoulders?",
    r"piernas?", r"brazos?", r"manos?", r"dedos?", r"pies?", r"muslos?", r"rodillas?",
    r"pantorrillas?", r"musculos?", "cuerpo", r"nalgas?", "pompis", r"munecas?", r"hombros?",
)
_EYE_PARTS = (
    r"eyes?", r"eyelids?", r"lids?", r"brows?", r"eyebrows?", "forehead", r"ojos?",
    r"parpados?", r"cejas?", "frente",
)
# words of drooping or paralysis: the dentist explains a numb face, not a fallen one
_DROOP = (
    r"droop\w*", r"sag\w*", "fallen", "fell", r"paraly\w*", "crooked", "twisted", "lopsided",
    r"caid[oa]s?", r"cae", r"cayo", r"torcid[oa]", r"chuec[oa]", r"paraliz\w*", r"ladead[oa]",
    "wont move", "cant move", "not moving", "no se mueve", "no puedo mover",
)
_ONE_SIDE = (
    "left", "right", "one side", "izquierd[oa]", "derech[oa]", "un lado", "un solo lado",
    "half", "mitad",
)
_SENSATION = (
    r"numb\w*", r"tingl\w*", "asleep", "dead", "heavy", r"pins and needles", "cant feel",
    r"dormid[oa]s?", r"durmi\w*", r"duerme", r"adormec\w*", r"entum\w*", r"hormigue\w*",
    r"pesad[oa]s?", "no siento", "no sentia", r"acorchad[oa]s?",
)
# what an injection in the face explains: a numb or tingling face, never a fallen one ("my
# face is drooping since the dentist"), an eye or a limb
_NUMB_FACE_NOT_FALLEN = _Explains(
    allowed=_words(*_MOUTH_AREA, *_FACE, *_SENSATION),
    forbidden=re.compile(
        _words(*_LIMBS, *_EYE_PARTS).pattern
        + r"|\b(?:face|cara|rostro|side|lado)\b(?: \S+){0,3} " + _words(*_DROOP).pattern
        + r"|" + _words(*_DROOP).pattern + r"(?: \S+){0,3} (?:face|cara|rostro)\b"
    ),
)
# what a cause never explains in vision: sight lost, a curtain, a dark patch, half the view
_VISION_LOSS = (
    "lost", "loss", "losing", "gone", r"blind\w*", r"curtain\w*", "shadow", "dark", "black",
    r"spots?", r"patch\w*", "half", r"perd\w*", "nada", r"negr[oa]", r"oscur\w*", r"sombra\w*",
    r"mitad", r"mancha\w*", r"cortina\w*", r"ciego\w*", r"ciega\w*", "se fue", "se me fue",
    "cant see anything", "no veo nada",
)
_BLUR = (
    r"blur\w*", "fuzzy", "hazy", "foggy", "smeary", r"smear\w*", "bright", r"glar\w*",
    "out of focus", r"focus\w*", "cant read", "couldnt read", "weird", "odd", "off", "strange",
    r"borros\w*", "raro", "rara", "extrano", r"empanad\w*", r"nublad\w*", "no enfoco",
    # the verbs as well as the adjectives: "se me nubla todo", "se me empanan los ojos"
    r"nubla\w*", r"nublos\w*", r"nublo", r"empana\w*", "misty", "watery",
    r"cant see", r"couldnt see", "see clearly", "ver bien", "no veo bien", "distorted",
)
_DOUBLE = ("double", r"doubl\w*", "two of", r"dobles?", "dos de todo", "todo doble")
# talk that is merely loose or funny, which drink or sleepiness explains
_TIPSY_TALK = (
    r"slurr?\w*", r"mumbl\w*", "talking funny", "talk funny", "talking a bit funny",
    "talking nonsense", "nonsense", r"funny", r"chistos[oa]", r"graciosa?o?", r"rar[oa]",
    r"arrastr\w*", r"balbuce\w*", r"enred\w*", "trabad[oa]", r"sloppy",
)
# words that will not come or cannot be said: never explained by drink or sleep
_NO_WORDS = (
    "cant speak", "cant talk", "couldnt speak", "couldnt talk", "no puedo hablar",
    "no podia hablar", "wont come", "no me salen", "no salen", "cant get", "cant find",
    "wrong words", "palabras equivocadas", "no entiendo", "makes no sense",
)
# being winded, which exertion explains; never the chest, the throat or at rest
_WINDED = (
    "breathless", r"out of breath", r"short of breath", "winded", r"pant\w*", r"puff\w*",
    r"gasp\w*", r"sin aire", r"sin aliento", r"agit\w*", r"falta de aire", r"jade\w*",
    r"me falta el aire", "shortness of breath", "huffing",
)
_NOT_WINDED = (
    "chest", "pecho", "at rest", "en reposo", "sitting still", "lying down", "acostad[oa]",
    "throat", "garganta", r"lips?", r"labios?", "blue", r"morad[oa]s?", "still",
    "todavia", "sigo", "cant breathe", "no puedo respirar", r"wheez\w*", r"silb\w*",
    r"hours?", r"horas?", r"days?", r"dias?",
)

_CAUSES: tuple[Cause, ...] = (
    # "talking funny cause I bit my tongue", "hablo raro, me mordi la lengua"
    Cause(
        "bitten tongue",
        _words(
            r"bit (?:my|his|her) tongue", r"bitten (?:my|his|her) tongue", "tongue piercing",
            r"me mordi la lengua", r"se mordio la lengua", r"mordida en la lengua",
            r"mouth ulcers?", r"canker sores?", r"aftas?", r"llagas? en la (?:boca|lengua)",
            r"braces", r"brackets", r"frenos", r"retainer", r"new dentures",
        ),
        {
            RedFlag.SPEECH: _Explains(
                allowed=_words(r"talk\w*", r"speak\w*", "speech", r"lisp\w*", r"habl\w*",
                               r"pronunci\w*", "funny", "weird", "raro", "chistoso", "gracioso"),
                forbidden=_words("cant speak", "cant talk", "no puedo hablar", "wrong words",
                                 "palabras equivocadas", "makes no sense", "no me salen",
                                 r"slurr\w*", r"arrastr\w*"),
            ),
        },
        lasts_hours=True,
    ),
    Cause(
        "dental anaesthetic",
        _words(
            r"dentist\w*", "dental", r"fillings?", "root canal", "crown", r"extraction\w*",
            r"wisdom (?:tooth|teeth)", r"tooth (?:pulled|out|extracted|removed)",
            r"novocain\w*", r"lidocain\w*", r"an(?:a)?esthetic\w*",
            r"numbing (?:injection|shot|jab|gel|cream|spray|drops|medicine|agent)s?",
            r"(?:they|he|she|dentist|doctor|dr) numbed",
            r"an(?:a)?esthesia", r"anestesia\w*(?! (?:facial|en (?:la|el|mi|media) (?:cara|"
            r"hemicara|lado|mitad)|de (?:la )?hemicara|del lado))", r"anestesic\w*",
            "endodoncia", "empaste", r"muelas? (?:del juicio)?", "extraccion",
            r"me (?:sacaron|quitaron|arreglaron) (?:una|la|un|el) (?:muela|diente)",
            "novocaina", "lidocaina",
        ),
        {
            RedFlag.WEAKNESS: _NUMB_FACE_NOT_FALLEN,
        },
        lasts_hours=True,
    ),
    # "cheek tingly from the filler", "el labio dormido por el relleno": a numbed injection in
    # the face (never botox, whose droop is its own question)
    Cause(
        "cosmetic filler",
        _words(
            r"(?:cheek |lip |dermal |face |facial )?fillers?", r"rellenos?(?! de)",
            r"acido hialuronico", "hyaluronic", r"hialuronico",
        ),
        {
            RedFlag.WEAKNESS: _NUMB_FACE_NOT_FALLEN,
        },
        lasts_hours=True,
    ),
    Cause(
        "regional anaesthetic",
        _words(r"epidural\w*", "spinal", "nerve block", r"bloqueo\w*", "raquia", "raquidea"),
        {
            RedFlag.WEAKNESS: _Explains(
                allowed=_words(*_LIMBS), forbidden=_words(*_MOUTH_AREA, *_FACE, *_EYE_PARTS)
            ),
        },
        lasts_hours=True,
    ),
    Cause(
        "eye examination",
        _words(
            r"eye (?:exam\w*|test\w*|doctor|doc|appointment|check\w*|specialist)", r"optician\w*",
            r"optometrist\w*", r"ophthalmolog\w*", r"oculist\w*", r"oftalmolog\w*",
            r"optometrista\w*", "optico", "optica", r"dilat\w*",
            # drops as part of an examination, not drops for a dry eye
            r"(?:numbing|dilating|dilation|dilatation) drops",
            r"gotas (?:para dilatar|del (?:oculista|oftalmologo|doctor|optometrista))",
            r"(?:me|le) (?:pusieron|echaron) (?:unas )?gotas",
        ),
        {
            RedFlag.VISION: _Explains(
                allowed=_words(*_BLUR), forbidden=_words(*_VISION_LOSS, *_DOUBLE)
            ),
            # numbing drops: a heavy eyelid, never a drooping mouth
            RedFlag.WEAKNESS: _Explains(
                allowed=_words(r"eyelids?", r"lids?", r"parpados?"),
                forbidden=_words(*_MOUTH_AREA, *_LIMBS, "face", "cara", "side", "lado"),
            ),
        },
        lasts_hours=True,
    ),
    Cause(
        "new eyewear",
        _words(
            r"new (?:glasses|lenses|contacts|contact lenses|prescription|specs|frames|readers|"
            r"bifocals|varifocals|progressives)",
            r"(?:lentes|anteojos|gafas|lentillas|pupilentes|espejuelos) nuev[oa]s",
            r"nuev[oa]s (?:lentes|anteojos|gafas|lentillas|pupilentes|espejuelos)",
            r"estrenando (?:lentes|anteojos|gafas)", r"graduacion nueva", r"nueva graduacion",
            r"(?:took|take|taking|have) (?:my |the )?(?:glasses|contacts|lenses) (?:off|out)",
            r"without (?:my |the )?(?:glasses|contacts|lenses)",
            r"sin (?:mis |los )?(?:lentes|anteojos|gafas|lentillas)",
            r"(?:me quite|me quito|quitarme) (?:los|las|mis) (?:lentes|anteojos|gafas|lentillas)",
            "adaptacion", "adapting", "adjusting to",
        ),
        {RedFlag.VISION: _Explains(allowed=_words(*_BLUR), forbidden=_words(*_VISION_LOSS))},
        lasts_hours=False,
    ),
    Cause(
        "alcohol",
        _words(
            "drunk", "tipsy", "wasted", "hammered", r"hungover", r"hangover", r"beers?",
            r"wines?", "tequila", "vodka", r"whiske?y", r"cocktails?", r"shots", "booze",
            r"too many (?:drinks|glasses|pints)", r"pints?", r"borrach\w*", r"cervez\w*",
            r"copas?", r"chupitos?", "resaca", "cruda", "crudo", "ebri[oa]", "pedo", "peda",
            r"(?:de|el|mucho|del) vino", r"tomad[oa] anoche", "sobria", "sobrio",
            r"glass(?:es)? of (?:wine|whisky|whiskey)", r"bottle of (?:wine|vodka|tequila)",
            r"the wine", r"drinks", r"tragos", r"chelas?", r"cocteles?", r"margaritas?",
        ),
        {
            RedFlag.VISION: _Explains(
                allowed=_words(*_BLUR, *_DOUBLE), forbidden=_words(*_VISION_LOSS)
            ),
            # drink's slurring, said as such ("that's the wine talking"); words that will not
            # come, a face or an arm are not drink's
            RedFlag.SPEECH: _Explains(
                allowed=_words(*_TIPSY_TALK),
                forbidden=_words(*_NO_WORDS, "face", "cara", "rostro", *_LIMBS, *_DROOP,
                                 *_ONE_SIDE),
            ),
        },
        lasts_hours=True,
    ),
    Cause(
        "exercise",
        _words(
            "gym", r"workouts?", r"work(?:ed|ing)? out", "leg day", "arm day", r"training",
            r"trained", r"runs?", "running", "ran", r"jog\w*", r"hik(?:e|es|ed|ing)",
            "lifting", "weights", r"squats?", r"deadlifts?", "spin class", r"cycl(?:e|ed|ing)",
            "bike ride", "yoga", "pilates", "crossfit", r"physio\w*", r"swim\w*", "football",
            "soccer", "tennis", r"marathons?", r"\d+k", r"climb\w*", "boxing", "carrying",
            r"cramps?", "charley horse", "gimnasio", "gimnasia", r"ejercicio\w*",
            r"entren\w*", "correr", "corri", "corriendo", "carrera", "pesas", r"sentadillas?",
            "dia de pierna", "bici", "bicicleta", r"nad(?:ar|ando|e)", "natacion", r"fisio\w*",
            r"cargu?e? cajas", r"cargando", r"mudanza", "caminata", "senderismo", "futbol",
            r"partido", r"calambres?",
            r"moving (?:boxes|house|furniture|the couch|the sofa)", r"boxes", r"cajas",
            r"chas(?:e|ed|ing) (?:the|a|my|after)", "playing tag",
            r"hoover\w*", r"vacuum\w*", r"balloons?", r"globos?", "sauna", r"altitude",
            r"(?:la )?altura", r"dancing", r"bail(?:ar|e|ando)", r"sprint\w*", r"spin",
            r"cardio", r"zumba", r"bik(?:e|ed|ing)", r"workout", r"corr(?:i|iendo|er)",
            r"painting (?:the|a|my)", "gardening", "yard work", r"shovel\w*", r"rak(?:e|ed|ing)",
            r"pint(?:ar|ando|e) (?:la|el|las|los)", r"jardiner\w*", "limpiando la casa",
        ),
        {
            RedFlag.WEAKNESS: _Explains(
                allowed=_words(*_LIMBS),
                forbidden=_words(*_MOUTH_AREA, *_FACE, *_EYE_PARTS, *_ONE_SIDE),
            ),
            RedFlag.BREATHING: _Explains(
                allowed=_words(*_WINDED), forbidden=_words(*_NOT_WINDED)
            ),
        },
        lasts_hours=False,
    ),
    Cause(
        "eye drops, tears, rubbing, waking, a pool, a screen",
        _words(
            r"(?:eye |lubricating |lubricant |moisturi\w* |dry eye |my )drops", r"the drops",
            r"artificial tears", r"gotas(?! para dilatar)", r"lagrimas artificiales",
            r"cri(?:ed|es)", "cry", "crying", r"tears", r"llor\w*", r"lagrimas", r"rubb(?:ed|ing)",
            "rubbed", r"(?:me )?talle", r"just woke", r"woke up", r"waking up",
            r"(?:me )?acabo de despertar", r"recien despert\w*", "chlorine", "cloro", "pool",
            r"piscina", r"alberca", r"staring at (?:the |my |a )?(?:screen|laptop|computer|"
            r"phone|monitor|white wall)", r"(?:screen|laptop|computer) all day", r"ointment",
            r"pomada", r"la pantalla (?:todo el dia|mucho tiempo)",
            # onions make tears: "cortando cebolla se me nubla todo", "chopping onions"
            r"cebollas?", r"onions?",
        ),
        {
            RedFlag.VISION: _Explains(
                allowed=_words(*_BLUR), forbidden=_words(*_VISION_LOSS, *_DOUBLE)
            ),
        },
        lasts_hours=True,
    ),
    Cause(
        "standing up fast",
        _words(
            r"(?:stood|standing|stand|got|getting|get) up (?:too |so |really )?(?:fast|quick\w*)",
            r"me (?:levante|pare|pares|agache|incorpore) (?:muy |bien |demasiado )?rapido",
            r"roller ?coaster", r"montana rusa", r"flash (?:photo|foto)", r"foto con flash",
            r"the flash", r"el flash",
        ),
        {
            RedFlag.VISION: _Explains(
                allowed=_words(r"stars?", r"estrellitas?", r"estrellas", r"spots?", r"sparkl\w*",
                               r"puntitos", r"lucecitas", r"dots?", "black", r"negr[oa]"),
                forbidden=_words("lost", "loss", r"blind\w*", r"curtain\w*", "half", r"mitad",
                                 r"cortina\w*", r"ciego\w*", r"ciega\w*", "double", "doble"),
            ),
        },
        lasts_hours=True,
    ),
    Cause(
        "tiredness",
        _words(
            r"tired", r"sleepy", r"fatigue\w*", r"exhausted", r"cansad[oa]s?", "cansancio",
            r"sueno", r"desvelad[oa]s?", r"half asleep", r"no sleep", r"lack of sleep",
            r"so sleepy", r"agotad[oa]s?",
        ),
        {
            # a lid that feels heavy, said to open fine, not one that droops or will not open
            RedFlag.WEAKNESS: _Explains(
                allowed=re.compile(
                    r"\b(?:eyelids?|lids?|parpados?|eyes?|ojos?)\b(?: \S+){0,3} (?:heavy|"
                    r"pesad[oa]s?)\b|\b(?:heavy|pesad[oa]s?)(?: \S+){0,2} (?:eyelids?|lids?|"
                    r"parpados?|eyes?|ojos?)\b"
                ),
                forbidden=_words(*_DROOP, *_MOUTH_AREA, *_LIMBS, "face", "cara", "side", "lado",
                                 "cant open", "no abre", "no se abre", "wont open", "closed",
                                 r"cerrad[oa]"),
            ),
            RedFlag.SPEECH: _Explains(
                allowed=_words(r"mumbl\w*", r"balbuce\w*"),
                forbidden=_words(*_NO_WORDS, r"slurr?\w*", "face", "cara", *_DROOP),
            ),
        },
        lasts_hours=True,
    ),
    Cause(
        "posture",
        _words(
            r"(?:slept|sleeping|sleep|lying|lay|laying|leaning|leant|leaned|sat|sitting) on "
            r"(?:it|my|the|him|her)", r"slept (?:funny|wrong|badly|on it)", "sitting",
            "kneeling", "squatting", "cross legged", "crossed", "posture", "position",
            r"fell asleep (?:on|in) (?:the |a |my )?(?:couch|sofa|chair|armchair|car|bus|train)",
            r"long (?:bus|car|train|plane|flight|drive|ride|meeting|shift)", r"bus ride",
            r"(?:my |the |a )?(?:long )?flight", r"(?:el |un )?vuelo (?:largo)?",
            r"tight (?:boots|shoes|ring|watch|cuff|sleeve)", "blood pressure cuff",
            r"holding (?:the|my) (?:phone|baby|bag)", r"(?:la )?posicion", r"(?:la )?postura",
            r"sentad[oa]", "de rodillas", "en cuclillas", r"cruzad[oa]s?",
            r"(?:me )?(?:dormi|quede dormid[oa]|quedé dormid[oa]) (?:en|sobre) (?:el|la|mi) "
            r"(?:sillon|sofa|silla|brazo|mano|carro|coche|camion|bus)",
            r"(?:dormi|dormir|durmiendo) (?:sobre|encima de|mal)", r"apretad[oa]",
            # "el brazo dormido porque me quede dormida encima"
            r"(?:me )?(?:dormi|quede dormid[oa]|quedo dormid[oa]|durmio) encima",
            r"en el (?:camion|bus|carro|coche|avion|metro)",
        ),
        {
            RedFlag.WEAKNESS: _Explains(
                allowed=_words(*_LIMBS, "side", "lado"),
                forbidden=_words(*_MOUTH_AREA, "face", "cara", "rostro", *_EYE_PARTS),
            ),
        },
        lasts_hours=True,
    ),
    Cause(
        "a cold",
        _words(
            "a cold", "head cold", "flu", "stuffy", r"blocked nose", r"congest\w*",
            r"sinus\w*", "runny nose", r"resfri\w*", "catarro", "gripa", "gripe",
            r"constipad[oa]", "nariz tapada", "mocos", r"sore throat", "dolor de garganta",
        ),
        # a voice gone hoarse or nasal is not a speech symptom; slurred words still are; a
        # nose too blocked to breathe through is not shortness of breath, a tight chest or a
        # closing throat still are
        {
            RedFlag.BREATHING: _Explains(
                allowed=_words("nose", "nariz", r"tapad[oa]", "stuffy", r"blocked", r"congest\w*",
                               "mocos", "runny", r"stuffed"),
                forbidden=_words("chest", "pecho", "throat", "garganta", r"lips?", r"labios?",
                                 r"wheez\w*", r"silb\w*", r"ahog\w*", "aire", "air",
                                 "oxygen", "oxigeno", r"blu(?:e|ish)", r"morad[oa]s?"),
            ),
            RedFlag.SPEECH: _Explains(
                allowed=_words("voice", "voz", "sound", "sounds", "suena", "hoarse", "nasal",
                               "ronc[oa]", "afonic[oa]"),
                forbidden=_words(r"slur\w*", r"words?", r"palabras?", "drunk", r"borrach\w*",
                                 r"mumbl\w*", r"arrastr\w*", r"trab\w*", "tongue", "lengua"),
            ),
        },
        lasts_hours=False,
    ),
    Cause(
        "cold weather",
        _words(
            "freezing", r"so cold", r"its cold", r"cold outside", r"the cold", r"cold wind",
            "snow", r"ski\w*", "frio", "helad[oa]", r"congelad[oa]s?", "nieve",
        ),
        {
            RedFlag.WEAKNESS: _Explains(
                allowed=_words(*_LIMBS, *_MOUTH_AREA, "face", "cara", *_SENSATION),
                forbidden=_words(*_DROOP, *_EYE_PARTS, *_ONE_SIDE),
            ),
        },
        lasts_hours=True,
    ),
)
# The writer doubts the cause, the symptom outlasts it, spreads or worsens, or they ask
# whether it is normal: the flag stays ("numb from the dentist but it has been two days",
# "creo que es de la postura pero no se me quita", "is it normal my lip is still numb?").
DOUBT = re.compile(
    r"\b(?:maybe|might|i think|probably|not sure|unsure|could be|or is it|or maybe|i guess|"
    r"supposedly|hopefully|tal vez|talvez|quizas|quiza|a lo mejor|creo que|no se si|"
    r"seguro (?:es|sea|que es|que sea|fue)|seguramente|de seguro|"
    r"no estoy segur[oa]|supongo|capaz que|o sera|sera que|"
    r"not wearing off|wont wear off|hasnt worn off|havent worn off|still not|still numb|still "
    r"blurry|no se me quita|no se quita|no se pasa|no se me pasa|no se me ha quitado|sigue igual|"
    r"getting worse|worse|worsening|peor|spreading|spread|se extiende|se esta extendiendo|"
    r"still see|still seeing|sigo viendo|todavia veo|aun veo|"
    r"other side|otro lado|is (?:it|this|that) normal|should i (?:worry|be worried)|"
    r"debo preocuparme|me preocupa|worried|worrying|scared|asustad[oa]|preocupad[oa]|"
    r"cant move|no puedo mover|suddenly|de repente|out of nowhere|de la nada|"
    # new to the patient, whatever the cause: "winded climbing three stairs, never been like
    # this", "nunca me habia pasado"
    r"never (?:been|felt|had (?:it|this|that)?) like (?:this|that)|never had (?:this|that|it) "
    r"before|never happened before|first time (?:ever|in my life)|not normal for me|"
    r"nunca (?:me habia|me ha|le habia|le ha) pasado|nunca (?:habia|he) estado asi|"
    r"nunca me habia sentido asi|primera vez que me pasa|"
    # the cause itself in doubt: "only had 2 beers", "nothing to drink, not a drop"
    r"only had|just had (?:one|a|1|2|two)|nothing to drink|not a drop|havent been drinking|"
    r"havent had a drink|no he tomado|no tome nada|ni una gota|solo (?:una|1|dos|2) "
    r"(?:cerveza|copa|chela)|"
    # the cause denied outright: "but i havent been to the dentist", "i dont even drink"
    r"(?:havent|hasnt|didnt|never|not) (?:been|gone|go|went) (?:to )?(?:the |a |any )?"
    r"(?:dentist|doctor|gym|eye doctor|optometrist)|no (?:he ido|fui|he estado) (?:al|en el) "
    r"(?:dentista|gimnasio|medico|oculista)|havent touched (?:a drop|alcohol|a drink|booze|"
    r"a beer)|(?:dont|do not|never) (?:even )?drink|(?:im|i am|been|stone cold) sober|"
    r"sobri[oa]|no bebo|no tomo (?:alcohol|nada)|ni tomo|sin haber ido|sin ir al|"
    r"without (?:going|having been|having gone) to|"
    r"ever since|still fuzzy|still hazy|still off|sigue borros\w*|sigo viendo borroso|"
    # a numbness or blur lasting days outlasts any cause that lasts hours
    r"(?:\d+|two|three|four|five|several|a few|a couple of|dos|tres|cuatro|cinco|varios) "
    r"(?:days|dias) (?:now|ya|later|despues|and still|y sigue)|for days|por dias|"
    r"desde hace (?:\d+|dos|tres|cuatro|varios) dias)\b"
)
_QUESTION_NORMAL = re.compile(r"\b(?:es|sera|esta|is) normal\b")


# A cause in a simile or denied is no cause: "feels like novocaine", "como cuando te ponen
# anestesia", "but i havent been to the dentist", "pero no fui al dentista".
_NOT_A_CAUSE = re.compile(
    r"(?:\b(?:like|as if|as though|como|como si|tipo|similar to|parecido a)"
    r"(?: \S+){0,3}|\b(?:como cuando|like when|like after|as when|igual que cuando)"
    r"(?: \S+){0,6}|\b(?:havent|hasnt|didnt|never|not|wasnt|isnt|no|nunca|ni|sin|without)"
    # "sin haber hecho ejercicio", "without having done any exercise": a cause denied
    r"(?: (?:been|gone|go|went|had|fui|he ido|fue|es|era|from|to|a|al|the|el|la|de|del|por|at|"
    r"with|tuve|any|por el|por la|haber|hecho|hacer|having|done|doing|did|do|ido|estado|"
    r"tomado|taken|had|ningun|ninguna|nada de|even))*) $"
)
_CAUSE_LOOKBACK = 40  # characters before a cause where a simile or denial is looked for


def doubted(text: str, question_clauses: Iterable[str]) -> bool:
    """The message doubts whatever cause it states: a hedge, a symptom outlasting or outgrowing
    its cause, or asking whether it is normal ("¿es normal...?"; "dijo que es normal"
    reassures)."""
    return bool(DOUBT.search(text)) or any(_QUESTION_NORMAL.search(q) for q in question_clauses)


def causes_stated(text: str) -> tuple[Cause, ...]:
    """The benign causes a message states (see doubted for when they do not count)."""
    return tuple(cause for cause in _CAUSES if any(
        not _NOT_A_CAUSE.search(text[max(m.start() - _CAUSE_LOOKBACK, 0) : m.start()])
        for m in cause.stated.finditer(text)
    ))


def explained(causes: tuple[Cause, ...], flag: RedFlag, window: str) -> bool:
    """A stated cause accounts for this mention (the mention and a few words around it)."""
    for cause in causes:
        rule = cause.explains.get(flag)
        if rule is not None and not rule.forbidden.search(window) and rule.allowed.search(
            window
        ):
            return True
    return False


def flags_explained(causes: tuple[Cause, ...]) -> frozenset[RedFlag]:
    return frozenset(flag for cause in causes for flag in cause.explains)



# Idioms join the figure spans of their flag. When the message doubts its cause ("maybe from
# sleeping on it", "getting worse"), the spans that are causes are left out.
def _with_idioms(spans: dict[RedFlag, re.Pattern[str]]) -> dict[RedFlag, re.Pattern[str]]:
    return {
        flag: re.compile("|".join(p for p in (
            spans[flag].pattern if flag in spans else "", _IDIOMS.get(flag, "")
        ) if p))
        for flag in RedFlag
        if flag in spans or flag in _IDIOMS
    }


FIGURE_SPANS_DOUBTED = _with_idioms({
    **FIGURE_SPANS,
    RedFlag.WEAKNESS: re.compile(_WEAKNESS_FIGURE.removeprefix("|")),
    RedFlag.SPEECH: re.compile(_SPEECH_FIGURE.removeprefix("|")),
})
FIGURE_SPANS = _with_idioms(FIGURE_SPANS)
