"""Keyword commands (STOP, START, HELP, PAUSE, RESUME) in a reply.

Carrier keywords count only as the whole message (give or take "please" and punctuation),
so "the twitching doesn't stop" or "i need help relaxing" are not commands. Plain-language
opt-outs ("please stop texting me", "no mas mensajes") count anywhere in the message:
missing one would keep texting someone who asked us to stop.
"""

from __future__ import annotations

import re
from datetime import timedelta

from coach.core import pause_until
from coach.core.triage import commands_plain
from coach.core.triage.normalize import fold
from coach.core.types import Command

_FILLER = frozenset(
    {"please", "pls", "plz", "ok", "okay", "thanks", "thank", "you", "thx", "now", "por",
     "favor", "porfa", "gracias", "hi", "hey", "hello", "hola", "just", "oh", "sir",
     "all", "the", "messages", "texts", "reminders", "mensajes", "recordatorios", "me",
     "it", "ty", "kindly", "lol", "ya", "los", "las", "porfavor", "x", "pues", "oye", "oiga",
     "huh", "um", "umm", "hmm", "so", "hi there", "quick", "question"}
)
_WHOLE: dict[str, Command] = {
    **dict.fromkeys(
        ["stop", "stopall", "stop all", "unsubscribe", "unsub", "cancel", "end", "quit",
         "revoke", "optout", "opt out", "baja", "dar de baja", "darme de baja", "cancelar",
         "parar", "para", "alto", "detener", "basta", "salir", "leave me alone",
         "stop it", "no more", "no mas",
         # misspelt on a phone keyboard
         "stp", "sotp", "stopp", "stoop", "sop", "stpo", "unsubcribe", "unsuscribe",
         "unsubscibe", "unsusbcribe", "unscubscribe", "cancle", "vaja", "bja", "baj",
         # other words for it, said alone
         "discontinue", "halt", "terminate", "remove me", "delete me", "unenroll", "unenrol",
         "unenroll me", "unsuscribe me", "unsubscribe me", "im out", "count me out",
         "desuscribir", "desuscribirme", "desuscribeme", "desinscribir", "desinscribirme",
         "fin", "terminar", "salir", "me salgo", "quitenme", "sacame", "sacanme", "borrenme",
         "retirarme", "cancelar todo", "cancelen todo", "detener todo", "end program",
         "cancelar suscripcion", "anular suscripcion", "cancelar mi suscripcion",
         "cancel subscription", "cancel my subscription", "stop everything", "stop all texts",
         "quiero salir", "ya no quiero", "no gracias ya no quiero", "enough", "ya basta",
         "no messages", "no texts", "no mensajes", "no msjs", "no reminders",
         "no recordatorios"],
        Command.STOP,
    ),
    **dict.fromkeys(
        ["start", "unstop", "yes", "y", "yeah", "yep", "yup", "si", "subscribe", "opt in",
         "optin", "comenzar", "empezar", "iniciar", "alta", "acepto", "i agree", "agree",
         "sure", "claro", "start again", "si acepto", "yes start",
         "begin", "strat", "statr", "satrt", "ssi", "si quiero", "yes i want to", "yes i do",
         "i want in", "suscribir", "suscribirme", "inscribirme", "darme de alta", "dar de alta",
         "sign me up", "enroll me", "subscribe me", "empezar otra vez", "comenzar de nuevo",
         "empezar de nuevo"],
        Command.START,
    ),
    **dict.fromkeys(
        ["help", "info", "ayuda", "information", "informacion", "help me",
         "hlep", "hepl", "halp", "ayudaa", "ayuda porfa", "menu", "options", "opciones",
         "instructions", "instrucciones", "support", "soporte", "commands", "comandos",
         "more info", "mas info", "mas informacion", "list of commands", "what are my options",
         "que opciones tengo", "que comandos hay", "keywords"],
        Command.HELP),
    **dict.fromkeys(
        ["resume", "reanudar", "unpause", "restart", "continue", "continuar", "reactivar",
         "resume again", "seguir", "reanuda",
         "resum", "rsume", "reume", "resme", "renaudar", "reanudr", "unmute", "unsnooze",
         "despausar", "un pause", "un pause me", "unpause me", "quitar pausa", "quitar la pausa",
         "quiten la pausa", "sigan", "continuen", "retomar", "resume messages", "resume msgs",
         "resume texts", "resume reminders", "go ahead and resume", "you can resume now",
         "you can resume", "pueden reanudar", "pueden seguir", "pueden continuar"],
        Command.RESUME,
    ),
}
_PLAIN_STOP = re.compile(
    r"\b(?:stop|quit|cease) (?:texting|messaging|sending|contacting|txting|msging|"
    r"emailing|calling|the (?:texts|messages|reminders|msgs)|all (?:the )?(?:texts|messages)|"
    r"these (?:texts|messages|reminders)|with the (?:texts|messages))"
    r"|\bno more (?:texts|messages|reminders|msgs|txts|sms|textos|mensajes|mensajitos)\b"
    r"|\bunsubscribe\b"
    r"|\b(?:dont|do not|never) (?:text|message|txt|contact|msg) me\b"
    r"|\b(?:remove|take) me (?:off|from)\b"
    # "please remove my number from this list", "borren mi número"
    r"|\b(?:remove|delete|take|erase|drop|scrub|unlist) (?:my|this|our) (?:phone )?(?:number|"
    r"cell|contact|details|info) (?:off|from|out of)\b"
    r"|\b(?:borr|quit|elimin|sac|saqu|dese?inscrib|dad de baja|den de baja)\w* (?:mi|este|"
    r"el) (?:numero|celular|telefono|contacto)\b"
    r"|\bopt (?:me )?out\b|\boptout\b"
    r"|\bcancel (?:my )?(?:subscription|the texts|the messages|the reminders|these)\b"
    r"|\b(?:deja|dejen|para|paren|deje|dejar|parar) de (?:enviar|mandar|escribir|textear)"
    r"|\bno (?:me )?(?:envies|mandes|manden|envien|escribas|escriban|mande|envie)"
    r"(?: mas)? (?:mensajes|textos|recordatorios|nada|mas)\b"
    r"|\bno mas (?:mensajes|textos|recordatorios|sms)\b"
    # not "darme de baja del gym" (leaving something else)
    r"|\b(?:dar|darme|den|denme|quiero) (?:de )?baja\b(?! (?:del?|de la|en el|en la) (?!programa\b|"
    r"servicio\b|coach\b|lista\b|los mensajes\b|mensajes\b|recordatorios\b|esto\b)\w+)"
    r"|\bya no (?:quiero|deseo) (?:recibir )?(?:mensajes|recordatorios|textos)"
    # "ya no quiero recibir estos mensajes", "i dont want these texts anymore"
    r"|\b(?:ya )?no (?:quiero|deseo|necesito|me interesa\w*) (?:recibir |seguir recibiendo |"
    r"que me (?:manden|envien|escriban|sigan mandando|sigan enviando|mandes|envies) |mas )?"
    r"(?:los |estos |esos |sus |tus |mas |ningun |ningunos |tantos )?(?:mensajes|recordatorios|"
    r"textos|sms|mensajitos)\b"
    r"|\b(?:dont|do not|no longer) (?:want|need|wish) (?:to (?:get|receive|be sent) |any more |"
    r"anymore )?(?:these |the |your |any |any more |more |those )?(?:texts|messages|reminders|"
    r"msgs|sms|txts)\b"
    r"|\b(?:borr|sac|saq|quit|elimin|dese?inscrib)\w*me de (?:la|su|esta|tu|sus|los) (?:lista|"
    r"mensajes|recordatorios|programa)"
)
# Asking for the messages back, in a sentence: "send me the reminders again",
# "vuelvan a mandarme los mensajes". Checked after every way of saying stop.
_PLAIN_RESUME = re.compile(
    r"\b(?:resume|restart|turn (?:back )?on|switch (?:back )?on) (?:the |my |your )?(?:texts|"
    r"messages|reminders)\b"
    r"|\b(?:send|sending|start sending) (?:me )?(?:the |my )?(?:texts|messages|reminders) again\b"
    r"|\b(?:vuelv\w*|volver) a (?:mandar|enviar)\w* (?:me )?(?:los )?(?:mensajes|recordatorios)"
    r"|\b(?:reanud|reactiv)\w* (?:los |mis )?(?:mensajes|recordatorios)"
)
_NOT_BEFORE_RESUME = frozenset({"dont", "do", "never", "no", "not", "stop", "nunca", "ni"})
_PAUSE = re.compile(
    r"^(?:pause|pausa|pausar|pausa(?:r)? los|snooze|hold)"
    r"(?: (?:reminders|messages|texts|everything|recordatorios|mensajes|it))?"
    r"(?: (?:for|por|durante|until|hasta))?"
    r"(?: (?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|couple of|"
    r"couple|few|un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|unos|unas)"
    r"(?: (?P<unit>[a-z]+))?| (?P<unit_only>day|week|month|dia|semana|mes|hour|hora|"
    r"weekend|tonight|today|hoy|manana|tomorrow))?$"
)
_PAUSE_INDEFINITE = re.compile(r"^(?:pause|pausa|pausar|snooze)(?: [a-z]+){0,3}$")
_COUNTS = {
    "a": 1, "an": 1, "one": 1, "un": 1, "una": 1, "uno": 1, "two": 2, "dos": 2, "three": 3,
    "tres": 3, "four": 4, "cuatro": 4, "five": 5, "cinco": 5, "six": 6, "seis": 6,
    "seven": 7, "siete": 7, "eight": 8, "ocho": 8, "nine": 9, "nueve": 9, "ten": 10,
    "diez": 10, "couple": 2, "couple of": 2, "few": 3, "unos": 3, "unas": 3,
}
_UNITS = {
    **dict.fromkeys(["m", "min", "mins", "minute", "minutes", "minuto", "minutos"],
                    timedelta(minutes=1)),
    **dict.fromkeys(["h", "hr", "hrs", "hour", "hours", "hora", "horas"], timedelta(hours=1)),
    **dict.fromkeys(["d", "day", "days", "dia", "dias", "tonight", "today", "hoy"],
                    timedelta(days=1)),
    **dict.fromkeys(["w", "wk", "wks", "week", "weeks", "semana", "semanas"],
                    timedelta(weeks=1)),
    **dict.fromkeys(["month", "months", "mes", "meses"], timedelta(days=30)),
    **dict.fromkeys(["weekend"], timedelta(days=2)),
    **dict.fromkeys(["tomorrow", "manana"], timedelta(days=1)),
}
# A carrier keyword as the first word, set off by punctuation or a dash, then more text:
# "PAUSE - going to hospital", "BAJA, ya no quiero nada", "STOP. my face is drooping".
# Never "stop twitching" or "the twitching won't stop": the keyword must come first and be
# followed by punctuation, not a word.
_LEADING = re.compile(
    r"^\W*(?P<word>stop|stopall|unsubscribe|unsub|cancel|quit|optout|revoke|baja|cancelar|"
    r"pause|pausa|pausar|snooze|resume|reanudar|unpause|unstop)\s*(?:[-,.:;!\u2013\u2014]|"
    r"\s-)+\s*\S"
)
_LEADING_COMMAND = {
    **dict.fromkeys(["stop", "stopall", "unsubscribe", "unsub", "cancel", "quit", "optout",
                     "revoke", "baja", "cancelar"], Command.STOP),
    **dict.fromkeys(["pause", "pausa", "pausar", "snooze"], Command.PAUSE),
    **dict.fromkeys(["resume", "reanudar", "unpause"], Command.RESUME),
    "unstop": Command.START,
}
_SPLIT_NUM = re.compile(r"(\d)([a-z])")
_RUNS = re.compile(r"([a-z])\1\1+")  # "stoooop", "baaaja": one letter
_NON_WORD = re.compile(r"[^a-z0-9]+")
MAX_COMMAND_CHARS = 200  # longer texts are never a bare keyword
# A clause that is only a keyword, set off by punctuation inside a longer reply: "pause for a
# week please, going on vacation", "I'm back, resume please", "ya volvi, reanudar por favor".
# STOP words count only in the first clause (a later "stop" is too often said to the twitch).
_CLAUSE_SPLIT = re.compile(r"[,.;!?\n\u2013\u2014]+|\s-\s")
_CLAUSE_RESUME = frozenset(
    {"resume", "reanudar", "reanuda", "reanuden", "reanude", "unpause", "restart", "continue",
     "continuar", "reactivar", "resume again", "reanudar mensajes", "resume messages",
     "resume texts", "resume reminders", "reanudar recordatorios"}
)
_CLAUSE_STOP = frozenset(
    {"stop", "stopall", "stop all", "unsubscribe", "unsub", "cancel", "quit", "optout",
     "opt out", "revoke", "baja", "dar de baja", "darme de baja", "cancelar"}
)


