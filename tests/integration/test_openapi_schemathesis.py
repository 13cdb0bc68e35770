"""Schemathesis against the live /openapi.json: every operation, as an operator and anonymously.

A real uvicorn on PostgreSQL (the stricter backend: it refuses a NUL in text, an integer past
64 bits) serves the app; Schemathesis reads the schema the server publishes and generates
requests from it. As an operator (an account's API token), no operation may answer 5xx and
every answer must be one the schema documents: its status code, content type, headers and
body. Anonymous, every /api operation answers 401 (never 5xx, never data).

Bounded and repeatable: a fixed number of examples per operation, derandomized, no example
database, so CI sees the same requests every run.
"""

from __future__ import annotations

import uuid
import warnings
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable

from tests.integration.test_web_live import ALICE, LiveServer, live_server, post_signed, sms

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import schemathesis
    from schemathesis import GenerationMode
    from schemathesis.specs.openapi import checks as spec_checks

pytestmark = [pytest.mark.integration, pytest.mark.slow]

EXAMPLES = 25  # per operation and generation mode: ~2 minutes for the whole schema
PUBLIC = {"/healthz"}  # the only operations in the schema open to anyone
OPERATOR_EMAIL = "schemathesis.operator@clinic.test"

CHECKS: list[Callable[..., Any]] = [
    schemathesis.checks.not_a_server_error,
    spec_checks.status_code_conformance,
    spec_checks.content_type_conformance,
    spec_checks.response_headers_conformance,
    spec_checks.response_schema_conformance,
]


def _operator_token(database_url: str) -> str:
    from coach import accounts
    from coach.db.engine import make_engine, make_session_factory

    engine = make_engine(database_url)
    try:
        with make_session_factory(engine)() as session:
            now = datetime.now(UTC)
            operator = accounts.create(session, OPERATOR_EMAIL, "operator", "operator pw 123",
                                       now=now)
            token = accounts.new_token(session, operator, now=now)
            session.commit()
    finally:
        engine.dispose()
    return token


def _seed(server: LiveServer) -> dict[str, Any]:
    """An opted-in patient with a schedule and a programme: path parameters that exist, so
    the generated requests reach past the 404s (and a pause or a send is allowed)."""
    with server.client() as client:
        patient = client.post("/api/patients", json={
            "phone": ALICE, "tz": "America/Chicago", "name": "Seed"})
        assert patient.status_code == 201, patient.text
        ref = str(patient.json()["id"])
    assert post_signed(server, "/twilio/inbound", sms("yes")).status_code == 200
    red_flag = post_signed(server, "/twilio/inbound", sms("I can't swallow, my face droops"))
    assert red_flag.status_code == 200
    with server.client() as client:
        schedule = client.put(f"/api/patients/{ref}/schedules/eye_rest",
                              json={"every": "2h", "between": "09:00-17:00"})
        assert schedule.status_code == 200, schedule.text
        programme = client.post("/api/programmes", json={"name": "Seed programme"})
        assert programme.status_code == 201, programme.text
        alerts = client.get("/api/alerts").json()
        assert alerts, "the red flag opened no alert"
    return {"ref": ref, "kind": "eye_rest", "programme": str(programme.json()["id"]),
            "alert_id": alerts[0]["id"]}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, postgres_url: str) -> Iterator[LiveServer]:
    """One server for both tests, on a database of its own (module-scoped, so not
    tests.servers.pg_database, which is per test)."""
    import psycopg
    from psycopg import sql
    from sqlalchemy.engine import make_url

    pg = make_url(postgres_url)
    name = f"schemathesis_{uuid.uuid4().hex[:12]}"

    def admin() -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(host=pg.host, port=pg.port, user=pg.username,
                               dbname=pg.database, autocommit=True)

    with admin() as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        url = pg.set(database=name).render_as_string(hide_password=False)
        with live_server(tmp_path_factory.mktemp("schemathesis"),
                         COACH_DATABASE_URL=url) as live:
            yield live
    finally:
        with admin() as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)))


def _schema(server: LiveServer) -> Any:
    return schemathesis.openapi.from_url(f"{server.url}/openapi.json")


def _operations(schema: Any) -> list[Any]:
    return [result.ok() for result in schema.get_all_operations()]


