"""Time words for the prolonged-spasm rule: duration units, multi-day phrases, and words that
make a spasm intermittent or tied to a situation ("when I read"), in English and Spanish."""

from __future__ import annotations

DURATION_UNITS_EN: dict[str, int] = {
    "day": 1, "days": 1, "week": 7, "weeks": 7, "wk": 7, "month": 30, "months": 30,
    "year": 365, "years": 365, "d": 1, "w": 7,
}
MULTI_DAY_EN = (
    r"\b(?:all|whole|entire|this whole|the whole|past|last) (?:week|weekend|month)\b",
    r"\bsince (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|last|the weekend|"
    r"the other day|the start|sunday)\b",
    r"\bfor (?:days|weeks|months|ages)\b",
    r"\b(?:days|weeks|months) (?:now|on end|straight|in a row)\b",
    r"\b(?:a|one|another) (?:week|month|fortnight)\b",
    # a date as the start: "since the 10th", "since march 3rd", "since 3 / 10", "since the 2nd
    # of the month" (a day of the month is days ago on any reading but today's)
    r"\bsince (?:the )?\d{1,2}(?:st|nd|rd|th)\b",
    r"\bsince the \d{1,2}\b",
    r"\bsince (?:the )?\d{1,2} / \d{1,2}\b",
    r"\bsince (?:the start of |early |the beginning of )?(?:jan|feb|mar|apr|jun|jul|aug|sep|"
    r"sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|"
    r"november|december)\w*(?: \d{1,2}(?:st|nd|rd|th)?\b)?",
    r"\bsince may \d{1,2}(?:st|nd|rd|th)?\b",  # not "since may i ask"
)
INTERMITTENT_EN = (
    r"\b(?:on and off|off and on|comes and goes|come and go|sometimes|now and then|"
    r"here and there|occasional\w*|every now|once in a while|better|improving|gone|"
    r"stopped|free|less|went away|eased|calmer)\b"
)
SITUATIONAL_EN = r"\b(?:when|whenever|while|during|after|every time|everytime|if)\b"

DURATION_UNITS_ES: dict[str, int] = {
    "dia": 1, "dias": 1, "semana": 7, "semanas": 7, "mes": 30, "meses": 30, "ano": 365, "anos": 365,
}
MULTI_DAY_ES = (
    r"\b(?:toda|todo) (?:la|el) (?:semana|mes|fin de semana)\b",
    r"\bdesde el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|fin|finde)\b",
    r"\bdesde (?:la semana pasada|el mes pasado|hace dias|hace semanas)\b",
    r"\b(?:por|durante|hace) (?:dias|semanas|meses)\b",
    r"\b(?:una|otra) semana\b",
    r"\bun mes\b",
    r"\bvarios dias\b",
    # a date as the start: "desde el 10", "desde el dia 3", "desde el 3 de marzo"
    r"\bdesde el (?:dia )?\d{1,2}\b",
    r"\bdesde (?:principios|inicios|comienzos) de (?:mes|semana|enero|febrero|marzo|abril|"
    r"mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)\b",
)
INTERMITTENT_ES = (
    r"\b(?:va y viene|a veces|de vez en cuando|intermitente|mejor|mejorando|se fue|se quito|"
    r"ya no|menos|paro|se calmo)\b"
)
SITUATIONAL_ES = r"\b(?:cuando|mientras|durante|despues de|cada vez que|si)\b"
