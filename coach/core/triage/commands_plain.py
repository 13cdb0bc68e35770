"""Commands said in plain language, by kind: asking how the service works, ending a pause,
re-joining, a pause with a date or a reason, and opting out in a sentence.

commands.detect() reads carrier keywords first; these rules then read the whole reply as
words (folded, no punctuation), in a fixed order that settles their overlaps: a question
about how to stop is HELP, "stop the pause" is RESUME, "stop texting for 3 days" is PAUSE,
and only then is "stop texting" STOP.
"""

from __future__ import annotations

import re

from coach.core.types import Command

_MSGS = (
    r"(?:texts?|txts?|messages?|msgs?|reminders?|check ?ins?|notifications?|sms|program|"
    r"programme|service|coach|twitch coach|eye coach|mensajes|mensajitos|msjs|recordatorios|"
    r"textos|avisos|notificaciones|programa|servicio)"
)
_THE = (
    r"(?:(?:the|these|those|this|my|your|all|all the|all of the|any|daily|los|las|estos|"
    r"esos|mis|sus|todos los|el|este|tus) )*"
)

# Words that tie a reply to the twitch or the body: where they appear, a bare "stop" or a
# "what is this?" is about the symptom ("what is this? my lid keeps jumping"), not the texts.
_SYMPTOM = frozenset(
    {"twitch", "twitching", "twitches", "twitchy", "spasm", "spasms", "spasming", "tic", "tics",
     "eye", "eyes", "eyelid", "lid", "face", "cheek", "lip", "mouth", "jaw", "flutter",
     "fluttering", "jumping", "pain", "hurts", "ojo", "ojos", "parpado", "cara", "mejilla",
     "labio", "boca", "temblor", "tiembla", "brinca", "espasmo", "espasmos", "dolor", "duele",
     "it", "myokymia", "headache", "numb", "drooping"}
)

