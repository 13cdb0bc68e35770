"""The suite's log check still fails the run when the suite runs on several xdist workers
(scripts/test does): a leak seen only by a worker must reach the controller's verdict."""

from __future__ import annotations

import os

import pytest

from tests.servers import ROOT

pytest_plugins = ["pytester"]

LEAKY = """
import logging

from tests import logcheck

BODY = "my left eyelid jumps after every long meeting"


def test_leaks(tmp_path):
    # Only this worker knows the body (the controller's own check could not find it), and
    # the log file lives under this worker's temporary folder.
    logcheck.remember(BODY)
    (tmp_path / "server.log").write_text("INFO inbound body=" + BODY + "\\n")


def test_clean():
    logging.getLogger("coach.somewhere").info("texted patient 7")
"""
CLEAN = LEAKY.replace('"INFO inbound body=" + BODY', '"INFO inbound message 7"')


@pytest.fixture
def inner(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT),
                                                                    os.environ.get("PYTHONPATH")])))
    monkeypatch.delenv("COACH_LOGCHECK", raising=False)
    return pytester


def test_a_leak_on_a_worker_fails_the_run(inner: pytest.Pytester) -> None:
    inner.makeconftest('pytest_plugins = ["tests.logcheck"]\n')
    inner.makepyfile(test_inner=LEAKY)
    result = inner.runpytest_subprocess("-n", "2", "-p", "no:cacheprovider")
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*log check: full phone numbers or message bodies in logs*",
                                 "*server.log: body * in: INFO inbound body=my left eyelid*"])
    assert "2 passed" in result.stdout.str()  # the tests passed: the check alone failed it


def test_a_clean_run_on_workers_passes_and_counts_every_worker(inner: pytest.Pytester) -> None:
    inner.makeconftest('pytest_plugins = ["tests.logcheck"]\n')
    inner.makepyfile(test_inner=CLEAN)
    result = inner.runpytest_subprocess("-n", "2", "-p", "no:cacheprovider")
    assert result.ret == 0
    result.stdout.fnmatch_lines(["*log check: * log records and * server logs*no full phone*"])
    counted = int(result.stdout.str().split("log check: ")[1].split()[0])
    assert counted >= 1  # a worker's records reached the controller, which logs none itself