def _words(text: str) -> list[str]:
    return _folded_words(fold(text[: MAX_COMMAND_CHARS * 2]))


def _folded_words(folded: str) -> list[str]:
    folded = _RUNS.sub(r"\1", _SPLIT_NUM.sub(r"\1 \2", folded.replace("'", "")))
    return _NON_WORD.sub(" ", folded).split()


# Idioms with a command word in them are never the command: "pause for thought", "a pause
# for breath", "pausa para pensar".
_IDIOMS = re.compile(
    r"\b(?:pause|pausa)s? (?:for|para) (?:thought|breath|effect|reflection|reflexion|"
    r"pensar|reflexionar)\b",
    re.IGNORECASE,
)


def detect(text: str) -> tuple[Command | None, timedelta | None]:
    """The command in `text` and, for PAUSE, how long (None: until RESUME)."""
    text = _IDIOMS.sub(" ", text) if "aus" in text.lower() else text
    if len(text) <= MAX_COMMAND_CHARS:
        words = _words(text)
        core = _strip_filler(words)
        phrase = " ".join(core)
        if phrase in _WHOLE:
            return _WHOLE[phrase], None
        if " ".join(words) in _WHOLE:
            return _WHOLE[" ".join(words)], None  # "no mensajes": the filler is the point
        if not core and words and " ".join(words) in _WHOLE:
            return _WHOLE[" ".join(words)], None
        if len(set(core)) == 1 and core[0] in _WHOLE:
            return _WHOLE[core[0]], None  # "stop stop stop", "baja baja baja"
        paused = _pause(" ".join(w for w in words if w not in ("please", "pls", "plz")))
        if paused is not None:
            return Command.PAUSE, paused[0]
    all_words = " ".join(_words(text[:4000]))
    if len(text) <= MAX_COMMAND_CHARS:
        dated = _dated_pause(text, all_words)
        if dated is not None:
            return dated
        said = _said(text, all_words)
        if said is not None:
            return said
    plain_stop = _PLAIN_STOP.search(all_words)
    if plain_stop is not None and not commands_plain.described(
        all_words, plain_stop, fold(text[:MAX_COMMAND_CHARS])
    ):
        return Command.STOP, None
    if _PLAIN_START.search(all_words[: MAX_COMMAND_CHARS * 2]):
        return Command.START, None
    if _PLAIN_HELP.search(all_words[: MAX_COMMAND_CHARS * 2]) or (
        _PLAIN_HELP_VAGUE.search(all_words[: MAX_COMMAND_CHARS * 2])
        and not commands_plain.about_care(all_words.split())
    ):
        return Command.HELP, None
    leading = _LEADING.match(fold(text[:MAX_COMMAND_CHARS]))
    if leading is not None:
        return _LEADING_COMMAND[leading.group("word")], None
    in_clause = _clause_command(text[:MAX_COMMAND_CHARS])
    if in_clause is not None:
        return in_clause
    standalone = _standalone(text[:MAX_COMMAND_CHARS], all_words[: MAX_COMMAND_CHARS * 2])
    if standalone is not None:
        return standalone
    resume = _PLAIN_RESUME.search(all_words)
    if resume is not None and not _NOT_BEFORE_RESUME.intersection(
        all_words[: resume.start()].split()[-3:]
    ):
        return Command.RESUME, None
    return None, None