# -- HELP: questions about the service itself ---------------------------------------------
# How to use it, stop it, answer it: about the service only when nothing in the reply is
# about the twitch ("how do i stop the twitching", "como paro el tic" ask for coaching).
_HELP_HOW = re.compile(
    r"\bhow (?:do|can|would|should|does) (?:i|we|one|you) (?:\w+ ){0,3}?(?:pause|stop|cancel|"
    r"unsubscribe|use|answer|reply|respond|rate|turn off|opt out|get off|skip)\b"
    r"|\bhow (?:do|can) i (?:turn|switch|shut) (?:these|them|it|this|the \w+) off\b"
    r"|\bcomo (?:se usa|uso|pauso|cancelo|paro|cambio|contesto|respondo|le hago|califico|"
    r"me salgo|me doy de baja)\b"
)
_HELP = re.compile(
    r"\bhow did (?:you|u|they) get (?:my|this) (?:number|phone|cell|info)\b"
    r"|\bwho (?:signed|enrolled|registered|put|added) me (?:up|in|on)?\b"
    r"|\bhow much (?:does|is|do) (?:this|it|these|the program|the texts) (?:\w+ )?cost\b"
    r"|\bis (?:this|it) (?:free|automated|automatic|a bot|a robot|a real person|a person|"
    r"a human|my doctor|from my doctor|my doctors)\b"
    r"|\b(?:am i|are you|is this) (?:talking|texting|speaking) (?:to|with) (?:a )?(?:bot|robot|"
    r"person|human|real person|machine)\b"
    r"|\bwhat happens if i (?:miss|dont|do not|forget|skip|stop)\b"
    r"|\bwhat (?:does|do) (?:the )?(?:0 10|1 10|0 to 10|numbers?|rating|scale) mean\b"
    r"|\bwhat (?:am i|are we) (?:supposed|meant) to (?:rate|reply|do|say|text|answer|send)\b"
    r"|\bwhat (?:do|should|can|must) i (?:reply|text|send|answer|say|respond|write|do with)\b"
    r"|\bwhat (?:commands|keywords|options|words) (?:can|do|are|should)\b"
    r"|\bwhat (?:can|should) i (?:text|send|reply|answer)\b"
    r"|\bwhat (?:service|program|programme|number) is this\b"
    r"|\bwhat (?:are|r) (?:these|those|the) " + _MSGS + r"\b"
    r"|\b(?:explain|tell me) (?:more )?(?:about )?(?:how|what) (?:this|it|these|the program)\b"
    r"|\btell me more about (?:this|the program|these texts|the service)\b"
    r"|\b(?:need|want|more|some) info(?:rmation)? (?:on|about) (?:this|the|these)\b"
    r"|\bhelp me understand (?:these|this|what)\b"
    r"|\bhow (?:the program|the programme|coach|the service|the texts) works\b"
    r"|\bwhat is (?:twitch coach|eye coach|this service|this program)\b"
    # Spanish
    r"|\b(?:como|de donde|donde) (?:consiguieron|obtuvieron|tienen|sacaron|tomaron) mi "
    r"(?:numero|telefono|celular)\b"
    r"|\bwhere did (?:you|u|they) get (?:my|this) (?:number|phone|cell|info)\b"
    r"|\bwhat (?:number|rating|score) (?:should|do|can|must) i (?:send|give|put|text|reply)\b"
    r"|\bquien me (?:inscribio|apunto|registro|dio de alta|anoto|metio)\b"
    r"|\bcuanto (?:cuesta|cobran|vale)\b|\bes gratis\b|\btiene costo\b"
    r"|\b(?:lo lee|lo contesta|me contesta|es) (?:una persona|un humano|alguien)\b"
    r"|\bes (?:automatico|un robot|un bot)\b"
    r"|\besto es (?:del|de mi) (?:consultorio|doctor|doctora|clinica|medico)\b"
    r"|\bque pasa si no (?:contesto|respondo|mando)\b"
    r"|\bque significa (?:el |del )?(?:0|1|cero|uno) (?:al |a )?10\b"
    r"|\bque (?:tengo que|debo|puedo|hay que|se supone que) (?:contestar|responder|mandar|"
    r"escribir|poner|hacer con|calificar)\b"
    # not "la ultima vez que contesto" (a relative "que", not the question "what")
    r"|\b(?<!vez )(?<!dia )(?<!cada )que (?:le )?(?:contesto|respondo|califico|hago con (?:estos|"
    r"los|esos))\b"
    r"|\bque comandos\b|\bque opciones tengo\b"
    # how the keywords work: "como funcionan los comandos", "how do the commands work"
    r"|\bcomo (?:funcionan|funciona|se usan|se usa|uso|usar) (?:los |las |estos |sus )?"
    r"(?:comandos|palabras clave)\b"
    r"|\bhow (?:do|does|can) (?:i use )?(?:the |these |your )?(?:commands|keywords)"
    r"(?: work)?\b|\bwhat (?:are|r) (?:the |your )?(?:commands|keywords)\b"
    r"|\bde que es (?:el|este) (?:programa|servicio)\b"
    r"|\bque son (?:estos|esos|los) " + _MSGS + r"\b"
    # asking for it, not thanking for it: not "me ayuda mucho la info de los mensajes"
    r"|\b(?<!\bla )(?<!\bsu )(?<!\btu )(?:mas )?info(?:rmacion)? (?:del|sobre|de) (?:el |este |"
    r"estos |los |la )?(?:programa|"
    r"servicio|mensajes|recordatorios)\b"
    r"|\bno (?:entiendo|se) (?:como usar|como se usa|estos mensajes|que es esto|para que son)\b"
)
# How something works or what it is about, which asks about the service only when nothing in
# the reply names the twitch or a way of treating it: "como funciona?" is HELP, "como funciona
# el botox", "someone told me about a 20-20-20 thing, how does it work" and "me tiembla el
# parpado, de que se trata?" are questions for the FAQ.
_HELP_VAGUE = re.compile(
    r"\bhow (?:this|it) works\b|\bcomo funciona\b|\bde que se trata\b"
)
# Words of care: the twitch, the face and what a clinician or the patient may do about it.
CARE = _SYMPTOM.difference({"it"}) | frozenset(
    {"botox", "toxina", "botulinica", "botulinum", "injection", "injections", "inyeccion",
     "inyecciones", "shots", "surgery", "cirugia", "operation", "operacion", "operarme",
     "decompression", "descompresion", "microvascular", "mvd", "neurosurgeon",
     "neurocirujano", "treatment", "treatments", "tratamiento", "tratamientos", "therapy",
     "terapia", "fisioterapia", "physio", "physiotherapy", "rehab", "rehabilitacion",
     "compress", "compresa", "compresas", "exercise", "exercises", "ejercicio", "ejercicios",
     "massage", "masaje", "medication", "medicine", "medicines", "medicamento", "medicamentos",
     "medicacion", "rule", "regla", "20", "relaxation", "relajacion", "breathing",
     "respiracion", "hemifacial", "myokymia", "mioquimia", "palsy", "paralisis", "bell",
     "bells", "flicker", "flickers", "parpadeo", "twitchy", "lids", "eyelids", "parpados",
     "ojito", "neurologist", "neurologo", "neurologa"}
)


def about_care(words: list[str]) -> bool:
    """The reply names the twitch or a way of treating it (CARE)."""
    return not CARE.isdisjoint(words)


