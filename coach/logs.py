"""One logging safeguard for every process (web, worker, beat, CLI): no full phone number and
no message body reaches a log line, a traceback or the access log.

`install()` wraps the log record factory, so it applies to every record any library creates,
whatever handlers uvicorn, Celery or pytest configure later and whichever logger it goes to:
the message and its arguments are masked (`coach.redact.mask_text`), a traceback is formatted
and masked once, up front, and uvicorn's access-log path is masked as a path (bare digit runs
too). Records that carry a message body as an attribute (`extra={"body": ...}`) lose it.

Our own code logs sids and `mask_phone(...)` anyway; this is the net under everything else
(SQL errors, library debug logs, a stray f-string).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Mapping
from typing import Any

from coach.redact import BODY_KEYS, mask_path, mask_text

_installed = False
_ACCESS_LOGGER = "uvicorn.access"


def _mask_arg(value: Any, *, path: bool = False) -> Any:
    if isinstance(value, str):
        return mask_path(value) if path else mask_text(value)
    if isinstance(value, int | float | bool) or value is None:
        return value
    if isinstance(value, BaseException):
        return mask_text(f"{type(value).__name__}: {value}")
    # Anything else is formatted with %s/%r later: format it now and mask the text.
    return mask_text(repr(value) if isinstance(value, list | tuple | dict) else str(value))


def scrub(record: logging.LogRecord) -> logging.LogRecord:
    """Mask one record in place (idempotent) and return it."""
    for key in BODY_KEYS & set(record.__dict__):
        record.__dict__[key] = "[redacted]"  # extra={"body": ...} (set after the factory)
    if getattr(record, "_coach_scrubbed", False):
        return record
    access = record.name == _ACCESS_LOGGER
    if isinstance(record.msg, str):
        record.msg = mask_text(record.msg)
    elif record.msg is not None and not isinstance(record.msg, int | float):
        record.msg = mask_text(str(record.msg))
    args = record.args
    if isinstance(args, tuple):
        # uvicorn's access log: (client, method, path, http version, status); mask the path
        # as a path so /api/patients/14155550101 loses its digits too.
        record.args = tuple(_mask_arg(a, path=access and i == 2) for i, a in enumerate(args))
    elif isinstance(args, Mapping):
        record.args = {
            k: "[redacted]" if str(k).lower() in BODY_KEYS else _mask_arg(v)
            for k, v in args.items()
        }
    if record.exc_info and record.exc_info[0] is not None and not record.exc_text:
        record.exc_text = mask_text("".join(traceback.format_exception(*record.exc_info)))
        record.exc_text = record.exc_text.rstrip("\n")
    elif record.exc_text:
        record.exc_text = mask_text(record.exc_text)
    if record.stack_info:
        record.stack_info = mask_text(record.stack_info)
    record._coach_scrubbed = True
    return record


class RedactFilter(logging.Filter):
    """The same masking as a filter, for handlers set up before `install()` or elsewhere."""

    def filter(self, record: logging.LogRecord) -> bool:
        scrub(record)
        return True


def install() -> None:
    """Mask every log record this process creates from now on. Idempotent."""
    global _installed
    if _installed:
        return
    previous: Callable[..., logging.LogRecord] = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        return scrub(previous(*args, **kwargs))

    logging.setLogRecordFactory(factory)
    # Loggers that may have handlers already (uvicorn configures its own before loading us).
    for name in ("", "uvicorn", "uvicorn.error", _ACCESS_LOGGER, "celery"):
        for handler in logging.getLogger(name).handlers:
            if not any(isinstance(f, RedactFilter) for f in handler.filters):
                handler.addFilter(RedactFilter())
    _installed = True
