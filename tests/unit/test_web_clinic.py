"""Clinic pages and API: import with a dry run and progress, programmes with an apply preview,
patient search and filters with pages, non-responders, charts; every change audited."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from coach.db.accounts import AuditEntry
from coach.db.models import Alert, Message, Patient
from tests.fixtures_web import Browser
from tests.unit.test_web_support import NOW, WebEnv

HEADER = "phone,tz,lang,name,programme\n"


def csv_of(*rows: str) -> bytes:
    return (HEADER + "".join(r + "\n" for r in rows)).encode()


def wait_for(browser: Browser, job_url: str, phases: tuple[str, ...]) -> dict[str, Any]:
    for _ in range(200):
        state = browser.get(job_url + "/progress").json()
        if state["phase"] in phases:
            return state
        time.sleep(0.05)
    raise AssertionError(f"import job stuck: {state}")


def test_dashboard_import_dry_run_then_import_with_progress(
    web: WebEnv, operator_client: Browser
) -> None:
    bad = csv_of("+12025550101,America/New_York,,Alice,", "+12025550102,Nowhere/Town,,Bob,")
    response = operator_client.post("/dashboard/import",
                                    files={"file": ("clinic.csv", bad, "text/csv")})
    assert response.status_code == 303, response.text
    job_url = response.headers["location"]
    state = wait_for(operator_client, job_url, ("checked", "failed"))
    assert state["report"] == {"rows": 2, "imported": 0,
                               "rejected": [{"row": 2, "reason": "unknown zone"}]}
    page = operator_client.get(job_url).text
    assert "nothing was imported" in page and "unknown zone" in page and "Nowhere/Town" in page
    # A file with bad rows cannot be imported.
    refused = operator_client.post(job_url.replace("/import/", "/dashboard/import/") + "/run")
    assert refused.status_code == 303
    assert web.count(Patient) == 0

    good = csv_of("+12025550101,America/New_York,,Alice,", "+12025550102,Europe/Madrid,es,Bea,")
    job_url = operator_client.post(
        "/dashboard/import", files={"file": ("clinic.csv", good, "text/csv")}
    ).headers["location"]
    wait_for(operator_client, job_url, ("checked",))
    page = operator_client.get(job_url).text
    assert "All 2 rows are good" in page and 'id="run-import"' in page
    assert web.count(Patient) == 0  # the dry run wrote nothing
    run = operator_client.post(job_url.replace("/import/", "/dashboard/import/") + "/run")
    assert run.status_code == 303
    state = wait_for(operator_client, job_url, ("done", "failed"))
    assert state["report"]["imported"] == 2 and state["percent"] == 100
    assert "Imported 2 patients" in operator_client.get(job_url).text
    assert web.count(Patient) == 2
    with web.session() as session:
        entry = session.scalars(select(AuditEntry).where(
            AuditEntry.action == "patient.import")).one()
        assert entry.actor == operator_client.email
    web.sends.assert_called()  # invitations enqueued after commit


def test_import_jobs_belong_to_who_uploaded_them(
    web: WebEnv, operator_client: Browser, admin_client: Browser
) -> None:
    job_url = operator_client.post(
        "/dashboard/import", files={"file": ("a.csv", csv_of("+12025550101,UTC,,,"), "text/csv")}
    ).headers["location"]
    assert admin_client.get(job_url).status_code == 404


def test_a_viewer_cannot_import(web: WebEnv, viewer_client: Browser) -> None:
    response = viewer_client.post("/dashboard/import",
                                  files={"file": ("a.csv", csv_of("+12025550101,UTC,,,"),
                                                  "text/csv")})
    assert response.status_code == 403
    assert web.count(Patient) == 0


def test_api_import_answers_like_the_cli(web: WebEnv) -> None:
    bad = web.client.post("/api/import", content=csv_of("+1202,UTC,,,"),
                          headers={"Content-Type": "text/csv"})
    assert bad.status_code == 422
    assert bad.json() == {"rows": 1, "imported": 0,
                          "rejected": [{"row": 1, "reason": "bad number"}]}
    dry = web.client.post("/api/import?dry_run=true", content=csv_of("+12025550101,UTC,,,"))
    assert dry.status_code == 200 and dry.json()["imported"] == 0
    done = web.client.post("/api/import", content=csv_of("+12025550101,UTC,,,"))
    assert done.json() == {"rows": 1, "imported": 1, "rejected": []}


def test_programme_change_previews_then_applies(web: WebEnv, operator_client: Browser) -> None:
    made = operator_client.post("/dashboard/programmes", {
        "name": "standard", "lang": "en", "quiet": "22:00-07:00", "weekly_screen": "off",
        "target": "0-3", "schedule_check_in": "at 19:00"})
    assert made.status_code == 303
    pid = int(made.headers["location"].rsplit("/", 1)[1])
    web.client.post("/api/import", content=csv_of(
        "+12025550101,America/New_York,,Alice,standard",
        "+12025550102,America/New_York,,Bob,standard"))
    saved = operator_client.post(f"/dashboard/programmes/{pid}", {
        "lang": "en", "quiet": "21:00-08:00", "weekly_screen": "off", "target": "0-3",
        "daily_cap": "6", "schedule_check_in": "at 19:00",
        "schedule_eye_rest": "every 30m between 09:00-17:00"})
    assert saved.status_code == 303 and saved.headers["location"].endswith("#apply")
    page = operator_client.get(f"/programmes/{pid}").text
    assert "2 of 2" in page and "quiet hours 22:00-07:00 → 21:00-08:00" in page
    assert "add eye_rest: every 30m between 09:00-17:00" in page
    with web.session() as session:  # nothing applied yet
        assert {p.quiet_start for p in session.scalars(select(Patient))} == {"22:00"}
    applied = operator_client.post(f"/dashboard/programmes/{pid}/apply")
    assert applied.status_code == 303
    with web.session() as session:
        assert {(p.quiet_start, p.daily_cap) for p in session.scalars(select(Patient))} == {
            ("21:00", 6)}
        actions = [e.action for e in session.scalars(select(AuditEntry))]
    assert {"programme.add", "programme.set", "programme.apply"} <= set(actions)
    assert "already match" in operator_client.get(f"/programmes/{pid}").text


def test_programme_form_keeps_its_input_on_error(web: WebEnv, operator_client: Browser) -> None:
    response = operator_client.post("/dashboard/programmes", {
        "name": "evening", "quiet": "25:00-07:00", "schedule_check_in": "at 19:00"})
    assert response.status_code == 303
    page = operator_client.get(response.headers["location"])
    assert 'value="evening"' in page.text and 'value="25:00-07:00"' in page.text
    assert 'value="at 19:00"' in page.text and "quiet hours" in page.text


def test_programmes_api(web: WebEnv) -> None:
    made = web.client.post("/api/programmes", json={
        "name": "standard", "schedules": {"check_in": {"at": "19:00"}}})
    assert made.status_code == 201, made.text
    assert made.json()["schedules"]["check_in"] == {"at": "19:00"}
    web.client.post("/api/import", content=csv_of("+12025550101,UTC,,,standard"))
    changed = web.client.patch("/api/programmes/standard", json={"daily_cap": 4})
    assert changed.json()["preview"]["changing"] == 1
    assert web.client.get("/api/programmes/standard/preview").json()["changing"] == 1
    assert web.client.post("/api/programmes/standard/apply").json()["applied"] == 1
    shown = web.client.get("/api/programmes/standard").json()
    assert shown["patients"] == 1 and shown["overview"]["patients"] == 1
    assert web.client.post("/api/programmes", json={"name": "standard"}).status_code == 409
    assert web.client.get("/api/programmes/nope").status_code == 404


def _import_many(web: WebEnv, n: int) -> None:
    rows = [f"+1202555{i:04d},UTC,,{'Alice' if i == 7 else 'Pat ' + str(i)}," for i in range(n)]
    assert web.client.post("/api/import", content=csv_of(*rows)).status_code == 200


def test_patient_search_filters_and_pages(web: WebEnv, viewer_client: Browser) -> None:
    _import_many(web, 120)
    with web.session() as session:
        patients = list(session.scalars(select(Patient).order_by(Patient.id)))
        patients[3].status = "active"
        session.add(Alert(patient_id=patients[5].id, level="urgent", codes="vision",
                          status="open", created_at=NOW))
        session.add(Message(patient_id=patients[9].id, direction="in", kind="reply",
                            body="4", status="received", created_at=NOW - timedelta(hours=2)))
        session.commit()
    search = web.client.get
    page1 = search("/api/patient-search?per_page=50").json()
    assert (page1["total"], page1["pages"], len(page1["patients"])) == (120, 3, 50)
    page3 = search("/api/patient-search?per_page=50&page=3").json()
    assert len(page3["patients"]) == 20
    assert [p["name"] for p in search("/api/patient-search?q=alice").json()["patients"]] == [
        "Alice"]
    digits = search("/api/patient-search?q=0042").json()["patients"]
    assert [p["phone"] for p in digits] == ["+12025550042"]
    assert search("/api/patient-search?status=active").json()["total"] == 1
    alerts = search("/api/patient-search?open_alerts=yes").json()["patients"]
    assert [(p["id"], p["open_alerts"]) for p in alerts] == [(patients[5].id, 1)]
    assert search("/api/patient-search?open_alerts=no").json()["total"] == 119
    assert search("/api/patient-search?last_reply=1d").json()["total"] == 1
    assert search("/api/patient-search?last_reply=never").json()["total"] == 119
    assert search("/api/patient-search?status=gone").status_code == 422
    page = viewer_client.get("/patients?q=Pat&page=2")
    assert page.status_code == 200 and "page 2 of 3" in page.text
    assert 'rel="next"' in page.text and 'rel="prev"' in page.text
    assert 'value="Pat"' in page.text  # the search box keeps what was typed


def test_nonresponders_are_listed_and_get_a_low_priority_alert(
    web: WebEnv, viewer_client: Browser
) -> None:
    from coach import nonresponders

    _import_many(web, 3)
    with web.session() as session:
        a, b, c = session.scalars(select(Patient).order_by(Patient.id)).all()
        for p in (a, b, c):
            p.status, p.consent_at = "active", NOW - timedelta(days=10)
        for p, sent in ((a, 5), (b, 5), (c, 1)):
            session.add(Message(patient_id=p.id, direction="out", kind="check_in", body="?",
                                status="delivered", created_at=NOW - timedelta(days=sent),
                                sent_at=NOW - timedelta(days=sent)))
        # b answered after the check-in; c's check-in is only a day old.
        session.add(Message(patient_id=b.id, direction="in", kind="reply", body="3",
                            status="received", created_at=NOW - timedelta(days=4)))
        session.commit()
        ids = (a.id, b.id, c.id)
    rows = web.client.get("/api/nonresponders").json()
    assert [(r["patient_id"], r["days_silent"], r["unanswered"]) for r in rows] == [
        (ids[0], 5, 1)]
    assert [r["patient_id"] for r in web.client.get("/api/nonresponders?days=1").json()] == [
        ids[0], ids[2]]
    assert "1 d" in viewer_client.get("/nonresponders?days=1").text
    with web.session() as session:
        opened = nonresponders.open_alerts(
            session, web.settings, nonresponders.find(session, web.settings, now=NOW), now=NOW)
        again = nonresponders.open_alerts(
            session, web.settings, nonresponders.find(session, web.settings, now=NOW), now=NOW)
        session.commit()
        alert = session.get(Alert, opened[0])
        assert alert is not None
        assert (alert.level, alert.reason, alert.next_notify_at) == ("routine", "nonresponse",
                                                                     None)
    assert len(opened) == 1 and again == []


def test_overview_charts_are_inline_svg(web: WebEnv, viewer_client: Browser) -> None:
    _import_many(web, 2)
    page = viewer_client.get("/programmes")
    assert page.status_code == 200
    assert page.text.count("<svg") == 3
    assert "Replies" in page.text and "Open alerts by age" in page.text
    assert "http://" not in page.text.split("<svg", 1)[1].split("</svg>")[0].replace(
        "http://www.w3.org/2000/svg", "")


# --- the patient page: charts, held invitations; the inbox: "paged" only when paged ---------


def test_patient_page_charts_severity_with_band_and_red_flags(
    web: WebEnv, viewer_client: Browser
) -> None:
    from coach.db.models import DiaryEntry

    web.client.post("/api/programmes", json={"name": "standard", "target": "1-4"})
    web.client.post("/api/import", content=csv_of("+12025550101,America/New_York,,Alice,standard"))
    with web.session() as session:
        pid = session.scalars(select(Patient.id)).one()
        for days, severity in ((60, 8), (20, 6), (2, 3)):
            session.add(DiaryEntry(patient_id=pid, at=NOW - timedelta(days=days),
                                   severity=severity))
        session.add(Alert(patient_id=pid, level="emergency", codes="weakness",
                          status="acknowledged", created_at=NOW - timedelta(days=5)))
        session.commit()
    html = viewer_client.get(f"/patients/{pid}").text
    charts = html.split('id="charts">', 1)[1].split("</div>", 1)[0]
    last30, last90 = charts.split("</svg>")[:2]
    assert "Severity, last 30 days" in last30 and "Severity, last 90 days" in last90
    assert last30.count('class="dot"') == 2 and last90.count('class="dot"') == 3
    assert "target 1-4" in last30 and 'class="band"' in last30
    assert 'class="event"' in last30 and "emergency: weakness" in last30
    for label in ("0", "10"):  # the y axis
        assert f'class="tick">{label}</text>' in last30


def test_a_held_invitation_says_why_and_when(web: WebEnv, viewer_client: Browser) -> None:
    web.now = NOW.replace(hour=4)  # 23:00 in New York
    made = web.client.post("/api/patients", json={
        "phone": "+12025550101", "tz": "America/New_York", "name": "Alice",
        "quiet": "22:00-07:00"})
    pid = made.json()["id"]
    html = viewer_client.get(f"/patients/{pid}").text
    assert "Invitation held by quiet hours 22:00–07:00: goes Wed 10 Mar 07:00" in html
    phone = html.split('id="thread"', 1)[1].split("</form>", 1)[0]
    assert "held by quiet hours" in phone  # in the simulator too, not just the page
    assert "No texts yet." not in phone


def test_the_inbox_says_paged_only_when_a_page_went_out(
    web: WebEnv, viewer_client: Browser, tmp_path: Any
) -> None:
    with web.session() as session:
        p = Patient(phone="+12025550101", tz="UTC", status="active")
        session.add(p)
        session.flush()
        not_paged = Alert(patient_id=p.id, level="emergency", codes="speech", status="open",
                          notified_count=3, created_at=NOW)
        paged = Alert(patient_id=p.id, level="urgent", codes="vision", status="open",
                      notified_count=2, created_at=NOW)
        session.add_all([not_paged, paged])
        session.flush()
        session.add_all([
            Message(direction="out", kind="operator_alert", body="x", status="delivered",
                    dedupe_key=f"alert:{paged.id}:1", created_at=NOW),
            Message(direction="out", kind="operator_alert", body="x", status="failed",
                    dedupe_key=f"alert:{paged.id}:2", created_at=NOW),
        ])
        session.commit()
        ids = (not_paged.id, paged.id)
    html = viewer_client.get("/").text
    first = html.split(f'id="alert-{ids[0]}"', 1)[1].split("</li>", 1)[0]
    second = html.split(f'id="alert-{ids[1]}"', 1)[1].split("</li>", 1)[0]
    assert "paged 1×" in second  # the failed notice is not a page
    assert web.settings.oncall_number is None
    assert "paged 3×" not in first and "nobody paged: no on-call number" in first


def test_the_enrol_form_keeps_what_was_typed_on_error(
    web: WebEnv, operator_client: Browser
) -> None:
    response = operator_client.post("/dashboard/patients", {
        "phone": "+1 202 555 0101", "tz": "Mars/Base", "name": "Alice", "quiet": "22:00-07:00",
        "lang": "es"})
    assert response.status_code == 303
    # Never in the URL: it would sit in browser history, proxy and access logs.
    assert "202" not in response.headers["location"] and "Alice" not in response.headers["location"]
    page = operator_client.get(response.headers["location"]).text
    assert "unknown time zone" in page
    form = page.split('id="enrol-form"', 1)[1].split("</form>", 1)[0]
    for value in ('value="+1 202 555 0101"', 'value="Mars/Base"', 'value="Alice"',
                  'value="22:00-07:00"', 'value="es" selected'):
        assert value in form, value
    # Filled once: the next visit starts blank.
    again = operator_client.get("/").text.split('id="enrol-form"', 1)[1].split("</form>", 1)[0]
    assert 'value="+1 202 555 0101"' not in again and 'value="Alice"' not in again


def test_the_home_page_shows_the_newest_patients_of_thousands(
    web: WebEnv, viewer_client: Browser
) -> None:
    _import_many(web, 300)
    html = viewer_client.get("/").text
    assert "newest 20 of 300" in html and 'href="/patients"' in html
    assert html.count('<td><a href="/patients/') == 20


def test_the_hourly_sweep_opens_nonresponder_alerts_only_when_enabled(
    web: WebEnv, monkeypatch: Any
) -> None:
    from dataclasses import replace

    from coach import nonresponders

    _import_many(web, 1)
    with web.session() as session:
        p = session.scalars(select(Patient)).one()
        p.status, p.consent_at = "active", NOW - timedelta(days=10)
        session.add(Message(patient_id=p.id, direction="out", kind="check_in", body="?",
                            status="sent", created_at=NOW - timedelta(days=4),
                            sent_at=NOW - timedelta(days=4)))
        session.commit()
        assert nonresponders.sweep(session, web.settings, now=NOW) == 0  # off by default
        on = replace(web.settings, nonresponder_alerts=True)
        assert nonresponders.sweep(session, on, now=NOW) == 1
        assert nonresponders.sweep(session, on, now=NOW) == 0  # one open alert is enough
        session.commit()
    assert web.count(Alert, Alert.reason == "nonresponse") == 1


def _rows_of_size(size: int) -> bytes:
    # Every row is rejected (name too long), so the check is quick and nothing is written.
    name = "n" * 150
    rows = [f"+1202555{i % 10000:04d},UTC,en,{name}{i}," for i in range(size // 160 + 1)]
    return csv_of(*rows)


def test_a_csv_over_a_mebibyte_is_checked_not_refused_by_the_body_limit(
    web: WebEnv, operator_client: Browser
) -> None:
    data = _rows_of_size(3 << 20)  # well under the importer's own 8 MiB
    assert len(data) > 3 << 20
    api = web.client.post("/api/import?dry_run=true", content=data,
                          headers={"Content-Type": "text/csv"})
    assert api.status_code == 422, api.text[:200]
    assert api.json()["rejected"][0] == {"row": 1, "reason": "name too long"}
    page = operator_client.post("/dashboard/import",
                                files={"file": ("big.csv", data, "text/csv")})
    assert page.status_code == 303, page.text[:200]
    assert page.headers["location"].startswith("/import/")
    assert web.count(Patient) == 0


def test_a_csv_over_the_import_limit_is_refused_without_reading_it_all(
    web: WebEnv, operator_client: Browser
) -> None:
    data = _rows_of_size(10 << 20)
    api = web.client.post("/api/import", content=data, headers={"Content-Type": "text/csv"})
    assert api.status_code == 413 and "8 MiB" in api.json()["detail"]
    page = operator_client.post("/dashboard/import",
                                files={"file": ("big.csv", data, "text/csv")})
    assert page.status_code == 413 and "8 MiB" in page.json()["detail"]
    assert web.count(Patient) == 0
