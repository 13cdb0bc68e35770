"""Operator accounts: passwords (argon2id), roles, revocable sign-in sessions, API tokens and
sign-in throttling. The web layer and the CLI call these; nothing here knows about HTTP.

Secrets (session cookies, API tokens) are random and stored as SHA-256 hashes: they are long
enough that a fast hash is the right one, and a lookup is one indexed query. Passwords, which
people choose, get argon2id.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from coach.db.accounts import ApiToken, LoginFailure, Operator, OperatorSession
from coach.errors import CoachError, Conflict, NotFound

ROLES = ("admin", "operator", "viewer")
RANK = {"viewer": 0, "operator": 1, "admin": 2}
EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s]{1,189}")
MIN_PASSWORD = 10
MAX_PASSWORD = 256

SESSION_LIFETIME = timedelta(hours=12)  # absolute: sign in again every working day
SESSION_IDLE = timedelta(hours=2)  # a browser left alone this long is signed out
THROTTLE_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_ACCOUNT = 5
MAX_FAILURES_PER_ADDRESS = 20
TOKEN_PREFIX = "coach_"

_hasher = PasswordHasher()  # argon2id, the library's current defaults
# Verified against when the account does not exist, so "no such account" takes as long as
# "wrong password" and the timing does not tell which emails have accounts.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


class Throttled(CoachError):
    """Too many failed sign-ins; `retry_after` is in seconds."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class Principal:
    """Who is making a request: an account (by session or API token), or the
    COACH_API_TOKEN admin. It is also the audit log's actor."""

    role: str
    name: str  # the email, or "COACH_API_TOKEN"
    operator_id: int | None = None
    via: str = "session"  # session | token | admin_token | cli
    session_id: int | None = None
    csrf_token: str | None = None

    def can(self, role: str) -> bool:
        return RANK[self.role] >= RANK[role]

    @property
    def audit_name(self) -> str:
        if self.via == "token":
            return f"{self.name} (API token)"
        return self.name


def sha256(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def normalize_email(email: str) -> str:
    value = (email or "").strip().lower()
    if not EMAIL.fullmatch(value):
        raise CoachError(f"not an email address: {value[:60]!r}")
    return value


def check_role(role: str) -> str:
    if role not in ROLES:
        raise CoachError(f"unknown role {role!r}: use admin, operator or viewer")
    return role


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise CoachError(f"password too short: at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise CoachError(f"password too long: at most {MAX_PASSWORD} characters")
    return password


def generate_password() -> str:
    return secrets.token_urlsafe(15)  # 20 characters, 120 bits


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


# --- accounts --------------------------------------------------------------------------------


def find(session: Session, email: str) -> Operator | None:
    try:
        key = normalize_email(email)
    except CoachError:
        return None
    return session.scalars(select(Operator).where(Operator.email == key)).one_or_none()


def get(session: Session, email: str) -> Operator:
    operator = find(session, email)
    if operator is None:
        raise NotFound(f"no account {email.strip().lower()[:60]!r}")
    return operator


def count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Operator)) or 0)


def list_operators(session: Session) -> list[Operator]:
    return list(session.scalars(select(Operator).order_by(Operator.id)))


def create(
    session: Session, email: str, role: str, password: str, *, now: datetime
) -> Operator:
    key = normalize_email(email)
    check_role(role)
    check_password(password)
    if find(session, key) is not None:
        raise Conflict(f"an account {key!r} already exists")
    operator = Operator(
        email=key, role=role, password_hash=hash_password(password), created_at=now,
        password_changed_at=now,
    )
    session.add(operator)
    session.flush()
    return operator


def operator_json(operator: Operator) -> dict[str, object]:
    return {
        "id": operator.id,
        "email": operator.email,
        "role": operator.role,
        "disabled": operator.disabled_at is not None,
        "created_at": _iso(operator.created_at),
        "last_login_at": _iso(operator.last_login_at),
    }


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat().replace("+00:00", "Z")


