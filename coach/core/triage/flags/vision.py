"""Vision: blur, double or ghost images, a curtain or a grey patch, part of the view gone.

Patterns run on one clause of canonical tokens (normalize.py); see lexicon.py for gap().
"""

from __future__ import annotations

from coach.core.triage.lexicon import any_of, gap
from coach.core.triage.vocab.negation import FORMAL_TROUBLE, answered_badly

_WORDS_SEEN = any_of(
    "words", "text", "letters", "lines", "things", "everything", "images?", "pictures?", "tv",
    "screen", "faces", "people", "print", "writing", "signs?", "page", "it all", "objects",
    "the room", "room", "world", "numbers",
)
_EYE_WORD = any_of("eyes?", "vision", "sight", "eyesight")
_VISION_BAD = any_of(
    "dark", "black", "grey", "gray", "dim", "blank", "white", "blurry", "fuzzy", "foggy",
    "cloudy", "hazy", "misty", "smeary", "smudged", "smudgy", "milky", "out", "funny",
    "weird", "wavy", "wobbly", "shimmery", "shimmering", "double", "blotchy", "patchy",
    "grainy", "snowy", "static", "dull", "bright spots", "sparkly", "swimmy",
)
_EYE_AFTER = (
    r"(?! (?:strain|drops|twitch\w*|doctor|appointment|mask|cream|makeup|shadow|bags|liner|"
    r"lashes|area|patch|exam|test|infection|lid twitch))"
)

