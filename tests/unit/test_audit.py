"""The audit log: every change through the API or the dashboard is recorded with who, what,
when, before and after; phone numbers masked, message bodies never in clear."""

from __future__ import annotations

import json

from sqlalchemy import select

from coach import audit
from coach.db.accounts import AuditEntry
from coach.db.models import Alert
from tests.fixtures_web import Browser
from tests.unit.test_web_support import (
    ADMIN_EMAIL,
    ALICE,
    WebEnv,
    enrol,
    new_sid,
    opt_in,
    post_signed,
    sms_params,
)


def entries(web: WebEnv) -> list[dict]:
    with web.session() as session:
        return [audit.entry_json(e) for e in reversed(audit.entries(session, limit=1000))]


def raw_log(web: WebEnv) -> str:
    with web.session() as session:
        rows = session.scalars(select(AuditEntry)).all()
        return "\n".join(f"{r.actor} {r.target} {r.before} {r.after}" for r in rows)


def test_record_masks_numbers_and_bodies(web: WebEnv) -> None:
    with web.session() as session:
        audit.record(session, "cli:kim", "patient.enrol", f"patient:{ALICE}",
                     before=None, after={"phone": ALICE, "body": "I can't swallow",
                                         "note": f"call me on {ALICE}", "nested": [ALICE]})
        session.commit()
    (entry,) = entries(web)
    assert entry["actor"] == "cli:kim" and entry["action"] == "patient.enrol"
    assert entry["target"] == "patient:***01"
    assert entry["after"] == {"phone": "***01", "body": "[body: 15 chars]",
                              "note": "[body: 23 chars]", "nested": ["***01"]}
    assert ALICE not in raw_log(web) and "swallow" not in raw_log(web)


def test_every_api_change_is_recorded_with_its_actor(web: WebEnv) -> None:
    alice = enrol(web)
    pid = alice["id"]
    web.client.put(f"/api/patients/{pid}/schedules/eye_rest", json={"every": "2h"})
    web.client.put(f"/api/patients/{pid}/schedules/eye_rest", json={"every": "90min"})
    opt_in(web)
    web.client.post(f"/api/patients/{pid}/pause", json={"duration": "2d"})
    web.client.post(f"/api/patients/{pid}/resume")
    web.client.post(f"/api/patients/{pid}/send", json={"kind": "relaxation"})
    web.client.delete(f"/api/patients/{pid}/schedules/eye_rest")
    post_signed(web, "/twilio/inbound", sms_params("my face is drooping", sid=new_sid()))
    with web.session() as session:
        alert_id = session.scalars(select(Alert.id)).one()
    web.client.post(f"/api/alerts/{alert_id}/ack", json={"by": "Nurse Kim"})
    log = entries(web)
    assert [e["action"] for e in log] == [
        "patient.enrol", "schedule.set", "schedule.set", "patient.pause", "patient.resume",
        "message.send", "schedule.delete", "alert.ack",
    ]
    assert {e["actor"] for e in log} == {f"{ADMIN_EMAIL} (API token)"}
    enrolled, first, second, paused, resumed, sent, deleted, ack = log
    assert enrolled["after"]["phone"] == "***01" and enrolled["before"] is None
    assert first["before"] is None and first["after"]["rule"]["every"]
    assert second["before"] == first["after"] and second["after"] != first["after"]
    assert paused["before"]["status"] == "active" and paused["after"]["status"] == "paused"
    assert paused["after"]["paused_until"]
    assert resumed["after"]["status"] == "active"
    assert sent["after"]["kind"] == "relaxation"
    assert deleted["before"] == second["after"] and deleted["after"] is None
    assert ack["before"] == {"status": "open", "acknowledged_by": None}
    assert ack["after"] == {"status": "acknowledged", "acknowledged_by": "Nurse Kim"}
    assert all(e["at"].endswith("Z") for e in log)
    assert ALICE not in raw_log(web)


def test_a_refused_or_failed_change_records_nothing(web: WebEnv, viewer_client: Browser) -> None:
    alice = enrol(web)
    before = len(entries(web))
    assert web.client.put(f"/api/patients/{alice['id']}/schedules/eye_rest",
                          json={"every": "soon"}).status_code == 422
    assert viewer_client.post(f"/dashboard/patients/{alice['id']}/pause", {}).status_code == 403
    assert web.client.post("/api/patients", json={"phone": ALICE, "tz": "UTC"}
                           ).status_code == 409
    assert len(entries(web)) == before


def test_dashboard_changes_name_the_signed_in_operator(
    web: WebEnv, operator_client: Browser
) -> None:
    done = operator_client.post("/dashboard/patients", {"phone": ALICE, "tz": "UTC"})
    assert done.status_code == 303
    pid = int(done.headers["location"].rsplit("/", 1)[1])
    operator_client.post(f"/dashboard/patients/{pid}/schedules",
                         {"kind": "check_in", "at": "19:00"})
    operator_client.post("/dashboard/simulate", {"patient_id": pid, "body": "YES"})
    operator_client.post(f"/dashboard/patients/{pid}/pause", {"duration": "1d"})
    operator_client.post(f"/dashboard/patients/{pid}/resume", {})
    operator_client.post(f"/dashboard/patients/{pid}/send", {"kind": "eye_rest"})
    operator_client.post(f"/dashboard/patients/{pid}/schedules/check_in/delete", {})
    operator_client.post("/dashboard/simulate",
                         {"patient_id": pid, "body": "i cannot breathe properly"})
    with web.session() as session:
        alert_id = session.scalars(select(Alert.id)).one()
    operator_client.post(f"/dashboard/alerts/{alert_id}/ack", {"by": ""})
    log = entries(web)
    assert [e["action"] for e in log] == [
        "patient.enrol", "schedule.set", "simulator.reply", "patient.pause", "patient.resume",
        "message.send", "schedule.delete", "simulator.reply", "alert.ack",
    ]
    assert {e["actor"] for e in log} == {operator_client.email}
    assert log[-1]["after"]["acknowledged_by"] == operator_client.email
    reply = log[-2]["after"]
    assert reply["body"] == "[body: 25 chars]" and reply["level"] == "emergency"
    assert "breathe" not in raw_log(web) and ALICE not in raw_log(web)


def test_the_audit_page_shows_entries_to_admins_masked(
    web: WebEnv, admin_client: Browser
) -> None:
    alice = enrol(web)
    # Only an opted-in patient can be paused (a pending one answers 409 and changes nothing).
    admin_client.post("/dashboard/simulate", {"patient_id": alice["id"], "body": "YES"})
    assert web.client.post(f"/api/patients/{alice['id']}/pause", json={}).status_code == 200
    html = admin_client.get("/admin/audit").text
    assert "patient.enrol" in html and "patient.pause" in html
    assert f"{ADMIN_EMAIL} (API token)" in html
    assert ALICE not in html and "***01" in html
    only = admin_client.get("/admin/audit", params={"action": "patient.pause"}).text
    assert "patient.pause" in only and "patient.enrol" not in only


def test_entry_json_round_trips(web: WebEnv) -> None:
    with web.session() as session:
        entry = audit.record(session, "x", "user.add", "user:a@b.org", after={"role": "viewer"})
        session.commit()
        shown = audit.entry_json(entry)
    assert json.loads(json.dumps(shown)) == shown
    assert shown["after"] == {"role": "viewer"} and shown["operator_id"] is None