def disable(session: Session, operator: Operator, *, now: datetime) -> None:
    """Disabled accounts cannot sign in; their sessions and tokens stop working at once."""
    if operator.disabled_at is None:
        operator.disabled_at = now
    revoke_sessions(session, operator.id, now=now)
    session.execute(
        update(ApiToken)
        .where(ApiToken.operator_id == operator.id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )


def change_password(
    session: Session, operator: Operator, new_password: str, *, now: datetime,
    keep_session: int | None = None,
) -> None:
    """A new password ends every other session of the account (a stolen cookie dies too) and
    lifts its sign-in throttle: the refusal tells a locked-out operator to ask an admin for a
    reset, so the reset must let them in (the per-address count stays)."""
    check_password(new_password)
    operator.password_hash = hash_password(new_password)
    operator.password_changed_at = now
    revoke_sessions(session, operator.id, now=now, except_id=keep_session)
    session.query(LoginFailure).filter(LoginFailure.email == operator.email).delete()


def set_role(session: Session, operator: Operator, role: str) -> None:
    operator.role = check_role(role)


# --- sign-in and throttling --------------------------------------------------------------------


def check_throttle(session: Session, email: str, address: str, *, now: datetime) -> None:
    """Raise Throttled if this account or this address failed too often lately."""
    since = now - THROTTLE_WINDOW
    key = email.strip().lower()[:254]
    per_account = session.scalar(
        select(func.count()).select_from(LoginFailure)
        .where(LoginFailure.email == key, LoginFailure.at > since)
    ) or 0
    per_address = session.scalar(
        select(func.count()).select_from(LoginFailure)
        .where(LoginFailure.address == address[:64], LoginFailure.at > since)
    ) or 0
    if per_account >= MAX_FAILURES_PER_ACCOUNT or per_address >= MAX_FAILURES_PER_ADDRESS:
        raise Throttled(
            "Too many failed sign-ins: wait 15 minutes, or ask an admin to reset the password.",
            int(THROTTLE_WINDOW.total_seconds()),
        )


def authenticate(
    session: Session, email: str, password: str, *, address: str, now: datetime
) -> Operator | None:
    """The account if the password is right and the account active; None otherwise (and the
    failure counts against the account and the address). Raises Throttled first."""
    check_throttle(session, email, address, now=now)
    operator = find(session, email)
    if operator is None:
        verify_password(_DUMMY_HASH, password)
        ok = False
    else:
        ok = verify_password(operator.password_hash, password) and operator.disabled_at is None
    if not ok:
        session.add(LoginFailure(email=email.strip().lower()[:254], address=address[:64], at=now))
        return None
    assert operator is not None
    if _hasher.check_needs_rehash(operator.password_hash):
        operator.password_hash = hash_password(password)
    operator.last_login_at = now
    # A success clears this account's failures (not the address's: another account may be
    # the one under attack from there).
    session.query(LoginFailure).filter(LoginFailure.email == operator.email).delete()
    # Old failures are never needed again.
    session.query(LoginFailure).filter(LoginFailure.at <= now - THROTTLE_WINDOW).delete()
    return operator


# --- sessions ------------------------------------------------------------------------------------


def start_session(session: Session, operator: Operator, *, now: datetime) -> tuple[str, str]:
    """A new session: (cookie secret, CSRF token). Only the secret's hash is stored."""
    secret = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    session.add(
        OperatorSession(
            secret_hash=sha256(secret), operator_id=operator.id, csrf_token=csrf,
            created_at=now, last_seen_at=now, expires_at=now + SESSION_LIFETIME,
        )
    )
    session.flush()
    return secret, csrf


def principal_for_session(session: Session, secret: str, *, now: datetime) -> Principal | None:
    if not secret or len(secret) > 200:
        return None
    row = session.execute(
        select(OperatorSession, Operator)
        .join(Operator, Operator.id == OperatorSession.operator_id)
        .where(OperatorSession.secret_hash == sha256(secret))
    ).one_or_none()
    if row is None:
        return None
    sess, operator = row
    if (sess.revoked_at is not None or operator.disabled_at is not None
            or now >= sess.expires_at or now - sess.last_seen_at >= SESSION_IDLE):
        return None
    if now - sess.last_seen_at > timedelta(minutes=1):  # no write on every request
        sess.last_seen_at = now
    return Principal(
        role=operator.role, name=operator.email, operator_id=operator.id, via="session",
        session_id=sess.id, csrf_token=sess.csrf_token,
    )


def end_session(session: Session, session_id: int, *, now: datetime) -> None:
    session.execute(
        update(OperatorSession)
        .where(OperatorSession.id == session_id, OperatorSession.revoked_at.is_(None))
        .values(revoked_at=now)
    )


def revoke_sessions(
    session: Session, operator_id: int, *, now: datetime, except_id: int | None = None
) -> None:
    stmt = update(OperatorSession).where(
        OperatorSession.operator_id == operator_id, OperatorSession.revoked_at.is_(None)
    )
    if except_id is not None:
        stmt = stmt.where(OperatorSession.id != except_id)
    session.execute(stmt.values(revoked_at=now))


# --- API tokens ------------------------------------------------------------------------------


def new_token(session: Session, operator: Operator, *, now: datetime) -> str:
    """A new API token for scripts, shown once: `coach_<random>`. Only its hash is kept."""
    if operator.disabled_at is not None:
        raise CoachError(f"account {operator.email!r} is disabled")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(
        ApiToken(
            token_hash=sha256(token), prefix=token[: len(TOKEN_PREFIX) + 4],
            operator_id=operator.id, created_at=now,
        )
    )
    session.flush()
    return token


def principal_for_token(session: Session, token: str, *, now: datetime) -> Principal | None:
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    row = session.execute(
        select(ApiToken, Operator)
        .join(Operator, Operator.id == ApiToken.operator_id)
        .where(ApiToken.token_hash == sha256(token))
    ).one_or_none()
    if row is None:
        return None
    api_token, operator = row
    if api_token.revoked_at is not None or operator.disabled_at is not None:
        return None
    if api_token.last_used_at is None or now - api_token.last_used_at > timedelta(minutes=1):
        api_token.last_used_at = now
    return Principal(role=operator.role, name=operator.email, operator_id=operator.id,
                     via="token")