# Asking for a break from the messages in plain words, which counts as a pause only with a
# length or an end day (pause_until reads those): "no texts until monday", "hold the
# reminders for ten days", "no me manden mensajes hasta el lunes". Without one, "no more
# texts" stays a STOP.
_PAUSE_REQUEST = re.compile(
    r"\b(?:(?<!\bwithout a )(?<!\bsin )(?<!\bla )(?<!\buna )(?<!\bdid )(?<!\bi )"
    r"(?:pause|pausa)|pausar|pausen|pausame|"
    r"pausalos|pausad|snooze|hold|hold off|"
    r"put (?:the |my )?(?:texts|messages|reminders) on hold|"
    r"(?:take|taking|need|want) a break from (?:the |your |these )?(?:texts|messages|"
    r"reminders|coach)|"
    r"(?:no|stop|stop sending|stop the|hold the|no more) (?:the |your |my |any )?"
    r"(?:texts|messages|reminders|msgs|mensajes|recordatorios|textos)|"
    r"(?:dont|do not) (?:text|message|send) me|"
    r"(?:deja|dejen|para|paren|deje|dejar|parar|dejad) de (?:enviar|mandar|escribir)\w*|"
    r"no (?:me )?(?:envies|mandes|manden|envien|escribas|escriban|mande|envie)(?: mas)?|"
    r"(?:descanso|pausa) de (?:los )?(?:mensajes|recordatorios)|"
    r"(?<!non )(?<!wont )(?<!doesnt )(?<!never )(?<!not )(?:stop|para|parar|pare|paren) "
    r"(?:it |them |todo |los )?(?=until|till|til|hasta|for|por|durante))\b"
)
# Said while a pause is being asked for, these words mean the patient is done for good.
_FOR_GOOD = re.compile(r"\b(?:for good|forever|permanently|para siempre|nunca mas|never again)\b")