# A reply that is only "what is this?", "who is this?", "quien es?", said without a word
# about the twitch: asking who is texting.
_WHO_WHAT = re.compile(
    r"^(?:(?:hi|hello|hey|hola|huh|ok|so|um|sorry|perdon|oiga|oye|disculpe) )*(?:"
    r"(?:what|wat|wut|whats)(?: is| are| r)? (?:this|that|these|dis)(?: about| for)?"
    r"|who (?:sent|sends|is sending) (?:me )?(?:this|these|that)(?: (?:text|message|msg))?"
    r"|quien (?:mando|manda|envio|envia) (?:esto|este mensaje|estos mensajes)"
    r"|(?:who|whos)(?: is| are)? (?:this|that|dis|texting me|sending (?:me )?(?:these|this)|"
    r"messaging me|it)"
    r"|who|who are (?:you|u)|(?:quien|quienes) (?:eres|es usted|son|son ustedes)"
    r"|esto (?:que|k) es"
    r"|(?:que|k|q|ke) (?:es|son) (?:esto|eso|estos mensajes)|(?:que|k|q|ke) es"
    r"|quien (?:es|habla|me escribe|me manda esto|me esta mandando esto|me envia esto|"
    r"me esta escribiendo)"
    r"|de que se trata(?: esto)?"
    r")(?: (?:please|pls|porfa|por favor|again|exactly|anyway|lol))?$"
)

