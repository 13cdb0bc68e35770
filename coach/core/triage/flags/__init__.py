"""One module per red flag, each holding its English and Spanish patterns.

| module | flag |
| --- | --- |
| weakness.py | face, limb or one side drooping, numb, weak or not working |
| speech.py | slurred, jumbled, wrong or lost words |
| swallowing.py | food or drink that will not go down, coughing on drinks |
| breathing.py | struggling for air, a closing throat, blue lips |
| self_harm.py | wishes to die, plans, farewells, hopelessness |
| vision.py | blur, double vision, a curtain, part of the view gone |
| severe_pain.py | pain with an intensity, an image or a high rating |
| prolonged.py | closure, continuity and spasm words (vocab/time.py has the durations) |

Shared words live in vocab/ (body parts, negated abilities, time); figures of speech and
benign causes in figures.py. Each flag module's PATTERNS is EN + ES + BOTH, compiled by the
reader into one alternation per flag.
"""

from __future__ import annotations

from coach.core.triage.flags import (
    breathing,
    self_harm,
    severe_pain,
    speech,
    swallowing,
    vision,
    weakness,
)
from coach.core.types import RedFlag

PATTERNS: dict[RedFlag, tuple[str, ...]] = {
    RedFlag.WEAKNESS: weakness.PATTERNS,
    RedFlag.SPEECH: speech.PATTERNS,
    RedFlag.SWALLOWING: swallowing.PATTERNS,
    RedFlag.BREATHING: breathing.PATTERNS,
    RedFlag.SELF_HARM: self_harm.PATTERNS,
    RedFlag.VISION: vision.PATTERNS,
    RedFlag.SEVERE_PAIN: severe_pain.PATTERNS,
}
