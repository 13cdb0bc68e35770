from __future__ import annotations

import sys

from coach.cli import main

sys.exit(main())
