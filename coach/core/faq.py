"""Matching a patient's question to a vetted answer, or handing it to the care team.

Nearest neighbour over the paraphrases of every answer (both languages pooled: the encoder is
multilingual, so a Spanish question may land on an English paraphrase of the right answer).
An answer's score is its best paraphrase's cosine similarity. coach answers only when the best
answer's score reaches `threshold` AND beats the best other answer by `margin`: a wrong answer
is worse than no answer, so anything unsure goes to the care team.

Before any embedding, rules hand a question over whatever its score: a request for a
diagnosis ("do I have hemifacial spasm?"), a question about a specific medicine, supplement or
dose ("can I take magnesium?", "how many units of botox?"), a topic no answer covers named
outright ("how much does botox cost?"), and text that is not a question at all (a diary note
such as "worse after coffee" is not asking anything). Threshold and margin are per language.

Pure: numpy and an `Encoder` passed in; no database, web or queue.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from coach.core import question_gate

# Chosen on tests/data/faq/{tuning,blind,blind2,tuning3}.jsonl (`coach eval-faq --cv`;
# docs/faq.md has the figures and the rule). Per language: the encoder scores Spanish and
# English questions against the pooled paraphrases on different scales.
THRESHOLD = 0.55
MARGIN = 0.08
BY_LANG: dict[str, tuple[float, float]] = {"en": (0.51, 0.06), "es": (0.55, 0.06)}

class Encoder(Protocol):
    """A sentence encoder: one L2-normalised row per text."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


@dataclass(frozen=True)
class Policy:
    """When to answer: the best answer's score reaches `threshold` and beats the runner-up
    by `margin`; `by_lang` overrides both for a question in that language."""

    threshold: float = THRESHOLD
    margin: float = MARGIN
    by_lang: Mapping[str, tuple[float, float]] = field(default_factory=lambda: dict(BY_LANG))

    def for_lang(self, lang: str | None) -> tuple[float, float]:
        return self.by_lang.get(lang or "", (self.threshold, self.margin))


# Why a question was (not) answered; stored with each question for operators.
ANSWERED = "answered"
LOW_CONFIDENCE = "low_confidence"  # nothing close enough
AMBIGUOUS = "ambiguous"  # two answers about as close
DIAGNOSIS = "diagnosis"  # asks what the patient has
MEDICINE = "medicine"  # a specific medicine, supplement or dose
NOT_A_QUESTION = "not_a_question"
ELSEWHERE = "elsewhere"  # closest to a question the catalogue never answers
UNCOVERED = "uncovered"  # names a topic the catalogue never answers (costs, other conditions)

# The id under which `Index.build` keeps the decoys (questions never answered here).
DECOY = "_elsewhere"


@dataclass(frozen=True)
class Match:
    answer_id: str | None  # None: hand the question to the care team
    reason: str
    score: float = 0.0
    best_id: str | None = None  # the closest answer even when not given
    runner_up_id: str | None = None
    runner_up_score: float = 0.0

    @property
    def answered(self) -> bool:
        return self.answer_id is not None


