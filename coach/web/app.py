"""The FastAPI app, built by a factory (never at import time)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from markupsafe import Markup, escape
from sqlalchemy import Engine
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import HTTPException

from coach import importer
from coach.config import Settings, get_settings
from coach.db.engine import make_engine, make_session_factory, web_pool_options
from coach.errors import CoachError, Conflict, NotFound
from coach.web.limits import MAX_OPERATOR_BODY, BodyLimit
from coach.web.metrics import WebMetrics
from coach.web.routes import api, auth, clinic, dashboard, faq, health, review, twilio
from coach.web.security import CSRF_FIELD, HostGuard, LoginRequired

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.filters["local_time"] = dashboard.local_time
    templates.env.filters["ago"] = dashboard.ago
    templates.env.filters["operator_words"] = dashboard.operator_words
    templates.env.globals["csrf_field"] = _csrf_field
    return templates


@pass_context
def _csrf_field(context: Any) -> Markup:
    """`{{ csrf_field() }}` inside every <form method="post">: the session's CSRF token."""
    request = context.get("request")
    principal = getattr(getattr(request, "state", None), "principal", None)
    token = getattr(principal, "csrf_token", None) or ""
    return Markup(f'<input type="hidden" name="{CSRF_FIELD}" value="{escape(token)}">')


def _is_page(request: Request) -> bool:
    return not request.url.path.startswith(("/api/", "/twilio/")) and "text/html" in (
        request.headers.get("accept", "")
    )


def _problem(error: dict[str, Any]) -> str:
    """One validation error in an operator's words: the form field, then what is wrong."""
    fields = [str(part) for part in error["loc"] if part not in ("body", "query", "path")]
    field = (fields[-1] if fields else "the request").replace("_", " ")
    return f"{field}: {error['msg']}"


def create_app(
    settings: Settings | None = None, session_factory: sessionmaker[Session] | None = None
) -> FastAPI:
    from coach import logs

    logs.install()  # before anything can log: no phone number or message body in any line
    settings = settings or get_settings()
    if settings.use_twilio and "COACH_PUBLIC_URL" not in settings.extra:
        # Twilio signs the URL it calls; checked against the default, every webhook is 403.
        log.warning(
            "TWILIO_ACCOUNT_SID is set but COACH_PUBLIC_URL is not: webhooks will be refused "
            "until COACH_PUBLIC_URL is the exact base URL Twilio calls"
        )
    own_engine: Engine | None = None
    if session_factory is None:
        own_engine = make_engine(settings.database_url, **web_pool_options(settings.database_url))
        session_factory = make_session_factory(own_engine)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        from coach.web.receive import warm_up

        # Before uvicorn takes connections: with several workers, each warms up on its own.
        await run_in_threadpool(warm_up, settings)
        yield
        if own_engine is not None:
            own_engine.dispose()

    app = FastAPI(
        title="coach",
        summary="SMS self-care coach for facial twitching: operator API",
        version="0.1.0",
        docs_url=None,  # Swagger UI loads from a CDN; the machine may have no internet
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.session_factory = session_factory
    app.state.metrics = WebMetrics(session_factory)
    app.state.templates = _templates()

    @app.exception_handler(NotFound)
    async def not_found(_: Request, exc: NotFound) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=404)

    @app.exception_handler(Conflict)
    async def conflict(_: Request, exc: Conflict) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=409)

    @app.exception_handler(CoachError)
    async def bad_input(_: Request, exc: CoachError) -> JSONResponse:
        # The service's reasons name CLI flags ("--every"); an API client sends JSON fields.
        return JSONResponse({"detail": dashboard.api_words(str(exc))}, status_code=422)

    @app.exception_handler(LoginRequired)
    async def login_required(_: Request, exc: LoginRequired) -> RedirectResponse:
        return RedirectResponse(f"/login?next={quote(exc.next_path)}", status_code=303)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if _is_page(request):
            page: HTMLResponse = app.state.templates.TemplateResponse(
                request,
                "error.html",
                {"status": exc.status_code, "detail": exc.detail, "settings": settings,
                 "principal": getattr(request.state, "principal", None)},
                status_code=exc.status_code,
            )
            return page
        return JSONResponse(
            {"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers
        )

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        # Never echo the input back: it may be huge, unencodable (a lone surrogate) or a
        # patient's phone number.
        errors = [
            {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "invalid")),
             "type": str(e.get("type", ""))}
            for e in exc.errors()
        ]
        if _is_page(request):
            page: HTMLResponse = app.state.templates.TemplateResponse(request, "error.html", {
                "status": 422, "settings": settings,
                "detail": "Some of what was sent could not be used. Go back, correct it and "
                          "try again.",
                "problems": [_problem(e) for e in errors],
                "principal": getattr(request.state, "principal", None),
            }, status_code=422)
            return page
        return JSONResponse({"detail": errors}, status_code=422)

    @app.exception_handler(OverflowError)
    async def out_of_range(_: Request, exc: OverflowError) -> JSONResponse:
        return JSONResponse({"detail": "a value is out of range"}, status_code=422)

    @app.exception_handler(StatementError)
    async def bad_statement_value(_: Request, exc: StatementError) -> JSONResponse:
        if isinstance(exc.orig, OverflowError | ValueError):
            return JSONResponse({"detail": "a value is out of range"}, status_code=422)
        raise exc

    # The import's own limit answers a file just over it with a readable reason; the slack
    # is the multipart envelope around the file.
    def html_page(status: int, detail: str) -> bytes:
        template = app.state.templates.get_template("error.html")
        return template.render(status=status, detail=detail, settings=settings).encode()

    app.add_middleware(BodyLimit, limit=MAX_OPERATOR_BODY, per_path={
        "/api/import": importer.MAX_BYTES,
        "/dashboard/import": importer.MAX_BYTES + (64 << 10),
    }, html_page=html_page)
    app.add_middleware(HostGuard, settings=settings)  # added last: runs first
    app.include_router(twilio.router)
    app.include_router(api.router)
    app.include_router(review.api)
    app.include_router(health.router)
    app.include_router(auth.router)
    app.include_router(dashboard.router)
    app.include_router(clinic.pages)
    app.include_router(clinic.api)
    app.include_router(review.pages)
    app.include_router(faq.api)
    app.include_router(faq.pages)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    return app