# -- RESUME and START: the messages again ---------------------------------------------------
# Ending a pause in so many words.
_UNPAUSE = re.compile(
    r"\b(?:end|lift|cancel|stop|remove|undo|unset|turn off|quit|drop) (?:the |my |this )?"
    r"(?:pause|hold|snooze|mute)\b"
    r"|\btake (?:me|it|them|us|the \w+|my \w+) off (?:pause|hold|snooze|mute)\b"
    r"|\boff (?:pause|hold)\b"
    r"|\bun ?(?:pause|mute|snooze)\b|\bdespaus\w*"
    r"|\b(?:quit|quiten|quitar|quitame|quitenle|cancel\w*|termin\w*|fin de|levant\w*|acab\w*) "
    r"(?:la |mi |esta |con la )?pausa\b"
)
# Continuing: "resume the check ins", "carry on with the texts", "sigan mandando".
_CONTINUE = re.compile(
    r"\b(?:resume|resum|reanud\w*|renaud\w*|retom\w*|continue|continu\w*|carry on) "
    r"(?:with |con |sending |mandando |enviando )?" + _THE + r"(?:\w+ ){0,2}?" + _MSGS + r"\b"
    r"|\b(?:them|it|the texts|the messages|the reminders|los mensajes|que) (?:to )?(?:resume|"
    r"continue|start again|sigan|continuen)\b"
    # not "reanude el cafe" (I went back to coffee): a first word with another object
    r"|^(?:resume|resum|reanudar|reanuden|reanude|reanuda|unpause|despausar|continuen|sigan)\b"
    r"(?! (?:el|la|lo|los|las|mi|mis|my|the|con el|con la) (?!" + _MSGS + r"\b))"
    r"|\b(?:you can|u can|go ahead and|please|pueden|puede|ya pueden|ya puede) "
    r"(?:resume|continue|reanudar|continuar|seguir|retomar|carry on)\b"
    # "ya pueden escribirme", not "pueden mandarme los mensajes en la tarde?" (a new time)
    r"|\b(?:ya pueden|ya puede|you can|u can) (?:escribirme|mandarme|enviarme|volver a "
    r"escribirme|text me|message me)(?: (?:otra vez|de nuevo|again|ya|por favor|porfa|please))*$"
    r"|\bpick " + _THE + _MSGS + r" (?:back )?up\b"
    r"|\b(?:sigan|seguir|sigue|sigan con|seguir con|pueden seguir|ya pueden seguir) "
    r"(?:con )?(?:mandando|enviando|escribiendo\w*|mandandome\w*|" + _THE + _MSGS + r")"
    r"|\bque sigan\b|\bya quiero que sigan\b"
)
# Asking for them again: "send them again", "turn the texts back on", "vuelvan a mandarme".
_AGAIN = re.compile(
    r"\b(?:send|sending|text|message|start|restart|turn on|switch on|bring|give me|reactivate|"
    r"activate|start sending|start getting|start receiving|start texting|start messaging|"
    r"begin) (?:me )?(?:them|it|"
    + _THE + _MSGS + r")? ?(?:again|back on|back|once more|de nuevo|otra vez)\b"
    r"|\b(?:restart|reactivate|turn on|bring back|switch on) (?:me )?" + _THE + _MSGS + r"\b"
    r"|\b(?:turn|switch|put) (?:them|it|" + _THE + _MSGS + r") back on\b"
    r"|\b" + _MSGS + r" back on\b"
    r"|\b(?:want|need|like|miss) " + _THE + _MSGS + r" (?:back|again)\b"
    r"|\b(?:vuelv\w*|volver) a (?:mandar|enviar|escribir)(?:me|nos|les|los|las|melos|nos los)?"
    r"(?: (?:" + _THE + _MSGS + r")|$| (?:por favor|porfa|please|otra vez|de nuevo))"
    r"|\b(?:vuelv\w*|volver) a (?:mandar|enviar|escribir)(?:me|nos|les|los|las|melos)\b"
    r"|\b(?:manden|envien|mandenme|envienme|mandar|mandarme|enviarme|escribirme|escribanme|"
    r"activ\w*|reactiv\w*|empiecen|empezar) "
    r"(?:me )?(?:los |mis )?(?:mensajes |recordatorios |mensajitos )?(?:otra vez|de nuevo)\b"
    r"|\b(?:quiero|necesito|extrano) (?:los |mis )?(?:mensajes|recordatorios|mensajitos) "
    r"(?:otra vez|de nuevo)\b"
    r"|\b(?:activ|reactiv)\w* (?:los |mis )?(?:mensajes|recordatorios)\b"
)
# Re-joining the programme: "can I sign up again", "inscríbanme de nuevo".
_REJOIN = re.compile(
    r"\b(?:sign|signing|put|add|enroll|enrol|subscribe|register|let) me (?:back|again|up again|"
    r"back up|back in|in again|on again)\b"
    r"|\b(?:sign|signing) (?:back )?up again\b|\bget back on (?:the|your) (?:list|program)\b"
    r"|\b(?:want|like|wanna|id like) to (?:start|join|do|begin) (?:the )?(?:program|programme|"
    r"reminders|texts)\b"
    r"|\b(?:want|like|wanna) to start getting\b|\bstart getting (?:them|the)\b"
    r"|\b(?:id like|i would like|i want|i wanna|want|wanna) to join\b"
    r"|\b(?:yes|yeah|yep|ok)(?: i)? (?:want to join|agree|want in|sign me up)\b"
    r"|\b(?:inscrib|apunt|anot|registr|agreg|suscrib|pong|incorpor)\w*(?:me|nos)? (?:de nuevo|"
    r"otra vez|nuevamente)\b"
    r"|\b(?:me )?(?:vuelven|pueden volver|puede volver) a (?:inscribir|apuntar|registrar|"
    r"agregar|dar de alta)\b"
    r"|\b(?:quiero|quisiera|puedo|me quiero|deseo) (?:volver a )?(?:inscribir|apuntar|"
    r"registrar|unir|suscribir)\w*\b"
    r"|\b(?:den|denme|dar|darme|quiero darme) de alta\b"
    r"|\b(?:quiero|deseo|me gustaria) (?:regresar|volver) al programa\b"
    r"|\b(?:quiero|deseo) (?:empezar|comenzar|iniciar|participar)\b"
    r"|\b(?:si|yes) (?:acepto|quiero)\b"
    # "me vuelvo a anotar", "quiero empezar de nuevo con el programa", "sign back up"
    r"|\bme (?:vuelvo|volvi|quiero volver) a (?:anotar|inscribir|apuntar|suscribir|registrar|"
    r"unir)\b"
    r"|\b(?:empezar|comenzar|arrancar|iniciar) (?:de nuevo|otra vez|de cero) (?:con )?(?:el|"
    r"este) (?:programa|coaching|servicio)\b"
    r"|\bstart (?:the )?(?:program|programme|coaching) (?:again|over)\b"
    r"|\b(?:sign|signing) back up\b"
)
# Re-joining that names the programme or signing up is a START even after a trip or a break
# ("ya regrese, quiero empezar de nuevo con el programa").
_NAMES_PROGRAMME = re.compile(
    r"\b(?:programa|program|programme|coaching|sign\w* (?:me )?(?:back )?up|anot\w*|"
    r"inscrib\w*|apunt\w*|suscrib\w*|re ?join|re ?enrol\w*)\b"
)
# What the reply says happened before: leaving ("I stopped them", "me di de baja", "by
# mistake") makes a request for the messages a START; a trip, a pause or being back makes
# it a RESUME.
# "changed my mind, start the texts", "start sending them again"
_START_THEM = re.compile(
    r"\b(?:start|begin|empiecen|empezar|comiencen|comenzar) (?:sending |mandando |enviando )?"
    + _THE + _MSGS + r"\b"
)
_LEFT = re.compile(
    r"\b(?:stopped|unsubscribed|opted out|quit|cancelled|canceled|left|unenrolled|texted stop|"
    r"sent stop|said stop|replied stop|by mistake|by accident|accidentally|changed my mind|"
    r"didnt mean|did not mean|mistake|di de baja|dio de baja|puse baja|mande baja|me sali|"
    r"me salgo|sin querer|por error|me equivoque|me arrepenti|cancele|twitch is back|"
    r"came back|is back|regreso el tic|volvio el tic|regresaron|volvi a tener|"
    r"wants me to do|quiere que vuelva)\b"
)
_RETURNED = re.compile(
    r"\b(?:im back|i am back|back from|back home|back in town|back at|im home|i am home|home early|"
    r"home now|vacation|vacations|holiday|holidays|trip|travel|traveling|pause|paused|pausa|"
    r"pause|break|surgery|finals|exams|volvi|regrese|llegue|ya estoy|de vuelta|vacaciones|"
    r"viaje|fiestas|pausado|pause)\b"
)

