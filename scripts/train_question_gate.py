#!/usr/bin/env python
"""Train the learned question gate (coach/core/question_gate.py) and write its weights.

    .venv/bin/python scripts/train_question_gate.py            # train, write, print figures
    .venv/bin/python scripts/train_question_gate.py --check    # figures only, write nothing
    .venv/bin/python scripts/train_question_gate.py --no-eval  # train and write only

Lines (deterministic: files read in sorted order, liblinear, no random draw):
- questions: every line of tests/data/faq/*.jsonl (never tests/data/sealed/), the catalogue's
  paraphrases and decoys (messages/faq), and the routine triage replies that carry a mark;
- notes: the routine triage replies (tests/data/triage/*.jsonl, tests/data/triage/train/*)
  with no mark that the rules read as notes, rated ones included, and the notes below
  (written for this gate, in both languages, in the shapes the tests hold as notes).
A triage reply the rules already read as a question, with no mark, is left out (the rules
decide it either way, and some are requests, some notes).

The threshold is the probability of least cost on out-of-fold scores (each FAQ file is a
fold, the triage files are dealt into four, the catalogue and the written notes are one each;
each fold is scored by a model trained without it), counting only lines the rules leave as
notes: questions with their marks taken off (a miss costs 1) against notes (taken as a
question, one costs NOTE_COST).

Figures printed: per FAQ set, the full `coach eval-faq` pipeline with the rules alone, with
the committed gate (in-sample) and leave-one-set-out (the gate trained without the set, its
threshold chosen without it); how many routine triage notes the gate makes questions
(out-of-fold and in-sample); and how many questions with the marks taken off are recognised.
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coach.core import faq  # noqa: E402
from coach.core import question_gate as qg  # noqa: E402
from coach.core.triage.reading import Reading  # noqa: E402
from coach.train import BLIND_HELD_BACK  # noqa: E402

FAQ_DIR = ROOT / "tests" / "data" / "faq"
TRIAGE_DIRS = (ROOT / "tests" / "data" / "triage", ROOT / "tests" / "data" / "triage" / "train")
C = 4.0  # inverse regularisation of the logistic regression
NOTE_COST = 8  # a note taken as a question costs this many missed questions
MIN_WORDS = 3  # one- and two-word replies are left to the rules
THRESHOLDS = tuple(round(0.30 + 0.01 * i, 2) for i in range(66))  # 0.30 .. 0.95

# Diary notes and reports, written for the gate in the shapes patients text: what happened,
# what helped, how the day went, a plan, a trigger named. None is a question.
WRITTEN_NOTES_EN = """
worse after coffee
coffee made it worse again
coffee makes it worse for me
two coffees this morning and it started right after
slept 4 hours, twitch 6
slept badly and the eyelid went all day
long day at the screen
long day at the screen and my eye did not stop
screens all day at work, eye jumping by the afternoon
stress at work is through the roof this week
stress from the move, twitching a lot
stressed about exams so the twitch is back
had a glass of wine last night and it was worse this morning
the warm compress helped a bit
warm compress before bed, calmer after
did the breathing exercise before bed
did the 20 20 20 thing at work three times
did my face exercises, the cheek relaxed
forgot the exercises today
skipped the breaks, busy day
no coffee today and it was quieter
cut down to one coffee a day this week
my eye drops seem to help
the drops help when my eyes feel dry
eyes really dry from the air conditioning
allergies acting up, eyes itchy and the lid twitching
botox last week, the spasm is calmer
had my botox shot on monday, face a bit stiff
the neurologist said it is myokymia and not to worry
my doctor says it is stress
the optician said my eyes are dry
started the new glasses and it seems better
quiet day, barely noticed it
it comes and goes, mostly in the evening
it only happens when i am tired
happens mostly when i read on my phone in bed
twitching on and off during the meeting
worse when i am anxious
better on the weekend when i rest
much better since i stopped the energy drinks
my kid kept me up all night so it is bad today
night shift again, eye twitching nonstop
the lower lid keeps flickering
left eye again this afternoon
my cheek jumped a few times at dinner
went for a run and felt better after
yoga class helped me relax
meditated for ten minutes this morning
massaged around the eye like the video said
tried the cold spoon trick, no change
i think it is the coffee
i think the screen is behind it
pretty sure it is the lack of sleep
probably the stress from work
no idea why but it is calmer
not sure if the compress helped
thanks for the tips, will try them
ok thanks, will do the breaks tomorrow
got it, thank you
sounds good
will try less coffee this week
going to bed early tonight
taking a break from the laptop now
busy week, sorry for not answering
back from holiday, it was quiet the whole trip
on vacation and barely any twitching
my husband noticed it at dinner
my coworker says she can see it
it is driving me crazy today
so annoying when i am trying to read
ugh it has been going all day
feels like a butterfly under my eyelid
little flutters under the left eye
same as yesterday
about the same as usual
no change really
a bit better than last week
worse than last week
stress
coffee
screens
sleep
pantallas
estres
work
exams
the heat
my phone
too much coffee
not enough sleep
late night gaming session, eyes tired
gamed until 2 and paid for it today
drank a lot of water today
forgot my glasses at home so lots of squinting
squinting at the computer all day
reading for hours for my exam
the baby is teething so no sleep
hangover today, twitch worse
two beers at the game last night
had a red bull to get through the shift
switched to decaf this week
cut caffeine completely, day three
the rule with the breaks is working
the relaxation audio was nice
the breathing thing helps me fall asleep
my eye is fine today
nothing today
all good
much calmer since the weekend
it started when i was driving
that's what i thought
worked late, that's why i skipped the break
my mom had the same thing years ago
my dad had bell's palsy when he was young
i have an appointment with the eye doctor next week
seeing the neurologist on friday
my face feels normal, just the eyelid
no drooping, no numbness, just the flicker
what a day
what a week at work
what a night, the baby cried for hours
what a mess of a day, eye jumping
how nice of you to check in
hey there, all quiet today
hi coach, eye is ok today
""".strip().splitlines()

WRITTEN_NOTES_ES = """
peor despues del cafe
el cafe me lo empeora
el cafe me empeora el tic
dos cafes en la manana y empezo enseguida
dormi 4 horas, tic 6
dormi mal y el parpado brinco todo el dia
dia largo en la pantalla
todo el dia en la computadora y el ojo no para
mucho estres en el trabajo esta semana
estresada por la mudanza, el tic va y viene
con los examenes volvio el tic
anoche tome vino y hoy amanecio peor
la compresa tibia me ayudo un poco
me puse el pano caliente antes de dormir, mas tranquilo
hice los ejercicios de respiracion antes de dormir
hice las pausas 20 20 20 en la oficina
hice los ejercicios de la cara, se relajo la mejilla
se me olvidaron los ejercicios hoy
no hice las pausas, mucho trabajo
hoy sin cafe y estuvo mas tranquilo
baje a un cafe al dia esta semana
las gotas me ayudan
los ojos muy secos por el aire acondicionado
la alergia me tiene con los ojos rojos y el parpado brincando
me pusieron botox la semana pasada, el espasmo esta mas calmado
el neurologo dijo que es mioquimia y que no me preocupe
mi doctora dice que es estres
el optometrista dijo que tengo ojo seco
con los lentes nuevos parece que mejora
dia tranquilo, casi ni lo note
va y viene, sobre todo en la tarde
solo me pasa cuando estoy cansado
me pasa cuando leo en el celular en la cama
brincando a ratos en la reunion
peor cuando estoy ansiosa
mejor el fin de semana cuando descanso
mucho mejor desde que deje las bebidas energeticas
el nene no me dejo dormir y hoy esta fatal
otra vez turno de noche, el ojo no para
el parpado de abajo sigue temblando
otra vez el ojo izquierdo esta tarde
la mejilla me brinco unas veces en la cena
sali a correr y me senti mejor
la clase de yoga me relajo
medite diez minutos en la manana
me masajee alrededor del ojo como decia el video
probe la cuchara fria, nada
creo que es el cafe
creo que es la pantalla
seguro es la falta de sueno
yo creo que es el estres del trabajo
ni idea por que pero esta mas calmado
no se si la compresa sirvio
gracias por los consejos, los voy a probar
ok gracias, manana hago las pausas
entendido, gracias
va, gracias
voy a tomar menos cafe esta semana
hoy me acuesto temprano
me tomo un descanso de la compu ahorita
semana pesada, perdon por no contestar
volvi de vacaciones, todo el viaje tranquilo
de vacaciones y casi nada de tic
mi esposo lo noto en la cena
mi companera dice que se me nota
hoy me tiene loca
que fastidio cuando quiero leer
uf, lleva todo el dia
se siente como una mariposa en el parpado
pequenos brincos debajo del ojo izquierdo
igual que ayer
lo mismo de siempre
sin cambios
un poco mejor que la semana pasada
peor que la semana pasada
estres
cafe
pantallas
sueno
trabajo
examenes
el calor
el celular
demasiado cafe
poco sueno
me desvele jugando, ojos cansados
jugue hasta las 2 y hoy lo pague
tome mucha agua hoy
se me olvidaron los lentes y entrecerre los ojos todo el dia
leyendo horas para el examen
al bebe le estan saliendo los dientes, cero sueno
con resaca hoy, el tic peor
dos cervezas en el partido anoche
me tome un red bull para aguantar el turno
me cambie al descafeinado esta semana
deje la cafeina por completo, dia tres
la regla de las pausas me esta funcionando
el audio de relajacion estuvo bonito
la respiracion me ayuda a dormir
hoy el ojo bien
hoy nada
todo bien
mucho mas tranquilo desde el fin de semana
empezo cuando iba manejando
eso pense
trabaje tarde, por eso no hice la pausa
a mi mama le paso lo mismo hace anos
mi papa tuvo paralisis de bell de joven
tengo cita con el oftalmologo la proxima semana
veo al neurologo el viernes
la cara normal, solo el parpado
nada caido, nada dormido, solo el temblor
como agujas en el parpado
cuando descanso el tic se calma
ayuda mucho el calor en el ojo
el calor ayuda mucho con el tic
que onda, todo tranquilo hoy
q onda, hoy casi nada
que onda, me brinca el ojo un poco
que dia tan largo
que semana tan pesada en el trabajo
que noche, el bebe lloro horas
que bueno que me escriben
hola, hoy el ojo tranquilo
""".strip().splitlines()


@dataclass(frozen=True)
class Line:
    text: str
    lang: str
    label: int  # 1 question, 0 note
    group: str
    answer: str | None = None


def _rows(path: Path) -> Iterable[dict[str, object]]:
    for raw in path.read_text("utf-8").splitlines():
        if raw.strip():
            yield json.loads(raw)


def faq_files() -> list[Path]:
    return sorted(FAQ_DIR.glob("*.jsonl"))


def normalised(text: str) -> str:
    return faq.gate_text(text)


def unmarked(text: str) -> str:
    return " ".join(text.replace("?", " ").replace("¿", " ").split())


def _routine_triage_replies() -> Iterator[tuple[Path, str, str, Reading]]:
    """Each distinct routine triage reply with no command (text and language), from every
    labelled triage file but a blind set before its first score, with the reader's reading."""
    from coach.core.triage import understand
    from coach.core.types import Level

    seen: set[tuple[str, str]] = set()
    for directory in TRIAGE_DIRS:
        for path in sorted(directory.glob("*.jsonl")):
            if path.stem in BLIND_HELD_BACK:  # a blind set before its first score: unread
                continue
            for row in _rows(path):
                text, lang = str(row["text"]), str(row.get("lang", "en"))
                if (text, lang) in seen:
                    continue
                seen.add((text, lang))
                reading = understand(text, lang=lang)
                if reading.level == Level.ROUTINE and reading.command is None:
                    yield path, text, lang, reading


