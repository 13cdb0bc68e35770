"""English or Spanish? A vote of common words, used only when the caller does not know."""

from __future__ import annotations

from coach.core.triage.lexicon import word_set as _word_set

_ES = _word_set(
    """que el la los las de del y mi me tengo hoy muy pero con por para se es esta estoy
    ojo ojos cara dolor veo puedo un una hace dias dia bien mal gracias si ayuda baja pausa
    reanudar mas mensajes ningun ninguno nada mucho poco semana tambien porque cuando lado
    boca no_se hablar tragar respirar vista borrosa quiero siento parpado tic tics
    espasmo espasmos hola mejor peor todo cero uno dos tres cuatro cinco seis siete ocho
    nueve diez lleva llevo sin parar como eso esto ya al le lo su mama papa esposo esposa
    hijo hija"""
)
_EN = _word_set(
    """the i my is it and to a of in im can cant dont have today eye face pain not with
    this but so just very what if help stop yes you twitch twitching better day days
    feel feeling been was are had has its really bit little more less morning night
    zero one two three four five six seven eight nine ten out left right side"""
)
_SPANISH_MARKS = frozenset("ñ¿¡áéíóú")


def detect(tokens: list[str], raw: str) -> str:
    es = sum(1 for t in tokens if t in _ES)
    en = sum(1 for t in tokens if t in _EN)
    es += 2 * sum(1 for ch in raw[:2000] if ch in _SPANISH_MARKS)
    return "es" if es > en else "en"