# -- PAUSE: a break with a date, a length or a reason -------------------------------------
# Words that only ever ask for a break.
# "Pause" is also a noun and a verb of daily life ("hice la pausa", "took a pause from
# screens", "pausing for air", "sin pausa"): it asks for a break only as a request, first
# in the reply, or with the messages or a time as its object.
_PAUSE_WORD = r"(?:pause|paus|puase|pauze|pauza|pausen|pausar|pausa|pausame|pausalos|snooze)"
_PAUSE_ONLY = re.compile(
    r"^(?:(?:please|pls|ok|okay|hi|hey|hola|ya|so|porfa|por favor) )*" + _PAUSE_WORD + r"\b"
    # not "pause el video", "pause el cafe" (Spanish "pausé", I paused)
    r"(?! (?:el|la|lo|un|una|mi|su|a|my|the|his|her) (?!" + _MSGS + r"\b))"
    r"|\b(?:please|pls|can you|could you|can u|would you|i want to|i need to|id like to|"
    r"i would like to|quiero|queria|quisiera|pueden|puedes|podrian|favor de|por favor|"
    r"necesito)(?! (?:hacer|tomar|una|la)) (?:me )?(?:" + _PAUSE_WORD
    + r"|put (?:me |them |it )?on hold|poner en pausa)\b"
    r"|\b(?=" + _PAUSE_WORD + r"\b)"  # only where a pause word starts: the checks below are slow
    r"(?<!\bwithout a )(?<!\bwithout )(?<!\bsin )(?<!\ba )(?<!\bla )(?<!\buna )(?<!\bthe )"
    # not told of oneself: "i did pause for 20 seconds", "remember to pause for a minute"
    r"(?<!\bdid )(?<!\bi )(?<!\bwe )(?<!\bto )(?<!\band )(?<!\bhice )"
    + _PAUSE_WORD + r" (?:" + _THE + _MSGS + r"|for|until|till|til|hasta|por|durante|"
    r"x|it|them|everything|todo|while|mientras|over|tonights|tomorrows)\b"
    r"|\b(?:pause|snooze) me\b"
    r"|\bpausing (?:the|my|until|till|them|it|for a (?:bit|while|few|week|couple|month))\b"
    r"|\b(?:quiet mode|modo silencio|snooze)\b"
    r"|\b(?:put|pon|pongan|ponga|poner|ponme|ponerme|dejar|dejen|deja)(?: me| them| it| "
    + _THE + _MSGS + r")? (?:en pausa|on hold|on pause)\b"
    r"|\ben pausa (?:hasta|por|durante|mientras)\b"
    r"|\bhold (?:off|" + _THE + _MSGS + r")\b"
    r"|\b(?:mute|silence|suspend|postpone|skip|delay) (?:for\b|" + _THE + _MSGS + r"|"
    r"(?:tonights|tomorrows|todays|this weeks) " + _MSGS + r")"
    r"|\b(?:silenci|suspend|pospon|pospong|aplac)\w* (?:por\b|hasta\b|" + _THE + _MSGS + r")"
    r"|\b(?:give me|need|want|take|taking|like) (?:a|one|two|three|\d{1,2}|a few|a couple(?: of)?)"
    r" (?:days?|weeks?|months?) off\b"
    r"|\bbreak from (?:messaging|texting|sending|msging)\b"
    r"|\b" + _PAUSE_WORD + r" (?:un|una|unos|unas|a|an|one|two|three|\d{1,3}|dos|tres|cuatro|"
    r"cinco|diez|quince) (?:dias?|semanas?|mes|meses|days?|weeks?|months?|hours?|horas?)\b"
    r"|\bbreak from " + _THE + _MSGS + r"|\bdescanso de (?:mandarme |enviarme )?"
    + _THE + _MSGS
    + r"|\btomen(?:se)? un descanso\b"
    r"|\b(?:days?|weeks?|time) without " + _THE + _MSGS + r"\b"
    r"|\b(?:dias|semanas|tiempo) sin " + _THE + _MSGS + r"\b"
)
# Every _PAUSE_ONLY form holds a word starting so; checking that first is much cheaper than
# the regex on the many replies that ask for nothing.
_PAUSE_STEMS = ("paus", "puase", "pauz", "snooz", "quiet", "modo", "hold", "mute", "silenc",
                "suspend", "postpon", "pospon", "skip", "delay", "off", "break", "descanso",
                "without", "sin", "aplac")


def _may_pause(split: list[str]) -> bool:
    return any(word.startswith(_PAUSE_STEMS) for word in split)