def lines() -> list[Line]:
    from messages import faq as catalogue

    out: list[Line] = []
    for path in faq_files():
        for row in _rows(path):
            answer = row.get("answer")
            out.append(Line(str(row["text"]), str(row.get("lang", "en")), 1, path.stem,
                            answer if isinstance(answer, str) else None))
    for texts in catalogue.paraphrases().values():
        out.extend(Line(t, "", 1, "catalogue") for t in texts)
    for lang in catalogue.LANGS:
        out.extend(Line(t, lang, 1, "catalogue") for t in catalogue.elsewhere(lang))
    for path, text, lang, _reading in _routine_triage_replies():
        group = f"triage/{path.parent.name}/{path.stem}"
        if "?" in text or "¿" in text:
            out.append(Line(text, lang, 1, group))
        elif not faq.rules_say_question(text):
            out.append(Line(text, lang, 0, group))
    out.extend(Line(t, "en", 0, "written") for t in WRITTEN_NOTES_EN)
    out.extend(Line(t, "es", 0, "written") for t in WRITTEN_NOTES_ES)
    return out


def matrix(texts: Sequence[str]) -> object:
    from scipy.sparse import csr_matrix

    indptr, indices, values = [0], [], []
    for text in texts:
        index, vals = qg.features(normalised(text))
        indices.append(index)
        values.append(vals)
        indptr.append(indptr[-1] + len(index))
    return csr_matrix((np.concatenate(values), np.concatenate(indices), np.asarray(indptr)),
                      shape=(len(texts), qg.DIM), dtype=np.float64)