# Clauses for plain language: punctuation, and emoji too ("back 👋 resume").
_SAID_SPLIT = re.compile(r"[,.;!?\n\u2013\u2014]+|\s-\s|[^\x00-\x7f\u00a1-\u024f]+")


def _said(text: str, words: str) -> tuple[Command, timedelta | None] | None:
    """A command in plain language (commands_plain), with a pause's length if it names one."""
    if (_LEADING.match(fold(text)) or _LEAD_WITH_REASON.match(words)) and not (
        commands_plain.not_forever(words) or pause_until.find(text) is not None
    ):
        return None  # "STOP por ahora, going on a cruise": the keyword itself speaks
    folded = fold(text)  # once: folding is the slow part on accented text
    clauses = [_folded_words(part) for part in _SAID_SPLIT.split(folded) if part.strip()]
    said = commands_plain.plain(words, [c for c in clauses if c], folded)
    if said is None:
        return None
    command, dated = said
    if command is Command.HELP and "?" in text.rstrip("? "):
        # "how do i make these stop? just stop them please": what follows the question
        # may be the command itself
        rest = text[text.index("?") + 1 :]
        later, later_for = detect(rest) if rest.strip() else (None, None)
        if later is not None and later is not Command.HELP:
            return later, later_for
    if command is Command.PAUSE and dated:
        span = pause_until.find(text)
        if span is not None and span.unit in _FIXED_UNITS:
            return Command.PAUSE, _FIXED_UNITS[span.unit] * span.count
        return Command.PAUSE, None  # an end day or none: the inbound adapter resolves it
    return command, None