# Words that stop the messages, which ask for a break only with a time or reason to end it.
_STOPPING = re.compile(
    r"\b(?:no|stop|stop sending|stop the|hold the|no more|sin|detener|deten|detengan|paren|"
    r"parar) " + _THE + _MSGS
    + r"|\b(?:dont|do not|can you not|can u not|could you not|please dont|pls dont) "
    r"(?:send|text|message|msg|txt|contact)\b"
    r"|\bdont send anything\b|\bno (?:me )?(?:manden|envien|mande|envie|escriban|escribas) "
    r"(?:nada|mensajes|recordatorios)?"
    r"|\bno (?:quiero|deseo|necesito) " + _THE + _MSGS
    + r"|\bque no me (?:lleguen|manden|envien|escriban)\b"
    r"|\b(?:deja|dejen|dejar|deje|para|paren|parar|pare) (?:de )?(?:enviar|mandar|escribir)\w*"
    r"|\b(?:stop|quit) (?:texting|messaging|sending|txting|msging)\b"
    r"|\b(?:temporarily|temporalmente) (?:stop|parar|paren|detener)\b"
    r"|\b(?:stop|paren|parar|detener|detengan)(?: (?:it|them|todo|los|everything))? "
    r"(?=for|por|durante|until|till|til|hasta|temporarily|temporalmente|this|esta|este)"
)
# What says the break ends: a day, a length, a reason that passes.
_TEMPORARY = re.compile(
    r"\b(?:this|next|este|esta|la proxima|el proximo|the) (?:weekend|week|month|fin de semana|"
    r"finde|semana|mes)\b"
    r"|\b(?:tonight|tomorrow|manana|hoy|today)\b"
    r"|\b(?:for now|for a bit|for a while|a while|a few days|a couple (?:of )?days|temporarily|"
    r"for the time being|for the moment|until further notice|not forever|for some time)\b"
    r"|\b(?:until|till|til|untill|hasta)\b(?! (?:forever|nunca|siempre|never|the end of time))"
    r"|\b(?:while|during|over) (?:i|im|i am|my|the|this)\b"
    r"|\b(?:por ahora|por un tiempo|un tiempo|unos dias|unas semanas|temporalmente|"
    r"por el momento|hasta nuevo aviso|mientras|durante|por unos dias|vuelvo en|regreso en|"
    r"back in|hasta que)\b"
    r"|\b(?:for|por|durante|x|like|about|unos|unas|un|una|a|next|los proximos|las proximas)"
    r"(?: like| about| a| un| una| the)? (?:couple(?: of)? |few |\d{1,3} |one |two |three |four |"
    r"five |six |seven |ten |dos |tres |cuatro |cinco |seis |siete |diez |quince )?"
    r"(?:days?|weeks?|months?|hours?|dias|semanas?|mes|meses|horas?)\b"
)
_FOR_GOOD = re.compile(
    r"\b(?:for good|forever|permanently|para siempre|nunca mas|never again|no longer|"
    r"ya no quiero|ya no necesito)\b"
)
_NOT_FOREVER = re.compile(r"\bnot forever\b|\bno para siempre\b|\bno me (?:den|des) de baja\b")

