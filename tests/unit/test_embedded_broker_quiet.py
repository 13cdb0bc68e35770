"""`coach up` on the embedded broker starts quietly: kombu warned "No hostname was supplied"
at every start because the filesystem URL had no host (the host means nothing to it)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from kombu import Connection

from coach.config import Settings
from tasks.celery_app import celery_config


def test_the_embedded_broker_url_names_a_host(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = Settings.from_env({"COACH_DATA_DIR": str(tmp_path)})
    assert settings.embedded_broker
    config = celery_config(settings)
    with caplog.at_level(logging.WARNING, logger="kombu"):
        connection = Connection(config["broker_url"],
                                transport_options=config["broker_transport_options"])
        connection.clone().release()
        connection.release()
    assert connection.transport_cls == "filesystem"
    assert not [r for r in caplog.records if "hostname" in r.getMessage()]