def _dated_pause(text: str, words: str) -> tuple[Command, timedelta | None] | None:
    request = _PAUSE_REQUEST.search(words)
    if request is None or _FOR_GOOD.search(words) or commands_plain.described(words, request):
        return None
    span = pause_until.find(text)
    if span is None:
        return None
    if span.unit in _FIXED_UNITS:
        return Command.PAUSE, _FIXED_UNITS[span.unit] * span.count
    return Command.PAUSE, None  # an end day: the inbound adapter resolves it with a clock


_FIXED_UNITS = {
    "minute": timedelta(minutes=1), "hour": timedelta(hours=1), "day": timedelta(days=1),
    "week": timedelta(weeks=1), "month": timedelta(days=30),
}
# Asking to come back after opting out: "sign me back up", "can i rejoin", "quiero volver a
# recibir los mensajes".
_PLAIN_START = re.compile(
    r"\b(?:sign|signing|put|add) me (?:back (?:up|on|in)|(?:up|on|in) again)\b"
    r"|^(?:please |pls |ok |yes )?sign me (?:up|in)(?: please| pls)?$"
    r"|\b(?:sign|add|put) me back\b"
    r"|\b(?:re ?join|re ?subscribe|re ?enroll|re ?enrol|opt (?:me )?(?:back )?in)\b"
    r"|\b(?:want|like|id like|wanna) to (?:join|start) (?:again|back)\b"
    r"|\b(?:quiero|quisiera|deseo|puedo) (?:volver a )?(?:inscribirme|unirme|apuntarme|"
    r"registrarme)(?: de nuevo| otra vez)?\b"
    r"|\b(?:inscribeme|apuntame|anotame|registrame|agregame|suscribeme) (?:de nuevo|otra vez)\b"
    r"|\b(?:quiero|quisiera|deseo) volver al programa\b"
    r"|\b(?:sign|signing) (?:back up|up again|up once more)\b"
    r"|\b(?:quiero|quisiera|deseo) (?:volver a )?recibir (?:los |sus |mis )?(?:mensajes|"
    r"recordatorios)(?: de nuevo| otra vez)?\b"
)
# Asking what the messages are for or how the programme works.
_PLAIN_HELP = re.compile(
    r"\b(?:what|whats|wat) (?:are|r|is) (?:these|this|the|your) (?:texts|messages|reminders|"
    r"msgs|text|message|service|program|programme|number) (?:for|about)\b"
    r"|\b(?:what|whats) (?:is )?(?:this|coach) (?:service|program|programme|number|app)\b"
    r"|\bwhat is coach\b|\bwhats coach\b"
    r"|\bhow (?:does|do) (?:coach|the program|the programme|this program|this service|"
    r"the texts|these texts|the messages|these messages|the reminders) work\b"
    r"|\bhow (?:does|do) (?:this|coach) (?:program |service )?work\b"
    r"|\bwho (?:is|are) (?:this|texting me|sending (?:me )?these)\b"
    r"|\bwhy (?:am i|do i keep|do i) (?:getting|receiving|get) (?:these|this|your|the) "
    r"(?:texts|messages|reminders)\b"
    r"|\bpara que (?:son|sirven|es) (?:estos|los|esos|este|el|sus) (?:mensajes|textos|"
    r"recordatorios|servicio|programa)\b"
    r"|\bcomo funciona (?:esto|el programa|este programa|coach|este servicio|el servicio|"
    r"lo de los mensajes)\b"
    r"|\bque es (?:coach|este servicio|este programa|este numero)\b"
    r"|\bquien (?:me )?(?:escribe|manda|envia) (?:estos|los) (?:mensajes|textos)\b"
    r"|\bpor que (?:me )?(?:llegan|mandan|envian|recibo) (?:estos|los) (?:mensajes|textos|"
    r"recordatorios)\b"
)