def fold(text: str) -> str:
    """Lower case, accents folded, curly apostrophes straightened, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.split())


# Text-speak and common misspellings of question words, expanded before reading (by the
# question test and the encoder alike): "q es", "shud i", "wat is", "xq".
_TEXTSPEAK = {
    "q": "que", "k": "que", "ke": "que", "xq": "por que", "pq": "por que", "xk": "por que",
    "pk": "por que", "porq": "por que", "xque": "por que", "tb": "tambien", "tmb": "tambien",
    "u": "you", "r": "are", "ur": "your", "shud": "should", "shld": "should", "cud": "could",
    "wud": "would", "wat": "what", "wut": "what", "wht": "what", "waht": "what", "hw": "how",
    "hwo": "how", "doez": "does", "wen": "when", "wats": "whats", "watz": "whats",
    "bc": "because", "coz": "because", "cuz": "because", "b": "be",
}
_WORD = re.compile(r"[a-z0-9']+")


def expand(folded: str) -> str:
    """`folded` text with text-speak question words spelled out."""
    return _WORD.sub(lambda m: _TEXTSPEAK.get(m.group(0), m.group(0)), folded)


# Words that open a clause without changing what it asks: greetings, fillers, "btw".
_LEAD = (
    r"(?:(?:hi|hello|hey|hiya|hola|que onda|ok|okay|ok so|so|and|but|also|plus|btw|anyway|um|umm|"
    r"well|sorry|quick question|question|one more thing|unrelated but|random but|oye|oiga|"
    r"buenas|buenos dias|buenas tardes|buenas noches|doctor|doc|nurse|coach|y|pero|entonces|"
    r"tambien|otra cosa|pregunta|una pregunta|pregunta aparte|disculpe|perdon|mira|oigan|"
    r"ugh|uf|uff|ay|hmm|hm|argh|sigh|bueno|pues|wey|che|oe)"
    r"[ ,:]+)*"
)
# A clause that opens like a question. Auxiliaries need a subject after them ("can i",
# "is stress", "did the coffee"), so "can move everything fine", "did the break" and
# "will do" stay statements; Spanish "que", "como", "cuando" need a verb after them, so
# "que dolor", "como agujas" and "cuando descanso se calma" do too.
_SUBJECT = (
    r"(?:i|you|it|its|this|that|these|those|they|we|he|she|there|my|your|his|her|our|their|"
    r"the|a|an|any|anything|something|someone|anyone|people|stress|coffee|caffeine|tea|"
    r"alcohol|wine|beer|drinking|sleep|screens?|screen time|dry|eye|eyes|botox|surgery|"
    r"physio|physical|therapy|massage|heat|warm|exercise|exercises|relaxation|breathing|"
    r"meditation|twitching|twitch|spasms?|eyelid|medicine|medication|pills|lack|being|too|"
    r"massaging|rubbing|stretching|taking|drinking|using|getting|wearing|contact lenses|"
    r"stopping|cutting|less|more|energy|cola|soda|tiredness|fatigue|anxiety|worry|"
    r"decaf|red bull|treatment|facial|hemifacial|bells?|bell's|myokymia|twitches)"
)
_PRONOUN = r"(?:i|you|it|this|that|these|those|they|we|he|she|there|my|your|anyone|someone)"
# What follows "can", "will" in a report or a promise: "will do", "can move my face fine".
_STATEMENT_VERB = (
    r"(?:do|try|move|see|say|talk|speak|smile|whistle|swallow|breathe|close|open|feel|hear|"
    r"tell|let|keep|love|like|be|have|get|go|make|take|use|start|stop|call|text|send|check|"
    r"rate|report|update|sleep|eat|drink|read|work|only|still|hardly|barely|not|never|"
    r"definitely|probably|just|also|really|totally|always|already|def|prob|cant|t|n't|"
    r"give|put|wait|come|look|walk|run|blink|chew|shut|raise|lift|frown|whistle|write)"
)
_STARTS = re.compile(
    r"^" + _LEAD + r"(?:"
    # "what a day" exclaims; "whats a good way to rest my eyes" asks
    r"(?:whats|what's|what is) (?:a|an)\b"
    r"|(?:what|whats|what's|why|whys|which|who|whom|where|wheres|hows|how's)\b(?! a\b)"
    r"|how (?:long|often|much|many|do|does|did|can|could|should|would|will|is|are|to|come|"
    r"about|bad|serious|common|dangerous|soon|quickly|fast|far|else|exactly)\b"
    r"|(?:when|whens) (?:should|do|does|did|will|is|are|can|could|would|might|must|to|"
    r"would|it's|its|will)\b"
    r"|(?:at|in|from|by|to|for) what\b|after how (?:long|many)\b"
    r"|(?:is|are|does|isnt|arent|doesnt) (?!it's\b|its\b)\w"
    r"|(?:do|should|may|might|must|shall|am) " + _SUBJECT + r"\b"
    r"|do (?:medications|medicines|meds|drugs|pills|supplements|glasses|contacts|screens|"
    r"people|other|most|others|doctors|injections|shots|exercises|compresses)\b"
    r"|(?:can|could|will|would) " + _SUBJECT + r"\b"
    r"|(?:do|does) (?:\w+ ){1,4}(?:work|help|cause|make|affect|trigger|matter)\b"
    r"|(?:can|could|will|would|might) \w+(?: \w+)? (?:help|work|matter|hurt)$"
    r"|if i (?:\w+ ){1,6}(?:will|would|does|do|can|could|should) (?:it|this|that|the|my|i)\b"
    r"|si (?:\w+ ){1,6}(?:se (?:me )?(?:quita|quitara|va|ira|calma|calmara|mejora|pasa|"
    r"pasara)|mejora|mejorara|ayuda|ayudara|sirve|servira)$"
    r"|(?:esto|eso|lo que tengo|lo mio|el tic|los tics|el espasmo|este tic) (?:es|sera|seria) "
    r"(?:grave|peligroso|para siempre|permanente|normal|serio|malo|curable|contagioso|"
    r"preocupante|alarmante|de cuidado)$"
    r"|se (?:me )?va a (?:ir|quitar|pasar|curar|acabar|terminar)(?: solo| sola| algun dia)?$"
    # a Spanish yes/no question opens with its verb: "duelen las inyecciones de botox",
    # "sirven los masajes", "tiene peligro el temblor" (not "duele el ojo hoy": a body part
    # is a report; the subject here is a treatment, a habit or a danger)
    r"|(?:duele|duelen|sirve|sirven|funciona|funcionan|ayuda|ayudan|afecta|afectan|empeora|"
    r"empeoran|cuenta|cuentan|es (?:peligros[oa]|mal[oa]|segur[oa]|buen[oa])) "
    r"(?:el |la |los |las |un |una |tomar |usar |hacer |hacerse |ponerse )?(?:\w+ )?"
    r"(?:inyecc\w*|botox|toxina|cirugia|operacion|cafe|te|alcohol|vino|cerveza|pantallas?|"
    r"ejercicios?|masajes?|compresas?|panos?|pastillas?|medicamentos?|gotas|fisioterapia|"
    r"terapia|relajacion|respiracion|yoga|regla|descansos?|lentes)\b"
    r"|(?:tiene|hay) (?:algun )?(?:peligro|riesgo|cura)\b"
    r"|(?:can|could|will|would) (?!" + _STATEMENT_VERB + r"\b)[a-z]+ [a-z]+ [a-z]+"
    r"|(?:can|could) not \w+ing\b"
    r"|(?:was|were|has|have) " + _PRONOUN + r"\b"
    r"|did (?:i|you|we|they|he|she|anyone|someone|the doctor)\b"
    r"|(?:please |pls |can you |could you )?(?:explain|explicame|expliqueme|explicarme)\b"
    r"|(?:is|are) (?:it|this|that) (?:normal|ok|okay|bad|safe|serious|common|true|possible|"
    r"worth|likely|dangerous|permanent)\b"
    r"|any (?!more\b|longer\b|better\b|worse\b|less\b)[a-z]+\b"
    r"|(?:algun|alguna|algunos|algunas) (?:consejo|consejos|remedio|remedios|tip|tips|idea|"
    r"ejercicio|ejercicios|opcion|opciones|tratamiento|recomendacion|recomendaciones|forma|"
    r"manera|truco|trucos)\b"
    r"|(?:y si|and if|and what if)\b"
    r"|(?:eso|esto) (?:causa|causara|empeora|influye|afecta|provoca|puede|podria|tiene que ver|"
    r"sera|es normal|es malo|es grave|tendra|lo causa|lo empeora|lo provoca|me lo causa)\b"
    r"|(?:el|la|los|las) \w+(?: \w+){0,2} (?:sirve|sirven|funciona|funcionan|ayuda|ayudan|"
    r"afecta|afectan|influye|influyen)(?! mucho| bastante| un poco| harto)(?: (?:para|con|en|a|"
    r"el|la|los|las)\b.*)?$"
    r"|(?:sirve|sirven|ayuda|ayudan|conviene|funciona) \w+(?:ar|er|ir)(?:me|se|lo|la|le)?\b"
    r"|me puedo (?:dar|poner|tomar|hacer|untar|aplicar)\b"
    r"|puedo (?!mover|hablar|tragar|ver|cerrar|sonreir|silbar|respirar|caminar|levantar|abrir|"
    r"leer|dormir|sentir|comer|beber|parpadear|decir|pensar)\w+(?:ar|er|ir)(?:me|lo|la|le)?\b"
    r"|me (?:tengo que|debo|deberia) preocupar\b"
    r"|me (?:sirve|serviria|ayudaria|ayudara|convendria|conviene|recomienda|recomiendas|"
    r"recomiendan|explicas|explica|ensenas|ensena|ayudas|ayudan con)\b(?! mucho| bastante)"
    r"|any (?:tips|advice|ideas?|suggestions|way|chance|exercises|treatments?|medicine|"
    r"breathing|cure|help|recommendations|reason|thoughts|remedies|home remedies)\b"
    r"|anything (?:i|else|that|to|for|which|you)\b"
    r"|what about\b|what if\b|how about\b"
    r"|(?:a|en|con|por) (?:que|cual|cuanto|cuanta|quien)\b"
    r"|de que (?:sirve|sirven|se trata|depende)\b|para que (?:sirve|sirven|es|son)\b"
    r"|que (?:es|son|significa|significan|quiere decir|hago|hacer|puedo|podria|debo|deberia|"
    r"tengo que|hay|me|se|le|les|lo|la|causa|causan|provoca|provocan|produce|ayuda|ayudan|"
    r"sirve|sirven|tan|tanto|pasa|pasaria|tipo|tipos|opciones|tratamiento|tratamientos|"
    r"ejercicios|puede|pueden|otra|otras|otro|otros|recomienda|recomiendan|tal|esperar|"
    r"relacion|desencadena|empeora|mejora|hacen|haces|hace|cosas|alimentos|medicamentos?|"
    r"remedios?|tanto|sintomas|diferencia|riesgos|beneficios|senales)\b"
    r"|(?:por que|porque|cual|cuales|cuanto|cuanta|cuantos|cuantas|quien|quienes|"
    r"cada cuanto|hasta cuando|desde cuando|para cuando)\b"
    r"|(?:donde|adonde) (?:puedo|se|hay|queda|quedan|encuentro|consigo|compro|esta|estan|"
    r"busco|ir|voy|debo|llamo)\b"
    r"|como (?:se|me|te|le|lo|la|los|las|les|hago|hacer|puedo|podria|debo|deberia|es|son|"
    r"esta|funciona|funcionan|sirve|evito|evitar|quito|quitar|calmo|calmar|controlo|"
    r"controlar|alivio|aliviar|saber|se que|uso|usar|pongo|poner|preparo|reduzco|reducir|"
    r"relajo|relajar|paro|parar|detengo|detener|manejo|manejar|va|van|sera|seria|tengo que|"
    r"hay que|actua|trabaja|ayudo|ayuda|ayudan|cuido)\b"
    r"|cuando (?:debo|deberia|tengo que|hay que|es (?:una emergencia|emergencia|una urgencia|"
    r"urgencia|necesario|urgente|grave|hora|momento|"
    r"normal)|sera|puedo|llamo|ir|acudir|preocuparme|dejara|desaparece|desaparecera|"
    r"termina|terminara|va a|se va a|se me va a|se quita|se me quita|se cura|mejora|"
    r"mejorara|conviene|empieza a)\b"
    r"|es (?:lo mismo|asi|por|algo)\b"
    r"|(?:es|son|sera|seria|esta|estara) (?:normal|grave|peligroso|peligrosa|malo|mala|"
    r"serio|seria|comun|permanente|cierto|verdad|posible|bueno|buena|seguro|segura|"
    r"preocupante|necesario|recomendable|contagioso|hereditario|curable|para siempre)\b"
    r"|(?:sera|seria|sera que|tendra|tendran|tendria) (?:por|de|que|algo|el|la|los|las|"
    r"eso|esto)\b"
    r"|(?:hay|existe|existen) (?:algo|alguna|alguno|algun|algunos|algunas|tratamiento|"
    r"tratamientos|cura|remedio|remedios|medicina|medicinas|pastillas|ejercicios|forma|"
    r"medicamentos?|medicacion|inyecciones|terapias|tecnicas|opciones de|"
    r"manera|cirugia|operacion|riesgo|otra|otro|otras|otros|terapia|grupos?|alguien|opcion|"
    r"opciones|solucion)\b"
    r"|(?:se puede|se pueden|se cura|puedo|puede|pueden|podria|podrian|debo|deberia|"
    r"tengo que|me conviene|conviene|vale la pena|sirve|sirven|ayuda|ayudan|afecta|afectan|"
    r"influye|influyen|hace falta)"
    r" (?!mucho\b|bastante\b|un poco\b|harto\b|muchisimo\b)"
    r"(?:el|la|los|las|un|una|algo|esto|eso|que|de|con|para|a|me|se|le|lo|mi|mis|tomar|"
    r"tomarme|tomarlo|beber|usar|hacer|hacerme|ponerme|poner|seguir|dejar|comer|ir|manejar|"
    r"parar|evitar|reducir|cortar|bajarle|probar|intentar|"
    r"viajar|trabajar|el cafe|cafe|"
    r"estres|alcohol|botox|cirugia|fisioterapia|operarme|quitar|curar|mejorar|empeorar|"
    r"causar|provocar|ser)\b"
    r")"
)
# A request or a wondering that asks without a question's grammar.
_ASKS = re.compile(
    r"\b(?:i wonder|i was wondering|im wondering|i'm wondering|wondering|i want to know|"
    r"i wanna know|i'd like to know|id like to know|i would like to know|i need to know|"
    r"(?:i'd|id|i would) like to understand|i (?:want|need|wanna) to understand|"
    r"i'd love to know|need to know|want to know|curious (?:if|whether|about|what|how|why)|"
    r"i'm curious|im curious|any idea|anyone know|do you know|does anyone know|can you tell me|"
    r"could you tell me|can you explain|could you explain|please explain|pls explain|"
    r"tell me (?:about|more|what|how|why|if|"
    r"whether)|help me understand|help me (?:figure out|find out|know|work out|see)|"
    r"(?:ayudame|ayudeme|me ayudas|me ayuda) a (?:saber|entender|averiguar|ver|descubrir)|"
    r"i don't understand (?:what|why|how)|i dont understand "
    r"(?:what|why|how)|is it (?:normal|ok|okay|true|bad|safe|possible) (?:that|to|if|for)|"
    r"is that (?:normal|right|true|ok|okay|bad)|should i (?:be|worry|stop|see|try|avoid|cut|"
    r"quit|get|use|do|keep|go|call)|do i need to|what do i do|what should i do|"
    r"what can i do|"
    r"me pregunto|quiero saber|quisiera saber|queria saber|necesito saber|me gustaria saber|"
    r"quiero preguntar|queria preguntar|quisiera preguntar|tengo una duda|tengo la duda|"
    r"una duda|me (?:puede|podria|pueden|podrian|puedes|podrias) (?:decir|explicar|contar|"
    r"ayudar a entender|orientar|aconsejar|operar|recetar|repetir|dar|mandar|enviar|llamar|"
    r"ensenar)|me lo (?:puede|podria) explicar|expliqueme|explicame|explicarme|digame|dime|"
    r"(?:puede|pueden|podria|podrian) (?:causar|causarme|provocar|provocarme|dar|darme|"
    r"hacer que|empeorar|afectar|dejar|dejarme|ser)|va a (?:volver|durar|quitar|pasar|"
    r"regresar)|hot or cold|warm or cold|cold or hot|cold or warm|caliente o fria|"
    r"fria o caliente|frio o calor|calor o frio|tibia o fria|"
    r"saben si|sabe si|sabes si|alguien sabe|es normal que|sera normal|es verdad que|"
    r"es cierto que|que hago|que puedo hacer|que debo hacer|tienen (?:que|algo que) ver|"
    r"que (?:me|le|se) (?:puede|pueden|podria|podrian|recomienda|recomiendan|sugiere|"
    r"ofrece|ofrecen)|que (?:puedo|debo|deberia) (?:hacer|tomar|esperar)|"
    r"what (?:can|could|should|would|will) (?:i|you|they|the doctor|my doctor|a doctor)|"
    r"how (?:can|do|should) i|what does (?:that|it|this) (?:mean|do)|"
    r"do i (?:call|go|need|have to|ring|text|see|wait)|tiene cura|"
    r"(?:could|can|would|might) (?:that|this|it) be|is (?:that|this) (?:why|the reason)|"
    r"sera (?:eso|esto)|^sera\b|se (?:hereda|contagia|pega|"
    r"cura solo|quita solo|va solo|me va a quitar|va a quitar)|va a durar|"
    r"algun (?:consejo|remedio|tip|ejercicio)|alguna (?:idea|recomendacion|opcion)|"
    r"tiene (?:que|algo que) ver|relacion entre|(?:link|connection|relationship) between|"
    r"is there a (?:link|connection)|are (?:they|those|these) (?:related|connected|linked)|"
    r"(?:tiene|tienen|hay) (?:alguna )?relacion|"
    # a choice offered: "el te tambien cuenta o solo el cafe", "voy al medico o espero"
    r"(?:o|or) (?:solo|solamente|nada mas|mejor(?! dicho)|espero|me espero|debo|deberia|"
    r"tengo que|hay que|voy|sigo|just|only|should i|do i|wait|is it))\b"
)
# A question word closing a clause, as in a search: "warm compress how long",
# "espasmo hemifacial que significa", "eyelid twitch what is it", "dry eye twitch connection".
_TAIL = re.compile(
    r"(?:\b(?:what is (?:it|that|this)|what does (?:it|that|this) mean|what are they|"
    r"how long|how often|how many times|how much|how come|why|what now|"
    r"que significa|que es eso|eso que es|esto que es|que es|que esperar|que hay|cuanto tiempo|"
    r"cuanto dura|cada cuanto|como funciona|como se hace|como se usa|cuales|cual|por que|"
    r"connection|link|relacion|tienen que ver|o no|or not|what exactly|is what|meaning|"
    r"risks|timeline|prognosis|side effects|explained|definition|que tal|options|opciones|"
    r"efectos secundarios|efectos adversos|riesgos|que sigue|y ahora que|whats next|what next|"
    r"whats the difference|what is the difference|difference|cual es la diferencia|diferencia|"
    r"cuales hay|cuales existen|what kinds? (?:are there|exist)|"
    r"etapas|stages|fases|phases|"
    r"cuando se (?:me )?(?:pasa|quita|va|calma|acaba|termina)|"
    # a tag that turns the sentence into a question: "... o son ideas mias", "... or is it
    # just me", "... o no hace falta"
    r"(?:o|or) (?:son ideas mias|es idea mia|es mi imaginacion|me lo imagino|no hace falta|"
    r"no importa|no sirve|no tiene nada que ver|no tiene que ver|es un mito|es mito|"
    r"is it just me|am i imagining (?:it|things)|does it not matter|doesnt it matter|"
    r"is that a myth|is it a myth))$"
    r"|^(?:related|connected|linked|coincidence|relacionado|normal|es normal|sirve|funciona|"
    r"vale la pena|worth it)$)"
)
# Opinions and reports that end like a question word ("i think it's related") or carry
# a wondering word in passing ("not sure if it helped") are notes, not questions.
_HEDGE = re.compile(
    r"\b(?:i think|i guess|pretty sure|im sure|i'm sure|i know|probably|definitely|"
    r"not sure if|not sure whether|no se si|no sé si|creo que|seguro que|pienso que|"
    r"yo creo|segun yo|ya se)\b"
)
# A short query without a verb: "wine and eyelid twitching", "alcohol y tic en el ojo",
# "tecnicas de relajacion para el tic", "riesgos de la cirugia de descompresion".
_CONDITION = (
    r"(?:eye ?lid|eyes?|twitch\w*|twich\w*|spasms?|tics?|espasmos?|ojos?|parpados?|"
    r"temblor\w*|myokymia|mioquimia|hemifacial|palsy|paralisis|cara|face|facial)"
)
_QUERY_HEAD = re.compile(
    r"^" + _LEAD + r"(?:(?!your |my |the |these |those |his |her |our |their |tus |sus |mis |"
    r"los |las |el |la )\w+ ){0,2}(?:risks?|side effects|efectos (?:secundarios|adversos)|riesgos?|"
    r"options|opciones|techniques?|tecnicas?|tips|consejos|info|information|informacion|"
    r"remedies|remedios|causes|causas|difference|diferencia|benefits|beneficios|"
    r"self care|home remedies|common causes|things that|ways to|what to expect|"
    r"pros and cons|(?:treatments?|tratamientos?|exercises|ejercicios|relief|alivio|help|"
    r"ayuda) (?:for|para|contra|against))\b"
    r"(?: (?:of|for|de|para|del|with|con|after|despues|y|and|from|against|contra|"
    r"en|la|el|las|los|a|the|to|on|my|mi|\w+)){1,8}$"
)
_TOPIC = (
    r"(?:coffee|caffeine|tea|cola|soda|energy drinks?|red bull|wine|beer|alcohol|drinking|"
    r"stress|anxiety|sleep|tiredness|fatigue|screens?|screen time|computer|phone|dry eyes?|"
    r"contacts|botox|surgery|massage|heat|warm compress|cafe|cafeina|te|refresco|vino|"
    r"cerveza|estres|ansiedad|sueno|cansancio|pantallas?|computadora|celular|ojo seco|"
    r"ojos secos|lentes de contacto|cirugia|masaje|calor|compresas?)"
)
_PAIR = re.compile(
    r"^" + _LEAD + r"(?:(?:\w+ )?" + _TOPIC + r"(?: \w+){0,2} (?:and|y|&|vs|versus|\+) "
    r"(?:\w+ )?" + _CONDITION + r"(?: \w+){0,3}"
    r"|" + _CONDITION + r"(?: \w+)? (?:and|y|&|vs|versus|\+) (?:\w+ )?" + _TOPIC
    + r"(?: \w+){0,2})$"
)
# Words of a report: a note saying what happened is not a search query.
_REPORT = re.compile(
    r"\b(?:\d+|today|tonight|yesterday|this morning|this week|all day|again|did|done|had|"
    r"got|went|was|were|made|helped|helps|worked|working|felt|feel|feeling|better|worse|"
    r"good|great|bad|fine|ok|okay|calm|hoy|ayer|anoche|esta manana|esta semana|todo el dia|"
    r"otra vez|hice|tuve|tome|fue|fueron|ayudo|sirvio|funciono|mejor|peor|bien|mal|"
    r"tranquilo|tranquila|calmado)\b"
)
_VERDICT = re.compile(
    r"^" + _LEAD + r"(?:" + _TOPIC + r"|booze) (?:bad|good|ok|okay|safe|harmful|malo|mala|bueno|"
    r"buena) (?:for|para) (?:\w+ ){0,2}" + _CONDITION + r"$"
)
# A general statement about what does what to twitching, which in a text to a coach asks
# whether it is so ("el cafe empeora el tic del ojo", "dormir mal empeora los tics",
# "masajear la cara ayuda con el tic", "stress causes eye twitching", "los tics son graves
# alguna vez"). Only general ones: a personal word, a day, a number or a past tense makes
# it a note of what happened ("el cafe me empeora el tic", "coffee made my twitch worse").
_GENERAL_VERB = (
    r"(?:causa|causan|empeora|empeoran|provoca|provocan|produce|producen|desencadena|"
    r"desencadenan|afecta|afectan|influye|influyen|aumenta|aumentan|mejora|mejoran|alivia|"
    r"alivian|calma|calman|quita|quitan|cura|curan|da|dan|ayuda|ayudan|sirve|sirven|"
    r"funciona|funcionan|"
    r"(?:es|son|sera|seran) (?:bueno|buena|buenos|buenas|malo|mala|malos|malas|util|utiles|"
    r"recomendable|grave|graves|peligroso|peligrosa|peligrosos|normal|normales|comun|comunes|"
    r"permanente|para siempre|una opcion|opcion|lo mismo|seguro|segura)|"
    r"tiene cura|se (?:cura|curan|hereda)|(?:puede|pueden|podria) (?:durar|ser|causar|dar|"
    r"empeorar|provocar|volver|quitarse|curarse)|"
    r"(?:es|son) (?:un |una )?(?:desencadenante|desencadenantes|causa|causas|factor|detonante|"
    r"trigger|cause)|tiene riesgos|tienen riesgos|tiene efectos secundarios|"
    r"tiene complicaciones|has risks|is risky|are risky|"
    r"causes|cause|triggers|trigger|worsens|worsen|aggravates|affects|affect|"
    r"helps with|help with|relieves|relieve|is (?:bad|good|harmful|dangerous|serious) for|"
    r"are (?:bad|good|harmful|dangerous|serious) for|makes (?:\w+ ){0,3}worse|"
    r"make (?:\w+ ){0,3}worse|linked to|related to|connected to)"
)
_GENERAL = re.compile(
    r"^" + _LEAD + r"(?:\w+ ){1,7}?(?<!\bse )(?<!\bno )" + _GENERAL_VERB + r"\b(?: \w+){0,6}?"
    r"(?: (?:" + _CONDITION + r"|ojo|parpado|the eye|eye|eyes)\b(?: \w+){0,5})?$"
)
_PERSONAL = re.compile(
    r"\b(?:me|mi|mis|yo|nos|conmigo|i|my|me|im|i'm|ive|i've|mine|today|tonight|yesterday|"
    r"this morning|last night|this week|hoy|ayer|anoche|esta manana|esta semana|\d+|"
    r"fue|tuve|hice|tome|ayudo|sirvio|funciono|empeoro|mejoro|calmo|quito|helped|made|"
    r"worked|got|was|were|did|had|mucho|bastante|harto|muchisimo|a lot|so much|really|"
    r"siempre que|cada vez que|whenever|every time|when i|cuando|dice|dijo|dicen|dijeron|"
    r"says|said|told)\b"
)
_GENERAL_SUBJECT = re.compile(
    r"\b" + _CONDITION + r"\b|\b(?:ojo|ojos|parpado|the eye|eye|eyes|estres|stress|cafe|coffee|"
    r"caffeine|cafeina|sueno|sleep|dormir|alcohol|pantallas?|screens?|botox|toxina|cirugia|"
    r"surgery|masaje|masajear|calor|compresas?|relajacion|meditacion|meditar|respirar|"
    r"ejercicios?|exercises?|lagrimas|gotas|sequedad|cansancio|tea|te|vino|wine|celular|"
    r"phone|computadora|computer|medicacion|medicamentos?|medicines?|medication|pastillas|"
    r"fisioterapia|terapia|therapy)\b"
)


_TOPICS = ("caffeine", "stress", "sleep", "screens", "dry_eyes", "alcohol", "rule_20_20_20",
           "relaxation", "warm_compress", "face_exercises", "physical_therapy", "botox",
           "surgery", "medication")
# "darme masajes en la cara sirve", "hacer ejercicios faciales ayuda": an infinitive and a
# verdict verb closing the clause.
_DOING_WORKS = re.compile(
    r"^(?!super\b|ayer\b|mujer\b)\w+(?:ar|er|ir)(?:me|se|le|lo|la|les|los|las)?\b(?: \w+){0,5} "
    r"(?:(?:sirve|sirven|ayuda|ayudan|funciona|funcionan|vale la pena|conviene|es bueno|es malo)$|"
    r"(?:ayuda|ayudan|sirve|sirven) (?:a que|a|para)\b(?: \w+){1,5}$)"
)


def _general(clause: str) -> bool:
    """A general statement about twitching that asks whether it is so (see _GENERAL)."""
    clause = re.sub(r"\b20\W+20\W+20\b", "rule", clause)  # a name, not a number
    if len(clause.split()) > 14 or _PERSONAL.search(clause) or _HEDGE.search(clause):
        return False
    if _DOING_WORKS.match(clause) and not cues_of(clause).isdisjoint(_TOPICS):
        return True
    if _TOPIC_VERDICT.search(clause) and not cues_of(clause).isdisjoint(_TOPICS) and len(
            clause.split()) <= 9:
        return True  # "el botox es seguro", "la regla 20-20-20 funciona", "botox worth it"
    found = _GENERAL.match(clause)
    if found is None:
        return False
    if re.search(r"\b(?:desencadenantes?|causas?|factor|detonante|trigger|cause|riesgos|risks|"
                 r"risky|efectos secundarios|complicaciones)\b", clause) and not cues_of(
                     clause).isdisjoint(_TOPICS):
        return True  # "el estres es un desencadenante", "la operacion tiene riesgos"
    if re.search(r"\b" + _CONDITION + r"\b", clause) is None:
        return False
    # about the twitch and something else (a topic), or a verdict on the twitch itself
    return (
        len(_GENERAL_SUBJECT.findall(clause)) >= 2
        or not cues_of(clause).isdisjoint(_TOPICS)
        or _VERDICT_VERB.search(clause) is not None
    )


_TOPIC_VERDICT = re.compile(
    r"\b(?:(?:es|son|sera|seria) (?:seguro|segura|seguros|seguras|peligroso|peligrosa|"
    r"peligrosos|peligrosas|efectivo|efectiva|efectivos|eficaz|eficaces|arriesgad\w*|"
    r"riesgos\w*|doloroso|dolorosa)|(?:funciona|funcionan|sirve|sirven)$|vale la pena|"
    r"worth it$|worth trying|(?:is|are) (?:safe|dangerous|risky|effective)$)"
)
_VERDICT_VERB = re.compile(
    r"\b(?:(?:puede|pueden|podria) (?:durar|volver|quitarse|curarse|ser (?:grave|peligroso|"
    r"serio|permanente|para siempre))|"
    r"(?:es|son|sera|seran) (?:grave|graves|peligroso|peligrosa|peligrosos|normal|"
    r"normales|comun|comunes|permanente|para siempre)|tiene cura|se (?:cura|curan|hereda))\b"
)


# Asking without a question's grammar: a request for things to try, a search, a question
# the patient forgot to ask ("give me some things to try", "looking for relaxation
# exercises", "busco ejercicios de relajacion", "i forgot to ask what it is").
# Not knowing, which asks only when it is about the twitch or its care ("no se cuando ir al
# doctor", "not sure what causes it"; not "I dont know how to use this", "not sure what
# number to give").
_NOT_KNOWING = re.compile(
    r"\b(?:dudo si|no entiendo (?:por que|que|como|cuando|para que)|"
    r"no se (?:que hacer|que puedo|que debo|cuando|como|a quien|donde|por que|si debo|"
    r"si deberia|si tengo que|si hay que)|"
    r"not sure (?:what|when|how|why|where|who|which)|"
    r"(?:i )?(?:don't|dont|do not) (?:know|understand) (?:when|what|how|why|where|who|which|"
    r"if i should|whether i should)|"
    r"(?:i'm|im|i am) confused (?:about|as to|by)|"
    r"trying to (?:figure out|find out|understand|work out) (?:if|whether|what|why|how|when))\b"
)
_ABOUT_CARE = re.compile(
    r"\b(?:" + _CONDITION + r"|doctors?|medic[oa]s?|doctora?|causes?|causa\w*|provoca\w*|"
    r"grave|serious|dangerous|peligros\w*|triggers?|desencadena\w*|treat\w*|trat\w*|"
    r"myokymia|mioquimia|bells?|hemifacial)\b"
)
_REQUEST = re.compile(
    r"\b(?:give me|send me|tell me|show me|recommend|suggest|dame|deme|mandame|digame|"
    r"recomiendame|recomiendeme|sugiereme|looking for|searching for|search for|busco|"
    r"estoy buscando|ando buscando|necesito|i need|need|quisiera|quiero|want|would like|"
    r"any)\b (?:\w+ ){0,3}?(?:things to try|things i can do|something to try|ideas|tips|advice|"
    r"suggestions|recommendations|ways to|techniques|exercises|remedies|information|info|"
    r"help with|help for|consejos|ideas|recomendaciones|sugerencias|formas de|maneras de|"
    r"tecnicas|ejercicios|remedios|informacion|info|ayuda con|ayuda para|algo para|algo que)\b"
    r"|\b(?:(?:he|she|they|dad|mom|father|mother|husband|wife) (?:wants|wanted|would like|"
    r"needs) to know|(?:asked|wants) me to (?:ask|text|find out)|quiere saber|quieren saber|"
    r"queria saber|me pide que (?:le |les )?pregunte|me pidio que (?:le |les )?preguntara|"
    r"(?:an|a plain|a simple|a clear) explanation|una explicacion|explicacion (?:de|sencilla)|"
    r"show me|muestrame|ensename|ensename)\b"
    r"|\b(?:me interesa saber|me interesaria saber|queria consultar|quisiera consultar|"
    r"quiero consultar|quiero entender|quisiera entender|me gustaria entender|"
    r"(?:una )?pregunta sobre|(?:a )?question about|questions about|dudas? sobre|"
    r"(?:need|want|like|some|more|any|get|send|please|quiero|necesito|mas) "
    r"info(?:rmation|rmacion)? (?:about|on|sobre|de|del)|^info(?:rmation|rmacion)? "
    r"(?:about|on|sobre|de|del)|"
    r"me explican|me explicas|me explica|tengo curiosidad|me da curiosidad|"
    r"^hay que (?:ir al|ir a|consultar|preocuparse|llamar|operar|tratar)|"
    r"(?:please )?help (?:with|me with) (?:\w+ ){0,3}" + _CONDITION + r")\b"
    # a request that opens with what it asks for: "ideas de autocuidado para el parpado porfa",
    # "tips for eye strain pls"
    r"|^(?:ideas|tips|consejos|recomendaciones|sugerencias|some tips|algunos consejos) "
    r"(?:de|para|sobre|for|on|about|to)\b"
    r"|\b(?:forgot|forget|didnt|didn't|did not|never got to|was going to|wanted to|meant to) "
    r"(?:to )?ask (?:\w+ )?(?:what|how|why|if|whether|about)\b"
    r"|\b(?:no (?:le |les )?pregunte|se me olvido preguntar(?:le)?|olvide preguntar(?:le)?|"
    r"queria preguntar(?:le)?|no alcance a preguntar(?:le)?) (?:que|como|si|por que|cuanto|"
    r"cual|sobre|de)\b"
    r"|\b(?:hot|warm|caliente|tibia|tibio|tibios|calientes|calor) (?:\w+ ){0,2}(?:or|o) "
    r"(?:\w+ )?(?:cold|frio|fria|frios|frias|hielo|ice|hot|warm|caliente)\b"
    r"|\b(?:es|son|sera) (?:\w+ ){0,4}(?:o|or) (?:no|se quita|se va|se cura|desaparece|"
    r"solo|hay|es|son|tiene)\b"
    r"|\bhow (?:successful|effective|safe|risky|likely|painful|common|useful|helpful|"
    r"permanent|reliable|good|bad|quick|fast|long lasting) (?:\w+ )?(?:is|are|was|were|does|"
    r"do|can|will|would)\b"
    r"|(?:^|\b(?:rule|regla|exercises|ejercicios|surgery|cirugia|botox|spasm|espasmo|twitch|"
    r"tic|compress|compresa|hemifacial) )(?:explain|explained|explanation|explicacion|"
    r"explicame|expliqueme|please explain|meaning)$"
)


_CLAUSES = re.compile(r"[.!;:\n,()]+|\s-\s|\s(?:lol|lmao|haha+|jaja+|jeje+|btw|tbh)\s")


# A question that starts mid-sentence, as dictated or typed without punctuation: "i game 8
# hours a day could my monitor be making my eye twitch", "soy camionero y me pasa mucho, que
# suele provocar estos tics". Only interrogative shapes, so "that's what i thought" or "it
# started when i was driving" stay notes.
_MID_ASK = re.compile(
    r"\b(?:what (?:kind|kinds|sort|type|types|things|can|could|should|does|do|causes|helps|"
    r"sets|usually|would)|how (?:can i|do i|does|long does|long will|often|should i)|"
    r"why (?:does|do|is|am)|is (?:it|that|this|anxiety|stress|caffeine|coffee|eye strain|"
    r"screen time|alcohol|lack of sleep)(?: \w+){0,2} (?:related|the cause|the reason|linked|"
    r"connected|normal|serious|dangerous)|could (?:my|the|this|it|that)(?: \w+){0,2} be "
    r"(?:making|causing|the cause|the reason|why)|que (?:suele|puede|podria|debo|deberia|"
    r"lo) (?:provocar|causar|hacer|tomar|ayudar|calmar|provoca|causa)(?:lo|la|los|las|le|les)?|"
    r"hasta cuando|"
    r"cuando (?:se (?:me )?(?:va|quita|pasa)|va a))\b"
)


def looks_like_question(text: str) -> bool:
    """The question gate: the rules (`rules_say_question`), then the learned reader
    (coach.core.question_gate), which is trained on classes of lines rather than on
    sentences and recognises questions the rules have no shape for ("i game like 8 hours a
    day could my monitor be making my eye twitch"). Notes of what happened ("coffee made it
    worse today", "twitch 4 after 2 coffees") and one- or two-word topics ("stress") are
    neither."""
    if rules_say_question(text):
        return True
    return question_gate.asks(gate_text(text))


_LEADING = re.compile(r"^" + _LEAD)


def gate_text(text: str) -> str:
    """What the learned gate reads (at training too): folded, text-speak spelled out, the
    greetings and fillers that open it dropped ("q onda, me tiembla el ojo" reports)."""
    return _LEADING.sub("", expand(fold(text)).replace("’", "'"))


def rules_say_question(text: str) -> bool:
    """A question mark, a clause that opens or closes like a question, a wondering or a
    request ("wondering if coffee makes it worse", "necesito saber si..."), or a short query
    with no report in it ("wine and eyelid twitching"). Notes of what happened ("coffee made
    it worse today", "twitch 4 after 2 coffees") are none of these."""
    if "?" in text or "¿" in text:
        return True
    folded = expand(fold(text)).replace("’", "'")
    clauses = [c.strip() for c in _CLAUSES.split(folded) if c.strip()]
    for index, clause in enumerate(clauses):
        if clause.startswith(("porque ", "because ")) and index > 0:
            continue  # "..., porque no dormi": because, not why
        if _STARTS.match(clause):
            return True
        hedged = _HEDGE.search(clause) is not None
        if not hedged and (_ASKS.search(clause) or _TAIL.search(clause)):
            return True
        if not hedged and _MID_ASK.search(clause):
            return True
        if _VERDICT.match(clause):
            return True
        if not hedged and (_REQUEST.search(clause) or _general(clause)):
            return True
        if _NOT_KNOWING.search(clause) and (
            _ABOUT_CARE.search(clause) or not cues_of(clause).isdisjoint(_TOPICS)
        ):
            return True
        if not hedged and not _REPORT.search(clause) and len(clause.split()) <= 9 and (
            _QUERY_HEAD.match(clause) or _PAIR.match(clause)
        ):
            return True
    return False


_MARKS = re.compile(r"[?¿!¡]+")


def for_encoding(text: str) -> str:
    """What the encoder reads: folded, text-speak spelled out, without question or
    exclamation marks (the paraphrases have none, and "is it bad???" asks what "is it bad"
    asks)."""
    return " ".join(_MARKS.sub(" ", expand(fold(text))).split())


_CONDITIONS = (
    r"(?:bell'?s?|palsy|paralisis|hemi ?facial|myokymia|mioquimia|miokimia|blepharospasm|"
    r"blefaroespasmo|dystonia|distonia|tourette|multiple sclerosis|esclerosis|\bms\b|"
    r"parkinson|tumou?r|stroke|ictus|derrame|embolia|espasmo|spasm|tic)"
)
_DIAGNOSIS = (
    re.compile(r"\b(?:do|did|could|might|can|would) i (?:have|got|be having)\b(?! to\b)"),
    re.compile(r"\bhave i got\b"),
    re.compile(r"\b(?:am i|i am|im|i'm) (?:having|getting)\b.{0,20}" + _CONDITIONS),
    re.compile(r"\b(?:is|could|might|would) (?:this|it|mine|that|my \w+) (?:be )?"
               r"(?:a |an )?(?:case of |sign of |form of )?" + _CONDITIONS),
    re.compile(r"\b(?:tengo|tendre|tendria|tendra|padezco|sufro de)\b(?! que\b).{0,12}"
               + _CONDITIONS),
    re.compile(r"\blo mio\b"),
    re.compile(r"\b(?:sera|seria|es|puede ser) (?:esto|eso )?(?:un |una )?(?:caso de |"
               r"principio de |inicio de )?" + _CONDITIONS + r".{0,20}\b(?:lo que tengo|esto)\b"),
    re.compile(r"\bsera que (?:tengo|es)\b"),
    re.compile(r"(?:^|[^a-z ] ?)(?:sera|seria|puede ser|podria ser) (?:un |una |el |la )?"
               r"(?:caso de |principio de |inicio de )?" + _CONDITIONS),
    re.compile(r"\b(?:what do i have|what have i got|what is wrong with me|whats wrong with me|"
               r"what's wrong with me|diagnose me|can you (?:tell|say) (?:me )?(?:if|whether|what) "
               r"(?:this|it|i)|que tengo\b(?! que)|que es lo que tengo|que me pasa\b|"
               r"me puede decir (?:si|que) (?:tengo|es))"),
)

_DRUGS = (
    r"ibuprofen\w*|advil|motrin|tylenol|paracetamol|acetaminophen|aspirin\w*|naproxen\w*|"
    r"magnesi\w*|vitamin\w*|\bb ?12\b|\bb ?6\b|potassium|potasio|calcium|calcio|zinc|"
    r"supplement\w*|suplement\w*|clonazepam|klonopin|rivotril|carbamazepin\w*|tegretol|"
    r"gabapentin\w*|neurontin|baclofen\w*|lioresal|prednis\w*|steroid\w*|esteroid\w*|"
    r"cortison\w*|valacyclovir|valaciclovir|acyclovir|aciclovir|xanax|alprazolam|diazepam|"
    r"valium|lorazepam|melatonin\w*|benadryl|antihistamin\w*|antihistaminico\w*|"
    r"haloperidol|levetiracetam|keppra|topiramat\w*|propranolol|artane|trihexyphenidyl|"
    r"cbd|cannabis|marijuana|mota|weed|sertralin\w*|zoloft|fluoxetin\w*|prozac|"
    r"amitriptylin\w*|amitriptilin\w*|tramadol|ozempic|antibiotic\w*|antibiotico\w*|"
    r"quinine|quinina|tonic water|drops? (?:called|named)|visine|systane|clear eyes|genteal|"
    r"refresh tears|optive|hylo|complejo b|b complex|chamomile|manzanilla|valerian\w*|"
    r"herbal|hierbas|fish oil|omega ?3|aceite de pescado|ashwagandha|theanine|electrolyt\w*|"
    r"electrolit\w*|nyquil|zzzquil|unisom|dramamine|sumatriptan|metoprolol|losartan|"
    r"omeprazol\w*|metformin\w*|levothyrox\w*|eutirox|synthroid|adderall|ritalin"
)
_MEDICINE = (
    re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|ml|g|iu|ui|units?|unidades|u|pills?|"
               r"tablets?|tabs?|capsules?|capsulas?|pastillas?|tabletas?|gotas|drops)\b"),
    re.compile(r"\b(?:" + _DRUGS + r")"),
    re.compile(r"\b(?:brand|brands|marca|marcas)\b"),
    re.compile(r"\b(?:drops|gotas|lagrimas artificiales|artificial tears)\b.{0,40}"
               r"\b(?:which|cual|cuales)\b"),
    re.compile(r"\b(?:which|cual|cuales|what kind of|what type of|que tipo de) (?:\w+ ){0,2}"
               r"(?:drops|gotas|lagrimas|tears|pills|pastillas|cream|crema)\b"),
    re.compile(r"\b(?:dose|doses|dosage|dosing|dosis|dosificacion|double up|overdose|"
               r"how many units|cuantas unidades|how much (?:\w+ )?should i take|"
               r"how much can i take|cuanto (?:\w+ )?(?:debo|puedo) tomar)\b"),
    re.compile(r"\b(?:my|mis?) (?:meds|medication|medications|medicine|medicines|pills|"
               r"prescription|medicina|medicinas|medicamento|medicamentos|pastillas?|receta)\b"),
    re.compile(r"\b(?:stop|quit|skip|increase|decrease|lower|raise|change|dejar|suspender|"
               r"subir|bajar|aumentar|cambiar|doblar|duplicar) (?:taking |de tomar )?"
               r"(?:the |la |el |las |los |my |mi |mis )?(?:meds|medication|medicine|pills|"
               r"dose|medicina|medicamento|pastillas?|dosis)\b"),
)


# Topics no answer here covers, named outright: money and insurance, appointments and the
# service itself, pregnancy, driving and travel, contagion and heredity, other people's and
# animals' health, other body parts and other conditions. The encoder would put "how much
# does botox cost" next to the botox answer; a rule hands it over instead.
_UNCOVERED = re.compile(
    r"\b(?:"
    r"cost|costs|costing|price|prices|pricing|pay for|copay|co-pay|copays|deductible|"
    r"insurance|insured|medicare|medicaid|covered by|cover (?:it|botox|the|this|that)|"
    r"copago|(?<!me )(?<!le )(?<!te )(?<!nos )(?<!les )cuesta|cuestan|costo|costos|precio|"
    r"precios|cobran|cobra|pagar|"
    r"seguro (?:medico|cubre|me cubre)|mi seguro|el seguro|sin seguro|me (?:la|lo) cubre|"
    r"lo cubre|la cubre|imss|issste|"
    # who pays, by the payer's name: health plans and accounts in the US, Latin America, Spain
    r"cubre|cubren|coverage|covered(?! (?:with|in|up|by (?:a|my|the) (?:cloth|towel|patch)))|"
    r"reimburs\w*|reembols\w*|out of pocket|billing|bill me|"
    r"factura\w*|hsa|fsa|health plan|health savings|flexible spending|hmo|ppo|"
    r"eps|obra social|prepaga|isapre|fonasa|mutua|mutualista|sanidad publica|plan de salud|"
    # combining a procedure with another, or the same visit: planning, not what it is
    r"fillers?|rellenos?|acido hialuronico|hyaluronic|same (?:visit|appointment|day|time as)|"
    r"misma (?:cita|visita|sesion|vez)|mismo dia|al mismo tiempo|at the same time|"
    r"wrinkles?|arrugas?|cosmetic\w*|cosmetic[oa]s?|crow'?s feet|patas de gallo|"
    r"pharmacy|pharmacies|drugstore|farmacias?|venden|sells?|buy|comprar|"
    # how much caffeine a product holds: a nutrition fact, not what caffeine does
    r"(?:how much|how many mg of|mg of) caffeine|caffeine (?:content|is in)|"
    r"(?:cuanta|cuanto) cafeina|(?:mas|menos) cafeina que|more caffeine than|"
    r"less caffeine than|"
    # places and shopping: a topic word used for a place to go
    r"near me|nearby|cerca de (?:mi|aqui|aca|casa)|coffee shops?|cafeterias?|"
    r"where (?:can i|to) buy|donde (?:compro|comprar|venden)|"
    r"(?:next|change|cancel|book|make|schedule|move|when is|what time is) (?:my |an |the )?"
    r"(?:appointment|appt)|appointment (?:time|date)|reschedule|referral|doctor'?s note|"
    r"sick note|disability|opening hours|open on|waiting list|lista de espera|"
    r"(?:cambiar|cancelar|agendar|sacar|mover|pasar|es) (?:la |mi |una )?cita|proxima cita|"
    r"referencia|justificante|"
    r"incapacidad|horario|(?:a que hora|cuando|que dias|que dia) (?:abre|abren)|"
    r"(?:abre|abren) (?:los|el|hoy|manana|temprano)|password|contrasena|subscription|suscripcion|"
    r"the app|la app|real person|persona real|robot|a bot|"
    r"(?:who|which) (?:is|are|was) (?:my|our) (?:doctor|nurse|neurologist|specialist|"
    r"surgeon)s?|(?:quien|quienes|cual) (?:es|son|era) (?:mi|mis) (?:doctora?|medic[oa]|"
    r"enfermer[oa]|neurolog[oa]|especialista|cirujan[oa])s?|"
    r"pregnan\w*|breastfeed\w*|embaraz\w*|lactancia|amamant\w*|lactando|nursing|"
    r"(?:dar|dando|doy|da|de) (?:el )?pecho|(?:dando|doy|dar) de mamar|"
    r"cuanto (?:sale|me sale|me saldria|saldria|vale)|"
    r"(?:is|are) (?:the|my|this|that|your) (?:\w+ )?(?:surgeons?|doctors?|hospitals?|clinics?|"
    r"neurologists?|specialists?)(?: \w+){0,3} (?:any good|good|reliable|experienced)|"
    r"(?:buen|buena|bueno) (?:el |la )?(?:cirujano|doctor|doctora|medico|medica|hospital|"
    r"clinica|neurologo)|"
    r"esclerosis|sclerosis|parkinson\w*|epilep\w*|lupus|fibromialgia|fibromyalgia|"
    # what a patient may do around a procedure, where to get one, when the next one is: the
    # answers say what a treatment is, not how to plan one
    r"(?:(?:can|could|may|should|when can|how soon can) (?:i|you) (?:\w+ ){1,3}|"
    r"(?:puedo|podre|debo) (?:\w+ ){1,3}|cuanto tiempo |how long )"
    r"(?:after|before|despues de|antes de) (?:the |my |a |an |la |el |mi |una |un )?"
    r"(?:botox|injections?|shots?|surgery|operation|procedure|mvd|inyecc\w*|cirugia|"
    r"operacion|procedimiento|piquetes?)|"
    r"(?:where|donde) (?:\w+ ){0,3}(?:get|find|do|pongo|ponen|consigo|hacen|encuentro|"
    r"aplican)\b(?: \w+){0,3} (?:botox|injections?|surgery|surgeon|inyecc\w*|cirug\w*|"
    r"cirujano|operacion)|"
    r"find (?:a|an|the) (?:\w+ )?(?:surgeon|doctor|specialist|neurologist|physio\w*|"
    r"therapist)|encuentro (?:un|una|a un|a una) (?:\w+ )?(?:cirujano|doctor|especialista|"
    r"neurologo|fisio\w*|terapeuta)|"
    r"salon|spa|med ?spa|estetica|"
    r"(?:another|next|otra|otro|volver a poner\w*) (?:botox|injection|shot|inyeccion|"
    r"piquete|dosis)|(?:me pueden|puedo) volver a poner|"
    r"acupunct\w*|acupunt\w*|chiropract\w*|quiropract\w*|homeopat\w*|hypnosis|hipnosis|"
    r"mri|resonancia|ct scan|scan|tomografia|blood tests?|analisis de sangre|"
    r"makeup|maquill\w*|swim\w*|nadar|piscina|gym|gimnasio|sauna|"
    r"alzheimer\w*|dementia|demencia|"
    r"drive|driving|manejar|conducir|fly|flying|flight|plane|avion|"
    r"contagi\w*|catch it|hereditar\w*|genetic\w*|inherit\w*|"
    r"dog|dogs|cat|cats|pet|perro|perra|gato|gata|mascota|"
    r"my son|my daughter|my kids?|my child|my children|my baby|my toddler|kids|children|"
    r"mi hijo|mi hija|mis hijos|mi bebe|los ninos|ninos|"
    r"my back|lower back|back pain|espalda|knees?|rodillas?|legs?|piernas?|shoulders?|"
    r"hombros?|hair|pelo|cabello|"
    r"teeth|dientes|throat|garganta|heart|corazon|stomach|belly|panza|barriga|estomago|"
    r"skin|piel|"
    r"asthma|asma|diabetes|blood pressure|hypertension|presion (?:arterial|alta|baja)|"
    r"sube la presion|tension arterial|thyroid|tiroides|reflux|reflujo|snor\w*|ronca\w*|"
    r"restless legs|piernas inquietas|flu|gripa|gripe|a cold|resfriado|resfrio|tourette\w*|"
    r"trigeminal|neuralgia|weight|peso|diet(?! (?:coke|soda|pepsi|cola|drinks?))|dieta|"
    r"best (?:surgeon|doctor|neurologist)|mejor (?:cirujano|doctor|medico|neurologo)|"
    r"new glasses|eyes tested|eye test|graduacion|weather|clima|"
    r"migraines?|migranas?|headaches?|dolor de cabeza|jaqueca|vaccines?|vacunas?|flu shot|"
    r"covid|smok\w*|vape|vaping|vapear|fumar|cigarr\w*|cigarette\w*|sex|sexual|sunglasses|"
    r"lentes de sol|tinnitus|ringing in my ears?|zumbido|anemi\w*|kidneys?|rinones?|liver|"
    r"higado|cholesterol|colesterol|menopaus\w*|menstrua\w*|dentist|dentista|lawyer|abogado"
    r")\b"
)


def asks_uncovered(text: str) -> bool:
    return _UNCOVERED.search(fold(text)) is not None


# "the doctor said I have myokymia, what is it?" reports a diagnosis; it does not ask for one.
_REPORTED = re.compile(
    r"\b(?:(?:me )?(?:dijo|dice|dijeron|dicen|comento|explico|diagnostico|diagnosticaron)"
    r"(?: que)?(?: (?:tengo|tenia|es|era))?|(?:said|says|told me|diagnosed)(?: that)?"
    r"(?: i (?:have|had|got)| it'?s| it is| with)?)\b"
)


def asks_diagnosis(text: str) -> bool:
    folded = _REPORTED.sub(" ", expand(fold(text)))
    return any(p.search(folded) for p in _DIAGNOSIS)


def asks_specific_medicine(text: str) -> bool:
    folded = fold(text)
    return any(p.search(folded) for p in _MEDICINE)


# Words that say what a question is about, per answer, in both languages (folded, prefixes
# allowed). The encoder sees a sentence's overall shape and sometimes lands on a neighbour
# ("un pano caliente en el ojo es bueno para el temblor" nearest to dry eyes, "i drink a lot
# of tea" nearest to alcohol); these words check it. An answer about one thing (coffee,
# screens, botox...) is given only to a question that names that thing; a general answer
# (triggers, what helps, treatments) is not given when the question names just one of the
# specific answers under it (which of the two is meant is unclear); a definition (what
# eyelid twitching or hemifacial spasm is) is not given to a question about how long, how
# serious, when to seek care or one named trigger. Whatever these words rule out is handed
# over (reason `off_topic`), never switched to another answer.
_C = {
    "caffeine": r"caf\w*|cof+e+\w*|espresso|latte|cappuccino|"
                r"tea|teas|(?:un|el|del|de|tomar|beber|tomo|bebo|con) te|cola|coke|pepsi|soda|"
                r"sodas|refresco\w*|energy drinks?|energetica\w*|energizante\w*|red bull|"
                r"monster|mate|matcha|decaf|descafeinado",
    "stress": r"stress\w*|estres\w*|anxi\w*|ansie\w*|ansios\w*|nerv\w*|tension|tense|"
              r"overwhelm\w*|agobi\w*|preocupacion\w*|worr(?:y|ies|ying)|panic\w*|"
              r"burn ?out|angusti\w*|emotion\w*|emocion\w*|pressure at work",
    "sleep": r"sleep\w*|slept|insomni\w*|tired\w*|fatigu\w*|exhaust\w*|sueno|dormir|dormi\w*|"
             r"duerm\w*|desvel\w*|cansad\w*|cansancio|agotad\w*|agotamiento|trasnoch\w*|"
             r"bedtime|nap|naps|siesta|night shifts?|turnos? de noche|jet ?lag|rest|descans\w*|"
             r"late nights?|all ?nighters?|desvelad\w*|desvelo",
    "screens": r"screens?|pantallas?|computers?|computadora\w*|ordenador\w*|compu|laptops?|"
               r"phones?|celular\w*|movil\w*|telefono\w*|tablets?|monitor\w*|ipad|tv|tele|"
               r"television|video ?games?|videojuegos?|gaming|eye ?strain|vista cansada|"
               r"fatiga visual|reading|leer|lectura|blue light|luz azul|digital|pc|scrolling|"
               r"instagram|tiktok|netflix",
    "dry_eyes": r"dry\w*|secos?|secas?|sequedad|resecos?|resequedad|gritty|arenos\w*|"
                r"arena|sandy|tears?|lagrim\w*|lubricat\w*|drops|gotas|air ?con\w*|"
                r"aire acondicionado|wind\w*|viento|contacts|contact lens\w*|lentes de contacto|"
                r"lentillas|burning eyes|ardor|arde|ardor de ojos|itch\w*|picaz\w*|irritat\w*|"
                r"irrita\w*",
    "alcohol": r"alcohol\w*|wine|wines|beer\w*|booze|liquor|drunk|drinking alcohol|"
               r"(?:a few|some|couple of|too many|many|two|three|\d+) drinks|"
               r"(?:drink|drinking|beber|bebo|tomo)(?! (?:\w+ ){0,4}(?:coffee|tea|cola|soda|"
               r"water|energy|cafe|te|agua|refresco|leche|milk))|"
               r"hangover\w*|resaca|cruda|vino|vinos|cerveza\w*|chela\w*|copas?|tragos?|"
               r"tequila|whisk\w*|vodka|ron|rum|gin|cocktail\w*|coctel\w*|borrach\w*|"
               r"party|parties|fiesta\w*|night out|going out",
    "rule_20_20_20": r"20 ?20 ?20|twenty|screen ?breaks?|breaks?|pausas?|descans\w*|regla|rule|"
                     r"look away|looking away|mirar (?:a )?lo lejos|apartar la vista|"
                     r"rest (?:my|your|the) eyes|far away|distance|lejos",
    "relaxation": r"relax\w*|relaj\w*|breath\w*|respir\w*|meditat\w*|medit\w*|mindful\w*|"
                  r"yoga|inhal\w*|exhal\w*|unwind|destres\w*",
    "warm_compress": r"warm\w*|heat\w*|hot|caliente\w*|calor|calid\w*|tibi\w*|compress\w*|"
                     r"compresa\w*|panos?|panito\w*|towels?|toalla\w*|cloth\w*|trapo\w*|"
                     r"pads?|fomento\w*|cold|cool|frio|fria|frias|frios|hielo|ice|bolsa",
    "face_exercises": r"exercis\w*|ejercici\w*|massag\w*|masaj\w*|masajea\w*|stretch\w*|"
                      r"estira\w*|fingertips?|rub\w*|sobar|frotar|gimnasia|face yoga|"
                      r"yoga facial|workout\w*",
    "physical_therapy": r"physical therap\w*|physio\w*|fisio\w*|terap\w*|therap\w*|"
                        r"rehab\w*|biofeedback|kinesi\w*|pt",
    "botox": r"botox|botul\w*|toxin\w*|toxina|inject\w*|inyecc\w*|inyect\w*|shots?|"
             r"jabs?|pinchazo\w*|piquete\w*|dysport|xeomin",
    "surgery": r"surg\w*|cirug\w*|operat\w*|operacion\w*|operar\w*|opera|decompres\w*|"
               r"descompres\w*|mvd|microvascular|neurosurg\w*|neurocirujan\w*|quirurg\w*|"
               r"intervencion|procedure|procedimiento",
    "medication": r"medic(?:ine|ines|ation|ations|amento|amentos|acion|ina|inas|ado|ados)|"
                  r"meds|drugs?|pills?|pastilla\w*|tablets?|tableta\w*|pharma\w*|farmac\w*|"
                  r"recet\w*|prescri\w*|relaxants?|relajantes?|anticonvuls\w*|"
                  r"treatments? with",
    "bells_palsy_recovery": r"bells?|palsy|paralisis|paralysis|parálisis",
    "treatments": r"treat\w*|trat\w*|cur(?:e|es|ed|a|as|ar|arlo|arse|able)|options?|opcion\w*|"
                  r"doctors?|dr|medic\w*|clinic\w*|clinician\w*|specialist\w*|"
                  r"especialista\w*|neurolog\w*|fix\w*|arregl\w*|therap\w*|terap\w*|"
                  r"procedures?|procedimiento\w*|solutions?|solucion\w*|manag\w*|manej\w*|"
                  r"professional\w*|profesional\w*|hospital\w*|surg\w*|cirug\w*|botox|"
                  r"inject\w*|inyecc\w*|pills?|pastillas?|meds|medicines?|drugs?|"
                  r"(?:what|que) (?:else|mas|otra|otras|otro|otros)\b|else|besides|ademas|"
                  r"aparte|other than|fuera de",
    "how_long": r"how long|cuanto (?:tiempo|dura\w*|tarda\w*|va a)|last|lasts|lasting|"
                r"dura|duran|durar\w*|duracion|duration|forever|para siempre|permanen\w*|"
                r"go away|goes away|going away|went away|go on|goes on|keep \w+ing|"
                r"se (?:quita|va|pasa|cura|me quita|me va|me pasa|termina|acaba)|"
                r"quitar\w*|desaparec\w*|stop|stops|stopping|parar|pare|end|ends|termin\w*|"
                r"weeks?|months?|years?|days?|semanas?|meses|anos|dias|temporar\w*|chronic|"
                r"cronic\w*|hasta cuando|when will|cuando (?:se|va|dejara|terminara|mejorara)|"
                r"still|todavia|sigue|seguira|fade\w*|pass|get better|mejorar\w*|"
                r"heal\w*|sanar|curar\w*|normal again|back to normal|for good|de por vida|"
                r"for life|life ?long|toda la vida|irse|se (?:me )?va a ir|settle\w*",
    "is_serious": r"serious\w*|dangerous|danger|grave|graves|gravedad|peligro\w*|"
                  r"worr\w*|preocup\w*|scar(?:y|ed)|fear\w*|afraid|miedo|asust\w*|harmless|"
                  r"benign\w*|benign[oa]|inofensiv\w*|sign of|signo de|senal de|bad sign|"
                  r"mala senal|something (?:bad|worse|wrong|major|else|serious)|algo (?:malo|"
                  r"peor|grave|serio|mas)|cancer|tumou?r\w*|brain|cerebr\w*|stroke|derrame|"
                  r"concern\w*|alarm\w*|normal|anormal|freak\w*|panic\w*|bad|malo|mala|"
                  r"harm\w*|damag\w*|dano|danar|big deal|cuidado|preocupante|ignore|ignorar|"
                  r"mortal|fatal|deadly|kill\w*|life threatening|letal",
    "when_seek_care": r"doctors?|dr|doc|gp|physicians?|medic[oa]s?|doctora?s?|clinic\w*|"
                      r"hospital\w*|er|a&e|emergenc\w*|urgenc\w*|911|ambulanc\w*|"
                      r"see (?:someone|somebody|a|my|the)|seek\w*|get (?:it |this )?checked|"
                      r"checked|check ?up|revis\w*|consult\w*|acudir|ir (?:al|a|con)|go (?:to|in)|"
                      r"call|llam\w*|specialist\w*|especialista\w*|neurolog\w*|trip|"
                      r"when should i|cuando (?:debo|deberia|tengo que|hay que)|signs?|"
                      r"senales?|sintomas?|symptoms?|warning|red flags?|alarma\w*|worr\w*|"
                      r"preocup\w*|atencion|attention|care|professional\w*|profesional\w*|"
                      r"help|ayuda|look(?:ed)? at|examin\w*|revisen|me revise|get seen|"
                      r"be seen",
}
CUES: dict[str, re.Pattern[str]] = {
    answer_id: re.compile(r"\b(?:" + pattern + r")\b") for answer_id, pattern in _C.items()
}
# General answers and the specific answers under each.
GENERAL: dict[str, tuple[str, ...]] = {
    "triggers": ("caffeine", "stress", "sleep", "screens", "dry_eyes", "alcohol"),
    "what_helps": ("rule_20_20_20", "relaxation", "warm_compress", "face_exercises"),
    "treatments": ("medication", "botox", "surgery", "physical_therapy"),
}
# Definitions, and what a question about something else names.
DEFINITIONS = ("eyelid_twitching", "hemifacial_spasm")
_NOT_A_DEFINITION = ("how_long", "is_serious", "caffeine", "stress", "sleep", "screens",
                     "dry_eyes", "alcohol", "botox", "surgery", "medication")
_DEFINITION_ASKED = re.compile(
    r"\b(?:what|whats|que) (?:\w+ ){0,2}?(?:is|are|es|son|significa|means?|quiere decir)\b|"
    r"\b(?:mean|means|meaning|significa\w*|explain\w*|expli\w*|definition|definicion)\b"
)
OFF_TOPIC = "off_topic"  # the closest answer is about something the question does not name


def cues_of(text: str) -> frozenset[str]:
    """The answers whose words `text` names."""
    words = expand(fold(text)).replace("-", " ").replace("/", " ")
    return frozenset(a for a, pattern in CUES.items() if pattern.search(words))


def on_topic(answer_id: str, text: str) -> bool:
    """Whether the words of `text` allow giving it `answer_id` (see CUES)."""
    named = cues_of(text)
    if answer_id in GENERAL:
        folded = expand(fold(text))
        under = named.intersection(GENERAL[answer_id])
        besides = _BESIDES.search(folded) is not None
        if len(under) == 1 and not besides:
            return False  # "can coffee set it off" asks about coffee, not triggers at large
        others = {a for g, u in GENERAL.items() if g != answer_id for a in u}
        if named & others and not under and not besides:
            return False  # "meditar ayuda con el temblor" is not about triggers
        if _WHEN_TO_GO.search(folded):
            return False  # "when is it time to see a doctor" is not about treatments
        if answer_id == "what_helps" and _SELF_CARE_FAILED.search(folded):
            return False  # "if the home stuff doesnt work whats next": beyond self-care
        return answer_id not in CUES or answer_id in named
    if answer_id in DEFINITIONS:
        folded = expand(fold(text))
        if _CAUSE_ASKED.search(folded):
            return False  # "what sets it off" asks for its triggers, not what it is
        if _DEFINITION_ASKED.search(folded):
            return True
        return named.isdisjoint(_NOT_A_DEFINITION)
    if answer_id in CUES:
        if answer_id not in named:
            return False
        if _BESIDES.search(expand(fold(text))):
            return False  # "besides coffee, what else": the general answer is asked for
        if answer_id in GENERAL["triggers"]:  # "lack of rest and too much coffee"
            return named.isdisjoint(set(GENERAL["triggers"]) - {answer_id})
        return True
    return True


# When to go and see someone: the seek-care answer's question, not a general one's.
_WHEN_TO_GO = re.compile(
    r"\b(?:when|cuando|at what point|en que momento)\b(?: \w+){0,5} (?:see|go|call|visit|"
    r"ir|acudir|consultar|llamar|ver a)\b|"
    r"\b(?:need|needs|requires?|necesito|necesita|requiere)\b(?: \w+){0,2} (?:medical )?"
    r"(?:attention|care|a doctor|atencion|ver a un|ir al)\b"
)
# Self-care said to have failed: what helps at home is not the answer asked for.
_SELF_CARE_FAILED = re.compile(
    r"\b(?:doesnt|does not|dont|do not|didnt|did not|isnt|is not|not|no|nada|ya no) "
    r"(?:work|working|worked|help|helping|helped|funciona|funciono|sirve|sirvio|ayuda|ayudo)\b"
)
# What sets it off: a question about triggers, whatever else it names.
_CAUSE_ASKED = re.compile(
    r"\b(?:triggers?|triggering|desencaden\w*|sets? (?:it|them|this|that) off|set off|"
    r"what causes|what brings (?:it|this|them) on|que (?:lo |la |los |me lo |me la )?"
    r"(?:causa|provoca|dispara)|(?:lo|la) (?:causa|provoca|dispara))\b"
)
# "besides coffee what else", "ademas del cafe que otras cosas": not about the thing named.
_BESIDES = re.compile(
    r"\b(?:besides|apart from|other than|aside from|except|ademas de|ademas del|aparte de|"
    r"aparte del|fuera de|fuera del|excepto|what else|anything else|que mas|que otras?|"
    r"que otros?|otras cosas|other things|something else|algo mas)\b"
)


@dataclass(frozen=True)
class Index:
    """Paraphrase embeddings of every answer: row i of `vectors` belongs to `ids[labels[i]]`."""

    ids: tuple[str, ...]
    labels: np.ndarray  # (P,) int
    vectors: np.ndarray  # (P, D) float32, rows L2-normalised

    @classmethod
    def build(
        cls,
        paraphrases: Mapping[str, Sequence[str]],
        encoder: Encoder,
        decoys: Sequence[str] = (),
    ) -> Index:
        groups = dict(paraphrases)
        if decoys:
            groups[DECOY] = list(decoys)
        ids = tuple(groups)
        texts: list[str] = []
        labels: list[int] = []
        for i, answer_id in enumerate(ids):
            for text in groups[answer_id]:
                texts.append(for_encoding(text))
                labels.append(i)
        if not texts:
            raise ValueError("an FAQ index needs at least one paraphrase")
        vectors = _normalised(encoder.encode(texts))
        return cls(ids=ids, labels=np.asarray(labels, dtype=np.int64), vectors=vectors)

    def answer_scores(self, vectors: np.ndarray) -> np.ndarray:
        """(Q, A): for each question, each answer's best paraphrase similarity."""
        sims = vectors @ self.vectors.T  # (Q, P)
        out = np.full((sims.shape[0], len(self.ids)), -1.0, dtype=np.float32)
        for i in range(len(self.ids)):
            out[:, i] = sims[:, self.labels == i].max(axis=1)
        return out


def _normalised(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1.0, norms)


def rule_reason(text: str, *, require_question: bool = True) -> str | None:
    """The rule that hands `text` over before any matching, if one does."""
    if not text.strip():
        return LOW_CONFIDENCE
    if require_question and not looks_like_question(text):
        return NOT_A_QUESTION
    if asks_diagnosis(text):
        return DIAGNOSIS
    if asks_specific_medicine(text):
        return MEDICINE
    if asks_uncovered(text):
        return UNCOVERED
    return None


def match_many(
    texts: Sequence[str],
    index: Index,
    encoder: Encoder,
    policy: Policy | None = None,
    *,
    require_question: bool = True,
    langs: Sequence[str | None] | None = None,
) -> list[Match]:
    """One `Match` per text, in order; the texts the rules do not settle are encoded at once.
    `langs` (one per text) picks each text's threshold and margin."""
    policy = policy or Policy()
    results: list[Match | None] = []
    pending: list[int] = []
    for i, text in enumerate(texts):
        reason = rule_reason(text, require_question=require_question)
        results.append(None if reason is None else Match(answer_id=None, reason=reason))
        if reason is None:
            pending.append(i)
    if pending:
        scores = question_scores([texts[i] for i in pending], index, encoder)
        for row, i in enumerate(pending):
            results[i] = decide(scores[row], index.ids, policy,
                                lang=langs[i] if langs is not None else None, text=texts[i])
    return [r for r in results if r is not None]


_SENTENCES = re.compile(r"(?<=[.?!])\s+|[\n¿]+")
FOCUS_MIN_WORDS = 16  # a message this long is also read by its question sentences alone
FOCUS_MIN_ASKING = 6  # ... when they say enough on their own


def focus(text: str) -> str | None:
    """The sentences of a long message that ask something, without the story around them
    ("I started night shifts and barely sleep. My eyelid twitches. Is not sleeping enough
    behind it?" -> "Is not sleeping enough behind it?"), or None when that is the whole."""
    if len(text.split()) < FOCUS_MIN_WORDS:
        return None
    sentences = [p.strip() for p in _SENTENCES.split(text) if p and p.strip()]
    asking = [p for p in sentences if looks_like_question(p)]
    if not asking or len(asking) == len(sentences):
        return None
    found = " ".join(asking)
    # "What is this thing?" or "¿es grave?" alone says less than the story around it
    return found if len(found.split()) >= FOCUS_MIN_ASKING else None


def question_scores(texts: Sequence[str], index: Index, encoder: Encoder) -> np.ndarray:
    """(Q, A): each answer's score for each text; a long message scores as the better of the
    whole and its asking sentences (`focus`), so a story around a question does not drown
    it."""
    focused = [focus(t) for t in texts]
    whole = [for_encoding(t) for t in texts]
    extra = [for_encoding(f) for f in focused if f is not None]
    vectors = _normalised(encoder.encode(whole + extra))
    scores = index.answer_scores(vectors)
    out = scores[: len(texts)].copy()
    row = len(texts)
    for i, f in enumerate(focused):
        if f is not None:
            out[i] = np.maximum(out[i], scores[row])
            row += 1
    return out


def match(
    text: str, index: Index, encoder: Encoder, policy: Policy | None = None,
    *, require_question: bool = True, lang: str | None = None,
) -> Match:
    return match_many([text], index, encoder, policy, require_question=require_question,
                      langs=[lang])[0]


def decide(
    scores: np.ndarray, ids: Sequence[str], policy: Policy, *, lang: str | None = None,
    text: str | None = None,
) -> Match:
    """The answer for one question's per-answer scores, or a hand-over; with `text`, an
    answer its words do not allow (`on_topic`) is handed over too."""
    order = np.argsort(-scores)
    best = int(order[0])
    second = int(order[1]) if len(order) > 1 else None
    best_score = float(scores[best])
    second_score = float(scores[second]) if second is not None else -1.0
    def result(answer_id: str | None, reason: str) -> Match:
        return Match(
            answer_id=answer_id,
            reason=reason,
            score=best_score,
            best_id=ids[best],
            runner_up_id=ids[second] if second is not None else None,
            runner_up_score=second_score,
        )

    if ids[best] == DECOY:
        return result(None, ELSEWHERE)
    threshold, margin = policy.for_lang(lang)
    if best_score < threshold:
        return result(None, LOW_CONFIDENCE)
    if best_score - second_score < margin:
        return result(None, AMBIGUOUS)
    if text is not None and not on_topic(ids[best], text):
        return result(None, OFF_TOPIC)
    return result(ids[best], ANSWERED)


@dataclass(frozen=True)
class Labelled:
    text: str
    lang: str
    answer: str | None


@dataclass(frozen=True)
class Score:
    """How a labelled set fared: right = the labelled answer given, or a hand-over when the
    label is null; handed_over = a covered question handed over (safe, not counted wrong);
    wrong = an answer given that is not the label (the failure that matters)."""

    total: int
    right: int
    handed_over: int
    wrong: int

    @property
    def right_or_handover(self) -> float:
        return (self.right + self.handed_over) / self.total if self.total else 0.0

    @property
    def wrong_rate(self) -> float:
        return self.wrong / self.total if self.total else 0.0


def score(items: Sequence[Labelled], matches: Sequence[Match]) -> Score:
    right = handed = wrong = 0
    for item, found in zip(items, matches, strict=True):
        if found.answer_id == item.answer:
            right += 1
        elif found.answer_id is None:
            handed += 1
        else:
            wrong += 1
    return Score(total=len(items), right=right, handed_over=handed, wrong=wrong)