# -- STOP: opting out in a sentence ---------------------------------------------------------
_STOP = re.compile(
    r"\b(?:end|halt|discontinue|terminate|cancel|quit|stop|leave|exit|drop out of|get out of|"
    r"want out of|unenroll me from|unsubscribe me from|unenroll from|remove me from) "
    + _THE + r"(?:texts|txts|messages|msgs|reminders|program|programme|service|check ins|"
    r"checkins|subscription|coach|twitch coach|list|mailing list|texting list|"
    r"this(?=$| (?:program|programme|thing|list|service|please|pls|now|thanks)\b))\b"
    r"|\bstop (?:getting|receiving|sending)\b"
    # "just stop them please", not "nothing seems to stop them" (the spasms)
    r"|(?:^|\b(?:please|pls|just|so|and|now|ok|then) )stop (?:them|these|all)\b"
    r"|\b(?:i wanna|i want to|i would like to|id like to|want to) (?:quit|leave|unsubscribe|"
    r"opt out|unenroll|get out|be removed)(?:$| (?:this|these|the|please|pls|now))"
    r"|\bi (?:unsubscribe|opt out|quit)$"
    r"|\b(?:im|i am) (?:out$|out of (?:this|here|the program)|opting out|unsubscribing|"
    r"quitting|done with " + _THE + _MSGS + r")"
    r"|\b(?:i )?want out(?:$| of (?:this|the|these) (?:program|programme|texts|messages|thing|"
    r"list|service))|\bcount me out\b|\bsign me (?:out|off)\b"
    r"|\b(?:unenroll|unenrol|unsubscribe|unsuscribe|unsubcribe|remove|delete|erase) me\b"
    r"|\b(?:remove|delete|erase|drop) (?:my|this) (?:phone )?(?:number|cell|contact|info)\b"
    r"|\b(?:be|get) (?:removed|taken off|unsubscribed|unenrolled) (?:from|off)\b"
    r"|\b(?:dont|do not|never) (?:ever )?(?:text|message|txt|contact|msg|send) me\b"
    r"|\b(?:dont|do not|no longer) (?:want|need) (?:these|them|those) (?:anymore|any more)\b"
    # not interested, or not theirs: "no me interesa, gracias", "wrong number"
    r"|^(?:(?:ok|okay|sorry|lo siento|perdon|hi|hola) )*(?:(?:ya )?no me interesa\w*|"
    r"not interested(?: anymore| any more| thanks| thank you)*|no estoy interesad[oa]|"
    r"no longer interested|ya no estoy interesad[oa])(?: gracias| thanks| thank you)?$"
    r"|\bwrong (?:number|person)\b|\bnumero equivocado\b|\bse equivocaron de (?:numero|persona)\b"
    r"|\b(?:this|that) (?:is not|isnt) my (?:phone |cell )?number\b|\bno es mi (?:numero|celular)\b"
    # Spanish
    r"|\bno (?:me|le|les) (?:vuelvan|vuelvas|sigan|sigas) (?:a )?(?:escribir|mandar|enviar|"
    r"mandando|enviando|escribiendo)\w*"
    r"|\bno (?:me|le|les) (?:escriban|manden|envien|escribas|mandes|envies|molesten)(?: (?:nunca|"
    r"mas|nada|mensajes|recordatorios|a este))+"
    r"|\bya no (?:me |le |les )?(?:escriban|manden|envien|molesten|escribas|mandes)\b"
    r"|\b(?:favor de )?no (?:enviar|mandar|escribir) mas\b"
    r"|\bbasta de " + _MSGS + r"\b|\bfin de (?:los|sus) " + _MSGS + r"\b"
    r"|\b(?:terminar|salir|salirme|abandonar|dejar) (?:de |del |el )?(?:programa|servicio)\b"
    r"|\bme salgo(?:$| del (?:programa|servicio)| de (?:esto|la lista|aqui))"
    r"|\b(?:retir|quit|sac|saqu|borr|elimin|desinscrib|desuscrib|dese?scrib)\w*(?:me|nos)"
    r"(?: de\b| del\b|$)(?! la vida| mi vida| dudas| la duda| la cabeza| encima| quicio)"
    r"|\bque me (?:borren|quiten|saquen|eliminen|retiren|den de baja)\b"
    r"|\b(?:cancel|anul)\w* (?:mi |la |mis |su )?(?:suscripcion|inscripcion|subscripcion)\b"
    r"|\b(?:cancel|anul)\w* (?:todo|" + _THE + r"(?:mensajes|recordatorios|textos))\b"
    r"|\bdesuscrib\w*|\bdesinscrib\w*"
    r"|\b(?:ya )?no (?:quiero|deseo) participar\b"
    r"|\b(?:ya )?no (?:quiero|deseo) (?:continuar|seguir) (?:con |recibiendo )?" + _THE + _MSGS
    + r"\b"
    r"|\bya no hace falta que me (?:escriban|manden|envien)\b"
    r"|\b(?:me )?(?:doy|damos) de baja\b|\b(?:quiero|me quiero) (?:dar|darme) de baja\b"
    r"|\bya no quieren? (?:recibir|los mensajes|mas mensajes|los recordatorios)\b"
    r"|\b(?:detengan|paren|pare|detener) " + _THE + r"(?:mensajes|recordatorios|textos)\b"
    r"|\bpara ya de\b|\bno (?:mas|\+) (?:msjs|mensajes|recordatorios)\b"
    r"|\bno (?:quiero|deseo) que me (?:lleguen|manden|envien|sigan)\b"
)
# "my boss won't stop emailing me", "mi jefe no para de mandarme correos": a stop denied
# describes someone, it asks nothing.
_DESCRIBED = re.compile(
    r"\b(?:wont|doesnt|dont|didnt|cant|never|not|wouldnt|no|nunca|ni|non) (?:ever )?(?:stop|para|"
    r"paran|paren|deja|dejan|dejen|dejes|quit)\b"
)
_PLEA = frozenset({"make", "let", "would", "will", "to", "cant", "wont", "wish", "want", "need",
                   "hope", "pray", "just"})
_STOP_WORDS = frozenset(
    {"stop", "cancel", "baja", "paren", "unsubscribe", "quit", "end", "detener", "cancelar",
     "alto", "basta", "enough", "parar"}
)
_TRAILING_FILLER = frozenset({"please", "pls", "plz", "now", "just", "thanks", "thx", "ok",
                              "por", "favor", "porfa", "porfavor", "gracias", "ya", "then",
                              "so", "y", "and"})


_ANSWER_NO = re.compile(r"\b(?:no|nope|nah)\s*[,.!;:]+\s*(?:stop|para|paren|deja|dejen)\b")


def described(words: str, match: re.Match[str], text: str = "") -> bool:
    """The match is a stop said of something ("been twitching non stop for a week", "mi
    jefe no para de mandarme correos"), not asked for; `text` (folded, with its
    punctuation) tells "no, para de escribirme" (an answer, then the request) from it."""
    before = words[max(match.start() - 12, 0) : match.end()]
    if text and _ANSWER_NO.search(text):
        return False
    if match.group(0).startswith("no ") and not _SYMPTOM.isdisjoint(
        words[: match.start()].split()[-3:]
    ):
        return True  # "quiero que pare el tic, no los mensajes": the twitch, not the texts
    return _DESCRIBED.search(before) is not None or before.endswith(("non stop", "non"))