# Said of the service, unless the reply names the twitch or a treatment (commands_plain.CARE):
# "how does it work?" is HELP, "someone told me about a 20-20-20 thing, how does it work" and
# "my eyelid has this tiny flicker. What is this thing?" are questions about care.
_PLAIN_HELP_VAGUE = re.compile(
    r"\b(?:what|whats) (?:is )?this thing\b"
    r"|\bhow (?:does|do) (?:this|it) (?:thing )?work\b"
    r"|\bhow (?:does|do) this thing work\b"
)


def _clause_command(text: str) -> tuple[Command, timedelta | None] | None:
    parts = [part for part in _CLAUSE_SPLIT.split(text) if part.strip()]
    if len(parts) < 2:
        return None  # a one-clause message was read whole above
    for index, part in enumerate(parts):
        words = _words(part)
        core = " ".join(_strip_filler(words))
        if index == 0 and core in _CLAUSE_STOP:
            return Command.STOP, None
        if core in _CLAUSE_RESUME:
            return Command.RESUME, None
        if words and words[0] in ("pause", "pausa", "pausar", "snooze"):
            # Only a pause with nothing else in its clause ("pause 1 week", "pausa pls"), not
            # "pausa la musica".
            bare = " ".join(w for w in words if w not in _FILLER)
            if _PAUSE.match(bare):
                paused = _pause(bare)
                if paused is not None:
                    return Command.PAUSE, paused[0]
    return None


