"""The Celery app, configured from coach settings (env), never from a settings module."""

from __future__ import annotations

from typing import Any

from celery import Celery
from kombu import Exchange, Queue

from coach.config import Settings, get_settings


def celery_config(settings: Settings) -> dict[str, Any]:
    config: dict[str, Any] = {
        "broker_url": settings.broker_url,
        "task_ignore_result": True,
        "result_backend": None,
        # A task is acknowledged after it ran: a killed worker's task is redelivered, and
        # the send's atomic claim makes the redelivery harmless.
        "task_acks_late": True,
        "task_reject_on_worker_lost": True,
        "worker_prefetch_multiplier": 1,
        "task_serializer": "json",
        "accept_content": ["json"],
        "timezone": "UTC",
        "enable_utc": True,
        "broker_connection_retry_on_startup": True,
        "worker_hijack_root_logger": False,
        # Pages to on-call and the tick never wait behind a backlog of reminders: they have
        # a queue of their own, which every worker also consumes (listed first).
        "task_queues": (
            Queue("urgent", Exchange("urgent"), routing_key="urgent"),
            Queue("celery", Exchange("celery"), routing_key="celery"),
        ),
        "task_default_queue": "celery",
        "task_routes": {
            "coach.notify_alert": {"queue": "urgent"},
            "coach.tick": {"queue": "urgent"},
            "coach.second_read": {"queue": "urgent"},
            "coach.second_reads": {"queue": "urgent"},
            "coach.dialogue_sweep": {"queue": "urgent"},
        },
        "beat_schedule": {
            "tick": {"task": "coach.tick", "schedule": settings.tick_seconds},
            # Second reads whose task was lost, and clarifying questions left unanswered.
            "dialogue-sweep": {"task": "coach.dialogue_sweep", "schedule": settings.tick_seconds},
            "weekly-summaries": {"task": "coach.weekly_summaries", "schedule": 3600.0},
            "nonresponder-sweep": {"task": "coach.nonresponder_sweep", "schedule": 3600.0},
        },
    }
    if settings.embedded_broker:
        if settings.broker_url.rstrip("/") == "filesystem:":
            # The filesystem transport ignores the host; without one kombu warns at every
            # start ("No hostname was supplied"), the only line a quiet `coach up` printed.
            config["broker_url"] = "filesystem://localhost/"
        folder = settings.broker_folder
        for sub in ("queue", "processed", "control"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        config["broker_transport_options"] = {
            "data_folder_in": str(folder / "queue"),
            "data_folder_out": str(folder / "queue"),
            "processed_folder": str(folder / "processed"),
            "control_folder": str(folder / "control"),
            "store_processed": False,
        }
    else:
        # Redis redelivers unacked tasks after the visibility timeout; sends are short,
        # and we never use long ETAs, so an hour is ample.
        options: dict[str, Any] = {"visibility_timeout": settings.visibility_timeout}
        if settings.visibility_timeout < 300:
            # A short timeout is only useful if unacked tasks are also looked for often
            # (kombu scans every interval x throttle seconds, 100 s by default).
            options.update(unacked_restore_interval=1, unacked_restore_throttle=1)
        config["broker_transport_options"] = options
    return config


def make_app(settings: Settings | None = None) -> Celery:
    from coach import logs

    logs.install()  # worker and beat: no phone number or message body in any log line
    settings = settings or get_settings()
    celery = Celery("coach", include=["tasks.dispatch", "tasks.dialogue", "tasks.clinic"])
    celery.conf.update(celery_config(settings))
    return celery


app = make_app()
