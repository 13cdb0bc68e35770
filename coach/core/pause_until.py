"""When a pause a patient asked for ends: "until the 15th", "for ten days", "till monday",
"hasta fin de mes", "hasta el lunes", "por dos semanas".

Two steps, so the reader can recognise a pause without a clock: `find(text)` turns the words
into a `Span` (a length, or a day named by date, weekday or month's end); `resolve(span,
now=, zone=)` turns that into the UTC instant the pause ends, in the patient's own zone.

A pause "until" a day ends at the start of that day, local time (reminders come back that
morning; quiet hours still hold). A pause of days, weeks or months keeps the wall-clock time
it was asked at, so it is the same local time after a DST change; hours and minutes are
elapsed time. Every local time goes through `wall_to_utc`, so a day that starts inside a DST
gap is read as RFC 5545 says.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from coach.core.localtime import require_aware, wall_to_utc
from coach.core.triage.normalize import fold

__all__ = ["Span", "find", "pause_end", "resolve"]

MAX_PAUSE = timedelta(days=366)  # a pause "for 500 days" is clamped to a year


@dataclass(frozen=True)
class Span:
    """What a pause request names. `unit` is one of minute, hour, day, week, month (a
    length of `count` units); or `date` (day/month, month 0 = the next such day), `weekday`
    (0 = Monday), `month_end` (until the month is over), `week_end` (until the weekend is
    over: next Monday), `next_week` (next Monday), `next_month` (the first of next month)."""

    unit: str
    count: int = 0
    day: int = 0
    month: int = 0


_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "un": 1, "una": 1, "uno": 1, "two": 2, "dos": 2, "three": 3,
    "tres": 3, "four": 4, "cuatro": 4, "five": 5, "cinco": 5, "six": 6, "seis": 6,
    "seven": 7, "siete": 7, "eight": 8, "ocho": 8, "nine": 9, "nueve": 9, "ten": 10,
    "diez": 10, "eleven": 11, "once": 11, "twelve": 12, "doce": 12, "fourteen": 14,
    "catorce": 14, "fifteen": 15, "quince": 15, "twenty": 20, "veinte": 20, "thirty": 30,
    "treinta": 30, "couple": 2, "couple of": 2, "a couple of": 2, "few": 3, "a few": 3,
    "unos": 3, "unas": 3, "unos cuantos": 3, "unas cuantas": 3, "par de": 2, "un par de": 2,
}
_UNITS = {
    **dict.fromkeys(["minute", "minutes", "min", "mins", "minuto", "minutos"], "minute"),
    **dict.fromkeys(["hour", "hours", "hr", "hrs", "h", "hora", "horas"], "hour"),
    **dict.fromkeys(["day", "days", "d", "dia", "dias"], "day"),
    **dict.fromkeys(["week", "weeks", "wk", "wks", "semana", "semanas"], "week"),
    **dict.fromkeys(["month", "months", "mes", "meses"], "month"),
}
_WEEKDAYS = {
    **dict.fromkeys(["monday", "mon", "lunes"], 0),
    **dict.fromkeys(["tuesday", "tue", "tues", "martes"], 1),
    **dict.fromkeys(["wednesday", "wed", "miercoles"], 2),
    **dict.fromkeys(["thursday", "thu", "thur", "thurs", "jueves"], 3),
    **dict.fromkeys(["friday", "fri", "viernes"], 4),
    **dict.fromkeys(["saturday", "sat", "sabado"], 5),
    **dict.fromkeys(["sunday", "sun", "domingo"], 6),
}
_MONTHS = {
    **dict.fromkeys(["january", "jan", "enero"], 1),
    **dict.fromkeys(["february", "feb", "febrero"], 2),
    **dict.fromkeys(["march", "mar", "marzo"], 3),
    **dict.fromkeys(["april", "apr", "abril"], 4),
    **dict.fromkeys(["may", "mayo"], 5),
    **dict.fromkeys(["june", "jun", "junio"], 6),
    **dict.fromkeys(["july", "jul", "julio"], 7),
    **dict.fromkeys(["august", "aug", "agosto"], 8),
    **dict.fromkeys(["september", "sep", "sept", "septiembre", "setiembre"], 9),
    **dict.fromkeys(["october", "oct", "octubre"], 10),
    **dict.fromkeys(["november", "nov", "noviembre"], 11),
    **dict.fromkeys(["december", "dec", "diciembre"], 12),
}


def _alt(words: Iterable[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


# Holidays on a fixed day: (day, month) of the day itself; "until after" it is the day after.
_HOLIDAYS = {
    **dict.fromkeys(["christmas", "xmas", "christmas day", "navidad", "navidades", "la navidad"],
                    (25, 12)),
    **dict.fromkeys(["new year", "new years", "new years day", "ano nuevo", "fin de ano",
                     "the new year", "year end", "end of the year", "fin del ano"], (1, 1)),
    **dict.fromkeys(["reyes", "dia de reyes"], (6, 1)),
}
_NUM = rf"(?P<n>\d{{1,3}}|{_alt(_NUMBERS)})"
_UNIT = rf"(?P<unit>{_alt(_UNITS)})"
_WEEKDAY = rf"(?P<weekday>{_alt(_WEEKDAYS)})"
_MONTH = rf"(?P<month>{_alt(_MONTHS)})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|o)?"
_UNTIL = r"(?:until|till|til|untill|thru|through|up to|up until|hasta|after|despues del?)"
_FOR = r"(?:for|por|durante|for the next|por los proximos|por las proximas|los proximos|next)"

# Each pattern names one kind of span; the first that matches wins, so longer forms come
# first ("until the 15th of december" before "until the 15th").
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rf"(?:^| ){pattern}(?: |$)"))
    for kind, pattern in (
        ("month_end", rf"{_UNTIL} (?:the )?(?:el )?(?:end|fin|final|finales) (?:of |de |del )?"
                      r"(?:the |este |el )?(?:month|mes)"),
        ("week_end", rf"{_UNTIL} (?:after )?(?:the |this |el |este )?(?:weekend|fin de semana|"
                     r"finde)(?: is over)?"),
        ("next_week", rf"{_UNTIL} (?:la )?(?:next week|proxima semana|semana que viene|"
                      r"semana proxima)"),
        ("next_month", rf"{_UNTIL} (?:el )?(?:next month|proximo mes|mes que viene|mes proximo)"),
        ("tomorrow", rf"{_UNTIL} (?:tomorrow|manana)"),
        ("holiday", r"(?:(?:until|till|til|untill|thru|through|up to|up until|hasta) "
                    r"(?:(?P<after>after|despues de|despues del|pasando) )?"
                    r"|(?P<after2>after|despues de|despues del) )"
                    rf"(?:the |el |la |las |los )?(?P<holiday>{_alt(_HOLIDAYS)})"),
        ("date", rf"{_UNTIL} (?:the |el |el dia |dia )?{_DAY} (?:of |de )?{_MONTH}"),
        ("date", rf"{_UNTIL} (?:the )?{_MONTH} (?:the )?{_DAY}"),
        ("weekday", rf"{_UNTIL} (?:next |this |el |este |el proximo |el otro )?{_WEEKDAY}"
                    r"(?: que viene| proximo)?"),
        ("date", rf"{_UNTIL} (?:the |el |el dia |dia )?{_DAY}"),
        ("length", rf"{_FOR} {_NUM} {_UNIT}"),
        ("length", rf"{_FOR} (?:the |la |el |a |una |un )?"
                   r"(?P<unit1>week|semana|month|mes|day|dia)"),
        ("length", rf"(?:^|pause|pausa|pausar|snooze) {_NUM} {_UNIT}"),
        # "pausen los mensajes un mes", "hold the texts two weeks"
        ("length", rf"(?:mensajes|recordatorios|textos|messages|texts|reminders|todo|"
                   rf"everything) {_NUM} {_UNIT}"),
        ("length", rf"{_FOR} (?:the |el )?(?P<weekend>weekend|fin de semana|finde)"),
    )
)
_NON_WORD = re.compile(r"[^a-z0-9]+")
_SPLIT_NUM = re.compile(r"(\d)(?=[a-z]{1,5}\b)(?!st\b|nd\b|rd\b|th\b|o\b)")
MAX_CHARS = 400


def _words(text: str) -> str:
    folded = fold(text[:MAX_CHARS]).replace("'", "")
    return " ".join(_NON_WORD.sub(" ", _SPLIT_NUM.sub(r"\1 ", folded)).split())


def find(text: str) -> Span | None:
    """The pause length or end day `text` names, or None."""
    words = _words(text)
    for kind, pattern in _PATTERNS:
        match = pattern.search(words)
        if match is None:
            continue
        span = _span(kind, match.groupdict())
        if span is not None:
            return span
    return None


def _span(kind: str, groups: dict[str, str | None]) -> Span | None:
    if kind in ("month_end", "week_end", "next_week", "next_month", "tomorrow"):
        return Span(kind)
    if kind == "holiday":
        day, month = _HOLIDAYS[groups["holiday"] or ""]
        if groups.get("after") or groups.get("after2"):
            day += 1  # no holiday here is on a month's last day
        return Span("date", day=day, month=month)
    if kind == "weekday":
        return Span("weekday", day=_WEEKDAYS[groups["weekday"] or ""])
    if kind == "date":
        day = int(groups["day"] or 0)
        month = _MONTHS.get(groups.get("month") or "", 0)
        if not 1 <= day <= 31:
            return None
        return Span("date", day=day, month=month)
    if groups.get("weekend"):
        return Span("week_end")
    if groups.get("unit1"):
        return Span(_UNITS[groups["unit1"] or ""], count=1)
    n = groups.get("n") or ""
    count = int(n) if n.isdigit() else _NUMBERS.get(n, 0)
    if count <= 0:
        return None
    return Span(_UNITS[groups["unit"] or ""], count=count)


def resolve(span: Span, *, now: datetime, zone: ZoneInfo) -> datetime:
    """The UTC instant a pause of `span`, asked at `now`, ends. Always after `now`."""
    now = require_aware(now, "now")
    local = now.astimezone(zone)
    today = local.date()
    wall = local.time().replace(tzinfo=None, fold=0)
    if span.unit == "minute":
        end = now + timedelta(minutes=span.count)
    elif span.unit == "hour":
        end = now + timedelta(hours=span.count)
    elif span.unit in ("day", "week"):
        days = span.count * (7 if span.unit == "week" else 1)
        end = wall_to_utc(today + timedelta(days=min(days, MAX_PAUSE.days)), wall, zone)
    elif span.unit == "month":
        end = wall_to_utc(_add_months(today, min(span.count, 12)), wall, zone)
    else:
        end = wall_to_utc(_end_day(span, today), time(0, 0), zone)
    return min(end, now + MAX_PAUSE)


def pause_end(text: str, *, now: datetime, zone: ZoneInfo) -> datetime | None:
    """`resolve(find(text))`, or None when `text` names no length or day."""
    span = find(text)
    return None if span is None else resolve(span, now=now, zone=zone)


def _end_day(span: Span, today: date) -> date:
    """The local day a pause "until …" ends on (its first moment), always after today."""
    if span.unit == "tomorrow":
        return today + timedelta(days=1)
    if span.unit == "weekday":
        ahead = (span.day - today.weekday()) % 7
        return today + timedelta(days=ahead or 7)
    if span.unit in ("week_end", "next_week"):
        return today + timedelta(days=(7 - today.weekday()) or 7)
    if span.unit in ("month_end", "next_month"):
        return _add_months(today.replace(day=1), 1)
    # A date: "the 15th" is the next 15th to come; with a month, the next such date.
    if span.month:
        for year in (today.year, today.year + 1, today.year + 4):
            candidate = _safe_date(year, span.month, span.day)
            if candidate is not None and candidate > today:
                return candidate
        return today + timedelta(days=1)
    first = today.replace(day=1)
    for ahead in range(0, 13):
        month_start = _add_months(first, ahead)
        candidate = _safe_date(month_start.year, month_start.month, span.day)
        if candidate is not None and candidate > today:
            return candidate
    return today + timedelta(days=1)


def _safe_date(year: int, month: int, day: int) -> date | None:
    if day > calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
