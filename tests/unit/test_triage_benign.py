"""Contrast tests for false-alarm classes (issue 9, item 3): benign causes with their scope,
general side-effect questions, idioms. New sentences, not copied from any data file."""

from __future__ import annotations

import pytest

from coach.core.triage import understand


def _flags(text: str) -> set[str]:
    return {flag.value for flag in understand(text).red_flags}


@pytest.mark.parametrize("text", [
    "my bottom lip is numb after the filling this afternoon",
    "tengo el cachete dormido por la anestesia del dentista",
    "calves like jelly after a long run this morning",
    "los brazos muertos después de las pesas",
    "everything is fuzzy since the optician dilated my pupils",
    "veo todo borroso, me pusieron gotas para dilatar en la consulta",
    "with the new glasses things look a bit blurry",
    "saw two of everything after four beers at the wedding lol",
    "my hand went numb from leaning on it at my desk",
    "my voice sounds odd because of a head cold",
])
def test_benign_cause_in_message_is_no_flag(text: str) -> None:
    assert _flags(text) == set()


@pytest.mark.parametrize(("text", "flag"), [
    ("after the filling my eyelid on that side wont close", "weakness"),
    ("dentist this morning and now my face is drooping", "weakness"),
    ("my cheek has been numb since the dentist 4 days ago", "weakness"),
    ("went to the gym and now one side of my mouth droops", "weakness"),
    ("my right leg is weak after the gym and getting worse", "weakness"),
    ("slurring my words after the dentist's injection", "speech"),
    ("the dilating drops wore off but i have lost the vision in my left eye", "vision"),
    ("my arm is numb, maybe from sleeping on it?", "weakness"),
    ("tengo un resfriado y se me traban las palabras", "speech"),
    ("the numbness feels like novocaine but i havent been to the dentist", "weakness"),
])
def test_cause_that_does_not_explain_or_is_doubted_keeps_flag(text: str, flag: str) -> None:
    assert flag in _flags(text)


@pytest.mark.parametrize("text", [
    "can the shots ever make the cheek weak?",
    "could botox make my eyebrow droop?",
    "¿la toxina puede hacer que se caiga la ceja?",
])
def test_general_side_effect_question_is_no_flag(text: str) -> None:
    assert _flags(text) == set()


@pytest.mark.parametrize("text", [
    "is it normal that my eyelid droops since the shot?",
    "can botox make my eyelid droop like this?",
    "¿la toxina puede hacer que se caiga el párpado? se me cayó desde el lunes",
])
def test_question_revealing_current_symptom_keeps_flag(text: str) -> None:
    assert "weakness" in _flags(text)


@pytest.mark.parametrize("text", [
    "my jaw hit the floor when i saw the bill",
    "me cuesta creer que ya es diciembre",
    "hoy me cuesta todo, hasta levantarme",
    "la cena me costó un dineral",
    "no me pasa nada, todo tranquilo",
    "me cuesta hablar en público",
    "me quedé sin palabras con el regalo",
    "se me fue el alma a los pies cuando vi la cuenta",
])
def test_idiom_is_no_flag(text: str) -> None:
    assert _flags(text) == set()


@pytest.mark.parametrize(("text", "flag"), [
    ("me cuesta tragar la comida desde ayer", "swallowing"),
    ("me cuesta hablar, se me enreda la lengua", "speech"),
    ("my face fell on one side when i looked in the mirror", "weakness"),
    ("me quiero morir de la vergüenza", "self_harm"),
])
def test_idiom_contrast_keeps_flag(text: str, flag: str) -> None:
    assert flag in _flags(text)