def not_forever(words: str) -> bool:
    """The reply says the break is not for good ("stop for now but not forever")."""
    return _NOT_FOREVER.search(words) is not None


def _symptom(words: list[str]) -> bool:
    return not _SYMPTOM.isdisjoint(words)


def _help(words: str, split: list[str]) -> bool:
    if _HELP.search(words):
        return True
    if _HELP_VAGUE.search(words) and not about_care(split):
        return True
    if _symptom(split):
        return False
    if _HELP_HOW.search(words):
        return True
    # "hi, got a text from this number, what is this?": a last clause of only that
    return bool(_WHO_WHAT.match(words))


_TRAILING_COMMAND = {
    **dict.fromkeys(["resume", "reanudar", "reanuden", "sigan", "continuen", "unpause",
                     "resume please", "resume now", "resume again"], Command.RESUME),
    **dict.fromkeys(["start", "start please", "start again", "empiecen", "comiencen"],
                    Command.START),
    **dict.fromkeys(["pause", "pausa", "pausen", "pausar", "pause please", "pausen todo",
                     "pause everything"], Command.PAUSE),
}


def _trailing_command(clauses: list[list[str]]) -> Command | None:
    if len(clauses) < 2:
        return None
    last = " ".join(w for w in clauses[-1] if w not in _TRAILING_FILLER or w == "please")
    return _TRAILING_COMMAND.get(last.removesuffix(" please")) or _TRAILING_COMMAND.get(last)


def _trailing_stop(clauses: list[list[str]], all_words: list[str]) -> bool:
    """A reply that ends in a bare STOP word after a complaint ("not interested, stop",
    "these are annoying. stop", "no me interesa, baja"), with nothing about the twitch in
    it: "it won't stop, stop" or "make it stop" stay prose."""
    if _symptom(all_words) or not clauses:
        return False
    last = [w for w in clauses[-1] if w not in _TRAILING_FILLER]
    if not last:
        return False
    if len(last) == 1 and last[0] in _STOP_WORDS:
        return True
    # "this isnt my number anymore please stop": a STOP word ends an unpunctuated reply;
    # never "please make this stop" or "i want this to end", said of how it feels
    words = [w for w in all_words if w not in _TRAILING_FILLER or w in ("please", "pls")]
    return (
        len(words) >= 2 and words[-1] in _STOP_WORDS
        and words[-2] in ("please", "pls", "this", "these", "them", "messages", "texts")
        and _PLEA.isdisjoint(words[-5:-1])
    )


_NEGATORS = frozenset({"dont", "do", "never", "no", "not", "stop", "nunca", "ni", "without"})


def _asked(pattern: re.Pattern[str], words: str) -> bool:
    """`pattern` is said and not refused: not "dont send me the reminders again"."""
    match = pattern.search(words)
    return match is not None and _NEGATORS.isdisjoint(words[: match.start()].split()[-3:])


def _messages_again(words: str) -> Command | None:
    """START or RESUME for a request to have the messages (again), or None."""
    if _UNPAUSE.search(words):
        return Command.RESUME
    cont = _asked(_CONTINUE, words)
    again = _asked(_AGAIN, words)
    rejoin = _asked(_REJOIN, words) or _asked(_START_THEM, words)
    if not (cont or again or rejoin):
        return None
    if rejoin and _NAMES_PROGRAMME.search(words):
        return Command.START
    left = _LEFT.search(words) is not None
    returned = _RETURNED.search(words) is not None
    if left and not returned:
        return Command.START
    if returned and not left:
        return Command.RESUME
    if rejoin:
        return Command.START  # "sign me back up" names the programme, not a pause
    if left and returned:
        return Command.RESUME if cont else Command.START
    # Asked for with no word of leaving or of a break: the messages go on as they were
    # (RESUME); a patient who had opted out gets them back either way.
    return Command.RESUME


def plain(words: str, clauses: list[list[str]], text: str = "") -> tuple[Command, bool] | None:
    """The command a reply says in plain words: (command, dated), where dated says a PAUSE
    needs its end read from the text; or None. `words` is the reply's folded words joined
    by spaces; `clauses` its clauses as word lists; `text` the folded reply."""
    split = words.split()
    if _help(words, split):
        return Command.HELP, False
    again = _messages_again(words)
    if again is not None:
        return again, False
    trailing = _trailing_command(clauses)
    if trailing is not None:
        return trailing, False
    forever = _FOR_GOOD.search(words) is not None and not _NOT_FOREVER.search(words)
    if not forever and _may_pause(split) and _PAUSE_ONLY.search(words):
        return Command.PAUSE, True
    stopping = _STOPPING.search(words)
    if stopping is not None and not described(words, stopping, text) and not forever and (
        _TEMPORARY.search(words) or _NOT_FOREVER.search(words)
    ):
        return Command.PAUSE, True
    stop = _STOP.search(words)
    if stop is not None and not described(words, stop, text):
        return Command.STOP, False
    if _trailing_stop(clauses, split):
        return Command.STOP, False
    return None