# A keyword set apart from the prose around it, anywhere in the reply. In capitals, a keyword
# reads as the keyword even mid-sentence ("... so PAUSE 7 days please", "START de nuevo, ya
# volvi"), but only in a reply that is not shouted whole, and at the end only after a clause
# break or a joining word, so "I can't make it STOP" stays prose.
_CAPS_KEYWORD = re.compile(
    r"(?<![A-Za-z])(?P<word>STOP|START|UNSTOP|PAUSE|PAUSA|RESUME|REANUDAR|BAJA|HELP|AYUDA)"
    r"(?![A-Za-z])"
)
_CAPS_COMMAND = {
    "STOP": Command.STOP, "BAJA": Command.STOP, "START": Command.START,
    "UNSTOP": Command.START, "PAUSE": Command.PAUSE, "PAUSA": Command.PAUSE,
    "RESUME": Command.RESUME, "REANUDAR": Command.RESUME, "HELP": Command.HELP,
    "AYUDA": Command.HELP,
}
_JOINERS = frozenset(
    {"so", "and", "then", "please", "pls", "plz", "just", "ok", "okay", "now", "y", "asi",
     "que", "entonces", "favor", "ya", "pues", "but", "pero"}
)
# What a leading capital keyword is never followed by: its object ("STOP twitching", "STOP
# my eye"), which makes it a plea to the symptom, not a command.
_KEYWORD_OBJECTS = frozenset(
    {"twitching", "twitch", "twitches", "it", "this", "that", "the", "my", "spasm", "spasms",
     "el", "la", "mi", "los", "las", "esto", "eso", "tic", "temblor", "me", "to", "a",
     "hurting", "moving", "jumping", "blinking"}
)
# A leading keyword (any case) then a word of time or return, often in the other language:
# "stop por ahora, going on a cruise", "start de nuevo", "stop for now, thanks".
_LEAD_WITH_REASON = re.compile(
    r"^(?P<word>stop|start|resume|reanudar|unstop|baja|pausa|pause)"
    r" (?:por ahora|for now|de nuevo|again|otra vez|for a while|for a bit|por un tiempo|"
    r"un tiempo|for the time being|for the moment|por el momento|mientras tanto|por unos dias)"
    r"(?: |$)"
)
_LEAD_REASON_COMMAND = {
    "stop": Command.STOP, "baja": Command.STOP, "start": Command.START,
    "unstop": Command.START, "resume": Command.RESUME, "reanudar": Command.RESUME,
    "pausa": Command.PAUSE, "pause": Command.PAUSE,
}
# A leading pause with a duration, then anything: "Pause for two weeks I'm on a long haul".
_PAUSE_LEAD = re.compile(
    r"^(?:pause|pausa|pausar|snooze)"
    r"(?: (?:reminders|messages|texts|everything|recordatorios|mensajes|it|los|todo))?"
    r"(?: (?:for|por|durante|until|hasta))?"
    r" (?:(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|couple of|"
    r"couple|few|un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|unos|unas)"
    r" (?P<unit>[a-z]+)|(?P<unit_only>day|week|month|dia|semana|mes|weekend|tonight|today|"
    r"hoy|manana|tomorrow))(?: |$)"
)
# A leading HELP then a question about the service itself: "HELP what's the care line
# number". Not "help me relax" or "help me understand my ratings": those ask for coaching.
_HELP_QUESTION = re.compile(
    r"^(?:help|ayuda|info)(?: please| pls| por favor| porfa)?"
    r" (?:what|whats|how|hows|who|where|wheres|when|which|is|can|do|does|que|como|cual|"
    r"cuales|donde|quien|cuando|hay|es)\b"
    r"(?: [a-z0-9]+){0,8}? (?:number|numbers|line|phone|call|contact|service|program|texts|"
    r"text|messages|message|reminders|app|nurse|operator|hotline|helpline|linea|numero|"
    r"telefono|llamar|contacto|servicio|programa|mensajes|recordatorios|coach)\b"
)