# English.
EN: tuple[str, ...] = (
    r"\bblur\w*",
    # the eye itself gone misty: "my eye has been misty all afternoon", "mine's gone cloudy"
    r"\b(?:eyes?|mine|mines|vision|sight) (?:(?:has|have|had|is|are|was|were|been|gone|going|"
    r"go|went|looks?|getting|got|keeps?|stays?) ){1,3}(?:all |so |really |a bit |kind of |kinda |"
    r"very )?(?:misty|milky|cloudy|foggy|hazy|smeary|smudgy|filmy|fogged up|steamed up)\b",
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
    r"\b(?:blur\w*|fuzzy|hazy|foggy|cloudy|misty|smeary|smudged|smudgy|dim|double|doubled|"
    r"wavy|distorted|out of focus|milky|filmy|patchy|warped|dark spots?|spots|shadows?|flashes|"
    r"sparkles|not clear|not sharp|grainy|dark) " + gap(2) + r"(?:out of|in|from|through|with) "
    r"(?:my |one |the |his |her |that |this )?(?:left |right |bad |good |other |one )?eye\b"
    + _EYE_AFTER,
    r"\b(?:board|whiteboard|chalkboard|blackboard|signs?|road signs?|street signs?|tv|telly|"
    r"screen|phone|book|books|menu|clock|subtitles|captions|headlights|cars|stairs|steps|"
    r"teachers?|everythings|stuff|photos?|map|computer|monitor|laptop|labels?|kerb|curb|"
    r"words|letters|text|numbers|faces|people|things|everything) " + gap(3) + r"(?:looks? |"
    r"looked |looking |seems? |seemed |appears? |appeared |is |are |was |were |went |gone |"
    r"all |kind of |kinda )?(?:doubled|double|in two|split|blurred|fuzzy|hazy|foggy|wavy|"
    r"wobbly|warped|distorted|out of focus|smeared|smudged|ghosted|shadowed|twice)\b"
    r"(?! (?:the|size|price|what|as|that|its|checked|booked|click\w*|parked|shift))",
    r"\b(?:sees|see|seeing|saw) (?:two|2|double) (?:of )?(?:everything|things|each|every|images|"
    r"pictures|copies|versions|moons|suns|tvs|screens|boards|teachers|faces|outlines|lines|"
    r"words|letters)\b",
    r"\b(?:cover\w*|clos\w*|shut\w*|squint\w*|hold\w* (?:a|his|her|my) hand over|hid\w*|tap\w*|"
    r"block\w*) (?:one|an|his|her|my|the) (?:\S+ )?eye (?:to|so (?:he|she|i) can|in order to|"
    r"when (?:he|she|i)|while (?:he|she|i)) (?:\S+ )?(?:see|read|watch|look|focus)",
    r"\bzig ?zag\w* (?:lines?|lights?|shapes?|patterns? (?:in|across|over) (?:my|his|her)|in "
    r"(?:my|his|her) (?:vision|eye|sight)|on the (?:left|right)|everywhere)",
    r"\b(?:shimmer\w*|sparkl\w*|flicker\w*|jagged|glitter\w*|flashing) (?:zig ?zags?|lines? "
    r"(?:in|across|over)|lights? in (?:my|his|her)|patches|crescents?|spots?|dots?)",
    r"\b(?:shimmer\w*|sparkl\w*|flicker\w*) (?:zig ?zag\w*|lines|edges)",
    r"\b(?:can|could) only see (?:half|the left|the right|one side|part|the top|the bottom)",
    r"\b(?:part|half|chunk|piece|bit|section|corner|side|edge|top|bottom|middle|center|centre) "
    r"of (?:my |the |his |her )?(?:vision|sight|eyesight|view|visual field) " + gap(2)
    + r"(?:is |are |went |was |has |seems |looks |keeps )?(?:missing|gone|dark|black|blank|cut "
    r"off|blurry|grey|gray|not there|blocked|blacked out|greyed out|fuzzy|weird|off|going)\b",
    r"\b(?:cant|cannot|couldnt|can barely|can hardly|hard to|trouble|struggl\w* to) (?:make "
    r"out|read|recogni[sz]e) (?:peoples |people\w* |the |any |my )?(?:faces|words|letters|signs|"
    r"street signs|the board|tv|screen|subtitles|text|numbers|clock|print|menu|phone|board)\b"
    r"(?! (?:without|in the dark|in dim|from (?:far|across)|at night|with(?:out)? (?:my )?"
    r"(?:glasses|readers|specs|lenses|contacts)))",
    r"\b(?:visual|vision|sight|eyesight) (?:disturbance\w*|changes?|loss|problems?|"
    r"symptoms?|impairment|field (?:loss|defect|cut))",
    # vision, sight, half the view "gone", said in any order or in fragments
    r"\b(?:vision|sight|eyesight|view) " + gap(4) + r"(?:is |was |has |have |just |totally |"
    r"completely )?(?:gone|went (?:out|dark|black|grey|gray|blank)|disappeared|vanished|"
    r"blacked out|greyed out|grayed out|blanked out|lost|missing|dark|black)\b(?! (?:circles|"
    r"mode|theme|humor|chocolate))",
    r"\b(?:lost|losing|lose|loss of) (?:the )?(?:vision|sight|eyesight|view) (?:in|on|of|from|"
    r"to) (?:the |my |his |her |one )?(?:left |right |one )?(?:half|side|eye|part)",
    r"\b(?:cant|cannot|couldnt|can not|unable to) see (?:anything |a thing |nothing )?(?:on|to|"
    r"from|out of|with) (?:the |my |his |her |one )?(?:left|right|one)(?: side| half| eye)?\b",
    r"\b(?:bump\w*|walk\w*|run\w*|crash\w*|knock\w*) (?:into|in to) (?:things|everything|stuff|"
    r"doors?|door ?frames?|walls?|people|furniture|the door ?frame) " + gap(2) + r"(?:on|to) "
    r"(?:the |my |his |her |one )?(?:left|right|one side)\b",
)
# Spanish.
ES: tuple[str, ...] = (
    r"\bve(?:o|s|mos|n)? " + gap(1) + any_of("doble", "borroso", "nublado", "mal",
                                              "luc\\w*", "destellos", "manchas",
                                              "todo doble", "dos"),
    r"\b(?:vista|vision) " + gap(1) + any_of("borrosa", "nublada", "doble", "rara",
                                             "mal", "oscura", "empanada", "turbia"),
    r"\bborros\w*",
    # never "no veo nada raro": nothing strange seen is a good report
    r"\bno veo " + any_of("bien", "de", "por", "con", "casi"),
    r"\bno veo nada(?! (?:rar[oa]s?|extran[oa]s?|diferente|distint[oa]|anormal|nuevo|malo|mal|"
    r"preocupante|especial|fuera de lo (?:normal|comun)|que me preocupe)\b)",
    r"\bperd\w* " + gap(1) + r"(?:la )?(?:vista|vision)",
    r"\bperdida de (?:la )?(?:vista|vision)",
    r"\bdestellos\b",
    r"\bceguera\b",
    r"\b(?:quede|me quede|estoy quedando|quedando) ciego",
    r"\b(?:se (?:me|le|te) )?nubl(?:a|an|o|aron|ada|ado|adas|ados|ando|e)\b " + gap(2)
    + r"(?:la |el |los |las |mi |mis )?(?:vista|vision|ojo|ojos)",
    r"\b(?:vista|vision|ojo|ojos) " + gap(3) + r"(?:se (?:me|le) )?(?:nubl\w*|empan\w*|"
    r"oscurec\w*|apag\w*|borr\w*|turbi\w*|nebulos\w*|lechos\w*|opac\w*|negr[oa]|gris|"
    r"oscur[oa]|en negro|fallando|falla|rar[oa]|doble|movid[oa]|chuec[oa]|distorsionad\w*)",
    r"\bse (?:me|le|te) (?:nubla|nublo|empana|empano|oscurece|oscurecio|puso negro|puso "
    r"gris|puso oscuro|pone negro|pone oscuro|apago|apaga|fue|va|borra|borro|va la vista|"
    r"desenfoca|desenfoco) " + gap(1) + r"(?:la |el |los )?(?:vista|vision|ojo|ojos|todo)",
    r"\b(?:cortina|sombra|mancha|nube|velo|telon|tela|nubosidad|niebla|bruma|neblina|punto|"
    r"puntos|zona|parte) (?:negr[oa]s?|oscur[oa]s?|gris\w*|blanc[oa]s?|ciega) ?" + gap(3)
    + r"(?:en|sobre|delante de|frente a|tapando|que tapa|por) (?:el |la |los |mi |mis |un )?"
    r"(?:ojo|ojos|vista|vision|campo)",
    r"\bcortina (?:negr[oa]|oscur[oa]|gris|que (?:baja|cae|sube|tapa)|en el ojo|sobre el "
    r"ojo|delante)",
    r"\b(?:como|tipo) (?:una |un )?(?:cortina|velo|telon|sombra|nube|niebla|neblina|vidrio "
    r"empanado|cristal empanado|vidrio sucio|cristal sucio)\b",
    r"\b(?:veo|ve|vemos|ven|veia|vi|viendo) " + gap(2) + any_of(
        "doble", "dobles", "borros\\w*", "nublad\\w*", "empanad\\w*", "turbi\\w*",
        "movid[oa]s?", "chuec[oa]s?", "ondulad[oa]s?", "torcid[oa]s?", "encimad[oa]s?",
        "fantasmas?", "sombras?", "manchas?", "puntos? (?:negros?|brillantes|de luz)",
        "luces", "lucecitas", "destellos", "rayos", "estrellitas", "moscas", "todo oscuro",
        "todo negro", "todo gris", "oscuro", "negro", "raro", "rara", "mal", "como a traves",
        "todo rar[oa]", "como en un tunel", "menos", "a medias", "solo la mitad",
        "la mitad", "como con niebla", "con niebla", "tubo", "tunel",
    ),
    r"\b(?:letras|palabras|lineas|renglones|imagenes|cosas|objetos|caras|pantalla|tele) "
    + gap(3) + any_of("se mueven", "bailan", "se juntan", "se enciman", "se duplican",
                      "se ven dobles", "dobles", "se ven doble", "borros\\w*",
                      "se desenfocan", "se ven rar\\w*", "se ven movid\\w*", "se doblan",
                      "ondulad\\w*", "torcid\\w*", "se deforman", "se ven borros\\w*"),
    r"\b(?:no (?:puedo|logro|consigo)|me cuesta|dificultad para) (?:ni )?enfocar",
    r"\bno (?:enfoco|enfocan|enfoca)\b",
    r"\bdesenfocad[oa]s?\b",
    r"\bvision (?:de )?tunel\b",
    r"\b(?:imagen|imagenes) (?:fantasma|doble|dobles)",
    r"\bmoscas volantes\b",
    r"\bno veo (?:por|con|del|de) (?:un|el|este|ese) (?:ojo|lado)",
    r"\bno (?:distingo|distingue|reconozco|reconoce|alcanzo a (?:ver|leer)|logro (?:ver|leer)|"
    r"enfoco) (?:bien )?(?:las |los |a las |a los )?(?:caras|letras|numeros|colores|rostros|"
    r"personas|letreros|senales|nada|gente)\b",
    r"\b(?:veo|ve|vemos|ven|veia|vi|viendo) " + gap(3) + r"(?:mancha|manchas|sombra|sombras|"
    r"puntos negros|punto negro|velo|nube|niebla)\b",
    # Spanish
    r"\b(?:todo|las cosas|la tele|el pizarron|el pizarra|la pizarra|el tablero|las letras|la "
    r"pantalla|la gente|las caras|el celular) (?:se (?:me |le )?)?(?:ve|ven|veia|veian|mira|"
    r"miran) (?:todo |como |muy |medio |bien )?(?:difus\w*|borros\w*|nublad\w*|empanad\w*|"
    r"turbi\w*|doble\w*|movid\w*|chuec\w*|oscur\w*|distorsionad\w*|desenfocad\w*|lechos\w*|"
    r"opac\w*|torcid\w*|ondulad\w*|encimad\w*|fantasma\w*|como (?:con|en|entre) niebla)",
    r"\b(?:difus[oa]s?|desenfocad[oa]s?) " + gap(2) + r"(?:del|de un|por el|con el|en el|de "
    r"mi) ojo",
    r"\b(?:ve|veo|ves|vemos|ven|veia|vi|viendo|se ve|se ven) (?:todo |como )?(?:difus\w*|"
    r"rayas|rayitas|lineas (?:en )?zig ?zag|zig ?zag\w*|lineas onduladas|luces en zig ?zag|"
    r"lineas quebradas)",
    r"\b(?:la )?(?:vista|vision) (?:se (?:me|le|te) )?(?:va|fue|iba|pierde|perdio|perdia|"
    r"desaparece|desaparecio|apaga|apago)\b",
    r"\b(?:se )?(?:tapa|tape|tapo|cubre|cierra|cierro|tapando|cerrando|cubriendo|entrecierra|"
    r"entrecierro) (?:un|el|uno de los|su|mi) ojo\w* (?:para|pa) (?:poder )?(?:ver|leer|mirar|"
    r"enfocar)",
    r"\b(?:letras|palabras|lineas|renglones|cosas|numeros|imagenes) " + gap(3) + r"(?:estan "
    r"|se estan |andan )?(?:bailando|brincando|saltando|moviendose|temblando|nadando|"
    r"encimandose|duplicandose)\b",
    r"\b(?:mitad|parte|lado|pedazo|cachito) (?:izquierd[oa] |derech[oa] |de arriba |de abajo )?"
    r"(?:de|del) (?:la |mi |su |el )?(?:vista|vision|campo visual|campo de vision)\b",
    r"\bchiribitas\b",
    r"\bno veo (?:un carajo|un pomo|un pito|ni jota|ni papa|un culo|ni madres|nada de nada)",
    r"\bno (?:veo|ve|vemos|ven|veia|veo nada|ve nada|vi) (?:nada |bien |casi nada |ni madres "
    r")?(?:del|por el|de un|en el|hacia el|de este|de ese|con el) (?:\S+ )?(?:lado|costado|"
    r"ojo)\b",
    r"\b(?:se (?:choca|choco|chocaba|tropieza|pega|golpea|da) |me (?:choco|tropiezo|pego|"
    r"golpeo|doy) )(?:con|contra) (?:todo|todas las cosas|las cosas|los muebles|las puertas|"
    r"la gente|las paredes|el marco)\b",
    r"\b(?:perdi|perdio|perdida de|pierdo|pierde|se me fue|se le fue|se me apago|se le apago) "
    r"(?:la )?(?:vista|vision) (?:de|del|en|por) (?:un|el|la|media|mitad|este) ?(?:\S+ )?"
    r"(?:lado|ojo|mitad)",
    r"\b(?:vista|vision) " + gap(3) + r"(?:se (?:me |le )?fue|desaparecio|apagada|negra|oscura|"
    r"perdida|en negro|borrada|nada|cero)\b",
)
# Either language: clinical words, Spanglish, checklist answers.
BOTH: tuple[str, ...] = (
    r"\b" + FORMAL_TROUBLE + r" (?:with|in|of|con|en|de la) (?:my |his |her |the |la |mi |"
    r"su )?"
    r"(?:vision|sight|eyesight|vista|vision)\b",
    r"\b(?:vision|sight|eyesight|vista|vision) " + gap(3) + r"(?:deteriorat\w*|declin\w*|"
    r"diminish\w*|decreas\w*|reduced|impaired|poor|poorer|failing|weaker|empeor\w*|"
    r"deterior\w*|disminu\w*|baj\w*)",
    r"\b(?:diplopia|scotoma\w*|escotoma\w*|hemianop\w*|amaurosis|photopsia\w*|fotopsia\w*)\b",
    r"\bd[ou]{1,2}b{1,2}le?d? (?:vision|sight)",
    answered_badly('vision', 'my vision', 'eyesight', 'sight', 'la vista', 'la vision', 'vista'),
)
PATTERNS: tuple[str, ...] = EN + ES + BOTH
