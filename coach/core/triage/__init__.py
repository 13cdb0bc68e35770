"""Reading a patient's reply: red flags, severity, commands.

    >>> understand("cnt swallow, face droopy").red_flags
    (<RedFlag.WEAKNESS: 'weakness'>, <RedFlag.SWALLOWING: 'swallowing'>)

See docs/triage.md for the approach and its limits.
"""

from __future__ import annotations

from coach.core.triage.combine import Assessment, assess
from coach.core.triage.reader import understand
from coach.core.triage.reading import Reading

__all__ = ["Assessment", "Reading", "assess", "understand"]