# A valid body for the operations whose generated bodies the service always refuses (a random
# string is no phone number, no schedule): positive runs mix these in, and each must succeed.
VALID: dict[str, Any] = {
    "POST /api/patients": {"phone": "+14155550188", "tz": "Europe/Paris", "name": "Zoé"},
    "PUT /api/patients/{ref}/schedules/{kind}": {"every": "45min", "between": "09:00-17:00"},
    "POST /api/patients/{ref}/pause": {"duration": "2d"},
    "POST /api/patients/{ref}/send": {"kind": "eye_rest"},
    "POST /api/alerts/{alert_id}/ack": {"by": "on-call nurse"},
    "POST /api/programmes": {"name": "Fuzzed programme", "daily_cap": 5},
    "POST /api/import": "phone,tz,lang,name,programme\n"
                        "+14155550177,America/Chicago,en,Bea,\n",
}


def _key(operation: Any) -> str:
    return f"{operation.method.upper()} {operation.path}"


def _strategy(operation: Any, mode: GenerationMode, known: dict[str, Any]) -> Any:
    """Half the examples use path parameters that exist (the seeded patient and programme);
    positive runs of the VALID operations also send a body the service accepts."""
    strategy = operation.as_strategy(generation_mode=mode)
    names = {p.name for p in operation.path_parameters}
    fixed: dict[str, Any] = {}
    if "ref" in names:
        fixed["ref"] = known["programme"] if "/programmes/" in operation.path else known["ref"]
    if "kind" in names:
        fixed["kind"] = known["kind"]
    if "alert_id" in names:
        fixed["alert_id"] = known["alert_id"]
    if fixed:
        strategy = st.one_of(strategy, operation.as_strategy(generation_mode=mode,
                                                             path_parameters=fixed))
    if mode == GenerationMode.POSITIVE and _key(operation) in VALID:
        strategy = st.one_of(strategy, operation.as_strategy(
            generation_mode=mode, path_parameters=fixed, body=VALID[_key(operation)]))
    return strategy


def _run(operation: Any, strategy: Any, test: Callable[[Any], None]) -> str | None:
    """Run `test` on up to EXAMPLES cases; the failure's text, or None."""

    @given(case=strategy)
    @settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
              phases=[Phase.explicit, Phase.generate],
              suppress_health_check=list(HealthCheck))
    def run(case: Any) -> None:
        test(case)

    try:
        run()
    except Unsatisfiable:  # nothing to negate (no parameters, or only free-form strings)
        return None
    except (Exception, BaseExceptionGroup) as exc:  # schemathesis raises a FailureGroup
        return f"{operation.method.upper()} {operation.path}: {exc}"
    return None


def test_every_operation_as_an_operator(server: LiveServer) -> None:
    known = _seed(server)
    token = _operator_token(server.database_url)
    headers = {"Authorization": f"Bearer {token}"}
    schema = _schema(server)
    operations = _operations(schema)
    assert len(operations) >= 25, "the schema lost operations"
    failures = []
    seen: dict[str, set[int]] = {}
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            def check(case: Any, key: str = _key(operation)) -> None:
                response = case.call_and_validate(base_url=server.url, headers=headers,
                                                  checks=CHECKS)
                seen.setdefault(key, set()).add(response.status_code)

            failure = _run(operation, _strategy(operation, mode, known), check)
            if failure:
                failures.append(f"[{mode.value}] {failure}")
    assert not failures, "\n\n".join(failures)
    # The seeded ids and VALID bodies got through: the run reached the code behind the 404s.
    for key in [*VALID, "GET /api/patients/{ref}", "GET /api/programmes/{ref}",
                "GET /api/patients/{ref}/preview", "POST /api/programmes/{ref}/apply"]:
        assert any(200 <= code < 300 for code in seen.get(key, ())), (key, seen.get(key))


def test_every_api_operation_refuses_anonymous_callers(server: LiveServer) -> None:
    schema = _schema(server)
    seen: dict[str, set[int]] = {}
    failures = []
    for operation in _operations(schema):
        key = _key(operation)

        def check(case: Any, key: str = key, public: bool = operation.path in PUBLIC) -> None:
            response = case.call(base_url=server.url)
            seen.setdefault(key, set()).add(response.status_code)
            assert response.status_code < 500, f"{response.status_code}: {response.text[:300]}"
            if not public:
                assert response.status_code in (401, 403), (
                    f"anonymous got {response.status_code}: {response.text[:300]}")

        failure = _run(operation, operation.as_strategy(), check)
        if failure:
            failures.append(failure)
    assert not failures, "\n\n".join(failures)
    protected = {k: v for k, v in seen.items() if k.split(" ", 1)[1] not in PUBLIC}
    assert protected and all(codes <= {401, 403} for codes in protected.values()), seen