def _standalone(text: str, words: str) -> tuple[Command, timedelta | None] | None:
    paused = _PAUSE_LEAD.match(words)
    if paused is not None:
        step = _duration(paused)
        if step is not None:
            return Command.PAUSE, step[0]
    reason = _LEAD_WITH_REASON.match(words)
    if reason is not None:
        return _LEAD_REASON_COMMAND[reason.group("word")], None
    if _HELP_QUESTION.match(words):
        return Command.HELP, None
    if not any(ch.islower() for ch in text):
        return None  # a shouted reply: capitals say nothing
    first, last = None, None
    for match in _CAPS_KEYWORD.finditer(text):
        if first is None:
            first = match
        last = match
    if first is None or last is None:
        return None
    if not text[: first.start()].strip(" \t\"'*([{"):
        after = _words(text[first.end() :])
        word = first.group("word")
        if word in ("HELP", "AYUDA"):
            pass  # a leading HELP counts only with a question about the service (above)
        elif not after or after[0] not in _KEYWORD_OBJECTS:
            return _tail_command(word, after)
    before = _words(text[: last.start()])
    gap = text[: last.start()].rstrip()
    if before and before[-1] not in _JOINERS and not gap.endswith(tuple(".,;:!?-\n\u2013\u2014")):
        return None
    word = last.group("word")
    tail = _strip_filler(_words(text[last.end() :]))
    if word in ("PAUSE", "PAUSA"):
        pause_for = _pause(" ".join(["pause", *tail]))
        return (Command.PAUSE, pause_for[0]) if pause_for is not None else None
    if tail or word in ("HELP", "AYUDA"):
        return None  # a trailing cry of HELP is distress, read by the red-flag rules
    return _CAPS_COMMAND[word], None


def _tail_command(word: str, after: list[str]) -> tuple[Command, timedelta | None]:
    command = _CAPS_COMMAND[word]
    if command is Command.PAUSE:
        paused = _PAUSE_LEAD.match(" ".join(["pause", *after]))
        step = _duration(paused) if paused is not None else None
        return Command.PAUSE, step[0] if step is not None else None
    return command, None


def _strip_filler(words: list[str]) -> list[str]:
    start, end = 0, len(words)
    while start < end and words[start] in _FILLER:
        start += 1
    while end > start and words[end - 1] in _FILLER:
        end -= 1
    return words[start:end]


def _pause(phrase: str) -> tuple[timedelta | None] | None:
    match = _PAUSE.match(phrase)
    if match is None:
        if _PAUSE_INDEFINITE.match(phrase) and not re.search(r"\d", phrase):
            return (None,)
        return None
    return _duration(match)


def _duration(match: re.Match[str]) -> tuple[timedelta | None] | None:
    unit_only = match.group("unit_only")
    if unit_only:
        return (_UNITS.get(unit_only, timedelta(days=1)),)
    n, unit = match.group("n"), match.group("unit")
    if n is None:
        return (None,)
    count = int(n) if n.isdigit() else _COUNTS.get(n, 1)
    if unit is None:
        # "pause 2" most likely means hours? Nobody knows: make it the safer, shorter gap.
        return (timedelta(hours=count),) if n.isdigit() else None
    step = _UNITS.get(unit)
    if step is None:
        return None
    return (step * count,)