def fit(x: object, y: np.ndarray) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=C, solver="liblinear", class_weight="balanced", max_iter=1000)
    model.fit(x, y)
    return model.coef_[0].astype(np.float32), float(model.intercept_[0])


def _candidates(data: Sequence[Line]) -> tuple[list[int], list[str], np.ndarray]:
    """The lines the threshold is chosen on: questions with the marks taken off and notes,
    only those the rules leave as notes and long enough for the gate."""
    rows, texts, labels = [], [], []
    for i, line in enumerate(data):
        text = unmarked(line.text) if line.label else line.text
        if len(qg.tokens(normalised(text))) < MIN_WORDS or faq.rules_say_question(text):
            continue
        rows.append(i)
        texts.append(text)
        labels.append(line.label)
    return rows, texts, np.asarray(labels)


def choose_threshold(probs: np.ndarray, labels: np.ndarray) -> float:
    best: tuple[float, float] | None = None
    for t in THRESHOLDS:  # rising: on a tie the stricter (higher) threshold wins
        asks = probs >= t
        cost = float(np.sum(~asks & (labels == 1)) + NOTE_COST * np.sum(asks & (labels == 0)))
        if best is None or cost <= best[0]:
            best = (cost, t)
    assert best is not None
    return best[1]


def train(data: Sequence[Line], x: Any = None) -> qg.Gate:
    """A gate fitted on `data` (`x`: their feature rows, when already built)."""
    y = np.asarray([line.label for line in data])
    weights, bias = fit(matrix([line.text for line in data]) if x is None else x, y)
    return qg.Gate(weights=weights, bias=bias, threshold=0.5, min_words=MIN_WORDS)


TRIAGE_FOLDS = 4


def _fold(group: str) -> str:
    """Each FAQ file is its own fold (leave-one-set-out); the triage files are dealt into
    TRIAGE_FOLDS folds by name (a file stays whole)."""
    if group.startswith("triage/"):
        return f"triage fold {zlib.crc32(group.encode()) % TRIAGE_FOLDS}"
    return group


def out_of_group(data: Sequence[Line], x: Any) -> tuple[dict[str, qg.Gate], np.ndarray,
                                                         list[int], list[str], np.ndarray]:
    """A gate per group trained without it; out-of-group probabilities of the candidates."""
    rows, texts, labels = _candidates(data)
    cx = matrix(texts)
    probs = np.zeros(len(rows))
    groups = np.asarray([_fold(line.group) for line in data])
    cand_groups = groups[rows]
    gates: dict[str, qg.Gate] = {}
    for group in sorted(set(groups.tolist())):
        keep = np.flatnonzero(groups != group)
        gates[group] = train([data[i] for i in keep], x[keep])
        mine = np.flatnonzero(cand_groups == group)
        if len(mine):
            z = cx[mine] @ gates[group].weights.astype(np.float64) + gates[group].bias
            probs[mine] = 1.0 / (1.0 + np.exp(-z))
    return gates, probs, rows, texts, labels


def _eval(items: Sequence[faq.Labelled], gate: qg.Gate | None) -> dict[str, object]:
    from coach.faq_eval import evaluate

    with qg.override(gate):
        report = evaluate(items)
    return report


def _fmt(report: dict[str, object]) -> str:
    by = report["by_lang"]
    assert isinstance(by, dict)
    return (f"{100 * float(report['right_or_handover']):5.1f} % "  # type: ignore[arg-type]
            f"(en {100 * by['en']['right_or_handover']:5.1f}, "
            f"es {100 * by['es']['right_or_handover']:5.1f}), "
            f"wrong {report['wrong']} ({100 * float(report['wrong_rate']):.1f} %), "  # type: ignore[arg-type]
            f"as notes {report['not_taken_as_question']}, "
            f"coverage {100 * float(report['coverage']):.1f} %")  # type: ignore[arg-type]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="print figures, write nothing")
    parser.add_argument("--no-eval", action="store_true", help="train and write only")
    args = parser.parse_args(argv)

    data = lines()
    counts = {label: sum(1 for line in data if line.label == label) for label in (0, 1)}
    print(f"lines: {counts[1]} questions, {counts[0]} notes")
    x = matrix([line.text for line in data])
    gates, probs, rows, texts, labels = out_of_group(data, x)
    threshold = choose_threshold(probs, labels)
    for t in (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95):
        a = probs >= t
        print(f"  at {t}: questions {int(np.sum(a & (labels == 1)))}/{int(np.sum(labels == 1))}"
              f", notes {int(np.sum(a & (labels == 0)))}/{int(np.sum(labels == 0))}")
    final = train(data, x)
    final = qg.Gate(weights=final.weights, bias=final.bias, threshold=threshold,
                    min_words=MIN_WORDS)
    asks = probs >= threshold
    cand_groups = np.asarray([data[i].group for i in rows])
    is_triage = np.char.startswith(cand_groups.astype(str), "triage/")
    meta = {
        "trained_on": sorted({line.group for line in data}),
        "questions": counts[1], "notes": counts[0], "C": C, "note_cost": NOTE_COST,
        "threshold": threshold, "min_words": MIN_WORDS,
        "out_of_group": {
            "unmarked_questions_left_by_rules": int(np.sum(labels == 1)),
            "of_them_recognised": int(np.sum(asks & (labels == 1))),
            "notes": int(np.sum(labels == 0)),
            "notes_taken_as_questions": int(np.sum(asks & (labels == 0))),
            "triage_notes": int(np.sum(is_triage & (labels == 0))),
            "triage_notes_taken_as_questions": int(np.sum(is_triage & asks & (labels == 0))),
        },
    }
    print(f"threshold {threshold}; out-of-group: {meta['out_of_group']}")
    for k in np.flatnonzero(asks & (labels == 0)):
        print(f"  note taken as question ({probs[k]:.2f}, {data[rows[k]].group}): {texts[k]}")

    if not args.check:
        final = qg.Gate(weights=final.weights, bias=final.bias, threshold=threshold,
                        min_words=MIN_WORDS, meta=meta)
        final.save()
        final = qg.Gate.load()  # what the webhook will use (float16 weights)
        print(f"wrote {qg.MODEL_PATH.relative_to(ROOT)}")
    if args.no_eval:
        return 0

    # Routine triage replies the gate sees (no mark, red flag, command or rating), before/after.
    before = after = total = 0
    for _path, text, _lang, reading in _routine_triage_replies():
        if "?" in text or "¿" in text or reading.severity is not None:
            continue
        total += 1
        rules = faq.rules_say_question(text)
        before += rules
        after += rules or final.asks(normalised(text))
    print(f"routine triage replies with no mark, rating or command: {total}; read as questions:"
          f" rules {before}, rules + gate (in-sample) {after}")

    for path in faq_files():
        items = [faq.Labelled(line.text, line.lang, line.answer)
                 for line in data if line.group == path.stem]
        others = [k for k, i in enumerate(rows) if data[i].group != path.stem]
        held = gates[path.stem]
        held = qg.Gate(weights=held.weights, bias=held.bias,
                       threshold=choose_threshold(probs[others], labels[others]),
                       min_words=MIN_WORDS)
        bare = [faq.Labelled(unmarked(i.text), i.lang, i.answer) for i in items]
        print(f"{path.stem} ({len(items)})")
        print(f"  rules alone      {_fmt(_eval(items, None))}")
        print(f"  gate in-sample   {_fmt(_eval(items, final))}")
        print(f"  gate held out    {_fmt(_eval(items, held))} (threshold {held.threshold})")
        print(f"  marks off: rules {_fmt(_eval(bare, None))}")
        print(f"  marks off: held  {_fmt(_eval(bare, held))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
